package org.evenhand.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The current time as the process engine sees it, so that case dates and engine timers
 * agree (and move together when tests move the engine clock).
 */
public interface TimeSource {

    ZoneId ZONE = ZoneId.of("Europe/London");

    Instant now();

    default LocalDate today() {
        return now().atZone(ZONE).toLocalDate();
    }
}
