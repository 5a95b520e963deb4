package org.evenhand.casework.rules;

import java.util.ArrayList;
import java.util.List;
import org.evenhand.casework.Finding;

/**
 * Ballots written as the tables write them: "harassment+ bullying- formal-warning" (a finding per
 * clause, + upheld, - not; then the sanction), optionally "suspension:6" for a term and
 * "|reason" for a departure reason. Votes are separated by " / ".
 */
final class Ballots {

    private Ballots() {
    }

    static List<PanelTally.Ballot> parse(String votes) {
        List<PanelTally.Ballot> out = new ArrayList<>();
        for (String vote : votes.split(" / ")) {
            String departure = null;
            int bar = vote.indexOf('|');
            if (bar >= 0) {
                departure = vote.substring(bar + 1);
                vote = vote.substring(0, bar);
            }
            List<Finding> findings = new ArrayList<>();
            String sanction = null;
            Integer months = null;
            for (String token : vote.trim().split("\\s+")) {
                if (token.endsWith("+") || token.endsWith("-")) {
                    findings.add(new Finding(token.substring(0, token.length() - 1), token.endsWith("+")));
                } else {
                    String[] s = token.split(":");
                    sanction = s[0];
                    months = s.length > 1 ? Integer.valueOf(s[1]) : null;
                }
            }
            out.add(new PanelTally.Ballot(findings, sanction, months, departure));
        }
        return out;
    }

    static List<Finding> findings(String spec) {
        if (spec.isBlank()) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (String token : spec.trim().split("\\s+")) {
            out.add(new Finding(token.substring(0, token.length() - 1), token.endsWith("+")));
        }
        return out;
    }
}
