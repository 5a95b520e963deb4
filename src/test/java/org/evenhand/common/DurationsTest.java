package org.evenhand.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ISO-8601 durations as the engine's timers read them, both ways: calendar periods in London, clock durations in hours. */
@Tag("fast")
class DurationsTest {

    @ParameterizedTest(name = "{1} before {0} = {2}")
    @CsvSource({
            "2027-03-01T00:00:00Z, P30D, 2027-01-30T00:00:00Z",
            "2026-04-03T11:00:00Z, P14D, 2026-03-20T12:00:00Z",
            "2026-04-03T11:00:00Z, PT336H, 2026-03-20T11:00:00Z",
            "2033-09-12T08:00:00Z, P6Y, 2027-09-12T08:00:00Z",
    })
    void before(Instant end, String iso, Instant start) {
        assertEquals(start, Durations.before(end, iso));
    }

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource({
            "2026-03-29T00:30:00Z, P1D, 2026-03-29T23:30:00Z",
            "2026-03-29T00:30:00Z, PT24H, 2026-03-30T00:30:00Z",
            "2024-02-29T12:00:00Z, P1Y, 2025-02-28T12:00:00Z",
    })
    void after(Instant start, String iso, Instant end) {
        assertEquals(end, Durations.after(start, iso));
    }
}
