package org.evenhand.intake;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evenhand.identity.CurrentUser;
import org.evenhand.identity.Roles;

@Path("/api/complaints")
@Tag(name = "Complaints")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ComplaintResource {

    @Inject
    IntakeService intake;
    @Inject
    CurrentUser user;

    @POST
    @RolesAllowed(Roles.MEMBER)
    @Operation(summary = "File a complaint about another member's conduct")
    @APIResponse(responseCode = "201", description = "Complaint received and stored (its process starts moments later);"
            + " Location is the member's case URL. A complaint about the same post as a live case joins that case")
    @APIResponse(responseCode = "409", description = "You have already complained about this conduct (problem+json); nothing stored")
    @APIResponse(responseCode = "400", description = "Invalid complaint (problem+json); nothing stored")
    @APIResponse(responseCode = "429", description = "Filing limit reached (problem+json, Retry-After); nothing stored")
    public Response file(@Valid @NotNull ComplaintRequest request) {
        ComplaintReceipt receipt = intake.file(user.requireMember(), request);
        return Response.created(URI.create("/api/me/cases/" + receipt.ref())).entity(receipt).build();
    }
}
