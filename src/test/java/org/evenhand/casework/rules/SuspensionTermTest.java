package org.evenhand.casework.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An interim suspension's terms: a review period each, never past the maximum from imposition (calendar
 * months and days in London); a term ending at the maximum cannot be renewed.
 */
@Tag("fast")
class SuspensionTermTest {

    static final Instant IMPOSED = Instant.parse("2026-09-01T09:00:00Z");
    static final SuspensionTerm TERM = new SuspensionTerm(IMPOSED, "P28D", "P3M");

    @Test
    void theFinalEndIsTheMaximumFromImposition() {
        assertEquals(Instant.parse("2026-12-01T10:00:00Z"), TERM.finalEnd(), "3 calendar months, across the clocks");
        assertEquals(Instant.parse("2026-09-29T09:00:00Z"), TERM.firstEnd());
    }

    @ParameterizedTest(name = "renewed at {0}: ends {1}")
    @CsvSource({
            "2026-09-28T09:00:00Z, 2026-10-26T10:00:00Z",
            "2026-10-25T09:00:00Z, 2026-11-22T09:00:00Z",
            "2026-11-21T09:00:00Z, 2026-12-01T10:00:00Z",
            "2026-11-30T09:00:00Z, 2026-12-01T10:00:00Z",
    })
    void aRenewedTermIsAReviewPeriodButNeverPastTheMaximum(Instant renewedAt, Instant ends) {
        assertEquals(ends, TERM.termFrom(renewedAt));
    }

    @ParameterizedTest(name = "term ending {0}, renewed at {1}: {2}")
    @CsvSource({
            "2026-09-29T09:00:00Z, 2026-09-28T09:00:00Z, true",
            "2026-11-22T09:00:00Z, 2026-11-21T09:00:00Z, true",
            "2026-12-01T10:00:00Z, 2026-11-30T09:00:00Z, false",
            "2026-09-29T09:00:00Z, 2026-09-29T09:00:00Z, false",
            "2026-09-29T09:00:00Z, 2026-10-02T09:00:00Z, false",
    })
    void aTermReachingTheMaximumOrAlreadyEndedCannotBeRenewed(Instant currentEnd, Instant at, boolean allowed) {
        assertEquals(allowed, TERM.mayRenew(currentEnd, at));
    }

    @Test
    void renewedAsLateAsPossibleItRunsThreeRenewalsAndNoMore() {
        Instant end = TERM.firstEnd();
        int renewals = 0;
        while (TERM.mayRenew(end, end.minusSeconds(3600))) {
            end = TERM.termFrom(end.minusSeconds(3600));
            renewals++;
        }
        assertEquals(3, renewals);
        assertEquals(TERM.finalEnd(), end);
    }

    @Test
    void aMaximumShorterThanOneReviewEndsTheFirstTerm() {
        SuspensionTerm shortOne = new SuspensionTerm(IMPOSED, "P28D", "P14D");
        assertEquals(Instant.parse("2026-09-15T09:00:00Z"), shortOne.firstEnd());
        assertEquals(false, shortOne.mayRenew(shortOne.firstEnd(), IMPOSED));
    }
}
