package org.evenhand.management;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evenhand.casework.Reassigning;
import org.evenhand.identity.CurrentUser;
import org.evenhand.identity.Roles;

/** Reassigning open tasks (decision 0038): the ones that need a manager, or any of a case's. */
@Path("/api/manager/tasks")
@Tag(name = "Complaints manager")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.MANAGER)
public class ReassignmentResource {

    @Inject
    Reassigning reassigning;
    @Inject
    CurrentUser user;

    @GET
    @Operation(summary = "Open tasks to reassign: with ?case= the case's open staff tasks; without, those held by someone"
            + " who may no longer be drawn for them or offered to nobody who may take them")
    public List<Reassigning.OpenTask> tasks(@QueryParam("case") String caseRef) {
        return caseRef == null || caseRef.isBlank() ? reassigning.needingAttention(user.username())
                : reassigning.ofCase(user.username(), caseRef.strip());
    }

    @POST
    @Path("/{id}/reassignment")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Give an open task to another eligible handler, with a reason: {to, reason}")
    public Reassigning.Moved reassign(@PathParam("id") String id, Reassigning.Reassignment body) {
        return reassigning.reassign(id, user.username(), body);
    }
}
