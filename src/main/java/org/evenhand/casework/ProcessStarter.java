package org.evenhand.casework;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.evenhand.common.BackgroundLoop;
import org.jboss.logging.Logger;

/**
 * Starts the processes of received cases, behind intake (docs/decisions/0009-intake-acknowledges-first.md).
 * Intake stores and acknowledges a complaint (status RECEIVED) and wakes this after its commit;
 * this takes up to {@code batch} received cases with FOR UPDATE SKIP LOCKED and starts their
 * processes in one transaction, which also marks them OPEN with their process instance id. So a
 * case's process starts exactly once: a crash mid-batch rolls back the processes and the marks
 * together, and other nodes skip the locked rows. A batch that fails is retried case by case, so
 * one case that cannot start (say, no eligible caseworker) waits with its error recorded and is
 * tried again later, without holding up the others.
 */
@ApplicationScoped
public class ProcessStarter {

    private static final Logger LOG = Logger.getLogger(ProcessStarter.class);

    @ConfigMapping(prefix = "evenhand.intake.starter")
    public interface Config {
        /** Run the starter on this node. */
        @WithDefault("true")
        boolean enabled();

        /** Cases started in one transaction. */
        @WithDefault("50")
        int batch();

        /** How often it looks for received cases when nothing wakes it (other nodes' filings, retries). */
        @WithDefault("250ms")
        Duration every();

        /** After a wake-up, how long it waits for more filings to join the batch. */
        @WithDefault("5ms")
        Duration linger();

        /** First pause before a case whose start failed is tried again (doubling, up to 60 times this). */
        @WithDefault("1s")
        Duration retryAfter();
    }

    @Inject
    Config config;
    @Inject
    CaseService cases;
    @Inject
    TransactionSynchronizationRegistry registry;

    private BackgroundLoop loop;

    void start(@Observes StartupEvent event) {
        if (config.enabled()) {
            loop = new BackgroundLoop("process-starter", this::startPending, config.every(), config.linger(), LOG);
            loop.start();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.stop();
        }
    }

    /** Wakes the starter once the current transaction has committed. */
    public void wakeAfterCommit() {
        if (loop != null) {
            loop.wakeAfterCommit(registry);
        }
    }

    /** Starts every received case that is due, batch after batch; how many were started. */
    public int startPending() {
        int total = 0;
        while (true) {
            int n = startBatch();
            total += n;
            if (n < config.batch()) {
                return total;
            }
        }
    }

    /** One batch in one transaction; if it fails, its cases one by one. */
    int startBatch() {
        try {
            List<String> started = QuarkusTransaction.requiringNew().call(() -> cases.startReceived(config.batch()));
            if (!started.isEmpty()) {
                LOG.debugf("started %d processes", started.size());
            }
            return started.size();
        } catch (RuntimeException e) {
            LOG.warnf("a batch of process starts failed (%s); starting its cases one by one", e.toString());
            return oneByOne();
        }
    }

    private int oneByOne() {
        @SuppressWarnings("unchecked")
        List<Number> ids = QuarkusTransaction.requiringNew().call(() -> CaseFile.getEntityManager().createNativeQuery(
                "SELECT id FROM cases WHERE status = 'RECEIVED' AND (start_after IS NULL OR start_after <= now())"
                        + " ORDER BY id LIMIT ?1").setParameter(1, config.batch()).getResultList());
        int started = 0;
        for (Number id : ids) {
            try {
                Optional<String> ref = QuarkusTransaction.requiringNew().call(() -> cases.startOne(id.longValue()));
                if (ref.isPresent()) {
                    started++;
                }
            } catch (RuntimeException e) {
                String error = e.toString();
                LOG.errorf("the process of received case %d could not start; it will be tried again: %s", id, error);
                QuarkusTransaction.requiringNew().run(() -> cases.startFailed(id.longValue(), error, config.retryAfter()));
            }
        }
        return started;
    }
}
