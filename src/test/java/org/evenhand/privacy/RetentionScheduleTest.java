package org.evenhand.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Storage limitation: an upheld case is anonymised, any other destroyed, each after its period,
 * the DPO warned before; on an erasure request a case is kept while open, within the
 * legal-claims window after closing, or on legal hold.
 */
@Tag("fast")
class RetentionScheduleTest {

    @ParameterizedTest(name = "upheld {0}, concluded {1} -> {2} on {3}, warned {4}")
    @CsvSource({
            "true, 2026-09-12T08:00:00.750Z, anonymise, 2032-09-12T08:00:00Z, 2032-08-13T08:00:00Z",
            "false, 2026-09-12T08:00:00Z, destroy, 2027-09-12T08:00:00Z, 2027-08-13T08:00:00Z",
            "false, 2026-01-15T12:00:00Z, destroy, 2027-01-15T12:00:00Z, 2026-12-16T12:00:00Z",
    })
    void retention(boolean upheld, Instant concluded, String action, Instant due, Instant warn) {
        RetentionSchedule r = RetentionSchedule.of(upheld, concluded, "P6Y", "P1Y", "P30D");
        assertEquals(action, r.action());
        assertEquals(due, r.dueAt());
        assertEquals(warn, r.warnAt());
    }

    @ParameterizedTest(name = "closed {0}, on hold {1} -> kept {2}")
    @CsvSource({
            ", false, true",
            "2026-06-01T00:00:00Z, false, true",
            "2020-06-01T00:00:00Z, false, false",
            "2020-06-01T00:00:00Z, true, true",
            "2020-09-12T09:00:00Z, false, false",
            "2020-09-12T07:00:00Z, false, false",
            "2020-09-12T10:00:00Z, false, true",
    })
    void keptForLegalClaims(Instant closedAt, boolean onHold, boolean kept) {
        assertEquals(kept, RetentionSchedule.keptForLegalClaims(closedAt, onHold, Instant.parse("2026-09-12T09:00:00Z"),
                "P6Y"));
    }
}
