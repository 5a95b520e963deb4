package org.evenhand.casework;

import static org.evenhand.casework.TimelineEntry.Audience.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.evenhand.trail.ActionTrail;

/**
 * Reminders before a window closes or a stage's target passes (decision 0035), sent by the
 * complaint's reminder timers: a party who still has something to do is written to (email and
 * their timeline); the handlers of a staff task are reminded on the staff timeline and the trail.
 */
@ApplicationScoped
public class Reminding {

    @Inject
    CaseAccess cases;
    @Inject
    CaseLetters letters;
    @Inject
    CaseProcess process;
    @Inject
    ActionTrail trail;

    /** Process step: the window or target of {@code stage} is near. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remind(String ref, TaskKind stage) {
        CaseFile c = cases.load(ref);
        Instant due = c.stageDue;
        switch (stage) {
            case AWAIT_RESPONSE -> letters.tell(c, Party.RESPONDENT, "reminder",
                    Letters.reminder(new Letters.Reminder("respond", due)));
            case COMMENT_WINDOW -> {
                Set<String> commented = ReportComment.of(c.id).stream().map(rc -> rc.party).collect(Collectors.toSet());
                for (Party p : Party.values()) {
                    if (!commented.contains(p.label()) && !commented.contains(p.name())) {
                        letters.tell(c, p, "reminder", Letters.reminder(new Letters.Reminder("comment", due)));
                    }
                }
            }
            case APPEAL_WINDOW -> {
                for (Party p : Party.values()) {
                    letters.tell(c, p, "reminder", Letters.reminder(new Letters.Reminder("appeal", due)));
                }
            }
            default -> remindHandlers(c, stage, due);
        }
    }

    private void remindHandlers(CaseFile c, TaskKind stage, Instant due) {
        List<String> held = new ArrayList<>();
        List<String> offered = new ArrayList<>();
        for (CaseProcess.WorkItem t : process.tasksOfCase(c.ref)) {
            if (!stage.is(t.kind())) {
                continue;
            }
            if (t.assignee() != null) {
                held.add(t.assignee());
            } else {
                t.candidates().stream().filter(u -> !offered.contains(u)).forEach(offered::add);
            }
        }
        String who = !held.isEmpty() ? String.join(", ", held)
                : offered.isEmpty() ? "nobody" : "the " + offered.size() + " offered it, unclaimed";
        letters.record(c, "process", "reminder", staff, "Reminder: the " + stage.overdueName() + " target is "
                + CaseLetters.date(due) + "; still with " + who);
        held.forEach(u -> trail.record("process", "reminder-sent", c.ref, "to " + u + ": " + stage.id()));
        if (held.isEmpty()) {
            trail.record("process", "reminder-sent", c.ref, "to " + offered.size() + " offered: " + stage.id());
        }
    }
}
