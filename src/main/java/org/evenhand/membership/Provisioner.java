package org.evenhand.membership;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.evenhand.common.BackgroundLoop;
import org.evenhand.trail.ActionTrail;
import org.jboss.logging.Logger;

/**
 * Makes members' Keycloak users match their records, behind the sync that changed them (decision
 * 0039). A sync only writes a row to {@code keycloak_provisioning} in its own transaction, so it never
 * waits for Keycloak nor fails because Keycloak is slow or down. This loop, woken after that commit
 * and every {@code every} in any case, takes due rows (FOR UPDATE SKIP LOCKED, leased for
 * {@code lease} so that another node leaves them alone and a stopped node's are taken again), calls
 * Keycloak with no transaction open, then deletes each row done, unless a newer change queued the
 * member again meanwhile, or reschedules it with growing back-off and the error kept. A member who is
 * a handler also has their realm roles caseworker and panel made to match their standing (decision 0038:
 * the complaints manager's changes queue them too).
 */
@ApplicationScoped
public class Provisioner {

    private static final Logger LOG = Logger.getLogger(Provisioner.class);
    /** The provisioner's name on the action trail. */
    static final String ACTOR = "keycloak-provisioning";

    @Inject
    MembershipConfig config;
    @Inject
    KeycloakAccounts accounts;
    @Inject
    EntityManager em;
    @Inject
    ActionTrail trail;
    @Inject
    TransactionSynchronizationRegistry registry;

    private BackgroundLoop loop;

    void start(@Observes StartupEvent event) {
        if (!accounts.configured()) {
            LOG.infof("Keycloak provisioning is off: no secret for the client %s (EVENHAND_PROVISIONING_SECRET);"
                    + " members' changes wait in keycloak_provisioning", config.provisioning().clientId());
            return;
        }
        loop = new BackgroundLoop("keycloak-provisioning", this::provisionDue, config.provisioning().every(),
                Duration.ofMillis(200), LOG);
        loop.start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.stop();
        }
    }

    /** Queues the members for provisioning in the caller's transaction (once each, however often they change). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void queue(java.util.Collection<Long> memberIds) {
        if (memberIds.isEmpty()) {
            return;
        }
        em.createNativeQuery("""
                INSERT INTO keycloak_provisioning (member_id, queued_at, next_attempt_at)
                SELECT id, clock_timestamp(), now() FROM unnest(?1) AS q(id)
                ON CONFLICT (member_id) DO UPDATE SET queued_at = clock_timestamp(), next_attempt_at = now(),
                    attempts = 0, last_error = NULL""").setParameter(1, memberIds.toArray(Long[]::new)).executeUpdate();
        if (loop != null) {
            loop.wakeAfterCommit(registry);
        }
    }

    private record Due(long memberId, Instant queuedAt, int attempts, String membershipNumber, String username,
            String displayName, String email, boolean active, java.util.Set<String> handlerRoles) {
    }

    /** Provisions every member due now, round after round; how many were done. */
    public int provisionDue() {
        int done = 0;
        while (true) {
            List<Due> due = QuarkusTransaction.requiringNew().call(this::take);
            for (Due d : due) {
                done += provision(d) ? 1 : 0;
            }
            if (due.size() < config.provisioning().batch()) {
                return done;
            }
        }
    }

    private List<Due> take() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                UPDATE keycloak_provisioning p SET next_attempt_at = now() + CAST(?1 AS interval)
                FROM members m LEFT JOIN handlers h ON h.username = m.username
                WHERE m.id = p.member_id AND p.member_id IN (
                    SELECT member_id FROM keycloak_provisioning WHERE next_attempt_at <= now()
                    ORDER BY next_attempt_at, member_id LIMIT ?2 FOR UPDATE SKIP LOCKED)
                RETURNING p.member_id, p.queued_at, p.attempts, m.membership_number, m.username, m.display_name,
                    m.email, m.status, h.username IS NOT NULL, h.active,
                    (SELECT string_agg(DISTINCT pl.role, ',') FROM handler_pools hp JOIN pools pl ON pl.id = hp.pool_id
                        WHERE hp.username = h.username)""")
                .setParameter(1, config.provisioning().lease().toSeconds() + " seconds")
                .setParameter(2, config.provisioning().batch()).getResultList();
        return rows.stream().map(r -> new Due(((Number) r[0]).longValue(), instant(r[1]), ((Number) r[2]).intValue(),
                (String) r[3], (String) r[4], (String) r[5], (String) r[6], "active".equals(r[7]),
                Boolean.TRUE.equals(r[8]) ? HandlerRealmRoles.wanted(Boolean.TRUE.equals(r[9]),
                        r[10] == null ? List.of() : List.of(((String) r[10]).split(","))) : null)).toList();
    }

    private boolean provision(Due d) {
        if (d.username() == null) {
            QuarkusTransaction.requiringNew().run(() -> finish(d, null)); // no login: nothing to match
            return true;
        }
        try {
            KeycloakAccounts.Result outcome = accounts.match(new KeycloakAccounts.Account(d.username(),
                    d.displayName(), d.email(), d.active(), d.handlerRoles()));
            QuarkusTransaction.requiringNew().run(() -> finish(d, outcome));
            return true;
        } catch (RuntimeException e) {
            int attempts = d.attempts() + 1;
            long backoff = Math.min(3600, (long) Math.pow(2, Math.min(attempts, 12)) * 5);
            String error = String.valueOf(e.getMessage());
            LOG.warnf("Keycloak user of member %s not provisioned (attempt %d), retry in %ds: %s", d.membershipNumber(),
                    attempts, backoff, error);
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                    UPDATE keycloak_provisioning SET attempts = ?2, last_error = ?3,
                        next_attempt_at = CASE WHEN queued_at = ?4 THEN now() + CAST(?5 AS interval) ELSE now() END
                    WHERE member_id = ?1""").setParameter(1, d.memberId()).setParameter(2, attempts)
                    .setParameter(3, error.length() > 2000 ? error.substring(0, 2000) : error)
                    .setParameter(4, d.queuedAt()).setParameter(5, backoff + " seconds").executeUpdate());
            return false;
        }
    }

    private void finish(Due d, KeycloakAccounts.Result result) {
        KeycloakAccounts.Outcome outcome = result == null ? null : result.outcome();
        int deleted = em.createNativeQuery("DELETE FROM keycloak_provisioning WHERE member_id = ?1 AND queued_at = ?2")
                .setParameter(1, d.memberId()).setParameter(2, d.queuedAt()).executeUpdate();
        if (deleted == 0) { // queued again meanwhile: provision the newer state at once
            em.createNativeQuery("UPDATE keycloak_provisioning SET next_attempt_at = now() WHERE member_id = ?1")
                    .setParameter(1, d.memberId()).executeUpdate();
        }
        if (outcome != null && outcome != KeycloakAccounts.Outcome.UNCHANGED && outcome != KeycloakAccounts.Outcome.NONE) {
            trail.record(ACTOR, "keycloak-user-" + outcome.name().toLowerCase(java.util.Locale.ROOT), null,
                    "member " + d.membershipNumber());
        }
        if (result != null && !result.roles().none()) {
            trail.record(ACTOR, "keycloak-roles-changed", null, "member " + d.membershipNumber() + ": " + result.roles());
        }
    }

    /** Members waiting for their Keycloak user, and those whose last attempt failed (with why), oldest first. */
    public record Backlog(int waiting, List<Failing> failing) {
    }

    public record Failing(String membershipNumber, int attempts, String lastError, Instant nextAttempt) {
    }

    @Transactional
    public Backlog backlog() {
        Number waiting = (Number) em.createNativeQuery("SELECT count(*) FROM keycloak_provisioning").getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT m.membership_number, p.attempts, p.last_error, p.next_attempt_at FROM keycloak_provisioning p
                JOIN members m ON m.id = p.member_id WHERE p.attempts > 0 ORDER BY p.queued_at LIMIT 50""").getResultList();
        return new Backlog(waiting.intValue(), rows.stream().map(r -> new Failing((String) r[0],
                ((Number) r[1]).intValue(), (String) r[2], instant(r[3]))).toList());
    }

    static Instant instant(Object v) {
        return v instanceof java.time.OffsetDateTime o ? o.toInstant()
                : v instanceof java.sql.Timestamp t ? t.toInstant() : (Instant) v;
    }
}
