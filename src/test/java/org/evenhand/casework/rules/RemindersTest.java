package org.evenhand.casework.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When a reminder goes: the lead before the window closes, never in the window's first half (decision 0035). */
@Tag("fast")
class RemindersTest {

    @ParameterizedTest(name = "opened {0}, window {1}, lead {2} -> {3}")
    @CsvSource({
            // a lead well inside the window: that long before it closes (calendar days, London time)
            "2026-03-02T10:00:00Z, P14D, P3D,   2026-03-13T10:00:00Z",
            "2026-03-02T10:00:00Z, P7D,  P2D,   2026-03-07T10:00:00Z",
            // hours count as hours
            "2026-03-02T10:00:00Z, PT72H, PT12H, 2026-03-04T22:00:00Z",
            // exactly half: the lead stands
            "2026-03-02T10:00:00Z, P6D,  P3D,   2026-03-05T10:00:00Z",
            // a lead longer than half the window: halfway through instead, never at once
            "2026-03-02T10:00:00Z, P4D,  P3D,   2026-03-04T10:00:00Z",
            "2026-03-02T10:00:00Z, P2D,  P7D,   2026-03-03T10:00:00Z",
            // across the clocks going forward (29 March 2026): calendar days keep the hour of day
            "2026-03-20T10:00:00Z, P14D, P3D,   2026-03-31T09:00:00Z",
    })
    void remindAt(String from, String window, String lead, String expected) {
        assertEquals(Instant.parse(expected), Reminders.remindAt(Instant.parse(from), window, lead));
    }
}
