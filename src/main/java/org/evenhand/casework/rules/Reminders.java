package org.evenhand.casework.rules;

import java.time.Duration;
import java.time.Instant;
import org.evenhand.common.Durations;

/**
 * When a reminder goes (decision 0035): a configured lead before a party's window closes or a
 * stage's target passes, but never in the first half of the window, so that a short window (or a
 * long lead) does not remind someone the moment they were told. Leads and windows are ISO-8601
 * durations, counted as {@link Deadlines#due} counts them.
 */
public final class Reminders {

    /** The process variables holding the leads, set when a complaint's process starts. */
    public static final String PARTY_LEAD = "reminderLeadParty";
    public static final String HANDLER_LEAD = "reminderLeadHandler";

    private Reminders() {
    }

    /** When the reminder goes for a window or target of length {@code window} opened at {@code from}. */
    public static Instant remindAt(Instant from, String window, String lead) {
        Instant due = Deadlines.due(from, window);
        Instant halfway = from.plus(Duration.between(from, due).dividedBy(2));
        Instant early = Durations.before(due, lead);
        return early.isBefore(halfway) ? halfway : early;
    }
}
