package org.evenhand.casework.rules;

/**
 * Whether a complainant may withdraw, and what their withdrawal does (decision 0031). A complaint can be
 * withdrawn until the panel decides; after that the decision stands. One complainant of several (a
 * pile-on) withdraws only their own part and the case goes on for the others; when the last complainant
 * still standing withdraws, the case ends through its process.
 */
public final class Withdrawal {

    /** What one complainant's withdrawal does to the case. */
    public enum Effect {
        /** The case ends: no complainant remains. */
        ENDS_CASE,
        /** Only this complainant's part ends; others still stand behind the complaint. */
        ENDS_OWN_PART,
        /** Not allowed: the panel has decided, the case has ended, or they already withdrew. */
        REFUSED
    }

    private Withdrawal() {
    }

    /**
     * @param decided         the panel has decided (or the case has ended in any way)
     * @param alreadyWithdrawn this complainant withdrew before
     * @param othersStanding  complainants other than this one who have not withdrawn
     */
    public static Effect of(boolean decided, boolean alreadyWithdrawn, int othersStanding) {
        if (decided || alreadyWithdrawn) {
            return Effect.REFUSED;
        }
        return othersStanding > 0 ? Effect.ENDS_OWN_PART : Effect.ENDS_CASE;
    }
}
