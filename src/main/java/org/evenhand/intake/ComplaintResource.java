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
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evenhand.common.ProblemException;
import org.evenhand.evidence.EvidenceFile;
import org.evenhand.evidence.UploadParts;
import org.evenhand.identity.CurrentUser;
import org.evenhand.identity.Roles;
import org.jboss.resteasy.reactive.PartType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/api/complaints")
@Tag(name = "Complaints")
@Produces(MediaType.APPLICATION_JSON)
public class ComplaintResource {

    /** The parts of a complaint filed with a file; any other, or any given twice, is refused (UploadParts). */
    static final Set<String> PARTS = Set.of("complaint", "file");

    /** One operation in the OpenAPI document, with two bodies. */
    static final String DESCRIPTION = "As application/json: the complaint, optionally with the post as evidence."
            + " As multipart/form-data, with a file of evidence in one step: the parts complaint (application/json,"
            + " the same complaint) and, optionally, file (PNG, JPEG or PDF, at most 10 MB, checked from its bytes as"
            + " for POST /api/me/cases/{ref}/evidence/files), each once. The file is given under the complaint's"
            + " evidence.attestPartyToExchange and evidence.consent (evidence.text may then be left out). A refused"
            + " file refuses the complaint: nothing is stored and no case is opened.";

    @Inject
    FilingWithEvidence filing;
    @Inject
    CurrentUser user;

    @POST
    @RolesAllowed(Roles.MEMBER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "File a complaint about another member's conduct", description = DESCRIPTION)
    @APIResponse(responseCode = "201", description = "Complaint received and stored (its process starts moments later);"
            + " Location is the member's case URL. A complaint about the same post as a live case joins that case."
            + " evidenceId is the excerpt's item, fileEvidenceId the file's")
    @APIResponse(responseCode = "409", description = "You have already complained about this conduct (problem+json); nothing stored")
    @APIResponse(responseCode = "400", description = "Invalid complaint (problem+json); nothing stored")
    @APIResponse(responseCode = "429", description = "Filing limit reached (problem+json, Retry-After); nothing stored")
    public Response file(@Valid @NotNull ComplaintRequest request) {
        return created(filing.file(user.requireMember(), request, null));
    }

    /**
     * The same filing with a file of evidence, atomically: the part {@code complaint} is the JSON body
     * above, {@code file} the file, given under the complaint's evidence attestation and consent.
     */
    @POST
    @RolesAllowed(Roles.MEMBER)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "File a complaint about another member's conduct", description = DESCRIPTION)
    @APIResponse(responseCode = "201", description = "Complaint received and stored, with its file;"
            + " Location is the member's case URL; fileEvidenceId is the file's item")
    @APIResponse(responseCode = "409", description = "You have already complained about this conduct (problem+json); nothing stored")
    @APIResponse(responseCode = "413", description = "The file is larger than 10 MB (problem+json); nothing stored")
    @APIResponse(responseCode = "415", description = "The file is not PNG, JPEG or PDF (problem+json); nothing stored")
    @APIResponse(responseCode = "422", description = "The file cannot be read or is an active PDF (problem+json); nothing stored")
    @APIResponse(responseCode = "429", description = "Filing limit reached (problem+json, Retry-After); nothing stored")
    public Response fileWithEvidence(@RestForm("complaint") @PartType(MediaType.APPLICATION_JSON) ComplaintRequest complaint,
            @RestForm("file") FileUpload file) {
        UploadParts.requireExactly(PARTS, "file");
        if (complaint == null) {
            throw ProblemException.invalidField("complaint", "give the complaint as the part 'complaint'"
                    + " (application/json)");
        }
        return created(filing.file(user.requireMember(), complaint, EvidenceFile.of(file)));
    }

    private static Response created(ComplaintReceipt receipt) {
        return Response.created(URI.create("/api/me/cases/" + receipt.ref())).entity(receipt).build();
    }
}
