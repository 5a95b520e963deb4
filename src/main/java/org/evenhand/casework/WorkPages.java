package org.evenhand.casework;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.evenhand.casework.StaffCaseFiles.CaseFileView;
import org.evenhand.casework.StaffCaseFiles.TaskPage;
import org.evenhand.casework.StaffCaseFiles.TaskRow;
import org.evenhand.common.ProblemException;
import org.evenhand.identity.CurrentUser;
import org.evenhand.identity.Roles;
import org.evenhand.web.Form;
import org.evenhand.web.Html;
import org.evenhand.web.Viewer;

/**
 * Caseworkers' and panel members' pages: the queue, each task with its form, and the case file with
 * its notes and the interim suspension. Every form calls the API's own use case with the API's own
 * command (a task through TaskService.complete with its JSON payload), so a refusal is the command's
 * own, in its words, shown next to the field its path names; panel members see cases blind, exactly
 * as the staff API shows them (StaffCaseFiles).
 */
@Path("/work")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.CASEWORKER, Roles.PANEL })
public class WorkPages {

    static final Map<String, String> DONE = Map.of(
            "completed", "Done. The case has moved on, and the parties have been told where they need to be.",
            "claimed", "The task is yours now.",
            "note", "Your note has been added.",
            "message", "Your message has been sent to the party, on their case page and by email.",
            "basis", "The lawful basis has been recorded.",
            "redaction", "Recorded: the panel will see the file as you decided.",
            "suspension", "The interim suspension has been imposed; the respondent has been told, and it will be reviewed.");

    /** {@code messages}: the parties' threads with the caseworkers, for a caseworker handling the case only (never blind). */
    public record CasePage(CaseFileView file, String done, List<TaskRow> tasks, List<StaffMessagePages.Thread> messages) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(QueueScreen.Screen page);

        static native TemplateInstance caseFile(CasePage page, Form form);

        static native TemplateInstance task(TaskPage page, Form form);

        static native TemplateInstance taskReview(TaskReview page, Form form);
    }

    @Inject
    StaffCaseFiles files;
    @Inject
    QueueScreen queueScreen;
    @Inject
    TaskService tasks;
    @Inject
    NoteService notes;
    @Inject
    CaseMessages messages;
    @Inject
    SuspensionService suspensions;
    @Inject
    CaseViews views;
    @Inject
    CurrentUser user;
    @Inject
    Viewer viewer;
    @Inject
    ObjectMapper json;
    @Inject
    org.evenhand.common.Commands commands;

    // ------------------------------------------------------------ the queue

    /** The queue: the same query as GET /api/tasks, from a GET form; a refused query shows the whole queue and why. */
    @GET
    @Operation(hidden = true)
    public Response queue(@QueryParam("done") String done, @QueryParam("q") String q, @QueryParam("stage") String stage,
            @QueryParam("clause") String clause, @QueryParam("tier") String tier, @QueryParam("overdue") String overdue,
            @QueryParam("pileOn") String pileOn, @QueryParam("holder") String holder, @QueryParam("sort") String sort,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        QueueQuery query = new QueueQuery(q, stage, clause, tier, overdue, pileOn, holder, sort, page, size);
        return queuePage(query, Html.message(DONE, done), List.of());
    }

    /** Bulk claim: each ticked task through the same use case as a single claim; says which were taken first. */
    @POST
    @Path("/claims")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response claimSelected(MultivaluedMap<String, String> fields) {
        Form form = Form.of(fields);
        QueueQuery query = new QueueQuery(form.text("q"), form.text("stage"), form.text("clause"), form.text("tier"),
                form.text("overdue"), form.text("pileOn"), form.text("holder"), form.text("sort"), form.text("page"),
                form.text("size"));
        try {
            return queuePage(query, null, queueScreen.claimAll(new QueueScreen.BulkClaim(form.values("task"))));
        } catch (ConstraintViolationException e) {
            Form refused = QueueScreen.form(query).reject(e);
            return Html.page(400, Templates.queue(queueScreen.screen(viewer.name(), checkedOrAll(query, refused),
                    refused, null, List.of())));
        }
    }

    private Response queuePage(QueueQuery query, String done, List<QueueScreen.Claimed> claims) {
        Form form = QueueScreen.form(query);
        QueueQuery asked = checkedOrAll(query, form);
        return Html.page(form.hasErrors() ? 400 : 200, Templates.queue(queueScreen.screen(viewer.name(), asked, form,
                done, claims)));
    }

    /** The query if it keeps its rules; otherwise the whole queue, with the query's faults on the form. */
    private QueueQuery checkedOrAll(QueueQuery query, Form form) {
        try {
            commands.check(query);
            return query;
        } catch (ConstraintViolationException e) {
            form.reject(e);
            return QueueQuery.ALL;
        }
    }

    @POST
    @Path("/tasks/{id}/claim")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response claim(@PathParam("id") String id, MultivaluedMap<String, String> fields) {
        tasks.claim(id, user.username());
        return Html.seeOther("/work/tasks/" + id + "?done=claimed");
    }

    // ------------------------------------------------------------ a task

    @GET
    @Path("/tasks/{id}")
    @Operation(hidden = true)
    public Response task(@PathParam("id") String id) {
        return Html.ok(Templates.task(files.taskPage(files.taskRow(id)), Form.empty()));
    }

    /**
     * Completes the task with the payload its form names, through the same use case as the API (from its
     * check page). Sent twice, the second finds the task done by this handler and shows the queue as the first.
     */
    @POST
    @Path("/tasks/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response complete(@PathParam("id") String id, MultivaluedMap<String, String> fields) {
        TaskPage page;
        try {
            page = formPage(id);
        } catch (ProblemException e) {
            if (e.status() == 404 && tasks.completedBy(id, user.username())) {
                return Html.seeOther("/work?done=completed");
            }
            throw e;
        }
        TaskKind kind = page.task().kind();
        Form form = Form.of(fields);
        try {
            tasks.complete(id, user.username(), json.valueToTree(TaskForm.body(kind, form)));
            return Html.seeOther("/work?done=completed");
        } catch (ConstraintViolationException e) {
            form.reject(e);
        } catch (ProblemException e) {
            if (e.status() == 404 && tasks.completedBy(id, user.username())) {
                return Html.seeOther("/work?done=completed");
            }
            if (e.status() != 400) {
                throw e;
            }
            form.reject(e, TaskForm.lastField(kind));
        }
        return Html.page(400, Templates.task(page, form));
    }

    /**
     * The check before a task is completed (decision 0037): the payload its form names, checked exactly as
     * completing the task would check it, nothing stored and nothing sent to the process, shown in words as
     * it will be recorded; "Change" goes back to the form with everything kept. Refused: the form again.
     */
    @POST
    @Path("/tasks/{id}/review")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response review(@PathParam("id") String id, MultivaluedMap<String, String> fields) {
        TaskPage page = formPage(id);
        TaskKind kind = page.task().kind();
        Form form = Form.of(fields);
        if (form.changing() != null) {
            return Html.ok(Templates.task(page, form));
        }
        try {
            tasks.check(id, user.username(), json.valueToTree(TaskForm.body(kind, form)));
            return Html.ok(Templates.taskReview(TaskReview.of(page, form, false), form));
        } catch (ConstraintViolationException e) {
            form.reject(e);
        } catch (ProblemException e) {
            if (e.status() != 400) {
                throw e;
            }
            form.reject(e, TaskForm.lastField(kind));
        }
        return Html.page(400, Templates.task(page, form));
    }

    /** The task's page for its form: 409 unless the handler holds a task that has a form here. */
    private TaskPage formPage(String id) {
        TaskPage page = files.taskPage(files.taskRow(id));
        TaskKind kind = page.task().kind();
        if (page.needsClaim() || kind == null) {
            throw ProblemException.conflict(kind == null ? "this task has no form here" : "claim this task before completing it");
        }
        return page;
    }

    /**
     * A panel member's decision, step one: their findings, through the same use case as the API (from their
     * check page). Sent twice, the second finds them recorded and shows step two as the first.
     */
    @POST
    @Path("/tasks/{id}/findings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response findings(@PathParam("id") String id, MultivaluedMap<String, String> fields) {
        TaskPage page = files.taskPage(files.taskRow(id));
        if (page.sanctionNext()) {
            return Html.seeOther("/work/tasks/" + id + "#decide");
        }
        Form form = Form.of(fields);
        try {
            requireFindingsStep(page);
            tasks.recordFindings(id, user.username(), json.valueToTree(TaskForm.findingsOnly(form)));
            return Html.seeOther("/work/tasks/" + id + "#decide");
        } catch (ConstraintViolationException e) {
            form.reject(e);
        } catch (ProblemException e) {
            if (e.status() == 409 && files.taskPage(files.taskRow(id)).sanctionNext()) {
                return Html.seeOther("/work/tasks/" + id + "#decide");
            }
            if (e.status() != 400) {
                throw e;
            }
            form.reject(e, "findings");
        }
        return Html.page(400, Templates.task(page, form));
    }

    /** The check before a panel member's findings are recorded (decision 0037), as for a task's completion. */
    @POST
    @Path("/tasks/{id}/findings/review")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response reviewFindings(@PathParam("id") String id, MultivaluedMap<String, String> fields) {
        TaskPage page = files.taskPage(files.taskRow(id));
        requireFindingsStep(page);
        Form form = Form.of(fields);
        if (form.changing() != null) {
            return Html.ok(Templates.task(page, form));
        }
        try {
            tasks.checkFindings(id, user.username(), json.valueToTree(TaskForm.findingsOnly(form)));
            return Html.ok(Templates.taskReview(TaskReview.of(page, form, true), form));
        } catch (ConstraintViolationException e) {
            form.reject(e);
        } catch (ProblemException e) {
            if (e.status() != 400) {
                throw e;
            }
            form.reject(e, "findings");
        }
        return Html.page(400, Templates.task(page, form));
    }

    private static void requireFindingsStep(TaskPage page) {
        if (page.needsClaim() || !page.findingsFirst()) {
            throw ProblemException.conflict(page.needsClaim() ? "claim this task before recording findings"
                    : "your findings on this case are already recorded, or this task takes none");
        }
    }

    // ------------------------------------------------------------ the case file

    @GET
    @Path("/cases/{ref}")
    @Operation(hidden = true)
    public Response caseFile(@PathParam("ref") String ref, @QueryParam("done") String done) {
        return Html.ok(Templates.caseFile(casePage(ref, done), Form.empty()));
    }

    private CasePage casePage(String ref, String done) {
        CaseFileView file = files.caseFile(ref);
        List<TaskRow> open = files.taskRows().stream().filter(t -> ref.equals(t.caseRef())).toList();
        // the panel never sees messages: only a caseworker who handles the case (file.caseworker) gets them
        List<StaffMessagePages.Thread> threads = file.caseworker()
                ? StaffMessagePages.threads(messages.forStaff(user.username(), ref)) : List.of();
        return new CasePage(file, Html.message(DONE, done), open, threads);
    }

    /** A note for staff or a message to a party: the form's fields are NoteService.NoteRequest's. */
    @POST
    @Path("/cases/{ref}/notes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.CASEWORKER)
    @Operation(hidden = true)
    public Response addNote(@PathParam("ref") String ref, MultivaluedMap<String, String> fields) {
        Form form = Form.of(fields);
        NoteService.NoteRequest note = new NoteService.NoteRequest(NoteService.Audience.of(form.text("audience")),
                form.text("text"));
        try {
            notes.add(user.username(), ref, note);
            return Html.seeOther("/work/cases/" + ref + "?done="
                    + (note.audience() == NoteService.Audience.staff ? "note" : "message") + "#notes");
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

    /** An interim suspension: the form's field is Payloads.SuspensionRequest's. */
    @POST
    @Path("/cases/{ref}/interim-suspension")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.CASEWORKER)
    @Operation(hidden = true)
    public Response suspend(@PathParam("ref") String ref, MultivaluedMap<String, String> fields) {
        Form form = Form.of(fields);
        views.forStaff(user.username(), true, false, ref);
        try {
            suspensions.request(ref, user.username(), new Payloads.SuspensionRequest(form.text("reasons")));
            return Html.seeOther("/work/cases/" + ref + "?done=suspension");
        } catch (ConstraintViolationException e) {
            form.reject(e);
        } catch (ProblemException e) {
            if (e.status() != 400) {
                throw e;
            }
            form.reject(e, "reasons");
        }
        return Html.page(400, Templates.caseFile(casePage(ref, null), form));
    }
}
