package org.evenhand.common;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;

/** ISO-8601 durations as the engine's timers read them: P14D (calendar) or PT36H (clock). */
public final class Durations {

    private Durations() {
    }

    public static Instant before(Instant end, String iso) {
        if (iso.contains("T")) {
            return end.minus(Duration.parse(iso));
        }
        return end.atZone(TimeSource.ZONE).minus(Period.parse(iso)).toInstant();
    }

    public static Instant after(Instant start, String iso) {
        if (iso.contains("T")) {
            return start.plus(Duration.parse(iso));
        }
        return start.atZone(TimeSource.ZONE).plus(Period.parse(iso)).toInstant();
    }
}
