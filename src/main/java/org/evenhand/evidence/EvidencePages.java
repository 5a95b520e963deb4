package org.evenhand.evidence;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.evenhand.common.ProblemException;
import org.evenhand.common.TimeSource;
import org.evenhand.identity.CurrentUser;
import org.evenhand.identity.Member;
import org.evenhand.identity.Roles;
import org.evenhand.web.Due;
import org.evenhand.web.Form;
import org.evenhand.web.Formats;
import org.evenhand.web.Html;
import org.evenhand.web.PageErrors;
import org.evenhand.casework.CaseDisplay;
import org.evenhand.casework.CaseViews;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Evidence on a party's pages: giving, reading and withdrawing their evidence (staff read items through StaffEvidencePage). */
@Path("/me/cases/{ref}/evidence")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.MEMBER)
public class EvidencePages {

    public record EvidenceFormPage(String ref, String title, EvidenceRecords.ConsentNotice notice, long maxFileMb) {
    }

    public record EvidenceItemPage(String ref, long id, String kind, String text, String url, List<String> thread,
            String back, String nav) {
    }

    public record WithdrawPage(String ref, CaseDisplay.EvidenceLine item) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance evidence(EvidenceFormPage page, Form form);

        static native TemplateInstance evidenceItem(EvidenceItemPage page);

        static native TemplateInstance withdraw(WithdrawPage page, Form form);
    }

    static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("respondentMembershipNumber", "respondent"), Map.entry("conductDate", "conductDate"),
            Map.entry("clauses", "clauses"), Map.entry("allegation", "allegation"),
            Map.entry("conductLink", "conductLink"), Map.entry("text", "evidenceText"),
            Map.entry("url", "evidenceLink"), Map.entry("file", "evidenceFile"),
            Map.entry("threadContext", "evidenceThread"), Map.entry("attestPartyToExchange", "attest"),
            Map.entry("consent.noticeVersion", "consent"), Map.entry("consent.purpose", "consent"),
            Map.entry("noticeVersion", "consent"));


    @Inject
    EvidenceService evidence;
    @Inject
    GivingEvidence giving;
    @Inject
    EvidenceForm evidenceForm;
    @Inject
    EvidenceConfig config;
    @Inject
    CaseViews views;
    @Inject
    CurrentUser user;

    // ------------------------------------------------------------ evidence

    @GET
    @Path("/new")
    @Operation(hidden = true)
    public Response evidenceForm(@PathParam("ref") String ref) {
        return Html.ok(Templates.evidence(evidencePage(ref), Form.empty()));
    }

    @POST
    @Path("/new")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    public Response addEvidence(@PathParam("ref") String ref, @RestForm String evidenceText,
            @RestForm String evidenceLink, @RestForm String evidenceThread, @RestForm("evidenceFile") FileUpload file,
            @RestForm String consent, @RestForm String attest) {
        UploadParts.requireOneFileAt("evidenceFile");
        Member m = user.requireMember();
        EvidenceFormPage page = evidencePage(ref);
        Form form = Form.empty().set("evidenceText", evidenceText).set("evidenceLink", evidenceLink)
                .set("evidenceThread", evidenceThread).set("consent", consent).set("attest", attest);
        EvidenceInput ev = evidenceForm.read(form, file, "evidenceText", "evidenceLink");
        if (ev == null && !form.hasErrors()) {
            form.error("evidenceText", "Give an excerpt, a link or a file.");
        }
        if (!form.hasErrors()) {
            try {
                giving.give(m, ref, ev);
                return Html.seeOther("/me/cases/" + ref + "?done=evidence#evidence");
            } catch (ProblemException e) {
                if (e.status() == 404 || e.status() == 409) {
                    throw e;
                }
                PageErrors.onto(form, e, FIELDS, "evidenceText");
            } catch (ConstraintViolationException e) {
                PageErrors.onto(form, e, FIELDS, "evidenceText");
            }
        }
        if (file != null && file.fileName() != null && !file.fileName().isBlank() && !form.invalid("evidenceFile")) {
            form.error("evidenceFile", "For your safety the browser does not keep a chosen file when a form comes"
                    + " back: choose " + file.fileName() + " again.");
        }
        return Html.page(400, Templates.evidence(page, form));
    }

    private EvidenceFormPage evidencePage(String ref) {
        CaseViews.MemberCase c = views.forMember(user.requireMember(), ref);
        if (!"OPEN".equals(c.status())) {
            throw ProblemException.conflict("case " + ref + " has ended; no more evidence can be added");
        }
        return new EvidenceFormPage(ref, "complainant".equals(c.yourRole()) ? "Your complaint about " + c.otherParty()
                : "The complaint about you", evidence.notice(), config.maxFileBytes() / (1024 * 1024));
    }

    /** Reads an item (the read is logged, as on the API): text on a page, files as a download. */
    @GET
    @Path("/{id}")
    @Produces({ MediaType.TEXT_HTML, "image/png", "image/jpeg", "application/pdf" })
    @Operation(hidden = true)
    public Response evidenceItem(@PathParam("ref") String ref, @PathParam("id") long id) {
        Object content = evidence.readAsMember(user.requireMember(), ref, id);
        return evidenceResponse(ref, id, content, "/me/cases/" + ref + "#evidence");
    }

    static Response evidenceResponse(String ref, long id, Object content, String back) {
        if (content instanceof EvidenceRecords.FileContent f) {
            return Response.ok(f.bytes(), f.mediaType())
                    .header("Content-Disposition", "attachment; filename=\"" + f.filename() + "\"")
                    .header("X-Content-Type-Options", "nosniff").header("Cache-Control", "no-store").build();
        }
        EvidenceRecords.Content c = (EvidenceRecords.Content) content;
        return Html.ok(Templates.evidenceItem(new EvidenceItemPage(ref, id, c.kind(), c.text(), c.url(),
                c.threadContext(), back, back.startsWith("/work") ? "work" : "me")));
    }

    @GET
    @Path("/{id}/withdraw")
    @Operation(hidden = true)
    public Response withdrawForm(@PathParam("ref") String ref, @PathParam("id") long id) {
        return Html.ok(Templates.withdraw(new WithdrawPage(ref, ownItem(ref, id)), Form.empty()));
    }

    @POST
    @Path("/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response withdraw(@PathParam("ref") String ref, @PathParam("id") long id,
            MultivaluedMap<String, String> fields) {
        Form form = Form.of(fields);
        CaseDisplay.EvidenceLine item = ownItem(ref, id);
        if (!form.ticked("confirm")) {
            form.error("confirm", "Tick the box to confirm that you want to withdraw your consent.");
            return Html.page(400, Templates.withdraw(new WithdrawPage(ref, item), form));
        }
        evidence.withdraw(user.requireMember(), ref, id);
        return Html.seeOther("/me/cases/" + ref + "?done=withdrawn#evidence");
    }

    private CaseDisplay.EvidenceLine ownItem(String ref, long id) {
        return evidence.forMember(user.requireMember(), ref).stream().filter(v -> v.id() == id && v.yours())
                .map(EvidencePages::line).findFirst().orElseThrow(() -> ProblemException.notFound("evidence item " + id));
    }

    private static CaseDisplay.EvidenceLine line(EvidenceRecords.View v) {
        return CaseDisplay.evidence(new org.evenhand.casework.CaseEvidence.Item(v.id(), v.kind(), v.party(), v.yours(),
                v.filename(), v.mediaType(), v.sizeBytes(), v.consentWithdrawnAt(), v.lawfulBasis(), v.status(),
                v.createdAt()));
    }
}
