package org.evenhand.casework.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.evenhand.casework.Finding;
import org.evenhand.common.Problem;
import org.evenhand.common.ProblemException;
import org.evenhand.definition.SanctionLadder;

/**
 * What a panel member's vote must hold: one finding for each clause engaged at triage and no
 * other; a sanction on the ladder; no-action when nothing is upheld; a sanction outside the
 * ladder for the clauses upheld only with a reason for departing; a suspension's term of 1 to
 * its maximum months, and no term for anything else.
 */
public final class VoteRules {

    private VoteRules() {
    }

    /** Throws a 400 naming the field at fault; returns normally when the vote may be cast. */
    public static void check(List<String> engaged, SanctionLadder ladder, List<Finding> findings, String sanction,
            Integer months, String departure) {
        checkFindings(engaged, findings);
        checkSanction(ladder, findings, sanction, months, departure);
    }

    /** The findings alone (step one of a panel member's decision): one for each engaged clause and no other. */
    public static void checkFindings(List<String> engaged, List<Finding> findings) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Finding f : findings) {
            if (f.clause() == null || !engaged.contains(f.clause())) {
                errors.add(new Problem.FieldError("findings", "clause '" + f.clause()
                        + "' was not engaged at triage (engaged: " + String.join(", ", engaged) + ")"));
            } else if (!seen.add(f.clause())) {
                errors.add(new Problem.FieldError("findings", "clause '" + f.clause() + "' appears twice"));
            }
        }
        if (errors.isEmpty() && !seen.containsAll(engaged)) {
            errors.add(new Problem.FieldError("findings", "give a finding for every engaged clause: "
                    + String.join(", ", engaged)));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /** The sanction, given findings that hold. */
    static void checkSanction(SanctionLadder ladder, List<Finding> findings, String sanction, Integer months,
            String departure) {
        if (ladder.sanction(sanction).isEmpty()) {
            throw ProblemException.invalidField("sanction", "'" + sanction + "' is not on the sanction ladder of"
                    + " definition " + ladder.versionId());
        }
        List<String> upheld = PanelTally.upheld(findings);
        if (upheld.isEmpty() && !SanctionLadder.NO_ACTION.equals(sanction)) {
            throw ProblemException.invalidField("sanction", "no clause is upheld, so the only outcome is no-action");
        }
        List<String> allowed = ladder.allowedFor(upheld);
        if (!allowed.contains(sanction) && (departure == null || departure.isBlank())) {
            throw ProblemException.invalidField("sanction", "'" + sanction + "' is outside the ladder for the clauses"
                    + " upheld (allowed: " + String.join(", ", allowed) + "); record in departureReason why the"
                    + " panel departs from it");
        }
        if (SanctionLadder.SUSPENSION.equals(sanction)) {
            int max = ladder.maxMonths(sanction);
            if (months == null || months < 1 || months > max) {
                throw ProblemException.invalidField("sanctionMonths", "a suspension is for a fixed term of 1 to " + max
                        + " months");
            }
        } else if (months != null) {
            throw ProblemException.invalidField("sanctionMonths", "only a suspension has a term in months");
        }
    }
}
