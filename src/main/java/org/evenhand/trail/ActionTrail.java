package org.evenhand.trail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.evenhand.common.TimeSource;

/**
 * The append-only action trail. Each entry's hash covers its content and the previous
 * entry's hash, so an edited, deleted or reordered row breaks the chain from there on.
 *
 * <p>Writers do not chain: {@link #record} appends the action to {@code trail_inbox} in the
 * caller's transaction, with no lock, so that appends never serialise the requests that make
 * them. {@link TrailChainer} moves committed inbox rows into the chain ({@code trail_entries}) in
 * batches, behind them (docs/decisions/0011-trail-chained-behind-its-writers.md).
 */
@ApplicationScoped
public class ActionTrail {

    static final String GENESIS = TrailChain.GENESIS;

    @Inject
    EntityManager em;
    @Inject
    TimeSource time;
    @Inject
    TrailChainer chainer;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, String action, String caseRef, String detail) {
        PendingAction a = new PendingAction();
        a.at = time.now().truncatedTo(ChronoUnit.MICROS);
        a.actor = actor;
        a.action = action;
        a.caseRef = caseRef;
        a.detail = detail == null ? "" : detail;
        em.persist(a); // inserted with the transaction's other rows, in one batch, when it commits
        chainer.wakeAfterCommit();
    }

    /** A case's actions, chained or still waiting to be (oldest first). */
    public record Logged(Instant at, String actor, String action, String detail, boolean chained, String caseRef) {
    }

    @Transactional
    public List<Logged> forCase(String caseRef) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT at, actor, action, detail, chained FROM trail_log"
                + " WHERE case_ref = ?1 ORDER BY coalesce(entry_id, 9223372036854775807), inbox_id")
                .setParameter(1, caseRef).getResultList();
        return rows.stream().map(r -> new Logged(instant(r[0]), (String) r[1], (String) r[2], (String) r[3],
                Boolean.TRUE.equals(r[4]), caseRef)).toList();
    }

    /** What this actor did, and everything done on these cases, chained or not yet (oldest first). */
    @Transactional
    public List<Logged> byActorOrCases(String actor, List<String> caseRefs) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT at, actor, action, detail, chained, case_ref FROM trail_log"
                + " WHERE actor = ?1 OR case_ref = ANY(?2) ORDER BY coalesce(entry_id, 9223372036854775807), inbox_id")
                .setParameter(1, actor).setParameter(2, caseRefs.toArray(String[]::new)).getResultList();
        return rows.stream().map(r -> new Logged(instant(r[0]), (String) r[1], (String) r[2], (String) r[3],
                Boolean.TRUE.equals(r[4]), (String) r[5])).toList();
    }

    static Instant instant(Object v) {
        return v instanceof java.time.OffsetDateTime o ? o.toInstant()
                : v instanceof java.sql.Timestamp t ? t.toInstant() : (Instant) v;
    }

    static String hash(String prev, Instant at, String actor, String action, String caseRef, String detail) {
        return TrailChain.hash(prev, at, actor, action, caseRef, detail);
    }
}
