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
 * Starts the processes of received cases, behind intake (docs/decisions/0010-intake-acknowledges-first.md).
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

        /** A case whose start failed is tried again after 2, 4, 8 ... up to 60 times this. */
        @WithDefault("1s")
        Duration retryAfter();

        /**
         * Intake on this node counts as busy above this many filings a second; while it is busy the
         * starter yields: small batches with a pause between them, so that acknowledging complaints
         * keeps the CPU and the database, and the backlog is started once the surge passes.
         */
        @WithDefault("50")
        int busyFilingsPerSecond();

        /** Cases started per batch while intake is busy. */
        @WithDefault("10")
        int busyBatch();

        /** Pause between batches while intake is busy. */
        @WithDefault("100ms")
        Duration busyPause();
    }

    /** Filings acknowledged on this node in the current second, and in the one before. */
    private final java.util.concurrent.atomic.AtomicLong filings = new java.util.concurrent.atomic.AtomicLong();
    private volatile long second;
    private volatile long previousSecondFilings;

    @Inject
    Config config;
    @Inject
    StartingProcesses cases;
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

    /** Intake tells the starter of each filing, so that the starter can yield while intake is busy. */
    public void filed() {
        rollSecond();
        filings.incrementAndGet();
    }

    private void rollSecond() {
        long now = System.nanoTime() / 1_000_000_000L;
        if (now != second) {
            synchronized (this) {
                if (now != second) {
                    previousSecondFilings = now == second + 1 ? filings.getAndSet(0) : 0;
                    if (now != second + 1) {
                        filings.set(0);
                    }
                    second = now;
                }
            }
        }
    }

    /** Whether intake on this node is in a surge (over the threshold in this or the last second). */
    boolean intakeBusy() {
        rollSecond();
        return Math.max(filings.get(), previousSecondFilings) >= config.busyFilingsPerSecond();
    }

    /** Starts every received case that is due, batch after batch; how many were started. */
    public int startPending() {
        int total = 0;
        while (true) {
            boolean busy = intakeBusy();
            int size = busy ? config.busyBatch() : config.batch();
            int n = startBatch(size);
            total += n;
            if (n < size) {
                return total;
            }
            if (busy) {
                try {
                    Thread.sleep(config.busyPause().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return total;
                }
            }
        }
    }

    /** One batch in one transaction; if it fails, its cases one by one. */
    int startBatch(int size) {
        try {
            List<String> started = QuarkusTransaction.requiringNew().call(() -> cases.startReceived(size));
            if (!started.isEmpty()) {
                LOG.debugf("started %d processes", started.size());
            }
            return started.size();
        } catch (RuntimeException e) {
            LOG.warnf("a batch of process starts failed (%s); starting its cases one by one", e.toString());
            return oneByOne(size);
        }
    }

    private int oneByOne(int size) {
        @SuppressWarnings("unchecked")
        List<Number> ids = QuarkusTransaction.requiringNew().call(() -> CaseFile.getEntityManager().createNativeQuery(
                "SELECT id FROM cases WHERE status = 'RECEIVED' AND (start_after IS NULL OR start_after <= now())"
                        + " ORDER BY id LIMIT ?1").setParameter(1, size).getResultList());
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
