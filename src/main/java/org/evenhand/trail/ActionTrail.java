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
 */
@ApplicationScoped
public class ActionTrail {

    static final String GENESIS = TrailChain.GENESIS;
    /** Serialises appends so the chain stays linear; held until the appending transaction ends. */
    private static final long CHAIN_LOCK = 0x45564e48414e44L;

    @Inject
    EntityManager em;
    @Inject
    TimeSource time;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, String action, String caseRef, String detail) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(" + CHAIN_LOCK + ")").getSingleResult();
        List<?> last = em.createNativeQuery("SELECT hash FROM trail_entries ORDER BY id DESC LIMIT 1").getResultList();
        TrailEntry e = new TrailEntry();
        e.at = time.now().truncatedTo(ChronoUnit.MICROS);
        e.actor = actor;
        e.action = action;
        e.caseRef = caseRef;
        e.detail = detail == null ? "" : detail;
        e.prevHash = last.isEmpty() ? GENESIS : (String) last.get(0);
        e.hash = hash(e.prevHash, e.at, e.actor, e.action, e.caseRef, e.detail);
        e.persist();
    }

    @Transactional
    public List<TrailEntry> forCase(String caseRef) {
        return TrailEntry.list("caseRef = ?1 order by id", caseRef);
    }

    static String hash(String prev, Instant at, String actor, String action, String caseRef, String detail) {
        return TrailChain.hash(prev, at, actor, action, caseRef, detail);
    }
}
