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

/** A party's own thread with their caseworker on one of their cases (decision 0033). */
@Path("/api/me/cases/{ref}/messages")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.MEMBER)
@Tag(name = "My cases")
public class MemberMessageResource {

    @Inject
    CaseMessages messages;
    @Inject
    CurrentUser user;

    @GET
    @Operation(summary = "Your messages with your caseworker on one of your cases, oldest first")
    public List<CaseMessages.PartyMessage> mine(@PathParam("ref") String ref) {
        return messages.forMember(user.requireMember(), ref);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Write to your caseworker on one of your cases (they are told by email, without the text)")
    public Response send(@PathParam("ref") String ref, @NotNull CaseMessages.MessageRequest body) {
        CaseMessages.PartyMessage sent = messages.send(user.requireMember(), ref, body);
        return Response.created(URI.create("/api/me/cases/" + ref + "/messages")).entity(sent).build();
    }
}
