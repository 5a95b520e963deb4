package org.evenhand.common;

import java.time.Duration;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * A value that is costly to read (a query for a metrics gauge), read again at most once per
 * interval however often it is asked for. A failed read keeps the last good value (null before
 * the first) and waits the interval too, so a database outage is not hammered by every scrape.
 */
public final class CachedReading<T> {

    private static final Logger LOG = Logger.getLogger(CachedReading.class);

    private final String what;
    private final Supplier<T> read;
    private final long intervalNanos;
    private T value;
    private long readAt;
    private boolean tried;

    public CachedReading(String what, Duration interval, Supplier<T> read) {
        this.what = what;
        this.read = read;
        this.intervalNanos = interval.toNanos();
    }

    /** The value, read now if the last read is older than the interval. */
    public synchronized T get() {
        long now = System.nanoTime();
        if (!tried || now - readAt >= intervalNanos) {
            tried = true;
            readAt = now;
            try {
                value = read.get();
            } catch (RuntimeException e) {
                LOG.warnf("%s not read (metrics keep their last values): %s", what, e.getMessage());
            }
        }
        return value;
    }
}
