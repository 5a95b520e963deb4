package org.evenhand.casework.rules;

import java.time.Instant;
import java.util.Optional;

/**
 * What a sanction that stands puts on the member's record, and until when (decision 0031). "No action"
 * and "advice or training" put nothing on it (the definition says advice is not a warning). A sanction
 * whose rung expires (a formal warning, 18 months) or that runs for a term (a suspension of so many
 * months) ends that long after it took effect, and then stops counting for any purpose; anything else
 * (a referral for expulsion) stays on the record with no end.
 *
 * @param sanction          the ladder rung's id
 * @param rung              its place on the ladder (0 is no action)
 * @param expiresAfterMonths the rung's expiry in the definition, if it has one
 * @param termMonths        the term the decision gave (a suspension), if any
 */
public record SanctionOnRecord(String sanction, int rung, Integer expiresAfterMonths, Integer termMonths) {

    /** The rung below which nothing is recorded: no action (0) and advice or training (1). */
    static final int FIRST_RECORDED_RUNG = 2;

    /** Whether the sanction goes on the member's record at all. */
    public boolean isRecorded() {
        return rung >= FIRST_RECORDED_RUNG;
    }

    /** When it ends, taking effect at {@code takesEffect}; empty for a sanction that does not end. */
    public Optional<Instant> endsAt(Instant takesEffect) {
        Integer months = termMonths != null ? termMonths : expiresAfterMonths;
        if (!isRecorded() || months == null || months <= 0) {
            return Optional.empty();
        }
        return Optional.of(Deadlines.due(takesEffect, "P" + months + "M"));
    }

    /** Whether a recorded sanction that took effect then still counts at {@code at}. */
    public boolean isLiveAt(Instant takesEffect, Instant at) {
        return isRecorded() && endsAt(takesEffect).map(at::isBefore).orElse(true);
    }
}
