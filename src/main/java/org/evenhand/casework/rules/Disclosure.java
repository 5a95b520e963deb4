package org.evenhand.casework.rules;

/**
 * Who may see who complained (decision 0029). By default the respondent is told who complained
 * once the allegation is put to them; a complainant may ask for anonymity when filing, and a
 * caseworker grants or refuses it at triage with reasons. A granted anonymity is never undone. The
 * complainants who joined a case about the same conduct (a pile-on) are never named to the
 * respondent, nor to one another: the respondent is told how many, no more. Panels work blind and
 * see no names at all; the caseworker handling the case sees everyone.
 */
public final class Disclosure {

    private Disclosure() {
    }

    /** Who is looking. */
    public enum Reader {
        /** The member complained about. */
        RESPONDENT,
        /** The first complainant, whose complaint opened the case. */
        COMPLAINANT,
        /** A complainant who joined the case with a complaint about the same conduct. */
        JOINED_COMPLAINANT,
        CASEWORKER,
        PANEL
    }

    /** Where the first complainant's request for anonymity stands. */
    public enum Anonymity {
        /** None was asked for: the name is shared with the respondent. */
        NOT_ASKED,
        /** Asked for, not yet decided: the name is kept back until it is. */
        ASKED,
        GRANTED,
        REFUSED;

        /** Whether triage must grant or refuse it now (and may not otherwise give a decision). */
        public boolean needsDecision() {
            return this == ASKED;
        }

        /**
         * What a caseworker's decision makes of it. Only a pending request is decided; a decision
         * stands for the life of the case (a granted anonymity is never withdrawn; a refused one was
         * acted on when the respondent was told).
         */
        public Anonymity decided(boolean grant) {
            if (this != ASKED) {
                throw new IllegalStateException("only a pending request for anonymity is decided, not " + this);
            }
            return grant ? GRANTED : REFUSED;
        }

        /** Whether the respondent may be told the first complainant's name, once the allegation is put to them. */
        public boolean namesTheComplainant() {
            return this == NOT_ASKED || this == REFUSED;
        }
    }

    /**
     * Whether this reader may see the first complainant's name.
     *
     * @param allegationPut whether the allegation has been put to the respondent (before that the
     *                      respondent sees nothing of the case at all)
     */
    public static boolean seesComplainant(Reader reader, boolean allegationPut, Anonymity anonymity) {
        return switch (reader) {
            case COMPLAINANT, CASEWORKER -> true;
            case PANEL, JOINED_COMPLAINANT -> false;
            case RESPONDENT -> allegationPut && anonymity.namesTheComplainant();
        };
    }

    /**
     * Whether this reader may see the name of a complainant who joined the case: only that
     * complainant themself and the caseworker. Never the respondent (who is told how many), never
     * another complainant, never the panel.
     */
    public static boolean seesJoinedComplainant(Reader reader, boolean themself) {
        return reader == Reader.CASEWORKER || themself && reader == Reader.JOINED_COMPLAINANT;
    }

    /** Whether this reader is told how many others complained: the respondent (once told) and the caseworker. */
    public static boolean toldHowManyJoined(Reader reader, boolean allegationPut) {
        return reader == Reader.CASEWORKER || reader == Reader.RESPONDENT && allegationPut;
    }
}
