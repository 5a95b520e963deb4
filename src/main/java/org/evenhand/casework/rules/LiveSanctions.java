package org.evenhand.casework.rules;

import java.time.Instant;
import java.time.ZoneId;

/**
 * Which of a respondent's past sanctions are live, and when a panel member may see them (decision
 * 0030). A sanction from an upheld, closed case is live from the day it took effect (the case
 * closing) until it expires: a warning after the months its ladder rung states, a suspension after
 * its term; a sanction with neither (training, referral) stays on the record. No action is never a
 * sanction. A panel member sees the live ones only once they have recorded their findings, so
 * that what the respondent did before cannot colour whether they did this.
 */
public final class LiveSanctions {

    public static final String NO_ACTION = "no-action";

    private LiveSanctions() {
    }

    /**
     * @param expiresAfterMonths the rung's expiry (null: none)
     * @param termMonths the term imposed (a suspension's), null if none
     */
    public static boolean isLive(String sanction, Integer expiresAfterMonths, Integer termMonths, Instant tookEffect,
            Instant now, ZoneId zone) {
        if (sanction == null || NO_ACTION.equals(sanction) || tookEffect == null || now.isBefore(tookEffect)) {
            return false;
        }
        Integer months = termMonths != null ? termMonths : expiresAfterMonths;
        if (months == null) {
            return true;
        }
        return now.isBefore(tookEffect.atZone(zone).plusMonths(months).toInstant());
    }

    /** When live sanctions are shown to a panel member: after their findings, before the sanction is final. */
    public static boolean shownTo(boolean findingsRecorded) {
        return findingsRecorded;
    }
}
