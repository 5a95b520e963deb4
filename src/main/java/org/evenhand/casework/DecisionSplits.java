package org.evenhand.casework;

import java.util.List;
import org.evenhand.casework.rules.PanelTally;

/**
 * How a decision was reached, derived from the votes of its round as stored (PanelTally.splits):
 * per finding, how many members agreed of how many; for an appeal, how many allowed or dismissed it.
 * The votes are counted, never named.
 */
record DecisionSplits(List<PanelTally.Split> findings, PanelTally.Split appeal) {

    static final DecisionSplits NONE = new DecisionSplits(List.of(), null);

    /** The split behind the finding at this position, or null when the votes are not known. */
    PanelTally.Split finding(int i) {
        return i < findings.size() ? findings.get(i) : null;
    }

    static DecisionSplits of(Decision d) {
        if (d.findings == null) {
            return NONE;
        }
        if (!PanelSeat.APPEAL.equals(d.bench)) {
            return new DecisionSplits(splits(d, votes(d.caseId, d.bench, d.decidedAt)), null);
        }
        List<PanelVote> votes = votes(d.caseId, PanelSeat.APPEAL, d.decidedAt);
        if (votes.isEmpty()) {
            return NONE;
        }
        long allowing = votes.stream().filter(v -> Boolean.TRUE.equals(v.allowAppeal)).count();
        PanelTally.Split appeal = PanelTally.appealSplit(allowing, votes.size());
        if (Boolean.TRUE.equals(d.appealAllowed)) {
            List<PanelVote> tallied = votes.stream().filter(v -> Boolean.TRUE.equals(v.allowAppeal)).toList();
            return new DecisionSplits(PanelTally.splits(d.findings, tallied.stream().map(v -> v.findings).toList(),
                    votes.size()), appeal);
        }
        // a dismissed appeal leaves the panel's findings standing, reached as the panel reached them
        List<PanelTally.Split> first = Decision.of(d.caseId, PanelSeat.DECISION)
                .map(f -> splits(f, votes(f.caseId, PanelSeat.DECISION, f.decidedAt))).orElse(List.of());
        return new DecisionSplits(first, appeal);
    }

    private static List<PanelTally.Split> splits(Decision d, List<PanelVote> votes) {
        return votes.isEmpty() ? List.of()
                : PanelTally.splits(d.findings, votes.stream().map(v -> v.findings).toList(), votes.size());
    }

    /** The votes of the round that made a decision: cast by then, and not abandoned before it. */
    private static List<PanelVote> votes(Long caseId, String bench, java.time.Instant decidedAt) {
        return PanelVote.list("caseId = ?1 and bench = ?2 and castAt <= ?3"
                + " and (supersededAt is null or supersededAt > ?3) order by id", caseId, bench, decidedAt);
    }
}
