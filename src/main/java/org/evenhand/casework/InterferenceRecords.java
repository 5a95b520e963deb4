package org.evenhand.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts of recorded interference, for the audit: a read-only query over casework's data with
 * no dependency back on the caller, so the audit package can use it without a package cycle.
 */
@ApplicationScoped
public class InterferenceRecords {

    /**
     * Contacts that happened in [from, to): how many, on how many cases, and how many of each kind
     * (office-holder, staff) and through which channel.
     */
    public record Counts(Instant from, Instant to, long records, long cases, Map<String, Long> byContactKind,
            Map<String, Long> byChannel) {
    }

    @Inject
    EntityManager em;

    @Transactional
    public Counts countByPeriod(Instant from, Instant to) {
        Object[] totals = (Object[]) em.createNativeQuery("SELECT count(*), count(DISTINCT case_id)"
                + " FROM interference_records WHERE contacted_at >= ?1 AND contacted_at < ?2")
                .setParameter(1, from).setParameter(2, to).getSingleResult();
        return new Counts(from, to, ((Number) totals[0]).longValue(), ((Number) totals[1]).longValue(),
                grouped("contact_kind", from, to), grouped("channel", from, to));
    }

    private Map<String, Long> grouped(String column, Instant from, Instant to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + column + ", count(*) FROM interference_records"
                + " WHERE contacted_at >= ?1 AND contacted_at < ?2 GROUP BY 1 ORDER BY 1")
                .setParameter(1, from).setParameter(2, to).getResultList();
        Map<String, Long> counts = new LinkedHashMap<>();
        rows.forEach(r -> counts.put((String) r[0], ((Number) r[1]).longValue()));
        return counts;
    }
}
