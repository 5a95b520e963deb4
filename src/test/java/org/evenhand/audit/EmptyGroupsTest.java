package org.evenhand.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.evenhand.audit.FairnessReport.Count;
import org.evenhand.audit.FairnessReport.GroupRate;
import org.evenhand.audit.FairnessReport.RateMetric;
import org.evenhand.audit.stats.Verdict;
import org.junit.jupiter.api.Test;

/**
 * Suppression protects people, not the absence of them: in a period where only two factions have
 * members and cases, the empty groups show 0 (an absence needs no protection) and the two
 * populated factions' figures, comparisons and the across-factions statistic are all published.
 */
class EmptyGroupsTest {

    static FairnessReport twoFactions() {
        SyntheticPeriod two = new SyntheticPeriod();
        two.factions = new String[] { "left", "right" };
        two.factionWeights = new double[] { 0.5, 0.5 };
        two.declared = 1;
        two.preferNotToSay = 0;
        return two.report();
    }

    @Test
    void aTwoFactionPeriodShowsBothFactionsFigures() {
        FairnessReport r = twoFactions();
        assertEquals(0, r.disclosure().primary(), r.disclosure().toString());
        assertEquals(0, r.disclosure().secondary(), r.disclosure().toString());
        for (String role : List.of("respondent", "complainant")) {
            for (RateMetric m : r.roles().stream().filter(x -> x.role().equals(role)).findFirst().orElseThrow()
                    .rates()) {
                for (String f : List.of("left", "right")) {
                    GroupRate g = m.groups().stream().filter(x -> x.group().equals(f)).findFirst().orElseThrow();
                    assertTrue(g.numerator().published() && g.denominator().published(), role + " " + m.id() + " " + f);
                }
                for (String empty : List.of("soft-left", "centre", "prefer-not-to-say", "undeclared")) {
                    GroupRate g = m.groups().stream().filter(x -> x.group().equals(empty)).findFirst().orElseThrow();
                    assertEquals(Count.of(0), g.numerator(), role + " " + m.id() + " " + empty);
                    assertEquals(Count.of(0), g.denominator(), role + " " + m.id() + " " + empty);
                }
            }
        }
        GroupRate left = CaseMixCallTest.rate(r, "respondent", "upheld", "left");
        GroupRate right = CaseMixCallTest.rate(r, "respondent", "upheld", "right");
        assertEquals(Count.of(1085), left.numerator());
        assertEquals(Count.of(1969), left.denominator());
        assertEquals(Count.of(1034), right.numerator());
        assertEquals(Count.of(1909), right.denominator());
        // left against the rest, which is right: (1085/1969) / (1034/1909)
        assertEquals((1085.0 / 1969) / (1034.0 / 1909), left.comparison().ratio(), 1e-12);
        assertEquals(Verdict.NOT_FLAGGED, left.comparison().verdict());
        assertNotNull(left.byClause().riskRatio(), "the stratified figures are published too");
        assertEquals(Verdict.NOT_FLAGGED, left.assessment().verdict(), left.assessment().explanation());
        assertEquals(Verdict.NOT_FLAGGED, right.assessment().verdict(), right.assessment().explanation());
        GroupRate centre = CaseMixCallTest.rate(r, "respondent", "upheld", "centre");
        assertEquals(Verdict.INSUFFICIENT_EVIDENCE, centre.assessment().verdict());
        RateMetric upheld = r.roles().get(0).rates().stream().filter(m -> m.id().equals("upheld")).findFirst()
                .orElseThrow();
        assertNotNull(upheld.acrossFactions().pValue(), "the across-factions statistic is published");
        assertEquals(2, upheld.acrossFactions().groups());
        assertEquals(Count.of(0), r.population().stream().filter(p -> p.group().equals("centre")).findFirst()
                .orElseThrow().members());
        assertEquals(Count.of(20_000), r.population().stream().filter(p -> p.group().equals("all")).findFirst()
                .orElseThrow().members());
    }

    /** A small count in a populated group is still protected, and so is whatever would reveal it. */
    @Test
    void smallCountsInPopulatedGroupsAreStillSuppressed() {
        SyntheticPeriod p = new SyntheticPeriod();
        p.cases = 400;
        FairnessReport r = p.report();
        assertTrue(r.disclosure().primary() > 0 && r.disclosure().secondary() > 0, r.disclosure().toString());
        for (var role : r.roles()) {
            for (RateMetric m : role.rates()) {
                for (GroupRate g : m.groups()) {
                    for (Count c : List.of(g.numerator(), g.denominator())) {
                        assertTrue(!c.published() || c.value() == 0 || c.value() >= 10, m.id() + " " + g.group()
                                + " " + c);
                    }
                    if (!g.numerator().published() || !g.denominator().published()) {
                        assertEquals(null, g.rate());
                    }
                }
            }
        }
    }
}
