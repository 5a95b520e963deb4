package org.evenhand.casework;

import static org.evenhand.casework.TimelineEntry.Audience.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.evenhand.casework.rules.Eligibility;
import org.evenhand.common.TimeSource;
import org.evenhand.identity.Handler;
import org.evenhand.trail.ActionTrail;

/**
 * Handing an open task on when its handler may no longer hold it (they recused, or a complainant
 * who joined the case made them ineligible): a drawn task (investigation, a panel seat) goes to a
 * fresh draw among the eligible, never anyone already on the bench; an offered task (triage,
 * suspension review, escalation) is offered again to the eligible pool only.
 */
@ApplicationScoped
public class Handovers {

    /** What became of a task: who holds or is offered it now (empty: nobody is eligible). */
    public record Outcome(String taskKind, boolean drawn, List<String> now) {

        public String summary() {
            return now.isEmpty() ? "nobody else is eligible" : drawn ? "drawn again at random: " + now.get(0)
                    : "offered again to the " + now.size() + " eligible";
        }
    }

    @Inject
    CaseProcess process;
    @Inject
    Assignment assignment;
    @Inject
    CaseLetters letters;
    @Inject
    TimeSource time;
    @Inject
    ActionTrail trail;

    public static String roleFor(TaskKind kind) {
        return kind == TaskKind.PANEL_DECISION || kind == TaskKind.HEAR_APPEAL ? Handler.PANEL
                : kind == TaskKind.RESOLVE_ESCALATION ? Handler.MANAGER : Handler.CASEWORKER;
    }

    /**
     * Hands the task on without {@code gone}; returns the outcome, or empty (nothing changed) when
     * nobody else is eligible.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Outcome> handOn(CaseFile c, CaseProcess.WorkItem t, Set<String> gone) {
        TaskKind kind = TaskKind.of(t.kind());
        List<String> pool = pool(c, t, gone);
        if (pool.isEmpty()) {
            return Optional.empty();
        }
        if (drawn(kind)) {
            String next = Eligibility.draw(pool, 1, new java.security.SecureRandom()).orElseThrow().get(0);
            give(c, t, kind, next);
            return Optional.of(new Outcome(kind.id(), true, List.of(next)));
        }
        process.reoffer(t.id(), pool);
        return Optional.of(new Outcome(kind.id(), false, pool));
    }

    /**
     * Who a complaints manager may give this task to (decision 0035): those eligible for its role
     * and step (for a drawn task, nobody on the bench or excluded from it), never whoever holds it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> eligibleFor(CaseFile c, CaseProcess.WorkItem t) {
        return pool(c, t, t.assignee() == null ? Set.of() : Set.of(t.assignee()));
    }

    /** Gives the task to {@code next}, who must be among {@link #eligibleFor}; empty if they are not. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Outcome> handTo(CaseFile c, CaseProcess.WorkItem t, String next) {
        if (!eligibleFor(c, t).contains(next)) {
            return Optional.empty();
        }
        TaskKind kind = TaskKind.of(t.kind());
        if (drawn(kind)) {
            give(c, t, kind, next);
        } else {
            process.assign(t.id(), next);
        }
        return Optional.of(new Outcome(kind.id(), drawn(kind), List.of(next)));
    }

    /**
     * The eligible of the task's role; an escalation goes to the eligible complaints managers, or,
     * when none may handle the case, to the eligible caseworkers (as it was raised, decision 0035).
     */
    private List<String> eligible(CaseFile c, TaskKind kind, java.util.Collection<String> excluded) {
        List<String> pool = assignment.eligible(c, roleFor(kind), excluded);
        if (kind == TaskKind.RESOLVE_ESCALATION && assignment.eligible(c, Handler.MANAGER, List.of()).isEmpty()) {
            return assignment.eligible(c, Handler.CASEWORKER, excluded);
        }
        return pool;
    }

    private static boolean drawn(TaskKind kind) {
        return kind == TaskKind.INVESTIGATE || kind.bench().isPresent();
    }

    /** The eligible for this task without {@code gone}; for a drawn task nobody holding it or on its bench either. */
    private List<String> pool(CaseFile c, CaseProcess.WorkItem t, Set<String> gone) {
        TaskKind kind = TaskKind.of(t.kind());
        if (!drawn(kind)) {
            return eligible(c, kind, gone);
        }
        Set<String> excluded = new HashSet<>(gone);
        if (t.assignee() != null) {
            excluded.add(t.assignee());
        }
        kind.bench().ifPresent(bench -> {
            excluded.addAll(PanelSeat.members(c.id, bench));
            excluded.addAll(bench.equals(PanelSeat.APPEAL)
                    ? Eligibility.excludedFromAppeal(c.investigator, PanelSeat.members(c.id, PanelSeat.DECISION))
                    : Eligibility.excludedFromPanel(c.investigator));
        });
        return eligible(c, kind, excluded);
    }

    /** A drawn task to its new holder: their seat on the bench, or the case's investigator. */
    private void give(CaseFile c, CaseProcess.WorkItem t, TaskKind kind, String next) {
        kind.bench().ifPresentOrElse(bench -> {
            PanelSeat.update("supersededAt = ?1 where caseId = ?2 and bench = ?3 and username = ?4 and supersededAt is null",
                    time.now(), c.id, bench, t.assignee());
            PanelSeat s = new PanelSeat();
            s.caseId = c.id;
            s.bench = bench;
            s.username = next;
            s.drawnAt = time.now();
            s.persist();
        }, () -> c.investigator = next);
        process.assign(t.id(), next);
    }

    /**
     * After a complainant joined the case: every open task held by, or offered to, someone who is
     * no longer eligible is handed on, and recorded on the timeline and the trail. When nobody at
     * all remains eligible the task is taken from the ineligible and the gap recorded for staff.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recheck(CaseFile c, String why) {
        for (CaseProcess.WorkItem t : process.tasksOfCase(c.ref)) {
            Optional<TaskKind> kind = TaskKind.find(t.kind()).filter(TaskKind::isTask);
            if (kind.isEmpty()) {
                continue;
            }
            List<String> eligible = eligible(c, kind.get(), List.of());
            Set<String> gone = new HashSet<>();
            if (t.assignee() != null && !eligible.contains(t.assignee())) {
                gone.add(t.assignee());
            }
            t.candidates().stream().filter(u -> !eligible.contains(u)).forEach(gone::add);
            if (gone.isEmpty()) {
                continue;
            }
            Optional<Outcome> out = handOn(c, t, gone);
            if (out.isEmpty()) {
                process.reoffer(t.id(), List.of());
            }
            String summary = "No longer eligible for " + kind.get().title().toLowerCase(java.util.Locale.ROOT) + " ("
                    + why + "): " + String.join(", ", gone.stream().sorted().toList()) + "; "
                    + out.map(Outcome::summary).orElse("nobody else is eligible: staff must assign it");
            letters.record(c, "process", "handler-replaced", staff, summary);
            trail.record("process", "handler-replaced", c.ref, kind.get().id() + ": " + gone.size()
                    + " no longer eligible (" + why + "); " + out.map(Outcome::summary).orElse("nobody else is eligible"));
        }
    }
}
