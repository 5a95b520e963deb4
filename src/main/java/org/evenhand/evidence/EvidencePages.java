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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.evenhand.common.ProblemException;
import org.evenhand.identity.CurrentUser;
import org.evenhand.identity.Member;
import org.evenhand.identity.Roles;
import org.evenhand.web.Form;
import org.evenhand.web.Html;
import org.evenhand.web.PageLanguage;
import org.evenhand.web.Words;
import org.evenhand.casework.CaseDisplay;
import org.evenhand.casework.CaseViews;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Evidence on the member's pages: a party gives, reads and withdraws their evidence (staff read an
 * item on {@link StaffEvidencePage}). Under /me, as the member's other pages are: a resource class on
 * a shorter path is never reached for a path that a longer class path matches.
 */
@Path("/me")
@Produces(MediaType.TEXT_HTML)
public class EvidencePages {

    public record EvidenceFormPage(String ref, boolean complainant, String other, EvidenceRecords.ConsentNotice notice,
            long maxFileMb, EvidenceForm.Names fields) {
    }

    public record EvidenceItemPage(String ref, long id, String kind, String text, String url, List<String> thread,
            String back, String nav) {
    }

    public record WithdrawPage(String ref, CaseDisplay.MemberEvidence item) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance evidence(EvidenceFormPage page, Form form);

        static native TemplateInstance evidenceItem(EvidenceItemPage page);

        static native TemplateInstance withdraw(WithdrawPage page, Form form);
    }

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
    @Inject
    PageLanguage language;

    // ------------------------------------------------------------ evidence

    @GET
    @Path("/cases/{ref}/evidence/new")
    @Operation(hidden = true)
    @RolesAllowed(Roles.MEMBER)
    public Response evidenceForm(@PathParam("ref") String ref) {
        return Html.ok(Templates.evidence(evidencePage(ref), Form.empty()));
    }

    @POST
    @Path("/cases/{ref}/evidence/new")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    @RolesAllowed(Roles.MEMBER)
    public Response addEvidence(@PathParam("ref") String ref, @RestForm("file") FileUpload file) {
        Member m = user.requireMember();
        EvidenceFormPage page = evidencePage(ref);
        Form form = Form.of(UploadParts.textFields());
        EvidenceForm.Given given = evidenceForm.read(form, file, EvidenceForm.ON_A_CASE, true, true);
        try {
            UploadParts.requireOneFileAt("file"); // one file, in the file field: said beside it
            giving.give(m, ref, given.evidence(), given.link(), given.file());
            return Html.seeOther("/me/cases/" + ref + "?done=evidence#evidence");
        } catch (ConstraintViolationException e) {
            form.reject(e);
        } catch (ProblemException e) {
            if (e.status() == 404 || e.status() == 409) {
                throw e;
            }
            form.reject(e, "text");
        }
        evidenceForm.askForTheFileAgain(form, file);
        return Html.page(400, Templates.evidence(page, form));
    }

    private EvidenceFormPage evidencePage(String ref) {
        CaseViews.MemberCase c = views.forMember(user.requireMember(), ref);
        if (!"OPEN".equals(c.status())) {
            throw ProblemException.conflict(Words.in(EvidencePageWords.class, language.locale()).ended(ref));
        }
        return new EvidenceFormPage(ref, "complainant".equals(c.yourRole()), c.otherParty(), evidence.notice(),
                config.maxFileBytes() / (1024 * 1024), EvidenceForm.ON_A_CASE);
    }

    /** Reads an item (the read is logged, as on the API): text on a page, files as a download. */
    @GET
    @Path("/cases/{ref}/evidence/{id}")
    @Produces({ MediaType.TEXT_HTML, "image/png", "image/jpeg", "application/pdf" })
    @Operation(hidden = true)
    @RolesAllowed(Roles.MEMBER)
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
    @Path("/cases/{ref}/evidence/{id}/withdraw")
    @Operation(hidden = true)
    @RolesAllowed(Roles.MEMBER)
    public Response withdrawForm(@PathParam("ref") String ref, @PathParam("id") long id) {
        return Html.ok(Templates.withdraw(new WithdrawPage(ref, ownItem(ref, id)), Form.empty()));
    }

    @POST
    @Path("/cases/{ref}/evidence/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @RolesAllowed(Roles.MEMBER)
    public Response withdraw(@PathParam("ref") String ref, @PathParam("id") long id,
            MultivaluedMap<String, String> fields) {
        Form form = Form.of(fields);
        CaseDisplay.MemberEvidence item = ownItem(ref, id);
        if (!form.ticked("confirm")) {
            form.error("confirm", Words.in(EvidenceWords.class, language.locale()).confirmWithdrawal());
            return Html.page(400, Templates.withdraw(new WithdrawPage(ref, item), form));
        }
        evidence.withdraw(user.requireMember(), ref, id);
        return Html.seeOther("/me/cases/" + ref + "?done=withdrawn#evidence");
    }

    private CaseDisplay.MemberEvidence ownItem(String ref, long id) {
        return evidence.forMember(user.requireMember(), ref).stream().filter(v -> v.id() == id && v.yours())
                .map(EvidencePages::line).findFirst().orElseThrow(() -> ProblemException.notFound("evidence item " + id));
    }

    private static CaseDisplay.MemberEvidence line(EvidenceRecords.View v) {
        return CaseDisplay.MemberEvidence.of(new org.evenhand.casework.CaseEvidence.Item(v.id(), v.kind(), v.party(), v.yours(),
                v.filename(), v.mediaType(), v.sizeBytes(), v.consentWithdrawnAt(), v.lawfulBasis(), v.status(),
                v.createdAt(), v.redaction()));
    }
}
