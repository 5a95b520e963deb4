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
 * Secure messages on a case (decision 0033): a party's own thread with their caseworker, and every
 * thread for the caseworkers who may handle the case. Panel members have no access.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class MessageResource {

    @Inject
    CaseMessages messages;
    @Inject
    CurrentUser user;

    @GET
    @Path("/me/cases/{ref}/messages")
    @RolesAllowed(Roles.MEMBER)
    @Tag(name = "My cases")
    @Operation(summary = "Your messages with your caseworker on one of your cases, oldest first")
    public List<CaseMessages.PartyMessage> mine(@PathParam("ref") String ref) {
        return messages.forMember(user.requireMember(), ref);
    }

    @POST
    @Path("/me/cases/{ref}/messages")
    @RolesAllowed(Roles.MEMBER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Tag(name = "My cases")
    @Operation(summary = "Write to your caseworker on one of your cases (they are told by email, without the text)")
    public Response send(@PathParam("ref") String ref, @NotNull CaseMessages.MessageRequest body) {
        CaseMessages.PartyMessage sent = messages.send(user.requireMember(), ref, body);
        return Response.created(URI.create("/api/me/cases/" + ref + "/messages")).entity(sent).build();
    }

    @GET
    @Path("/cases/{ref}/messages")
    @RolesAllowed(Roles.CASEWORKER)
    @Tag(name = "Cases (staff)")
    @Operation(summary = "Every party's messages with the caseworkers on a case (caseworkers who may handle it)")
    public List<CaseMessages.StaffMessage> all(@PathParam("ref") String ref) {
        return messages.forStaff(user.username(), ref);
    }

    @POST
    @Path("/cases/{ref}/messages")
    @RolesAllowed(Roles.CASEWORKER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Tag(name = "Cases (staff)")
    @Operation(summary = "Write to one party member on a case (they are told by email, without the text)")
    public Response reply(@PathParam("ref") String ref, @NotNull CaseMessages.StaffMessageRequest body) {
        CaseMessages.StaffMessage sent = messages.reply(user.username(), ref, body);
        return Response.created(URI.create("/api/cases/" + ref + "/messages")).entity(sent).build();
    }
}
