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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.evenhand.casework.CaseDisplay;
import org.evenhand.common.Commands;
import org.evenhand.common.ProblemException;
import org.evenhand.identity.CurrentUser;
import org.evenhand.identity.Roles;
import org.evenhand.web.Form;
import org.evenhand.web.Html;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Staff read an item of evidence from the case file (the read is logged; a panel member's copy is
 * blinded, as on the case), and the caseworker decides how a panel sees a file (decision 0028).
 * Under /work, as the staff's other pages are.
 */
@Path("/work")
@Produces(MediaType.TEXT_HTML)
public class StaffEvidencePage {

    public record RedactionPage(String ref, CaseDisplay.EvidenceLine item, String redaction) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance redaction(RedactionPage page, Form form);
    }

    @Inject
    EvidenceService evidence;
    @Inject
    Redactions redactions;
    @Inject
    Commands commands;
    @Inject
    CurrentUser user;

    @GET
    @Path("/cases/{ref}/evidence/{id}")
    @Produces({ MediaType.TEXT_HTML, "image/png", "image/jpeg", "application/pdf" })
    @RolesAllowed({ Roles.CASEWORKER, Roles.PANEL })
    @Operation(hidden = true)
    public Response staffEvidenceItem(@PathParam("ref") String ref, @PathParam("id") long id) {
        Object content = evidence.readAsStaff(user.username(), user.hasRole(Roles.CASEWORKER),
                user.hasRole(Roles.PANEL), ref, id);
        return EvidencePages.evidenceResponse(ref, id, content, "/work/cases/" + ref + "#evidence");
    }

    /** The redacted copy the panel reads, for the caseworker to check it (the same use case as the API). */
    @GET
    @Path("/cases/{ref}/evidence/{id}/redacted-copy")
    @Produces({ MediaType.TEXT_HTML, "image/png", "image/jpeg", "application/pdf" })
    @RolesAllowed(Roles.CASEWORKER)
    @Operation(hidden = true)
    public Response panelCopy(@PathParam("ref") String ref, @PathParam("id") long id) {
        return EvidenceResponses.of(redactions.panelCopy(user.username(), ref, id));
    }

    @GET
    @Path("/cases/{ref}/evidence/{id}/redaction")
    @RolesAllowed(Roles.CASEWORKER)
    @Operation(hidden = true)
    public Response redactionForm(@PathParam("ref") String ref, @PathParam("id") long id) {
        return Html.ok(Templates.redaction(page(ref, id), Form.empty()));
    }

    /** Either form of the page: a redacted copy ("decision" redacted, the file) or none needed (the reason). */
    @POST
    @Path("/cases/{ref}/evidence/{id}/redaction")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.CASEWORKER)
    @Operation(hidden = true)
    public Response decide(@PathParam("ref") String ref, @PathParam("id") long id, @RestForm String decision,
            @RestForm("file") FileUpload file, @RestForm String reason) {
        RedactionPage page = page(ref, id);
        Form form = Form.empty().set("reason", reason);
        try {
            if (Redactions.REDACTED.equals(decision)) {
                UploadParts.requireOneFileAt("file");
                EvidenceFile chosen = EvidenceFile.chosen(file);
                redactions.redactedCopy(user.username(), ref, id, chosen == null ? null : chosen.bytes());
            } else {
                redactions.notNeeded(user.username(), ref, id, commands.check(new Redactions.NotNeeded(reason)));
            }
            return Html.seeOther("/work/cases/" + ref + "?done=redaction#evidence");
        } catch (ConstraintViolationException e) {
            form.reject(e);
        } catch (ProblemException e) {
            if (e.status() == 404 || e.status() == 409) {
                throw e;
            }
            form.reject(e, Redactions.REDACTED.equals(decision) ? "file" : "reason");
        }
        return Html.page(400, Templates.redaction(page, form));
    }

    private RedactionPage page(String ref, long id) {
        EvidenceRecords.View v = evidence.forStaff(user.username(), true, false, ref).stream()
                .filter(i -> i.id() == id && "file".equals(i.kind())).findFirst()
                .orElseThrow(() -> ProblemException.notFound("evidence item " + id));
        return new RedactionPage(ref, CaseDisplay.evidence(new org.evenhand.casework.CaseEvidence.Item(v.id(),
                v.kind(), v.party(), false, v.filename(), v.mediaType(), v.sizeBytes(), v.consentWithdrawnAt(),
                v.lawfulBasis(), v.status(), v.createdAt(), v.redaction())), v.redaction());
    }
}
