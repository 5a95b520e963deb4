package org.evenhand.casework.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Windows and targets: days are calendar days in London (a window opened at noon closes at noon,
 * across a change of the clocks), hours are hours; a failed process start waits twice as long each
 * time, up to sixty pauses.
 */
@Tag("fast")
class DeadlinesTest {

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource({
            "2026-09-12T08:00:00Z, P21D, 2026-10-03T08:00:00Z",
            "2026-03-20T12:00:00Z, P14D, 2026-04-03T11:00:00Z",
            "2026-03-20T12:00:00Z, PT336H, 2026-04-03T12:00:00Z",
            "2026-10-20T09:00:00Z, P7D, 2026-10-27T10:00:00Z",
            "2026-01-31T10:00:00Z, P1M, 2026-02-28T10:00:00Z",
            "2026-06-01T23:30:00Z, P28D, 2026-06-29T23:30:00Z",
            "2026-06-01T10:00:00Z, PT36H, 2026-06-02T22:00:00Z",
    })
    void due(Instant from, String iso, Instant due) {
        assertEquals(due, Deadlines.due(from, iso));
    }

    @ParameterizedTest(name = "attempt {0}: {1} pauses")
    @CsvSource({ "0, 1", "1, 2", "2, 4", "3, 8", "5, 32", "6, 60", "7, 60", "40, 60" })
    void retriesBackOff(int attempts, long pauses) {
        Instant now = Instant.parse("2026-09-12T08:00:00Z");
        assertEquals(now.plusSeconds(30 * pauses), Deadlines.retryAfter(now, Duration.ofSeconds(30), attempts));
    }
}
