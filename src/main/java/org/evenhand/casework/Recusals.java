package org.evenhand.casework;

import static org.evenhand.casework.TimelineEntry.Audience.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.evenhand.common.ProblemException;
import org.evenhand.common.TimeSource;
import org.evenhand.crypto.CaseVault;
import org.evenhand.trail.ActionTrail;

/**
 * A handler recusing from a task with a reason: they leave the case for good (every later draw and
 * their access to the case file leave them out), the task goes to another eligible handler, and
 * the recusal is on the case's timeline (staff) and the trail. When nobody else is eligible the
 * recusal is refused with 409, so the task is never left with nobody: the handler asks staff instead.
 */
@ApplicationScoped
public class Recusals {

    /** Why the handler steps aside (sealed under the case's key; staff see it on the timeline). */
    public record Recusal(
            @NotBlank(message = "{recusal.reason.required}")
            @Size(max = 2000, message = "{recusal.reason.size}") String reason) {
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
    CaseVault vault;
    @Inject
    TimeSource time;
    @Inject
    EntityManager em;
    @Inject
    jakarta.validation.Validator validator;

    @Transactional
    public Handovers.Outcome recuse(String taskId, String username, Recusal in) {
        CaseProcess.WorkItem t = process.task(taskId).orElseThrow(() -> ProblemException.notFound("task " + taskId));
        boolean mine = username.equals(t.assignee()) || (t.assignee() == null && t.candidates().contains(username));
        TaskKind kind = TaskKind.find(t.kind()).filter(TaskKind::isTask).orElse(null);
        if (!mine || kind == null) {
            throw ProblemException.notFound("task " + taskId);
        }
        // validated only once the task is known to be the caller's, so a stranger learns nothing of it
        if (in == null) {
            throw ProblemException.badRequest("the body must be a JSON object with your reason");
        }
        var violations = validator.validate(in);
        if (!violations.isEmpty()) {
            throw new jakarta.validation.ConstraintViolationException(violations);
        }
        CaseFile c = cases.load(t.caseRef());
        Handovers.Outcome out = handovers.handOn(c, t, Set.of(username)).orElseThrow(() -> ProblemException.conflict(
                "nobody else is eligible to take this task on " + c.ref + ": ask staff to assign it before recusing"));
        String reason = in.reason().strip();
        em.createNativeQuery("INSERT INTO case_recusals (case_id, username, task_kind, reason, recused_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5)").setParameter(1, c.id).setParameter(2, username)
                .setParameter(3, kind.id()).setParameter(4, vault.seal(c.ref, reason)).setParameter(5, time.now())
                .executeUpdate();
        letters.record(c, username, "recused", staff, username + " recused from " + kind.title().toLowerCase(
                java.util.Locale.ROOT) + ". Reason: " + reason + ". The task was " + out.summary() + ".");
        trail.record(username, "recused", c.ref, kind.id() + ": " + out.summary());
        return out;
    }
}
