package org.evenhand.evidence;

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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evenhand.identity.CurrentUser;
import org.evenhand.identity.Roles;

/** Handlers read evidence (every read logged) and record a lawful basis; they cannot add or search content. */
@Path("/api/cases/{ref}/evidence")
@Tag(name = "Evidence (staff)")
@Produces(MediaType.APPLICATION_JSON)
public class StaffEvidenceResource {

    @Inject
    EvidenceService evidence;
    @Inject
    CurrentUser user;

    @GET
    @RolesAllowed({ Roles.CASEWORKER, Roles.PANEL })
    @Operation(summary = "The case's evidence items (metadata)")
    public List<EvidenceRecords.View> list(@PathParam("ref") String ref) {
        return evidence.forStaff(user.username(), user.hasRole(Roles.CASEWORKER), user.hasRole(Roles.PANEL), ref);
    }

    @GET
    @Path("/{id}/content")
    @RolesAllowed({ Roles.CASEWORKER, Roles.PANEL })
    @Produces({ MediaType.APPLICATION_JSON, "image/png", "image/jpeg", "application/pdf" })
    @Operation(summary = "Read an item (every read is logged)")
    public Response content(@PathParam("ref") String ref, @PathParam("id") long id) {
        return EvidenceResponses.of(evidence.readAsStaff(user.username(), user.hasRole(Roles.CASEWORKER),
                user.hasRole(Roles.PANEL), ref, id));
    }

    @POST
    @Path("/{id}/lawful-basis")
    @RolesAllowed(Roles.CASEWORKER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the lawful basis for processing an item about the respondent, with a reason")
    public EvidenceRecords.View lawfulBasis(@PathParam("ref") String ref, @PathParam("id") long id,
            @Valid @NotNull EvidenceRecords.LawfulBasisRecord body) {
        return evidence.recordLawfulBasis(user.username(), ref, id, body);
    }
}
