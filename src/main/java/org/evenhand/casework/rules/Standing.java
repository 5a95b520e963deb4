package org.evenhand.casework.rules;

import java.time.LocalDate;

/**
 * Whether a handler may be drawn at all, before any rule about the case (decision 0038): they must
 * be active (a complaints manager has not deactivated them), trained (a training date on or before
 * today) and their training in date (today on or before its expiry; no expiry recorded means it does
 * not lapse). An untrained, lapsed or inactive handler is never drawn, offered a task, or given one.
 *
 * @param active whether the handler is active
 * @param trainedOn the day their training was completed (null: never trained)
 * @param trainingExpires the last day the training counts (null: it does not lapse)
 */
public record Standing(boolean active, LocalDate trainedOn, LocalDate trainingExpires) {

    /** Active and trained with no expiry: for rules and tests that are not about standing. */
    public static final Standing GOOD = new Standing(true, LocalDate.MIN, null);

    /** Why a handler may or may not be drawn; the first that applies, in this order. */
    public enum Status {
        IN_STANDING, INACTIVE, UNTRAINED, TRAINING_LAPSED;

        /** The code the API gives ("training-lapsed"). */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** The handler's standing on this day. */
    public Status on(LocalDate today) {
        if (!active) {
            return Status.INACTIVE;
        }
        if (trainedOn == null || trainedOn.isAfter(today)) {
            return Status.UNTRAINED;
        }
        if (trainingExpires != null && trainingExpires.isBefore(today)) {
            return Status.TRAINING_LAPSED;
        }
        return Status.IN_STANDING;
    }

    /** Whether the handler may be drawn on this day. */
    public boolean mayBeDrawn(LocalDate today) {
        return on(today) == Status.IN_STANDING;
    }
}
