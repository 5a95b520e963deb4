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
import org.evenhand.definition.Definitions;

/**
 * A member's cases: the list, each case with its timeline, deadlines and stage, responding and
 * appealing. Every action goes through the same use cases as the API, with the same checks.
 */
@Path("/me")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.MEMBER)
public class MemberCasePages {

    static final Map<String, String> DONE = Map.of(
            "filed", "Your complaint has been received. A caseworker with no connection to either of you will triage it,"
                    + " and we will write to you when they have.",
            "responded", "Your response has been sent. It goes to the investigator with the complaint.",
            "appealed", "Your appeal has been lodged. A new panel of three will hear it; both of you have been told.",
            "evidence", "Your evidence has been added to the case.",
            "withdrawn", "Your consent is withdrawn. No one can read that item again.",
            "complaint-withdrawn", "Your complaint is withdrawn and the case is closed. We have written to you to confirm it.",
            "part-withdrawn", "You have withdrawn from the complaint. The case goes on for the other members who complained.",
            "commented", "Your comment on the investigation report has been sent. It goes to the panel with the report.",
            "message", "Your message has been sent to your caseworker. We will email you when they reply.");

    public record CaseRow(String ref, String role, String stage, String received, String receivedIso, String action,
            Due next) {
    }

    public record CasesPage(String name, List<CaseRow> rows, String done) {
    }

    public record TimelineRow(String when, String iso, List<String> text) {
    }

    public record CasePage(CaseViews.MemberCase c, String title, boolean complainant, String stageLabel,
            String stageExplanation, List<CaseDisplay.StageStep> stages, List<Due> deadlines, boolean canRespond,
            boolean canAppeal, Due respondBy, Due appealBy, List<String> allegation, List<Definitions.ClauseOption> cited,
            List<Definitions.ClauseOption> engaged, List<CaseDisplay.DecisionDisplay> decisions,
            List<CaseDisplay.EvidenceLine> evidence, boolean open, String done, List<TimelineRow> timeline,
            List<String> appealGrounds, String diagramStep, boolean canWithdraw, boolean canComment, Due commentBy, List<String> report,
            List<String> yourComment, List<MessageLine> messages) {
    }

    /** One message in the member's thread with their caseworker. */
    public record MessageLine(String when, String iso, String from, boolean mine, List<String> text) {
    }

    /** The comment form: the report as this party reads it beside it. */
    public record CommentPage(String ref, Due due, List<String> report) {
    }

    public record ActionPage(String ref, String title, Due due, List<String> allegation,
            List<Definitions.ClauseOption> clauses, List<CaseDisplay.DecisionDisplay> decisions) {
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

    @GET
    @Operation(hidden = true)
    public Response cases(@QueryParam("done") String done) {
        Member m = user.requireMember();
        Instant now = time.now();
        List<CaseRow> rows = new ArrayList<>();
        for (CaseViews.CaseSummary s : views.casesOf(m)) {
            CaseViews.MemberCase c = views.forMember(m, s.ref());
            String action = c.youCan().contains("respond") ? "Respond to the allegation"
                    : c.youCan().contains("appeal") ? "You may appeal" : null;
            Due next = display.memberDeadlines(c.deadlines(), now).stream().findFirst().orElse(null);
            String role = Character.toUpperCase(s.yourRole().charAt(0)) + s.yourRole().substring(1);
            rows.add(new CaseRow(s.ref(), role, s.stage(), Formats.shortDate(s.receivedAt()),
                    Formats.iso(s.receivedAt()), action, next));
        }
        return Html.ok(Templates.cases(new CasesPage(m.displayName, rows, Html.message(DONE, done))));
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
        Due respondBy = c.youCan().contains("respond") ? find(deadlines, "Response due") : null;
        Due appealBy = c.youCan().contains("appeal") ? find(deadlines, "Appeal window closes") : null;
        var v = definitions.version(c.definitionVersion());
        List<CaseDisplay.EvidenceLine> items = evidence.forMember(m, ref).stream().map(CaseDisplay::evidence).toList();
        List<TimelineRow> timeline = new ArrayList<>(c.timeline().stream().map(e -> new TimelineRow(
                Formats.when(e.at()), Formats.iso(e.at()), CaseDisplay.paragraphs(e.summary()))).toList());
        java.util.Collections.reverse(timeline);
        String title = complainant ? "Your complaint about " + c.otherParty() : "The complaint about you";
        List<String> grounds = c.appeal() == null ? List.of()
                : c.appeal().grounds().stream().map(CaseDisplay::ground).toList();
        List<MessageLine> thread = messages.forMember(m, ref).stream().map(x -> new MessageLine(Formats.when(x.at()),
                Formats.iso(x.at()), x.from(), x.fromYou(), CaseDisplay.paragraphs(x.text()))).toList();
        return new CasePage(c, title, complainant, c.stage().label(),
                c.stage().explanation(), display.stages(c.stage(), c.appeal() != null), deadlines,
                c.youCan().contains("respond"), c.youCan().contains("appeal"), respondBy, appealBy,
                CaseDisplay.paragraphs(c.allegation()), definitions.clauses(v, ids(c.clausesCited())),
                definitions.clauses(v, ids(c.clausesEngaged())), display.decisions(c.decisions()), items,
                "OPEN".equals(c.status()), Html.message(DONE, done), timeline, grounds, c.stage().step(),
                c.youCan().contains("withdraw"),
                c.youCan().contains("comment"), commentBy(c, deadlines),
                c.investigationReport() == null ? List.of() : CaseDisplay.paragraphs(c.investigationReport().report()),
                c.investigationReport() == null ? List.of() : CaseDisplay.paragraphs(c.investigationReport().yourComment()),
                thread);
    }

    private static Due commentBy(CaseViews.MemberCase c, List<Due> deadlines) {
        return c.youCan().contains("comment") ? find(deadlines, TaskKind.COMMENT_WINDOW.deadlineLabel()) : null;
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
            throw ProblemException.conflict("the time to comment on the investigation report on case " + ref
                    + " is not open, or you have already commented");
        }
        return new CommentPage(ref, commentBy(c, display.deadlines(c.deadlines(), time.now())),
                CaseDisplay.paragraphs(c.investigationReport().report()));
    }

    private static List<String> ids(List<CaseViews.ClauseRef> refs) {
        return refs == null ? List.of() : refs.stream().map(CaseViews.ClauseRef::id).toList();
    }

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
            throw ProblemException.conflict("respond".equals(action)
                    ? "the time to respond to the allegation on case " + ref + " is not open, or you are not the respondent"
                    : "the time to appeal on case " + ref + " is not open, or an appeal has already been lodged");
        }
        List<Due> deadlines = display.deadlines(c.deadlines(), time.now());
        Due due = find(deadlines, "respond".equals(action) ? "Response due" : "Appeal window closes");
        var v = definitions.version(c.definitionVersion());
        String title = "respond".equals(action) ? "Respond to the allegation" : "Appeal against the decision";
        return new ActionPage(ref, title, due, CaseDisplay.paragraphs(c.allegation()),
                definitions.clauses(v, ids(c.clausesEngaged())), display.decisions(c.decisions()));
    }
}
