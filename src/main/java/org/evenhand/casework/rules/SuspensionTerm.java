package org.evenhand.casework.rules;

import java.time.Instant;

/**
 * How long an interim suspension may run: each term lasts one review period from when it starts
 * (imposed or renewed), never past the maximum counted from when it was imposed. A term that ends
 * at the maximum cannot be renewed; the suspension then lapses at that end (decision 0026).
 *
 * @param imposedAt when the suspension was imposed
 * @param review    a term's length, ISO-8601 (P28D)
 * @param maximum   the longest it may run in all, ISO-8601 (P3M)
 */
public record SuspensionTerm(Instant imposedAt, String review, String maximum) {

    /** The latest it can end, however often it is renewed. */
    public Instant finalEnd() {
        return Deadlines.due(imposedAt, maximum);
    }

    /** The end of a term starting at {@code from}: a review period later, or the final end if sooner. */
    public Instant termFrom(Instant from) {
        Instant end = Deadlines.due(from, review);
        Instant last = finalEnd();
        return end.isAfter(last) ? last : end;
    }

    /** The end of the first term. */
    public Instant firstEnd() {
        return termFrom(imposedAt);
    }

    /** Whether a term ending at {@code end} is the last one: it reaches the maximum. */
    public boolean reachesMaximum(Instant end) {
        return !end.isBefore(finalEnd());
    }

    /** Whether the term ending at {@code currentEnd} may be renewed at {@code at}: it has not ended and is not the last. */
    public boolean mayRenew(Instant currentEnd, Instant at) {
        return at.isBefore(currentEnd) && !reachesMaximum(currentEnd);
    }
}
