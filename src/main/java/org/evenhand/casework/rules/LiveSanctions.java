package org.evenhand.casework.rules;

import java.time.Instant;
import java.time.ZoneId;

/**
 * When a panel member may see the respondent's live sanctions (decision 0030): only once they have
 * recorded their findings, so that what the respondent did before cannot colour whether they did
 * this. Which sanctions are live is {@link SanctionOnRecord}'s rule, applied by the sanction-term
 * process (decision 0031).
 */
public final class LiveSanctions {

    private LiveSanctions() {
    }

    /** When live sanctions are shown to a panel member: after their findings, before the sanction is final. */
    public static boolean shownTo(boolean findingsRecorded) {
        return findingsRecorded;
    }
}
