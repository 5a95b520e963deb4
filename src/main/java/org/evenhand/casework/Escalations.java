package org.evenhand.casework;

import static org.evenhand.casework.TimelineEntry.Audience.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.evenhand.common.Commands;
import org.evenhand.common.ProblemException;
import org.evenhand.trail.ActionTrail;

/**
 * A complaints manager's escalations (decision 0035): a stage past its target raises a task for
 * the managers eligible for the case; the manager gives the overdue task to another eligible
 * handler, with a reason, or notes what else was done. Either way the escalation is dealt with and
 * the timeline and trail say so.
 */
@ApplicationScoped
public class Escalations {

    /** Give the overdue task {@code task} to {@code to}, for this reason. */
    public record Reassignment(
            @NotBlank(message = "{escalation.task.required}") @Size(max = 64, message = "{escalation.task.required}") String task,
            @NotBlank(message = "{escalation.to.required}") @Size(max = 64, message = "{escalation.to.required}") String to,
            @NotBlank(message = "{escalation.reason.required}")
            @Size(max = 2000, message = "{escalation.reason.size}") String reason) {
    }

    /** An overdue task: who holds it (or how many are offered it), when it was due, and who may take it instead. */
    public record OverdueTask(String id, String kind, String title, String heldBy, int offeredTo, Instant due,
            List<String> eligible) {
    }

    /** One escalation on a manager's list. */
    public record View(String id, String caseRef, String name, String assignee, Instant raised,
            List<OverdueTask> overdue) {
    }

    /** What a reassignment did. */
    public record Reassigned(String caseRef, String task, String kind, String from, String to) {
    }

    @Inject
    CaseProcess process;
    @Inject
    CaseAccess cases;
    @Inject
    Handovers handovers;
    @Inject
    CaseLetters letters;
    @Inject
    ActionTrail trail;
    @Inject
    Commands commands;
    @Inject
    TrackingStages stages;

    /** The escalations this manager holds or is offered, each with its case's overdue tasks. */
    @Transactional
    public List<View> mine(String manager) {
        return process.tasksFor(manager).stream().filter(t -> TaskKind.RESOLVE_ESCALATION.is(t.kind()))
                .map(t -> view(t)).toList();
    }

    /** Gives an overdue task of the escalation's case to another eligible handler; the escalation is dealt with. */
    @Transactional
    public Reassigned reassign(String escalationId, String manager, Reassignment in) {
        CaseProcess.WorkItem e = escalation(escalationId, manager);
        commands.check(in);
        CaseFile c = cases.load(e.caseRef());
        CaseProcess.WorkItem t = overdueTasks(c).stream().filter(o -> o.id().equals(in.task().strip())).findFirst()
                .orElseThrow(() -> ProblemException.invalidField("task", "not an open task of case " + c.ref
                        + " that a manager may reassign"));
        TaskKind kind = TaskKind.of(t.kind());
        String to = in.to().strip();
        String from = t.assignee();
        handovers.handTo(c, t, to).orElseThrow(() -> ProblemException.invalidField("to", to
                + " may not take this task on (not an eligible " + Handovers.roleFor(kind) + " for " + c.ref + ")"));
        String reason = in.reason().strip();
        letters.record(c, manager, "reassigned", staff, "Overdue " + kind.overdueName() + " reassigned by the"
                + " complaints manager " + manager + (from == null ? "" : " from " + from) + " to " + to
                + ". Reason: " + reason);
        trail.record(manager, "task-reassigned", c.ref, kind.id() + ": " + (from == null ? "unclaimed" : from) + " -> " + to);
        if (e.assignee() == null) {
            process.claim(e.id(), manager);
        }
        stages.resolveEscalation(e.id(), c.ref, manager, new Payloads.Escalation("Reassigned to " + to + ": " + reason));
        trail.record(manager, "task-completed", c.ref, e.kind());
        return new Reassigned(c.ref, t.id(), kind.id(), from, to);
    }

    /** Deals with the escalation without reassigning: a note of what was done. */
    @Transactional
    public void resolve(String escalationId, String manager, Payloads.Escalation in) {
        CaseProcess.WorkItem e = escalation(escalationId, manager);
        commands.check(in);
        if (e.assignee() == null) {
            process.claim(e.id(), manager);
        }
        stages.resolveEscalation(e.id(), e.caseRef(), manager, in);
        trail.record(manager, "task-completed", e.caseRef(), e.kind());
    }

    /** An escalation this manager holds or is offered; anything else is not found. */
    private CaseProcess.WorkItem escalation(String id, String manager) {
        CaseProcess.WorkItem e = process.task(id).filter(t -> TaskKind.RESOLVE_ESCALATION.is(t.kind()))
                .orElseThrow(() -> ProblemException.notFound("escalation " + id));
        boolean mine = manager.equals(e.assignee()) || (e.assignee() == null && e.candidates().contains(manager));
        if (!mine) {
            throw ProblemException.notFound("escalation " + id);
        }
        return e;
    }

    /** The case's open staff tasks of a stage with a target: the ones an escalation is about. */
    private List<CaseProcess.WorkItem> overdueTasks(CaseFile c) {
        return process.tasksOfCase(c.ref).stream().filter(t -> TaskKind.find(t.kind())
                .map(k -> k.isTask() && k.targetVariable().isPresent()).orElse(false)).toList();
    }

    private View view(CaseProcess.WorkItem e) {
        CaseFile c = cases.load(e.caseRef());
        List<OverdueTask> overdue = overdueTasks(c).stream().map(t -> new OverdueTask(t.id(), t.kind(),
                TaskKind.of(t.kind()).title(), t.assignee(), t.assignee() == null ? t.candidates().size() : 0, t.due(),
                handovers.eligibleFor(c, t))).toList();
        return new View(e.id(), e.caseRef(), e.name(), e.assignee(), e.created(), overdue);
    }
}
