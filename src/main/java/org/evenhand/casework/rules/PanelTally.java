package org.evenhand.casework.rules;

import java.util.Comparator;
import java.util.List;
import org.evenhand.casework.Finding;
import org.evenhand.definition.SanctionLadder;

/**
 * How a panel's votes become its decision: the majority on each engaged clause; the median
 * sanction among the votes, brought back onto the ladder for the clauses upheld unless a member
 * who voted for it recorded why the panel departs from the ladder; a suspension's term the median
 * of the terms voted. An appeal is allowed when most of its panel allow it.
 */
public final class PanelTally {

    private PanelTally() {
    }

    /** One member's vote, its departure reason in clear (null or blank when none). */
    public record Ballot(List<Finding> findings, String sanction, Integer months, String departureReason) {

        boolean upholds(String clause) {
            return findings.stream().anyMatch(f -> f.clause().equals(clause) && f.upheld());
        }

        boolean departs() {
            return departureReason != null && !departureReason.isBlank();
        }
    }

    /** The panel's decision; departureReasons are given only when the sanction is off the ladder because of them. */
    public record Result(List<Finding> findings, boolean upheld, String sanction, Integer months,
            List<String> departureReasons) {

        public List<String> upheldClauses() {
            return PanelTally.upheld(findings);
        }
    }

    public static Result tally(List<String> engagedClauses, SanctionLadder ladder, List<Ballot> ballots) {
        List<Finding> findings = engagedClauses.stream().map(clause -> new Finding(clause,
                isMajority(ballots.stream().filter(b -> b.upholds(clause)).count(), ballots.size()))).toList();
        List<String> upheld = upheld(findings);
        if (upheld.isEmpty()) {
            return new Result(findings, false, SanctionLadder.NO_ACTION, null, List.of());
        }
        String median = ballots.stream().map(Ballot::sanction).sorted(Comparator.comparingInt(ladder::rung)).toList()
                .get((ballots.size() - 1) / 2);
        List<String> allowed = ladder.allowedFor(upheld);
        List<String> departures = ballots.stream().filter(b -> b.sanction().equals(median) && b.departs())
                .map(Ballot::departureReason).toList();
        String sanction = median;
        List<String> departed = List.of();
        if (!allowed.contains(median)) {
            if (departures.isEmpty()) {
                sanction = ladder.nearestAllowed(median, allowed);
            } else {
                departed = departures;
            }
        }
        Integer months = null;
        if (SanctionLadder.SUSPENSION.equals(sanction)) {
            List<Integer> terms = ballots.stream().filter(b -> SanctionLadder.SUSPENSION.equals(b.sanction()))
                    .map(Ballot::months).sorted().toList();
            months = terms.isEmpty() ? 1 : terms.get((terms.size() - 1) / 2);
        }
        return new Result(findings, true, sanction, months, departed);
    }

    /**
     * How a finding was reached, for the parties to read: how many of the members whose votes
     * were tallied agreed with it, of how many, on a panel of how many (an allowed appeal is
     * tallied among the members who allowed it). Nobody is named.
     */
    public record Split(boolean upheld, int agreeing, int of, int panel) {

        /** Every member of the panel agreed. */
        public boolean unanimous() {
            return agreeing == of && of == panel;
        }

        /** The finding was tallied among some of the panel only (those who allowed an appeal). */
        public boolean amongAllowing() {
            return of < panel;
        }
    }

    /** The split behind each finding, from the findings of the ballots tallied and the panel's size. */
    public static List<Split> splits(List<Finding> findings, List<List<Finding>> ballots, int panel) {
        return findings.stream().map(f -> {
            int upholding = (int) ballots.stream().filter(b -> b.stream()
                    .anyMatch(x -> x.clause().equals(f.clause()) && Boolean.TRUE.equals(x.upheld()))).count();
            boolean upheld = Boolean.TRUE.equals(f.upheld());
            return new Split(upheld, upheld ? upholding : ballots.size() - upholding, ballots.size(), panel);
        }).toList();
    }

    /** How an appeal panel divided on allowing the appeal. */
    public static Split appealSplit(long allowing, int votes) {
        boolean allowed = appealAllowed(allowing, votes);
        return new Split(allowed, (int) (allowed ? allowing : votes - allowing), votes, votes);
    }

    /** An appeal is allowed when more than half of the votes allow it. */
    public static boolean appealAllowed(long allowing, int votes) {
        return isMajority(allowing, votes);
    }

    static boolean isMajority(long count, int of) {
        return count * 2 > of;
    }

    public static List<String> upheld(List<Finding> findings) {
        return findings.stream().filter(Finding::upheld).map(Finding::clause).toList();
    }
}
