package org.evenhand.privacy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.evenhand.casework.Erasing;
import org.evenhand.common.Durations;

/**
 * When a concluded case's retention falls: an upheld case is anonymised after one period, any
 * other destroyed after another (to the second), and the DPO warned a set time before.
 */
public record RetentionSchedule(String action, Instant dueAt, Instant warnAt) {

    public static RetentionSchedule of(boolean upheld, Instant concludedAt, String anonymiseAfter, String destroyAfter,
            String warnBefore) {
        Instant due = Durations.after(concludedAt, upheld ? anonymiseAfter : destroyAfter).truncatedTo(ChronoUnit.SECONDS);
        return new RetentionSchedule(upheld ? Erasing.ANONYMISE : Erasing.DESTROY, due, Durations.before(due, warnBefore));
    }

    /**
     * Whether a case must be kept on an erasure request (UK GDPR Art. 17(3)(e)): still open,
     * closed within the legal-claims window, or on legal hold.
     */
    public static boolean keptForLegalClaims(Instant closedAt, boolean onHold, Instant now, String legalClaimsWindow) {
        Instant cutoff = Durations.before(now, legalClaimsWindow);
        return closedAt == null || closedAt.isAfter(cutoff) || onHold;
    }
}
