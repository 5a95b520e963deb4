package org.evenhand.definition;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.evenhand.common.ProblemException;
import org.evenhand.web.Form;
import org.evenhand.web.Html;

/**
 * The NEC's pages for a new version of the definition (decision 0040): the drafts, one draft with
 * everything it holds, what it changes word by word, asking for approval with a date, and the
 * second member's approval, which publishes it. The forms for the items are DraftItemPages'. The
 * same use cases as /api/definition/drafts.
 */
@Path("/nec/definition")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(DraftResource.NEC)
public class DraftPages {

    static final Map<String, String> DONE = Map.of(
            "started", "The draft is started: a copy of the latest published version. Change what needs changing.",
            "saved", "Your change is saved in the draft.",
            "removed", "The item is taken out of the draft.",
            "proposed", "Approval is asked for. Another member of the NEC must now approve the draft.",
            "withdrawn", "The request for approval is withdrawn: the draft can be edited again.",
            "published", "The draft is approved and published. It can never be changed.",
            "discarded", "The draft is discarded.");

    public record Listing(DefinitionVersion latest, List<DraftViews.Row> open, List<DraftViews.Row> closed,
            String done) {
    }

    /** The approval step: the date, who asked, and every change, before the button that publishes. */
    public record ApprovalPage(DefinitionDrafts.Draft draft, String effective, boolean ownRequest,
            DiffView.DiffPage changes) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance drafts(Listing page, Form form);

        static native TemplateInstance draft(DraftViews.Overview page, Form form);

        static native TemplateInstance changes(DefinitionDrafts.Draft draft, DiffView.DiffPage page);

        static native TemplateInstance approval(ApprovalPage page, Form form);
    }

    @Inject
    DefinitionDrafts drafts;
    @Inject
    DefinitionCatalog catalog;
    @Inject
    SecurityIdentity identity;

    @GET
    @Operation(hidden = true)
    public Response list(@QueryParam("done") String done) {
        return Html.ok(Templates.drafts(listing(done), Form.empty()));
    }

    @POST
    @Path("drafts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response start(MultivaluedMap<String, String> fields) {
        Form form = Form.of(fields);
        try {
            DefinitionDrafts.Draft d = drafts.start(member(), new DefinitionDrafts.Start(form.text("from")));
            return Html.seeOther(href(d.id()) + "?done=started");
        } catch (ConstraintViolationException e) {
            form.reject(e);
        } catch (ProblemException e) {
            form.reject(e, "from");
        }
        return Html.page(400, Templates.drafts(listing(null), form));
    }

    @GET
    @Path("drafts/{id}")
    @Operation(hidden = true)
    public Response draft(@PathParam("id") long id, @QueryParam("done") String done) {
        return Html.ok(Templates.draft(overview(id, Html.message(DONE, done)), Form.empty()));
    }

    @GET
    @Path("drafts/{id}/changes")
    @Operation(hidden = true)
    public Response changes(@PathParam("id") long id) {
        DefinitionDrafts.Draft d = find(id);
        return Html.ok(Templates.changes(d, drafts.changes(id, href(id))));
    }

    @POST
    @Path("drafts/{id}/proposal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response propose(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
        Form form = Form.of(fields);
        try {
            drafts.propose(id, member(), DraftForms.revision(form), new DefinitionDrafts.Proposal(date(form)));
            return Html.seeOther(href(id) + "?done=proposed");
        } catch (ConstraintViolationException e) {
            form.reject(e);
        } catch (ProblemException e) {
            if (sentBefore(e, id, DefinitionDraft.PROPOSED, date(form))) {
                return Html.seeOther(href(id) + "?done=proposed");
            }
            refuse(e, form, "effectiveFrom");
        }
        return Html.page(400, Templates.draft(overview(id, null), form));
    }

    @POST
    @Path("drafts/{id}/proposal/withdrawal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response withdraw(@PathParam("id") long id) {
        try {
            drafts.withdraw(id, member());
        } catch (ProblemException e) {
            if (!sentBefore(e, id, DefinitionDraft.EDITING, null)) {
                throw e;
            }
        }
        return Html.seeOther(href(id) + "?done=withdrawn");
    }

    @GET
    @Path("drafts/{id}/approval")
    @Operation(hidden = true)
    public Response approval(@PathParam("id") long id) {
        return Html.ok(Templates.approval(approvalPage(id), Form.empty()));
    }

    @POST
    @Path("drafts/{id}/approval")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response approve(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
        Form form = Form.of(fields);
        try {
            drafts.approve(id, member(), new DefinitionDrafts.Approval(date(form)));
            return Html.seeOther(href(id) + "?done=published");
        } catch (ConstraintViolationException e) {
            form.reject(e);
        } catch (ProblemException e) {
            if (sentBefore(e, id, DefinitionDraft.PUBLISHED, null)) {
                return Html.seeOther(href(id) + "?done=published");
            }
            refuse(e, form, "effectiveFrom");
        }
        return Html.page(400, Templates.approval(approvalPage(id), form));
    }

    @POST
    @Path("drafts/{id}/discard")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response discard(@PathParam("id") long id) {
        try {
            drafts.discard(id, member());
        } catch (ProblemException e) {
            if (!sentBefore(e, id, DefinitionDraft.DISCARDED, null)) {
                throw e;
            }
        }
        return Html.seeOther("/nec/definition?done=discarded");
    }

    // ---------------------------------------------------------------- building the pages

    private Listing listing(String done) {
        List<DefinitionDrafts.Draft> all = drafts.all();
        return new Listing(catalog.latest(), all.stream().filter(d -> d.editing() || d.proposed()).map(DraftViews::row)
                .toList(), all.stream().filter(d -> !d.editing() && !d.proposed()).map(DraftViews::row).toList(),
                Html.message(DONE, done));
    }

    private DraftViews.Overview overview(long id, String done) {
        return DraftViews.overview(find(id), member(), drafts.earliestEffectiveDate(), done);
    }

    private ApprovalPage approvalPage(long id) {
        DefinitionDrafts.Draft d = drafts.awaitingApproval(id);
        return new ApprovalPage(d, org.evenhand.web.Formats.date(d.effectiveFrom()), member().equals(d.proposedBy()),
                drafts.changes(id, href(id)));
    }

    private DefinitionDrafts.Draft find(long id) {
        return drafts.find(id).orElseThrow(() -> ProblemException.notFound("draft " + id));
    }

    /**
     * Whether a step refused as out of step with the draft (409) had been done already: the same
     * form sent twice (a second click, the page sent again from the browser's history) lands where
     * the first did (decision 0037).
     */
    private boolean sentBefore(ProblemException e, long id, String state, LocalDate effectiveFrom) {
        return e.status() == 409 && drafts.find(id).filter(d -> d.state().equals(state)
                && (effectiveFrom == null || effectiveFrom.equals(d.effectiveFrom()))).isPresent();
    }

    /** A refusal the page shows: a field's next to it, the draft's state (409) at the top, anything else as a page. */
    static void refuse(ProblemException e, Form form, String field) {
        if (e.status() != 400 && e.status() != 409) {
            throw e;
        }
        form.reject(e, e.status() == 409 ? "draft" : field);
    }

    private static LocalDate date(Form form) {
        try {
            return form.text("effectiveFrom") == null ? null : LocalDate.parse(form.text("effectiveFrom"));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String href(long id) {
        return "/nec/definition/drafts/" + id;
    }

    private String member() {
        return identity.getPrincipal().getName();
    }
}
