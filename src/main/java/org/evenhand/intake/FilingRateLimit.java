package org.evenhand.intake;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.evenhand.common.TimeSource;
import org.evenhand.common.TooManyRequestsException;
import org.evenhand.identity.Member;

/**
 * Per-member limit on filing complaints: at most {@code max-complaints} within any rolling
 * {@code window}. Counted in PostgreSQL from the complaints themselves, so the limit holds across
 * any number of application nodes and survives restarts; a member's filings are serialised by a
 * transaction-scoped advisory lock so two parallel requests cannot both take the last slot.
 */
@ApplicationScoped
public class FilingRateLimit {

    @ConfigMapping(prefix = "evenhand.intake.rate-limit")
    public interface Config {
        /** Switch the limit off altogether (load tests). */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("5")
        int maxComplaints();

        @WithDefault("PT24H")
        Duration window();
    }

    @Inject
    Config config;
    @Inject
    EntityManager em;
    @Inject
    TimeSource time;

    /** Refuses with 429 and Retry-After when the member has filed their allowance within the window. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void check(Member member) {
        if (!config.enabled()) {
            return;
        }
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended('evenhand.intake.member:' || ?1, 0))")
                .setParameter(1, member.id).getSingleResult();
        Instant now = time.now();
        Instant since = now.minus(config.window());
        Object[] row = (Object[]) em.createNativeQuery("SELECT count(*), min(received_at) FROM cases"
                + " WHERE complainant_id = ?1 AND received_at > ?2").setParameter(1, member.id)
                .setParameter(2, since).getSingleResult();
        long filed = ((Number) row[0]).longValue();
        if (filed >= config.maxComplaints()) {
            Instant oldest = row[1] instanceof OffsetDateTime o ? o.toInstant()
                    : row[1] instanceof Instant i ? i : row[1] instanceof java.sql.Timestamp t ? t.toInstant() : now;
            long wait = Duration.between(now, oldest.plus(config.window())).toSeconds() + 1;
            throw new TooManyRequestsException("you have filed " + filed + " complaints in the last "
                    + describe(config.window()) + ", the most allowed; you can file again in " + describe(
                            Duration.ofSeconds(wait)) + ".", wait);
        }
    }

    static String describe(Duration d) {
        long minutes = Math.max(1, (d.toSeconds() + 59) / 60);
        if (minutes < 120) {
            return minutes + (minutes == 1 ? " minute" : " minutes");
        }
        long hours = (minutes + 59) / 60;
        return hours + " hours";
    }
}
