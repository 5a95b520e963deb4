package org.evenhand.casework;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.evenhand.casework.rules.Standing;
import org.evenhand.common.Commands;
import org.evenhand.common.ProblemException;
import org.evenhand.trail.ActionTrail;

/** Handlers' work: the tasks the process gives them, each completed with its own typed payload. */
@ApplicationScoped
public class TaskService {

    public record TaskView(String id, String kind, String name, String caseRef, String assignee, boolean claimable,
            Instant created, Instant due) {
    }

    @Inject
    CaseProcess process;
    @Inject
    Triaging triaging;
    @Inject
    Investigating investigating;
    @Inject
    TrackingStages stages;
    @Inject
    PanelService panels;
    @Inject
    SuspensionService suspensions;
    @Inject
    ActionTrail trail;
    @Inject
    Assignment assignment;
    @Inject
    ObjectMapper json;
    @Inject
    Commands commands;
    @Inject
    SanctionHistory history;
    @Inject
    CaseAccess cases;

    @Transactional
    public List<TaskView> openTasks(String username) {
        return process.tasksFor(username).stream().map(t -> view(t, username)).toList();
    }

    @Transactional
    public TaskView claim(String taskId, String username) {
        CaseProcess.WorkItem t = visibleTask(taskId, username);
        if (t.assignee() != null) {
            if (t.assignee().equals(username)) {
                return view(t, username);
            }
            throw ProblemException.conflict("task " + taskId + " is already claimed by someone else");
        }
        Standing.Status standing = assignment.standingOf(username);
        if (standing != Standing.Status.IN_STANDING) {
            // offered before their standing changed: they may not take it on now (decision 0038)
            throw ProblemException.conflict("you may not take on tasks while " + switch (standing) {
                case INACTIVE -> "you are not an active handler";
                case UNTRAINED -> "no training is recorded for you";
                default -> "your training has lapsed";
            } + "; ask the complaints manager");
        }
        process.claim(taskId, username);
        trail.record(username, "task-claimed", t.caseRef(), t.kind());
        return view(process.task(taskId).orElseThrow(), username);
    }

    @Transactional
    public void complete(String taskId, String username, JsonNode body) {
        CaseProcess.WorkItem t = heldTask(taskId, username, "completing it");
        String ref = t.caseRef();
        TaskKind kind = kindOf(t);
        // a switch expression: the compiler refuses a task kind without its handler
        Runnable handler = switch (kind) {
            case TRIAGE -> () -> triaging.triage(taskId, ref, username, read(body, Payloads.Triage.class));
            case INVESTIGATE -> () -> investigating.investigate(taskId, ref, username,
                    read(body, Payloads.Investigation.class));
            case PANEL_DECISION -> () -> panels.vote(taskId, ref, username, read(body, Payloads.Vote.class));
            case HEAR_APPEAL -> () -> panels.appealVote(taskId, ref, username, read(body, Payloads.AppealVote.class));
            case REVIEW_SUSPENSION -> () -> suspensions.review(taskId, ref, username,
                    read(body, Payloads.SuspensionReview.class));
            case RESOLVE_ESCALATION -> () -> stages.resolveEscalation(taskId, ref, username,
                    read(body, Payloads.Escalation.class));
            case AWAIT_RESPONSE, COMMENT_WINDOW, APPEAL_WINDOW -> () -> {
                throw new IllegalStateException(kind.id() + " is a party's wait, not a task");
            };
        };
        handler.run();
        trail.record(username, "task-completed", ref, t.kind());
    }

    /**
     * Checks a completion exactly as {@link #complete} would (the payload's rules and its use case's),
     * storing nothing and sending nothing to the process: the check page a handler reads before
     * confirming (decision 0037).
     */
    @Transactional
    public void check(String taskId, String username, JsonNode body) {
        CaseProcess.WorkItem t = visibleTask(taskId, username);
        if (!username.equals(t.assignee())) {
            throw ProblemException.conflict("claim task " + taskId + " before completing it");
        }
        String ref = t.caseRef();
        Runnable checker = switch (kindOf(t)) {
            case TRIAGE -> () -> triaging.check(ref, username, read(body, Payloads.Triage.class));
            case INVESTIGATE -> () -> read(body, Payloads.Investigation.class);
            case PANEL_DECISION -> () -> panels.checkVote(ref, username, read(body, Payloads.Vote.class));
            case HEAR_APPEAL -> () -> panels.checkAppealVote(ref, read(body, Payloads.AppealVote.class));
            case REVIEW_SUSPENSION -> () -> suspensions.checkReview(ref, read(body, Payloads.SuspensionReview.class));
            case RESOLVE_ESCALATION -> () -> read(body, Payloads.Escalation.class);
            case AWAIT_RESPONSE, COMMENT_WINDOW, APPEAL_WINDOW -> () -> {
                throw new IllegalStateException(t.kind() + " is a party's wait, not a task");
            };
        };
        checker.run();
    }

    /** Checks step one of a panel decision as {@link #recordFindings} would, storing nothing (decision 0037). */
    @Transactional
    public void checkFindings(String taskId, String username, JsonNode body) {
        CaseProcess.WorkItem t = findingsTask(taskId, username);
        history.checkFindings(t.caseRef(), username, read(body, Payloads.Findings.class));
    }

    /** Whether this handler completed this task, now no longer open (a completion sent twice finds it done). */
    @Transactional
    public boolean completedBy(String taskId, String username) {
        return process.task(taskId).isEmpty() && process.completedBy(taskId, username);
    }

    /** Step one of a panel member's decision: their findings, before the sanction (decision 0030). */
    @Transactional
    public SanctionHistory.PanelStep recordFindings(String taskId, String username, JsonNode body) {
        CaseProcess.WorkItem t = findingsTask(taskId, username);
        cases.serialise(t.caseRef());
        t = findingsTask(taskId, username);
        SanctionHistory.PanelStep step = history.recordFindings(t.caseRef(), username, read(body, Payloads.Findings.class));
        trail.record(username, "findings-recorded", t.caseRef(), t.kind());
        return step;
    }

    private CaseProcess.WorkItem findingsTask(String taskId, String username) {
        CaseProcess.WorkItem t = visibleTask(taskId, username);
        if (!TaskKind.PANEL_DECISION.is(t.kind())) {
            throw ProblemException.conflict("findings are recorded first only on a panel decision");
        }
        if (!username.equals(t.assignee())) {
            throw ProblemException.conflict("claim task " + taskId + " before recording findings");
        }
        return t;
    }

    /**
     * The task the caller holds, once any other action on its case has finished (the same completion sent
     * twice at once: the second then finds the task gone, as not found).
     */
    private CaseProcess.WorkItem heldTask(String taskId, String username, String before) {
        cases.serialise(visibleTask(taskId, username).caseRef());
        CaseProcess.WorkItem t = visibleTask(taskId, username);
        if (!username.equals(t.assignee())) {
            throw ProblemException.conflict("claim task " + taskId + " before " + before);
        }
        return t;
    }

    private static TaskKind kindOf(CaseProcess.WorkItem t) {
        return TaskKind.find(t.kind()).orElseThrow(() -> new IllegalStateException("no handler for task kind " + t.kind()));
    }

    /** A task the caller is assigned or may claim; anything else is reported as not found. */
    private CaseProcess.WorkItem visibleTask(String taskId, String username) {
        CaseProcess.WorkItem t = process.task(taskId).orElseThrow(() -> ProblemException.notFound("task " + taskId));
        boolean mine = username.equals(t.assignee()) || (t.assignee() == null && t.candidates().contains(username));
        if (!mine) {
            throw ProblemException.notFound("task " + taskId);
        }
        return t;
    }

    private <T> T read(JsonNode body, Class<T> type) {
        if (body == null || !body.isObject()) {
            throw ProblemException.badRequest("the body must be a JSON object for a " + type.getSimpleName() + " task");
        }
        T value;
        try {
            value = json.reader().with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).treeToValue(body, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw ProblemException.badRequest(org.evenhand.common.JsonErrors.describe(e).detail());
        }
        return commands.check(value);
    }

    private static TaskView view(CaseProcess.WorkItem t, String username) {
        return new TaskView(t.id(), t.kind(), t.name(), t.caseRef(), t.assignee(),
                t.assignee() == null && t.candidates().contains(username), t.created(), t.due());
    }
}
