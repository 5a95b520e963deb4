package org.evenhand.casework.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a standing sanction puts on the member's record and when it stops counting (calendar months in London). */
@Tag("fast")
class SanctionOnRecordTest {

    static final Instant TOOK_EFFECT = Instant.parse("2026-09-01T09:00:00Z");

    @ParameterizedTest(name = "{0} (rung {1}, expires {2}, term {3}): recorded {4}, ends {5}")
    @CsvSource(nullValues = "-", value = {
            "no-action,          0, -,  -,  false, -",
            "advice-training,    1, -,  -,  false, -",
            "formal-warning,     2, 18, -,  true,  2028-03-01T10:00:00Z",
            "suspension,         3, -,  6,  true,  2027-03-01T10:00:00Z",
            "suspension,         3, -,  12, true,  2027-09-01T09:00:00Z",
            "referral-expulsion, 4, -,  -,  true,  -",
            "formal-warning,     2, 0,  -,  true,  -",
    })
    void whatGoesOnTheRecordAndWhenItEnds(String sanction, int rung, Integer expires, Integer term, boolean recorded,
            Instant ends) {
        SanctionOnRecord s = new SanctionOnRecord(sanction, rung, expires, term);
        assertEquals(recorded, s.isRecorded());
        assertEquals(Optional.ofNullable(ends), s.endsAt(TOOK_EFFECT));
    }

    @ParameterizedTest(name = "{0} at {1}: live {2}")
    @CsvSource(nullValues = "-", value = {
            "formal-warning,     2026-09-01T09:00:00Z, true",
            "formal-warning,     2028-03-01T09:59:59Z, true",
            "formal-warning,     2028-03-01T10:00:00Z, false",
            "formal-warning,     2030-01-01T00:00:00Z, false",
            "referral-expulsion, 2040-01-01T00:00:00Z, true",
            "advice-training,    2026-09-02T00:00:00Z, false",
    })
    void aSanctionCountsUntilItEnds(String sanction, Instant at, boolean live) {
        SanctionOnRecord s = switch (sanction) {
            case "formal-warning" -> new SanctionOnRecord(sanction, 2, 18, null);
            case "referral-expulsion" -> new SanctionOnRecord(sanction, 4, null, null);
            default -> new SanctionOnRecord(sanction, 1, null, null);
        };
        assertEquals(live, s.isLiveAt(TOOK_EFFECT, at));
    }
}
