package org.evenhand.casework;

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
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.evenhand.common.ProblemException;
import org.evenhand.common.TimeSource;
import org.evenhand.identity.CurrentUser;
import org.evenhand.identity.Member;
import org.evenhand.identity.Roles;
import org.evenhand.web.Due;
import org.evenhand.web.Form;
import org.evenhand.web.PageLanguage;
import org.evenhand.web.Words;
import org.evenhand.web.Html;
import org.evenhand.definition.Definitions;

/**
 * A member's cases: the list, each case with its timeline, deadlines and stage, responding and
 * appealing. Every action goes through the same use cases as the API, with the same checks.
 */
@Path("/me")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.MEMBER)
public class MemberCasePages {

    /** A case in the member's list: its role and step by code, worded by the page (labels). */
    public record CaseRow(String ref, String role, String step, Instant received, String action, Due next) {
    }

    public record CasesPage(String name, List<CaseRow> rows, String done) {
    }

    /** A stage in the list beside the case: its step, done/current/todo, when it is due (current) or how long it usually takes. */
    public record Step(String step, String state, Due due, java.time.Period typical) {

        public boolean current() {
            return "current".equals(state);
        }

        public boolean done() {
            return "done".equals(state);
        }
    }

    public record CasePage(CaseViews.MemberCase c, boolean complainant, boolean anonymous, List<Step> stages,
            List<Due> deadlines, boolean canRespond, boolean canAppeal, Due respondBy, Due appealBy,
            List<String> allegation, List<Definitions.ClauseOption> cited, List<Definitions.ClauseOption> engaged,
            List<CaseDisplay.DecisionDisplay> decisions, List<CaseDisplay.MemberEvidence> evidence, boolean open, String done,
            List<MemberEvents.Row> timeline, boolean canWithdraw, boolean canComment, Due commentBy, List<String> report,
            List<String> yourComment, List<MessageLine> messages) {
    }

    /** One message in the member's thread with their caseworker. */
    public record MessageLine(Instant at, boolean mine, List<String> text) {
    }

    /** The comment form: the report as this party reads it beside it. */
    public record CommentPage(String ref, Due due, List<String> report) {
    }

    public record ActionPage(String ref, Due due, List<String> allegation, List<Definitions.ClauseOption> clauses,
            List<CaseDisplay.DecisionDisplay> decisions) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance cases(CasesPage page);

        static native TemplateInstance caseFile(CasePage page, Form form);

        static native TemplateInstance respond(ActionPage page, Form form);

        static native TemplateInstance respondReview(ActionPage page, Form form, String statement, String review);

        static native TemplateInstance appeal(ActionPage page, Form form);

        static native TemplateInstance comment(CommentPage page, Form form);
    }

    @Inject
    CaseViews views;
    @Inject
    Responding cases;
    @Inject
    PanelService panels;
    @Inject
    CaseEvidence evidence;
    @Inject
    Definitions definitions;
    @Inject
    CaseDisplay display;
    @Inject
    TimeSource time;
    @Inject
    CurrentUser user;
    @Inject
    Disclosing disclosing;
    @Inject
    CaseMessages messages;
    @Inject
    PageLanguage language;
    @Inject
    ProcessConfig process;

    /** This page's labels, in the reader's language (for words Java hands the page). */
    CaseLabels labels() {
        return Words.in(CaseLabels.class, language.locale());
    }

    private String done(String code) {
        return code == null ? null : labels().done(code);
    }

    @GET
    @Operation(hidden = true)
    public Response cases(@QueryParam("done") String done) {
        Member m = user.requireMember();
        Instant now = time.now();
        List<CaseRow> rows = new ArrayList<>();
        for (CaseViews.CaseSummary s : views.casesOf(m)) {
            CaseViews.MemberCase c = views.forMember(m, s.ref());
            String action = c.youCan().contains("respond") ? "respond" : c.youCan().contains("appeal") ? "appeal" : null;
            Due next = display.memberDeadlines(c.deadlines(), now).stream().findFirst().orElse(null);
            rows.add(new CaseRow(s.ref(), s.yourRole(), c.stage().step(), s.receivedAt(), action, next));
        }
        return Html.ok(Templates.cases(new CasesPage(m.displayName, rows, done(done))));
    }

    @GET
    @Path("/cases/{ref}")
    @Operation(hidden = true)
    public Response caseFile(@PathParam("ref") String ref, @QueryParam("done") String done) {
        return Html.ok(Templates.caseFile(casePage(ref, done), Form.empty()));
    }

    /** A message to the caseworker: the form's field is CaseMessages.MessageRequest's. */
    @POST
    @Path("/cases/{ref}/messages")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response message(@PathParam("ref") String ref, MultivaluedMap<String, String> fields) {
        Member m = user.requireMember();
        Form form = Form.of(fields);
        try {
            messages.send(m, ref, new CaseMessages.MessageRequest(form.text("text")));
            return Html.seeOther("/me/cases/" + ref + "?done=message#messages");
        } catch (ConstraintViolationException e) {
            form.reject(e);
        } catch (ProblemException e) {
            if (e.status() != 400) {
                throw e;
            }
            form.reject(e, "text");
        }
        return Html.page(400, Templates.caseFile(casePage(ref, null), form));
    }

    private CasePage casePage(String ref, String done) {
        Member m = user.requireMember();
        CaseViews.MemberCase c = views.forMember(m, ref);
        Instant now = time.now();
        boolean complainant = "complainant".equals(c.yourRole());
        List<Due> deadlines = display.memberDeadlines(c.deadlines(), now);
        Due respondBy = c.youCan().contains("respond") ? find(deadlines, TaskKind.AWAIT_RESPONSE.id()) : null;
        Due appealBy = c.youCan().contains("appeal") ? find(deadlines, TaskKind.APPEAL_WINDOW.id()) : null;
        var v = definitions.version(c.definitionVersion());
        List<CaseDisplay.MemberEvidence> items = evidence.forMember(m, ref).stream().map(CaseDisplay.MemberEvidence::of)
                .toList();
        List<String> grounds = c.appeal() == null ? List.of() : c.appeal().grounds();
        List<MemberEvents.Row> timeline = new ArrayList<>(c.timeline().stream()
                .map(e -> MemberEvents.of(e, grounds, c.yourRole())).toList());
        java.util.Collections.reverse(timeline);
        List<MessageLine> thread = messages.forMember(m, ref).stream().map(x -> new MessageLine(x.at(), x.fromYou(),
                CaseDisplay.paragraphs(x.text()))).toList();
        return new CasePage(c, complainant, !complainant && CaseViews.THE_COMPLAINANT.equals(c.otherParty()),
                steps(c, deadlines), deadlines,
                c.youCan().contains("respond"), c.youCan().contains("appeal"), respondBy, appealBy,
                CaseDisplay.paragraphs(c.allegation()), definitions.clauses(v, ids(c.clausesCited())),
                definitions.clauses(v, ids(c.clausesEngaged())), display.decisions(c.decisions()), items,
                "OPEN".equals(c.status()), done(done), timeline, c.youCan().contains("withdraw"),
                c.youCan().contains("comment"), commentBy(c, deadlines),
                c.investigationReport() == null ? List.of() : CaseDisplay.paragraphs(c.investigationReport().report()),
                c.investigationReport() == null ? List.of() : CaseDisplay.paragraphs(c.investigationReport().yourComment()),
                thread);
    }

    /** The stages beside the case: the current one with the date it is due, those to come with how long they usually take. */
    private List<Step> steps(CaseViews.MemberCase c, List<Due> deadlines) {
        return display.stages(c.stage(), c.appeal() != null).stream().map(s -> new Step(s.step(), s.state(),
                s.current() ? find(deadlines, s.step()) : null, s.current() || s.done() ? null : typical(s.step())))
                .toList();
    }

    private java.time.Period typical(String step) {
        var t = process.targets();
        String iso = TaskKind.find(step).map(k -> switch (k) {
            case TRIAGE -> t.triage();
            case AWAIT_RESPONSE -> process.responseWindow();
            case INVESTIGATE -> t.investigation();
            case COMMENT_WINDOW -> process.commentWindow();
            case PANEL_DECISION -> t.panel();
            case APPEAL_WINDOW -> process.appealWindow();
            case HEAR_APPEAL -> t.appeal();
            default -> null;
        }).orElse(null);
        return iso == null || !iso.startsWith("P") || iso.startsWith("PT") ? null : java.time.Period.parse(iso);
    }

    private static Due commentBy(CaseViews.MemberCase c, List<Due> deadlines) {
        return c.youCan().contains("comment") ? find(deadlines, TaskKind.COMMENT_WINDOW.id()) : null;
    }

    // ------------------------------------------------------------ comment on the investigation report

    @GET
    @Path("/cases/{ref}/comment")
    @Operation(hidden = true)
    public Response commentForm(@PathParam("ref") String ref) {
        return Html.ok(Templates.comment(commentPage(ref), Form.empty()));
    }

    @POST
    @Path("/cases/{ref}/comment")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response comment(@PathParam("ref") String ref, MultivaluedMap<String, String> fields) {
        Member m = user.requireMember();
        Form form = Form.of(fields);
        try {
            disclosing.comment(m, ref, new Payloads.ReportCommentRequest(form.text("comment")));
            return Html.seeOther("/me/cases/" + ref + "?done=commented");
        } catch (ConstraintViolationException e) {
            form.reject(e);
        } catch (ProblemException e) {
            if (e.status() != 400) {
                throw e;
            }
            form.reject(e, "comment");
        }
        return Html.page(400, Templates.comment(commentPage(ref), form));
    }

    /** The report as the comment form shows it; 409 once the window has closed or the member has commented. */
    private CommentPage commentPage(String ref) {
        CaseViews.MemberCase c = views.forMember(user.requireMember(), ref);
        if (!c.youCan().contains("comment")) {
            throw ProblemException.conflict(labels().notOpen("comment", ref));
        }
        return new CommentPage(ref, commentBy(c, display.memberDeadlines(c.deadlines(), time.now())),
                CaseDisplay.paragraphs(c.investigationReport().report()));
    }

    private static List<String> ids(List<CaseViews.ClauseRef> refs) {
        return refs == null ? List.of() : refs.stream().map(CaseViews.ClauseRef::id).toList();
    }

    /** The deadline of this step (member deadlines are labelled by their step). */
    private static Due find(List<Due> list, String label) {
        return list.stream().filter(d -> d != null && d.label().equals(label)).findFirst().orElse(null);
    }

    // ------------------------------------------------------------ respond

    @GET
    @Path("/cases/{ref}/respond")
    @Operation(hidden = true)
    public Response respondForm(@PathParam("ref") String ref) {
        return Html.ok(Templates.respond(actionPage(ref, "respond"), Form.empty()));
    }

    /** Sends the response (from its check page); sent twice, the second finds it sent and shows the case. */
    @POST
    @Path("/cases/{ref}/respond")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response respond(@PathParam("ref") String ref, MultivaluedMap<String, String> fields) {
        Member m = user.requireMember();
        Form form = Form.of(fields);
        try {
            cases.respond(m, ref, new Payloads.Response(form.text("statement")));
            return Html.seeOther("/me/cases/" + ref + "?done=responded");
        } catch (ConstraintViolationException e) {
            form.reject(e);
        } catch (ProblemException e) {
            if (e.status() == 409 && cases.hasResponded(m, ref)) {
                return Html.seeOther("/me/cases/" + ref + "?done=responded");
            }
            if (e.status() != 400) {
                throw e;
            }
            form.reject(e, "statement");
        }
        return Html.page(400, Templates.respond(actionPage(ref, "respond"), form));
    }

    /**
     * The check before a response is sent (decision 0037): checked as sending it would check it, nothing
     * stored and nothing sent to the process, and shown as it will be sent; "Change" goes back to the form
     * with it kept. A refused response is the form again, with its errors.
     */
    @POST
    @Path("/cases/{ref}/respond/review")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response reviewResponse(@PathParam("ref") String ref, MultivaluedMap<String, String> fields) {
        Member m = user.requireMember();
        Form form = Form.of(fields);
        ActionPage page = actionPage(ref, "respond");
        if (form.changing() != null) {
            return Html.ok(Templates.respond(page, form));
        }
        try {
            cases.check(m, ref, new Payloads.Response(form.text("statement")));
            return Html.ok(Templates.respondReview(page, form, form.text("statement"), "/me/cases/" + ref + "/respond/review"));
        } catch (ConstraintViolationException e) {
            form.reject(e);
        } catch (ProblemException e) {
            if (e.status() != 400) {
                throw e;
            }
            form.reject(e, "statement");
        }
        return Html.page(400, Templates.respond(page, form));
    }

    // ------------------------------------------------------------ appeal

    @GET
    @Path("/cases/{ref}/appeal")
    @Operation(hidden = true)
    public Response appealForm(@PathParam("ref") String ref) {
        return Html.ok(Templates.appeal(actionPage(ref, "appeal"), Form.empty()));
    }

    @POST
    @Path("/cases/{ref}/appeal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response appeal(@PathParam("ref") String ref, MultivaluedMap<String, String> fields) {
        Member m = user.requireMember();
        Form form = Form.of(fields);
        // a ground not on the list stays in the command as none, which the command refuses
        List<Payloads.AppealGround> grounds = form.values("grounds").stream().map(MemberCasePages::ground).toList();
        try {
            panels.lodgeAppeal(m, ref, new Payloads.AppealRequest(grounds, form.text("statement")));
            return Html.seeOther("/me/cases/" + ref + "?done=appealed");
        } catch (ConstraintViolationException e) {
            form.reject(e);
        } catch (ProblemException e) {
            if (e.status() != 400) {
                throw e;
            }
            form.reject(e, "statement");
        }
        return Html.page(400, Templates.appeal(actionPage(ref, "appeal"), form));
    }

    private static Payloads.AppealGround ground(String value) {
        return java.util.Arrays.stream(Payloads.AppealGround.values()).filter(g -> g.name().equals(value)).findFirst()
                .orElse(null);
    }

    /** The case as the respond and appeal forms show it; 409 once the window has closed. */
    private ActionPage actionPage(String ref, String action) {
        Member m = user.requireMember();
        CaseViews.MemberCase c = views.forMember(m, ref);
        if (!c.youCan().contains(action)) {
            throw ProblemException.conflict(labels().notOpen(action, ref));
        }
        List<Due> deadlines = display.memberDeadlines(c.deadlines(), time.now());
        Due due = find(deadlines, "respond".equals(action) ? TaskKind.AWAIT_RESPONSE.id() : TaskKind.APPEAL_WINDOW.id());
        var v = definitions.version(c.definitionVersion());
        return new ActionPage(ref, due, CaseDisplay.paragraphs(c.allegation()),
                definitions.clauses(v, ids(c.clausesEngaged())), display.decisions(c.decisions()));
    }
}
