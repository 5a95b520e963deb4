package org.evenhand.audit.stats;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Counts of whole-day durations (value -> how many cases), as the report's SQL returns them, so
 * that no case rows leave the database. Quantiles interpolate linearly between order statistics
 * (PostgreSQL's percentile_cont, R's type 7).
 */
public final class Histogram {

    private final NavigableMap<Integer, Long> counts = new TreeMap<>();
    private long n;

    public void add(int value, long count) {
        if (count < 0) {
            throw new IllegalArgumentException("negative count");
        }
        if (count > 0) {
            counts.merge(value, count, Long::sum);
            n += count;
        }
    }

    public void addAll(Histogram other) {
        other.counts.forEach(this::add);
    }

    /** This histogram less another that is part of it. */
    public Histogram minus(Histogram part) {
        Histogram h = new Histogram();
        counts.forEach((v, c) -> h.add(v, c - part.counts.getOrDefault(v, 0L)));
        return h;
    }

    public long size() {
        return n;
    }

    public NavigableMap<Integer, Long> counts() {
        return counts;
    }

    /** The p-quantile, 0 <= p <= 1; NaN when empty. */
    public double quantile(double p) {
        if (n == 0) {
            return Double.NaN;
        }
        double h = p * (n - 1);
        long lo = (long) Math.floor(h);
        double frac = h - lo;
        double x = valueAt(lo);
        return frac == 0 ? x : x + frac * (valueAt(lo + 1) - x);
    }

    /** The k-th smallest value, counting from 0. */
    private double valueAt(long k) {
        long seen = 0;
        for (Map.Entry<Integer, Long> e : counts.entrySet()) {
            seen += e.getValue();
            if (k < seen) {
                return e.getKey();
            }
        }
        return counts.lastKey();
    }
}
