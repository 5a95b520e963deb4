package org.evenhand.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ClockProvider;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The clock Bean Validation judges "past" and "future" by (@PastOrPresent on a conduct date): the
 * {@link TimeSource}'s, in London, so that a command's "not in the future" agrees with case dates and
 * moves with the engine clock in tests.
 */
@ApplicationScoped
public class CaseClock implements ClockProvider {

    @Inject
    TimeSource time;

    @Override
    public Clock getClock() {
        return new Now(time, TimeSource.ZONE);
    }

    private static final class Now extends Clock {
        private final TimeSource time;
        private final ZoneId zone;

        Now(TimeSource time, ZoneId zone) {
            this.time = time;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new Now(time, other);
        }

        @Override
        public Instant instant() {
            return time.now();
        }
    }
}
