package org.evenhand.casework;

import static org.evenhand.casework.TimelineEntry.Audience.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.evenhand.casework.rules.Standing;
import org.evenhand.common.Commands;
import org.evenhand.common.ProblemException;
import org.evenhand.identity.Handler;
import org.evenhand.trail.ActionTrail;

/**
 * A complaints manager reassigning open tasks (decision 0038): any open staff task of a case the
 * manager may handle goes, with a reason, to another handler eligible for it (Handovers.handTo, as
 * for an overdue stage); and the tasks that need them: held by someone who may no longer be drawn
 * for them (deactivated, untrained, training lapsed, out of the role's pools), or offered to nobody
 * who may take them. Offers to a handler who may no longer take them are withdrawn at once.
 */
@ApplicationScoped
public class Reassigning {

    /** Give the task to {@code to}, for this reason. */
    public record Reassignment(
            @NotBlank(message = "{escalation.to.required}") @Size(max = 64, message = "{escalation.to.required}") String to,
            @NotBlank(message = "{escalation.reason.required}")
            @Size(max = 2000, message = "{escalation.reason.size}") String reason) {
    }

    /**
     * An open task as the manager sees it: who holds it, or who it is offered to, why it needs them
     * ({@code attention}: "holder-inactive", "holder-untrained", "holder-training-lapsed",
     * "holder-not-in-pool", "offered-to-nobody"; null when it is simply open) and who may take it.
     */
    public record OpenTask(String id, String kind, String title, String caseRef, String heldBy, List<String> offeredTo,
            Instant due, String attention, List<String> eligible) {
    }

    /** What a reassignment did. */
    public record Moved(String caseRef, String task, String kind, String from, String to) {
    }

    @Inject
    CaseProcess process;
    @Inject
    CaseAccess cases;
    @Inject
    Assignment assignment;
    @Inject
    Handovers handovers;
    @Inject
    CaseLetters letters;
    @Inject
    ActionTrail trail;
    @Inject
    Commands commands;

    /** The open tasks that need a manager, on the cases this manager may handle. */
    @Transactional
    public List<OpenTask> needingAttention(String manager) {
        Map<String, Set<String>> drawable = assignment.drawableRoles();
        Map<String, Optional<CaseFile>> mine = new HashMap<>();
        List<OpenTask> out = new ArrayList<>();
        for (CaseProcess.WorkItem t : process.allOpenTasks()) {
            Optional<TaskKind> kind = TaskKind.find(t.kind()).filter(TaskKind::isTask);
            if (kind.isEmpty() || t.caseRef() == null) {
                continue;
            }
            String why = attention(t, kind.get(), drawable);
            if (why == null) {
                continue;
            }
            Optional<CaseFile> c = mine.computeIfAbsent(t.caseRef(), ref -> CaseFile.byRef(ref)
                    .filter(f -> assignment.isEligible(f, Handler.MANAGER, manager)));
            c.ifPresent(f -> out.add(view(f, t, why)));
        }
        return out;
    }

    /** The open staff tasks of a case this manager may handle (otherwise 404), with who may take each. */
    @Transactional
    public List<OpenTask> ofCase(String manager, String ref) {
        CaseFile c = managed(manager, ref);
        Map<String, Set<String>> drawable = assignment.drawableRoles();
        return process.tasksOfCase(c.ref).stream().filter(t -> TaskKind.find(t.kind()).map(TaskKind::isTask).orElse(false))
                .map(t -> view(c, t, attention(t, TaskKind.of(t.kind()), drawable))).toList();
    }

    /** The open tasks this handler holds or is offered, on the cases this manager may handle. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<OpenTask> ofHandler(String manager, String username) {
        Map<String, Set<String>> drawable = assignment.drawableRoles();
        Map<String, Optional<CaseFile>> mine = new HashMap<>();
        List<OpenTask> out = new ArrayList<>();
        for (CaseProcess.WorkItem t : process.tasksFor(username)) {
            Optional<TaskKind> kind = TaskKind.find(t.kind()).filter(TaskKind::isTask);
            if (kind.isEmpty() || t.caseRef() == null) {
                continue;
            }
            mine.computeIfAbsent(t.caseRef(), ref -> CaseFile.byRef(ref)
                    .filter(f -> assignment.isEligible(f, Handler.MANAGER, manager)))
                    .ifPresent(c -> out.add(view(c, t, attention(t, kind.get(), drawable))));
        }
        return out;
    }

    /** Gives an open task to another eligible handler; on the timeline (staff) and the trail. */
    @Transactional
    public Moved reassign(String taskId, String manager, Reassignment in) {
        CaseProcess.WorkItem t = process.task(taskId).filter(w -> TaskKind.find(w.kind()).map(TaskKind::isTask)
                .orElse(false) && w.caseRef() != null).orElseThrow(() -> ProblemException.notFound("task " + taskId));
        CaseFile c = CaseFile.byRef(t.caseRef()).filter(f -> assignment.isEligible(f, Handler.MANAGER, manager))
                .orElseThrow(() -> ProblemException.notFound("task " + taskId));
        commands.check(in);
        TaskKind kind = TaskKind.of(t.kind());
        String to = in.to().strip();
        String from = t.assignee();
        handovers.handTo(c, t, to).orElseThrow(() -> ProblemException.invalidField("to", to
                + " may not take this task on (not an eligible " + Handovers.roleFor(kind) + " for " + c.ref + ")"));
        String reason = in.reason().strip();
        letters.record(c, manager, "reassigned", staff, kind.title() + " reassigned by the complaints manager " + manager
                + (from == null ? "" : " from " + from) + " to " + to + ". Reason: " + reason);
        trail.record(manager, "task-reassigned", c.ref, kind.id() + ": " + (from == null ? "unclaimed" : from) + " -> " + to);
        return new Moved(c.ref, t.id(), kind.id(), from, to);
    }

    /**
     * After a handler's standing or pools changed: every task only offered to them that they may no
     * longer take is offered to the others alone (a task offered to nobody is left for a manager);
     * returns how many offers were withdrawn and how many tasks they hold.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int[] withdrawOffers(String username, String manager, String why) {
        Map<String, Set<String>> drawable = assignment.drawableRoles();
        Set<String> mayTake = drawable.getOrDefault(username, Set.of());
        int withdrawn = 0;
        int held = 0;
        for (CaseProcess.WorkItem t : process.tasksFor(username)) {
            Optional<TaskKind> kind = TaskKind.find(t.kind()).filter(TaskKind::isTask);
            if (kind.isEmpty() || rolesFor(kind.get()).stream().anyMatch(mayTake::contains)) {
                continue;
            }
            if (username.equals(t.assignee())) {
                held++;
                CaseFile.byRef(t.caseRef()).ifPresent(c -> letters.record(c, manager, "holder-out", staff,
                        kind.get().title() + " is held by " + username + ", who may no longer take it (" + why
                                + "): a complaints manager must reassign it"));
                continue;
            }
            List<String> others = t.candidates().stream().filter(u -> !u.equals(username)).toList();
            process.reoffer(t.id(), others);
            withdrawn++;
            CaseFile.byRef(t.caseRef()).ifPresent(c -> letters.record(c, manager, "offer-withdrawn", staff,
                    kind.get().title() + ": no longer offered to " + username + " (" + why + ")"
                            + (others.isEmpty() ? "; offered to nobody: a complaints manager must assign it"
                                    : "; still offered to " + others.size())));
        }
        return new int[] { withdrawn, held };
    }

    /** A case this manager may handle (not a party, of no party's CLP, no declared interest...): otherwise 404. */
    private CaseFile managed(String manager, String ref) {
        return CaseFile.byRef(ref).filter(c -> assignment.isEligible(c, Handler.MANAGER, manager))
                .orElseThrow(() -> ProblemException.notFound("case " + ref));
    }

    /** Why a task needs a manager, or null: its holder, or every one it is offered to, may not be drawn for it. */
    static String attention(CaseProcess.WorkItem t, TaskKind kind, Map<String, Set<String>> drawable) {
        List<String> roles = rolesFor(kind);
        if (t.assignee() != null) {
            Set<String> mayTake = drawable.get(t.assignee());
            if (mayTake != null && roles.stream().anyMatch(mayTake::contains)) {
                return null;
            }
            return "holder-" + (mayTake == null || !mayTake.isEmpty() ? "not-in-pool" : "out-of-standing");
        }
        boolean anyone = t.candidates().stream().anyMatch(u -> roles.stream()
                .anyMatch(r -> drawable.getOrDefault(u, Set.of()).contains(r)));
        return anyone ? null : "offered-to-nobody";
    }

    /** The roles that may hold a task of this kind (an escalation falls to caseworkers when no manager may). */
    static List<String> rolesFor(TaskKind kind) {
        return kind == TaskKind.RESOLVE_ESCALATION ? List.of(Handler.MANAGER, Handler.CASEWORKER)
                : List.of(Handovers.roleFor(kind));
    }

    private OpenTask view(CaseFile c, CaseProcess.WorkItem t, String why) {
        String attention = why;
        if ("holder-out-of-standing".equals(why)) {
            Standing.Status s = assignment.standingOf(t.assignee());
            attention = "holder-" + s.code();
        }
        return new OpenTask(t.id(), t.kind(), TaskKind.of(t.kind()).title(), c.ref, t.assignee(),
                t.assignee() == null ? t.candidates() : List.of(), t.due(), attention, handovers.eligibleFor(c, t));
    }
}
