package org.evenhand.common;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * A worker thread that drains some queue in the database: woken right after a transaction that
 * fed the queue commits, and every {@code every} in any case (for work left by a crash or by
 * another node). After a wake-up it lingers a moment so that a burst of commits becomes one batch.
 * A failed round is logged and retried after {@code every}; the queue itself is the durable state.
 */
public final class BackgroundLoop {

    /** One round: drain what there is; returns how much was done. */
    public interface Round {
        int run();
    }

    private final String name;
    private final Round round;
    private final Duration every;
    private final Duration linger;
    private final Logger log;
    private final Semaphore wake = new Semaphore(0);
    private final Object wakeKey = new Object();
    private volatile boolean running;
    private Thread thread;

    public BackgroundLoop(String name, Round round, Duration every, Duration linger, Logger log) {
        this.name = name;
        this.round = round;
        this.every = every;
        this.linger = linger;
        this.log = log;
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops the thread, waiting for the round in progress to finish. */
    public synchronized void stop() {
        running = false;
        wake.release();
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    /** Wakes the loop once the caller's transaction has committed (at once if there is none). */
    public void wakeAfterCommit(TransactionSynchronizationRegistry registry) {
        try {
            if (registry.getResource(wakeKey) == null) {
                registry.putResource(wakeKey, Boolean.TRUE);
                registry.registerInterposedSynchronization(new Synchronization() {
                    @Override
                    public void beforeCompletion() {
                    }

                    @Override
                    public void afterCompletion(int status) {
                        if (status == Status.STATUS_COMMITTED) {
                            wake.release();
                        }
                    }
                });
            }
        } catch (IllegalStateException noTransaction) {
            wake.release();
        }
    }

    private void loop() {
        while (running) {
            try {
                if (wake.tryAcquire(every.toMillis(), TimeUnit.MILLISECONDS) && !linger.isZero()) {
                    Thread.sleep(linger.toMillis());
                }
                wake.drainPermits();
                if (running) {
                    round.run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warnf("%s: round failed, will retry: %s", name, e.toString());
                try {
                    Thread.sleep(every.toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
