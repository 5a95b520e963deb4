package org.evenhand.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.evenhand.common.TimeSource;

/**
 * What the NEC can choose from on the report page: the regions and CLPs that members belong to
 * (chosen from lists, so that a typo cannot silently give an empty report), and the latest
 * complete quarter in which any complaint was received (the page's default).
 */
@ApplicationScoped
public class AuditChoices {

    @Inject
    EntityManager em;

    @Transactional
    public List<String> regions() {
        return strings("SELECT DISTINCT region FROM members WHERE region IS NOT NULL ORDER BY 1");
    }

    @Transactional
    public List<String> clps() {
        return strings("SELECT DISTINCT clp FROM members WHERE clp IS NOT NULL ORDER BY 1");
    }

    @SuppressWarnings("unchecked")
    private List<String> strings(String sql) {
        return em.createNativeQuery(sql).getResultList();
    }

    /**
     * The latest complete quarter (before today) in which a complaint was received; the last
     * complete quarter if none was.
     */
    @Transactional
    public Period latestQuarterWithData(LocalDate today) {
        Period last = Period.lastCompleteQuarter(today);
        Object latest = em.createNativeQuery("SELECT max(received_at) FROM audit_case_facts WHERE received_at < ?1")
                .setParameter(1, Timestamp.from(last.endExclusive())).getSingleResult();
        return Optional.ofNullable(latest).map(AuditChoices::instant)
                .map(i -> Period.lastCompleteQuarter(i.atZone(TimeSource.ZONE).toLocalDate().plusMonths(3)
                        .withDayOfMonth(1)))
                .orElse(last);
    }

    private static Instant instant(Object o) {
        if (o instanceof Timestamp t) {
            return t.toInstant();
        }
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + o.getClass());
    }
}
