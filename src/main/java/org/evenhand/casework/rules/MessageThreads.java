package org.evenhand.casework.rules;

/**
 * Who may read and write which message thread on a case (decision 0033). Each member who is a
 * party (the first complainant, each complainant who joined, the respondent) has one thread with
 * the case's caseworkers. A party reads only their own thread; a caseworker who may handle the
 * case reads them all and writes to any; a panel member, who works blind, reads none; anyone else
 * reads none.
 */
public final class MessageThreads {

    private MessageThreads() {
    }

    /** Who is reading. */
    public enum Reader {
        /** a member who is a party to the case */
        PARTY,
        /** a caseworker who may handle the case */
        CASEWORKER,
        /** a panel member seated on the case */
        PANEL,
        /** anyone else */
        OTHER
    }

    /** Whether a thread can be written in now, and if not, why. */
    public enum Open {
        OPEN,
        /** the respondent has not been told of the complaint: nobody may write to them yet */
        NOT_TOLD,
        /** a complainant who withdrew was told they would not hear about the case again */
        WITHDRAWN,
        /** the case's text was destroyed or the member's link to it erased */
        ERASED
    }

    /**
     * Whether this reader may read the thread of {@code threadMember}: a party their own only
     * ({@code reader} is their member id), a caseworker every thread, a panel member none.
     */
    public static boolean mayRead(Reader who, Long reader, Long threadMember) {
        return switch (who) {
            case CASEWORKER -> true;
            case PARTY -> reader != null && reader.equals(threadMember);
            case PANEL, OTHER -> false;
        };
    }

    /** Whether the thread with this party member can take a message now (from either side). */
    public static Open open(boolean respondent, boolean respondentTold, boolean withdrawn, boolean erased) {
        if (erased) {
            return Open.ERASED;
        }
        if (respondent && !respondentTold) {
            return Open.NOT_TOLD;
        }
        return withdrawn ? Open.WITHDRAWN : Open.OPEN;
    }
}
