package org.evenhand.membership;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** The syncs applied lately, newest first, and how far Keycloak is behind them. */
@ApplicationScoped
public class SyncHistory {

    public record Applied(long id, Instant at, String source, String actor, String mode, String fileName, int records,
            int created, int updated, int lapsed, int reactivated, int unchanged) {
    }

    public record Recent(List<Applied> syncs, Provisioner.Backlog provisioning) {
    }

    @Inject
    EntityManager em;
    @Inject
    Provisioner provisioner;

    @Transactional
    public Recent recent() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, at, source, actor, mode, file_name, records, created, updated, lapsed, reactivated, unchanged
                FROM membership_syncs ORDER BY id DESC LIMIT 20""").getResultList();
        return new Recent(rows.stream().map(r -> new Applied(((Number) r[0]).longValue(), Provisioner.instant(r[1]),
                (String) r[2], (String) r[3], (String) r[4], (String) r[5], n(r[6]), n(r[7]), n(r[8]), n(r[9]), n(r[10]),
                n(r[11]))).toList(), provisioner.backlog());
    }

    private static int n(Object v) {
        return ((Number) v).intValue();
    }
}
