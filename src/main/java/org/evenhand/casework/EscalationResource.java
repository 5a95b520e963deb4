package org.evenhand.casework;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evenhand.identity.CurrentUser;
import org.evenhand.identity.Roles;

/** A complaints manager's escalations: overdue stages, and reassigning their tasks (decision 0035). */
@Path("/api/escalations")
@Tag(name = "Escalations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.MANAGER)
public class EscalationResource {

    @Inject
    Escalations escalations;
    @Inject
    CurrentUser user;

    @GET
    @Operation(summary = "My escalations: overdue stages, each with its open tasks and who may take each on")
    public List<Escalations.View> mine() {
        return escalations.mine(user.username());
    }

    @POST
    @Path("/{id}/reassignment")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Give an overdue task to another eligible handler, with a reason; the escalation is dealt with",
            description = "{task, to, reason}: task is one of the escalation's overdue tasks, to one of its eligible handlers.")
    public Escalations.Reassigned reassign(@PathParam("id") String id, Escalations.Reassignment body) {
        return escalations.reassign(id, user.username(), body);
    }

    @POST
    @Path("/{id}/resolution")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Deal with an escalation without reassigning: a note of what was done")
    public Response resolve(@PathParam("id") String id, Payloads.Escalation body) {
        escalations.resolve(id, user.username(), body);
        return Response.noContent().build();
    }
}
