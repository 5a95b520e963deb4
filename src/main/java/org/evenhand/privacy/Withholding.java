package org.evenhand.privacy;

import java.util.ArrayList;
import java.util.List;

/**
 * What a subject access pack leaves out of a case, and the exemption relied on for each (decision
 * 0041). Plain code, tested without booting anything. The pack holds every case about the member,
 * including those never put to them; what other people are (their names, membership numbers, logins,
 * emails) is withheld as the disclosure rule of decision 0029 has it, and each withholding is listed in
 * the pack's index and recorded on the request when the DPO answers it.
 */
public final class Withholding {

    private Withholding() {
    }

    /** The exemptions the pack relies on (Data Protection Act 2018). */
    public enum Exemption {
        /** Sch. 2 Part 3 para. 16: information about another individual who can be identified from it. */
        THIRD_PARTY("dpa-2018-sch-2-para-16");

        private final String code;

        Exemption(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Exemption of(String code) {
            for (Exemption e : values()) {
                if (e.code.equals(code)) {
                    return e;
                }
            }
            throw new IllegalArgumentException("no such exemption: " + code);
        }
    }

    /** What is left out. */
    public enum What {
        /** Who complained (the first complainant): not named to the respondent. */
        COMPLAINANT_IDENTITY("complainant-identity"),
        /** Who else complained about the same conduct, and what they wrote (they are counted, never named). */
        OTHER_COMPLAINANTS("other-complainants"),
        /** In a complainant's pack: the member complained about, shown as "the respondent". */
        RESPONDENT_IDENTITY("respondent-identity"),
        /** Files the complainant gave, until the DPO sends copies with other people's details removed. */
        COMPLAINANTS_FILES("complainants-files"),
        /** The staff who handled the cases, shown by their role. */
        STAFF_NAMES("staff-names");

        private final String code;

        What(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static What of(String code) {
            for (What w : values()) {
                if (w.code.equals(code)) {
                    return w;
                }
            }
            throw new IllegalArgumentException("no such withholding: " + code);
        }
    }

    /** The member's place in a case. */
    public enum Role {
        RESPONDENT, FIRST_COMPLAINANT, JOINED_COMPLAINANT
    }

    /**
     * One thing withheld: on which case (null: the whole pack), what, under which exemption, and how
     * many (for other complainants and files; null otherwise).
     */
    public record Withheld(String caseRef, What what, Exemption exemption, Integer count) {
    }

    /**
     * The facts about one case that decide what is withheld from the member's pack.
     *
     * @param complainantNamed whether the respondent may be told who complained (decision 0029); only for
     *     the respondent
     * @param othersComplained how many complained about the same conduct besides the first complainant
     * @param complainantFiles files the complainant gave that the pack names but does not hold (respondent)
     */
    public record CaseFacts(String ref, Role role, boolean complainantNamed, int othersComplained,
            int complainantFiles) {
    }

    /** What the pack withholds from this case. */
    public static List<Withheld> forCase(CaseFacts c) {
        List<Withheld> out = new ArrayList<>();
        switch (c.role()) {
            case RESPONDENT -> {
                if (!c.complainantNamed()) {
                    out.add(new Withheld(c.ref(), What.COMPLAINANT_IDENTITY, Exemption.THIRD_PARTY, null));
                }
                // complaints about the member are theirs to know of, and how many; who made them is not
                if (c.othersComplained() > 0) {
                    out.add(new Withheld(c.ref(), What.OTHER_COMPLAINANTS, Exemption.THIRD_PARTY, c.othersComplained()));
                }
                if (c.complainantFiles() > 0) {
                    out.add(new Withheld(c.ref(), What.COMPLAINANTS_FILES, Exemption.THIRD_PARTY, c.complainantFiles()));
                }
            }
            case FIRST_COMPLAINANT -> out.add(new Withheld(c.ref(), What.RESPONDENT_IDENTITY, Exemption.THIRD_PARTY, null));
            case JOINED_COMPLAINANT -> {
                out.add(new Withheld(c.ref(), What.RESPONDENT_IDENTITY, Exemption.THIRD_PARTY, null));
                // a joined complainant knows the case had a first complainant; they are never told who (nor how many more)
                out.add(new Withheld(c.ref(), What.OTHER_COMPLAINANTS, Exemption.THIRD_PARTY, null));
            }
            default -> throw new IllegalArgumentException(String.valueOf(c.role()));
        }
        return out;
    }

    /** What the whole pack withholds: each case's, and the staff's names once if there is any case. */
    public static List<Withheld> forPack(List<CaseFacts> cases) {
        List<Withheld> out = new ArrayList<>();
        cases.forEach(c -> out.addAll(forCase(c)));
        if (!cases.isEmpty()) {
            out.add(new Withheld(null, What.STAFF_NAMES, Exemption.THIRD_PARTY, null));
        }
        return out;
    }
}
