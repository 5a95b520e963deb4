package org.evenhand.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.evenhand.casework.rules.Deadlines;

/**
 * Starting the processes of received cases, for the starter, in its transaction: a batch locked
 * with SKIP LOCKED so that no other node starts them too, one case alone after its batch failed,
 * and a failure recorded for a later retry.
 */
@ApplicationScoped
public class StartingProcesses {

    @Inject
    CaseProcess process;
    @Inject
    ProcessConfig config;
    @Inject
    EntityManager em;

    /**
     * Starts the processes of up to {@code max} received cases that are due, in the caller's
     * transaction. Returns the refs started. If any start fails the transaction must roll back as a whole.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> startReceived(int max) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT id FROM cases WHERE status = 'RECEIVED'"
                + " AND (start_after IS NULL OR start_after <= ?1) ORDER BY id LIMIT ?2 FOR UPDATE SKIP LOCKED")
                .setParameter(1, Instant.now()).setParameter(2, max).getResultList();
        List<String> started = new ArrayList<>();
        for (Number id : ids) {
            started.add(start(em.find(CaseFile.class, id.longValue())));
            // each step's queries flush the session, checking every entity in it: written out and let go after
            // each case, a batch costs its size, not its square (the rows stay locked until the commit)
            em.flush();
            em.clear();
        }
        return started;
    }

    /** One received case, alone (after its batch failed): started, or its failure recorded for a later retry. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> startOne(long id) {
        @SuppressWarnings("unchecked")
        List<Number> locked = em.createNativeQuery("SELECT id FROM cases WHERE id = ?1 AND status = 'RECEIVED'"
                + " FOR UPDATE SKIP LOCKED").setParameter(1, id).getResultList();
        return locked.isEmpty() ? Optional.empty() : Optional.of(start(em.find(CaseFile.class, id)));
    }

    /** Records why a received case's process could not start; it is tried again after a pause. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void startFailed(long id, String error, Duration pause) {
        CaseFile c = em.find(CaseFile.class, id);
        if (c == null || c.status != CaseFile.Status.RECEIVED) {
            return;
        }
        c.startAttempts++;
        c.startError = error == null ? "unknown" : error.length() > 2000 ? error.substring(0, 2000) : error;
        c.startAfter = Deadlines.retryAfter(Instant.now(), pause, c.startAttempts);
    }

    private String start(CaseFile c) {
        if (c.status != CaseFile.Status.RECEIVED || c.processInstanceId != null) {
            throw new IllegalStateException("case " + c.ref + " has already been started");
        }
        c.status = CaseFile.Status.OPEN;
        c.startAfter = null;
        c.startError = null;
        c.processInstanceId = process.start(CaseProcess.COMPLAINT, c.ref, Deadlines.processVariables(config));
        return c.ref;
    }
}
