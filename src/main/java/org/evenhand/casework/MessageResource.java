package org.evenhand.casework;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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

/**
 * Every party's thread with the caseworkers on a case, for the caseworkers who may handle it
 * (decision 0033). Panel members, who work blind, have no access.
 */
@Path("/api/cases/{ref}/messages")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CASEWORKER)
@Tag(name = "Cases (staff)")
public class MessageResource {

    @Inject
    CaseMessages messages;
    @Inject
    CurrentUser user;

    @GET
    @Operation(summary = "Every party's messages with the caseworkers on a case (caseworkers who may handle it)")
    public List<CaseMessages.StaffMessage> all(@PathParam("ref") String ref) {
        return messages.forStaff(user.username(), ref);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Write to one party member on a case (they are told by email, without the text)")
    public Response reply(@PathParam("ref") String ref, @NotNull CaseMessages.StaffMessageRequest body) {
        CaseMessages.StaffMessage sent = messages.reply(user.username(), ref, body);
        return Response.created(URI.create("/api/cases/" + ref + "/messages")).entity(sent).build();
    }
}
