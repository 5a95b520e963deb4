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
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Handlers read evidence (every read logged) and record a lawful basis; they cannot add or search
 * content. The caseworker decides how a panel sees each file (decision 0028): a redacted copy, or
 * none needed with a reason; a panel member reads only that, and never an original.
 */
@Path("/api/cases/{ref}/evidence")
@Tag(name = "Evidence (staff)")
@Produces(MediaType.APPLICATION_JSON)
public class StaffEvidenceResource {

    @Inject
    EvidenceService evidence;
    @Inject
    Redactions redactions;
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

    @GET
    @Path("/{id}/redacted-copy")
    @RolesAllowed(Roles.CASEWORKER)
    @Produces({ "image/png", "image/jpeg", "application/pdf" })
    @Operation(summary = "Caseworker: the redacted copy a panel reads instead of the original, to check it (logged)")
    public Response panelCopy(@PathParam("ref") String ref, @PathParam("id") long id) {
        return EvidenceResponses.of(redactions.panelCopy(user.username(), ref, id));
    }

    @POST
    @Path("/{id}/redacted-copy")
    @RolesAllowed(Roles.CASEWORKER)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Give the panel a redacted copy of a file (PNG, JPEG or PDF, checked as uploads are)",
            description = "Exactly one part, file. The copy is sealed like the original; a panel member then reads"
                    + " only the copy. The decision is on the case's staff timeline and the trail.")
    public EvidenceRecords.View redactedCopy(@PathParam("ref") String ref, @PathParam("id") long id,
            @RestForm("file") FileUpload file) {
        redactions.requireHandler(user.username(), ref);
        UploadParts.requireExactly(java.util.Set.of("file"), "file");
        EvidenceFile given = EvidenceFile.of(file);
        return redactions.redactedCopy(user.username(), ref, id, given == null ? null : given.bytes());
    }

    @POST
    @Path("/{id}/no-redaction")
    @RolesAllowed(Roles.CASEWORKER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Confirm, with a reason, that a file needs no redaction: the panel reads it as given")
    public EvidenceRecords.View noRedaction(@PathParam("ref") String ref, @PathParam("id") long id,
            @Valid @NotNull Redactions.NotNeeded body) {
        return redactions.notNeeded(user.username(), ref, id, body);
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
