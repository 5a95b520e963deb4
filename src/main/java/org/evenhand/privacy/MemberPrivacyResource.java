package org.evenhand.privacy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evenhand.identity.CurrentUser;
import org.evenhand.identity.Roles;

/** A member's data-protection rights: everything held about them at once, and asking for erasure. */
@Path("/api/me")
@Tag(name = "My data")
@RolesAllowed(Roles.MEMBER)
public class MemberPrivacyResource {

    @Inject
    SubjectAccessService access;
    @Inject
    SubjectAccessRequests requests;
    @Inject
    ErasureService erasure;
    @Inject
    CurrentUser user;

    @GET
    @Path("/data")
    @Produces("application/zip")
    @Operation(summary = "Download everything held about me (data.json and the files I gave), other people redacted")
    public Response download() {
        return access.packFor(user.requireMember()).download();
    }

    @POST
    @Path("/subject-access-requests")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Make a formal subject access request to the DPO (answered within one month)")
    public Response requestAccess() {
        var r = requests.request(user.requireMember());
        return Response.created(URI.create("/api/me/subject-access-requests/" + r.id())).entity(r).build();
    }

    @POST
    @Path("/erasure-requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask for my data to be erased; the DPO decides within one month")
    public Response requestErasure(@Valid @NotNull ErasureRequest body) {
        var r = erasure.request(user.requireMember(), body);
        return Response.created(URI.create("/api/privacy/erasure-requests/" + r.id())).entity(r).build();
    }
}
