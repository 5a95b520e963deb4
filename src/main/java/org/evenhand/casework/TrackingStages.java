package org.evenhand.casework;

import static org.evenhand.casework.TimelineEntry.Audience.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import org.evenhand.casework.rules.Deadlines;
import org.evenhand.common.TimeSource;
import org.evenhand.identity.Handler;

/** Keeping track of where a case is: the stage it entered, a stage past its target, the escalation dealt with. */
@ApplicationScoped
public class TrackingStages {

    @Inject
    CaseAccess cases;
    @Inject
    CaseProcess process;
    @Inject
    CaseLetters letters;
    @Inject
    Assignment assignment;
    @Inject
    TimeSource time;
    @Inject
    EntityManager em;

    /**
     * Process step (execution listener on each stage's wait state): the case's stage, and when it
     * ends (a party's window, or a staff stage's target: the parties see it as the date the stage
     * is expected by), kept on the case so that the member's view needs no engine query; and the
     * visit to the stage, for the complaints manager's time in stage.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void stageEntered(String ref, String stage, String window) {
        CaseFile c = cases.load(ref);
        c.stage = stage;
        c.stageDue = window == null ? null : Deadlines.due(time.now(), window);
        // the stage before ends now, the last one when the case does (cases.closed_at): decision 0038; a stage
        // entered again while the case is in it (each seat of a panel enters it) goes on being the same visit
        // the tables named (the case flushed first, as before): a native write naming none makes Hibernate empty
        // its whole second-level cache (the members every request reads)
        em.createNativeQuery("UPDATE case_stage_visits SET left_at = ?1 WHERE case_id = ?2 AND left_at IS NULL"
                + " AND stage <> ?3").unwrap(org.hibernate.query.NativeQuery.class)
                .addSynchronizedQuerySpace("case_stage_visits").addSynchronizedQuerySpace("cases")
                .setParameter(1, time.now()).setParameter(2, c.id).setParameter(3, stage).executeUpdate();
        em.createNativeQuery("INSERT INTO case_stage_visits (case_id, stage, entered_at) SELECT ?1, ?2, ?3"
                + " WHERE NOT EXISTS (SELECT 1 FROM case_stage_visits WHERE case_id = ?1 AND left_at IS NULL)")
                .unwrap(org.hibernate.query.NativeQuery.class)
                .addSynchronizedQuerySpace("case_stage_visits").addSynchronizedQuerySpace("cases")
                .setParameter(1, c.id).setParameter(2, stage).setParameter(3, time.now()).executeUpdate();
    }

    /**
     * Process step: a stage passed its target; raises an escalation task for the eligible
     * complaints managers, who may reassign the overdue task (decision 0035). When no manager may
     * handle the case (a party, their CLP, a declared interest), the eligible caseworkers get it,
     * and the timeline says so.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void stageOverdue(String ref, String stage) {
        CaseFile c = cases.load(ref);
        List<String> managers = assignment.eligible(c, Handler.MANAGER, List.of());
        boolean toManagers = !managers.isEmpty();
        List<String> to = toManagers ? managers : assignment.eligible(c, Handler.CASEWORKER, List.of());
        letters.record(c, "process", "overdue", staff, "Stage target passed (" + stage + "); escalation raised for "
                + (toManagers ? "the complaints managers" : "the caseworkers, as no complaints manager may handle this case"));
        process.start(CaseProcess.ESCALATION, ref, Map.of("stage", stage, "managers", String.join(",", to)));
    }

    @Transactional
    public void resolveEscalation(String taskId, String ref, String caseworker, Payloads.Escalation in) {
        CaseFile c = cases.load(ref);
        letters.record(c, caseworker, "escalation-resolved", staff, "Overdue stage dealt with: " + in.note());
        process.complete(taskId, Map.of());
    }
}
