package org.evenhand.evidence;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evenhand.common.ProblemException;
import org.evenhand.identity.CurrentUser;
import org.evenhand.identity.Member;
import org.evenhand.identity.Roles;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * A party's evidence on their own case. Anyone else is refused, and the attempt logged: staff by
 * their role (403, RefusedAccessLog), members who are not parties by the service (404).
 */
@Path("/api/me/cases/{ref}/evidence")
@Tag(name = "Evidence (parties)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.MEMBER)
public class MemberEvidenceResource {

    /** The parts of an upload; any other, or any given twice, is refused (UploadParts). */
    static final Set<String> PARTS = Set.of("file", "threadContext", "attestPartyToExchange", "consentNoticeVersion",
            "consentPurpose");

    @Inject
    EvidenceService evidence;
    @Inject
    CurrentUser user;
    @Inject
    ObjectMapper json;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Give a text excerpt or a link (never fetched), with the thread before it, attestation and consent",
            description = "The same text or link given again by the same person answers 200 with the item already stored.")
    public Response submit(@PathParam("ref") String ref, @Valid @NotNull EvidenceRecords.Submission body) {
        return stored(ref, evidence.submit(party(ref), ref, body));
    }

    @POST
    @Path("/files")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload a screenshot or document (PNG, JPEG or PDF, checked from its bytes), with attestation and consent",
            description = "Images are decoded and stored re-encoded, without metadata (EXIF, GPS). A file that does not"
                    + " decode, or a PDF with JavaScript, launch or form actions, embedded files or that is also another"
                    + " format, is refused (422) with the reason. Exactly the parts file, threadContext,"
                    + " attestPartyToExchange, consentNoticeVersion and consentPurpose, each once. The same file given"
                    + " again answers 200 with the item already stored.")
    public Response upload(@PathParam("ref") String ref, @RestForm("file") FileUpload file,
            @RestForm String threadContext, @RestForm Boolean attestPartyToExchange,
            @RestForm String consentNoticeVersion, @RestForm String consentPurpose) {
        UploadParts.requireExactly(PARTS, "file");
        Member member = party(ref);
        evidence.requireParty(member, ref);
        if (file == null) {
            throw ProblemException.invalidField("file", "attach the file");
        }
        List<String> thread = List.of();
        if (threadContext != null && !threadContext.isBlank()) {
            try {
                thread = json.readValue(threadContext, new TypeReference<List<String>>() {
                });
            } catch (IOException e) {
                throw ProblemException.invalidField("threadContext", "must be a JSON array of messages");
            }
            if (thread.stream().anyMatch(m -> m == null || m.length() > 5000)) {
                // as for the JSON submission (EvidenceRecords.Submission)
                throw ProblemException.invalidField("threadContext", "each message must be text of at most 5000"
                        + " characters");
            }
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return stored(ref, evidence.submitFile(member, ref, bytes, file.fileName(), thread, attestPartyToExchange,
                new EvidenceRecords.Consent(consentNoticeVersion, consentPurpose)));
    }

    /** 201 for a new item; 200 with the item given before when the same one is given again. */
    private static Response stored(String ref, EvidenceRecords.Stored s) {
        URI location = URI.create("/api/me/cases/" + ref + "/evidence/" + s.view().id());
        return (s.created() ? Response.created(location) : Response.ok().location(location)).entity(s.view()).build();
    }

    @GET
    @Operation(summary = "Evidence on my case that I may see: my own items, and as respondent the complainant's")
    public List<EvidenceRecords.View> list(@PathParam("ref") String ref) {
        return evidence.forMember(party(ref), ref);
    }

    @GET
    @Path("/{id}/content")
    @Produces({ MediaType.APPLICATION_JSON, "image/png", "image/jpeg", "application/pdf" })
    @Operation(summary = "Read an item (every read is logged)")
    public Response content(@PathParam("ref") String ref, @PathParam("id") long id) {
        return EvidenceResponses.of(evidence.readAsMember(party(ref), ref, id));
    }

    @POST
    @Path("/{id}/withdraw")
    @Operation(summary = "Withdraw consent for an item I gave: it is sealed for good and the case returns to triage")
    public EvidenceRecords.View withdraw(@PathParam("ref") String ref, @PathParam("id") long id) {
        return evidence.withdraw(party(ref), ref, id);
    }

    private Member party(String ref) {
        return user.requireMember();
    }
}
