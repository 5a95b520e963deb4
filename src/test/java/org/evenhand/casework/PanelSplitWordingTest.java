package org.evenhand.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.evenhand.casework.rules.PanelTally;
import org.evenhand.definition.DefinitionVersion;
import org.evenhand.testing.PublishedDefinition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The parties read a majority as a majority: each finding says how many of the panel agreed, nobody named. */
@Tag("fast")
class PanelSplitWordingTest {

    static final DefinitionVersion V = PublishedDefinition.version("2026.1");

    /** A ballot upholding harassment or not, as many times as asked. */
    static List<List<Finding>> ballots(int upholding, int notUpholding) {
        List<List<Finding>> out = new ArrayList<>();
        for (int i = 0; i < upholding + notUpholding; i++) {
            out.add(List.of(new Finding("harassment", i < upholding)));
        }
        return out;
    }

    @ParameterizedTest(name = "{0}-{1} -> {2}")
    @CsvSource(delimiter = ';', value = {
            "3; 0; - Harassment: upheld unanimously",
            "2; 1; - Harassment: upheld by 2 of 3 panel members",
            "1; 2; - Harassment: not upheld by 2 of 3 panel members",
            "0; 3; - Harassment: not upheld unanimously",
    })
    void thePanelsSplitInTheDecisionLetter(int upholding, int notUpholding, String line) {
        List<List<Finding>> votes = ballots(upholding, notUpholding);
        List<Finding> findings = PanelTally.tally(List.of("harassment"), org.evenhand.definition.SanctionLadder.of(V),
                votes.stream().map(b -> new PanelTally.Ballot(b, "formal-warning", null, null)).toList()).findings();
        List<PanelTally.Split> splits = PanelTally.splits(findings, votes, 3);
        Letters.Letter l = LetterTemplates.render("decision", new Letters.PanelDecision("2026.1",
                Letters.findings(V, findings, splits), Letters.sanction(V, "formal-warning", null), "Reasons.",
                Instant.parse("2026-10-03T08:00:00Z")));
        assertTrue(l.body().contains("\n" + line + "\n"), l.body());
        assertTrue(!l.body().contains("Panel member 1 voted"), "nobody's vote is attributed");
    }

    @ParameterizedTest(name = "appeal {0} of 3 allow, {1} of them uphold -> {2} / {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "3| 3| The appeal panel has allowed the appeal unanimously and substituted this decision:| - Harassment: upheld unanimously",
            "2| 2| The appeal panel has allowed the appeal, by 2 of 3 panel members, and substituted this decision:| - Harassment: upheld by 2 of the 2 panel members who allowed the appeal",
            "2| 0| The appeal panel has allowed the appeal, by 2 of 3 panel members, and substituted this decision:| - Harassment: not upheld by 2 of the 2 panel members who allowed the appeal",
            "1| 1| The appeal panel has dismissed the appeal, by 2 of 3 panel members; the panel's decision stands.| ",
            "0| 0| The appeal panel has dismissed the appeal unanimously; the panel's decision stands.| ",
    })
    void theAppealPanelsSplit(int allowing, int upholding, String opening, String line) {
        PanelTally.Split vote = PanelTally.appealSplit(allowing, 3);
        boolean allowed = vote.upheld();
        List<List<Finding>> tallied = ballots(upholding, allowing - upholding);
        List<Finding> findings = List.of(new Finding("harassment", upholding * 2 > allowing));
        Letters.Letter l = LetterTemplates.render("appealDecision", new Letters.AppealDecision(allowed, vote,
                allowed ? Letters.findings(V, findings, PanelTally.splits(findings, tallied, 3)) : List.of(),
                allowed ? Letters.sanction(V, "advice-training", null) : null, "Appeal reasons."));
        assertTrue(l.body().startsWith(opening), l.body());
        if (line != null && !line.isBlank()) {
            assertTrue(l.body().contains("\n" + line + "\n"), l.body());
        }
        assertEquals(allowed, allowing >= 2);
    }
}
