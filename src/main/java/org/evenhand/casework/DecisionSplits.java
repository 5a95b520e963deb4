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
        return of(d, Decision.<Decision>list("caseId = ?1", d.caseId), PanelVote.list("caseId = ?1 order by id", d.caseId));
    }

    /**
     * The same, from the case's decisions and votes already loaded (every bench, in id order): a view
     * of a case with both decisions reads them with two queries, not one per round.
     */
    static DecisionSplits of(Decision d, List<Decision> decisions, List<PanelVote> votes) {
        if (d.findings == null) {
            return NONE;
        }
        if (!PanelSeat.APPEAL.equals(d.bench)) {
            return new DecisionSplits(splits(d, votes(votes, d.bench, d.decidedAt)), null);
        }
        List<PanelVote> heard = votes(votes, PanelSeat.APPEAL, d.decidedAt);
        if (heard.isEmpty()) {
            return NONE;
        }
        long allowing = heard.stream().filter(v -> Boolean.TRUE.equals(v.allowAppeal)).count();
        PanelTally.Split appeal = PanelTally.appealSplit(allowing, heard.size());
        if (Boolean.TRUE.equals(d.appealAllowed)) {
            List<PanelVote> tallied = heard.stream().filter(v -> Boolean.TRUE.equals(v.allowAppeal)).toList();
            return new DecisionSplits(PanelTally.splits(d.findings, tallied.stream().map(v -> v.findings).toList(),
                    heard.size()), appeal);
        }
        // a dismissed appeal leaves the panel's findings standing, reached as the panel reached them
        List<PanelTally.Split> first = decisions.stream().filter(f -> PanelSeat.DECISION.equals(f.bench)).findFirst()
                .map(f -> splits(f, votes(votes, PanelSeat.DECISION, f.decidedAt))).orElse(List.of());
        return new DecisionSplits(first, appeal);
    }

    private static List<PanelTally.Split> splits(Decision d, List<PanelVote> votes) {
        return votes.isEmpty() ? List.of()
                : PanelTally.splits(d.findings, votes.stream().map(v -> v.findings).toList(), votes.size());
    }

    /** The votes of the round that made a decision: cast by then, and not abandoned before it (in id order). */
    private static List<PanelVote> votes(List<PanelVote> all, String bench, java.time.Instant decidedAt) {
        if (decidedAt == null) {
            return List.of();
        }
        return all.stream().filter(v -> bench.equals(v.bench) && v.castAt != null && !v.castAt.isAfter(decidedAt)
                && (v.supersededAt == null || v.supersededAt.isAfter(decidedAt))).toList();
    }
}
