package org.evenhand.audit;

import java.util.Optional;
import org.evenhand.casework.CaseFile;

/**
 * How a case ended, as coarsely as the confidence survey records it beside an answer: no clause,
 * no sanction, no date, so that an answer cannot be matched to its case by what the case decided.
 */
public enum OutcomeBand {
    UPHELD("upheld", "Upheld"),
    NOT_UPHELD("not-upheld", "Not upheld"),
    DISMISSED_AT_TRIAGE("dismissed-at-triage", "Dismissed at triage");

    final String code;
    final String label;

    OutcomeBand(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    /**
     * The band of a case's final outcome (after any appeal); none for a case that ended without one, nor
     * for a withdrawn complaint (nobody decided anything whose handling the survey could ask about).
     */
    static Optional<OutcomeBand> of(CaseFile.Outcome outcome) {
        if (outcome == null || outcome == CaseFile.Outcome.WITHDRAWN) {
            return Optional.empty();
        }
        return Optional.of(switch (outcome) {
            case UPHELD -> UPHELD;
            case NOT_UPHELD -> NOT_UPHELD;
            case DISMISSED_AT_TRIAGE -> DISMISSED_AT_TRIAGE;
            case WITHDRAWN -> throw new IllegalStateException("a withdrawn complaint has no outcome band");
        });
    }

    static OutcomeBand ofCode(String code) {
        for (OutcomeBand b : values()) {
            if (b.code.equals(code)) {
                return b;
            }
        }
        throw new IllegalArgumentException("no outcome band " + code);
    }
}
