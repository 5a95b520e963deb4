package org.evenhand.casework;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evenhand.identity.CurrentUser;
import org.evenhand.identity.Roles;

/** The interference firewall: contacts about a case from outside its handlers, on the record. */
@Path("/api/cases/{ref}/interference")
@Tag(name = "Cases (staff)")
@Produces(MediaType.APPLICATION_JSON)
public class InterferenceResource {

    @Inject
    InterferenceService interference;
    @Inject
    CurrentUser user;

    @POST
    @RolesAllowed({ Roles.CASEWORKER, Roles.PANEL })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a contact about this case from an office-holder or staff outside its handlers",
            description = "For caseworkers who may handle the case and panel members who sit on it. The record"
                    + " cannot be changed or removed; it is on the staff view, the trail and the audit counts.")
    public Response record(@PathParam("ref") String ref, @Valid @NotNull InterferenceService.Report body) {
        InterferenceService.View v = interference.record(ref, user.username(), user.hasRole(Roles.CASEWORKER),
                user.hasRole(Roles.PANEL), body);
        return Response.created(URI.create("/api/cases/" + ref + "/interference")).entity(v).build();
    }

    @GET
    @RolesAllowed(Roles.CASEWORKER)
    @Operation(summary = "Contacts recorded on this case (caseworkers who may handle it)")
    public List<InterferenceService.View> list(@PathParam("ref") String ref) {
        return interference.list(ref, user.username());
    }
}
