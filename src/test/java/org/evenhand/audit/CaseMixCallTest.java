package org.evenhand.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.evenhand.audit.FairnessReport.ClauseStratum;
import org.evenhand.audit.FairnessReport.GroupRate;
import org.evenhand.audit.FairnessReport.RateMetric;
import org.evenhand.audit.stats.Verdict;
import org.junit.jupiter.api.Test;

/**
 * The call under case mix, on periods made in memory (no database, no Quarkus): factions that
 * differ only in the mix of clauses within one tier are not flagged, and the report says why; a
 * bias within one clause is flagged for that clause; a clause flagged in the opposite direction
 * is a finding of its own.
 */
class CaseMixCallTest {

    /**
     * Tier 3 clauses upheld at very different rates; "left" respondents' tier-3 complaints are
     * mostly about hateful language (upheld 85%), everyone else's mostly about harassment (30%).
     * The tier's share of complaints is the same for every faction, and within each clause every
     * faction is treated alike.
     */
    static SyntheticPeriod clauseMixWithinTier3() {
        SyntheticPeriod p = new SyntheticPeriod();
        p.seed = 7;
        p.cases = 20_000;
        p.upheld.put("harassment", 0.3);
        p.upheld.put("intimidation", 0.45);
        p.upheld.put("hateful-language", 0.85);
        p.upheld.put("dehumanising-language", 0.6);
        p.upheld.put("false-allegation", 0.5);
        p.mixFaction = "left";
        p.mixWeights.put("hateful-language", 0.9);
        p.mixWeights.put("harassment", 0.05);
        return p;
    }

    static GroupRate rate(FairnessReport r, String role, String metric, String group) {
        RateMetric m = r.roles().stream().filter(x -> x.role().equals(role)).findFirst().orElseThrow().rates()
                .stream().filter(x -> x.id().equals(metric)).findFirst().orElseThrow();
        return m.groups().stream().filter(g -> g.group().equals(group)).findFirst().orElseThrow();
    }

    static ClauseStratum clause(GroupRate g, String clause) {
        return g.clauses().stream().filter(c -> !c.pooled() && c.clauses().equals(List.of(clause))).findFirst()
                .orElseThrow(() -> new AssertionError("no stratum for " + clause + " in " + g.clauses()));
    }

    static void print(FairnessReport r, String faction) {
        GroupRate g = rate(r, "respondent", "upheld", faction);
        System.out.println(faction + ": " + g.assessment().verdict() + " crude " + g.comparison().verdict() + " tier "
                + g.byTier().verdict() + " clause " + g.byClause().verdict() + " " + g.byClause().basis());
        g.clauses().forEach(c -> System.out.println("   " + c.tier() + " " + c.clauses() + " " + c.pooled() + " "
                + c.comparison().verdict() + " " + c.comparison().ratio()));
    }

    @Test
    void factionsDifferingOnlyInClauseMixWithinATierAreNotFlagged() {
        FairnessReport r = clauseMixWithinTier3().report();
        GroupRate left = rate(r, "respondent", "upheld", "left");
        // What the old call (tiers only) saw: a disparity, raw and within tier 3.
        assertEquals(Verdict.FLAGGED, left.comparison().verdict(), "raw: " + left.comparison());
        assertEquals(Verdict.FLAGGED, left.byTier().verdict(), "within tiers it stays: " + left.byTier());
        // The call: within each clause, none.
        assertEquals(Verdict.NOT_FLAGGED, left.byClause().verdict(), left.byClause().reason());
        assertTrue(left.byClause().ciLower() > 0.8 && left.byClause().ciUpper() < 1.25, left.byClause().toString());
        assertEquals("each clause within its severity tier (9 clauses on their own)", left.byClause().basis());
        assertEquals(Verdict.NOT_FLAGGED, left.assessment().verdict(), left.assessment().explanation());
        String why = left.assessment().explanation();
        assertTrue(why.contains("This is explained by the mix of clauses: within each clause, left respondents fare"
                + " like the rest (Mantel-Haenszel ratio 1.02, 95% interval 0.99-1.05"), why);
        assertTrue(why.contains("Their complaints more often engage \"hateful language\" (hateful-language, tier 3:"
                + " 46% of theirs, 14% of the rest's), where the rate is higher for everyone (84%, against 57%"
                + " overall)."), why);
        assertTrue(why.contains("Within severity tiers alone the difference remains"), why);
        assertTrue(why.contains("Simpson's paradox"), why);
        for (String f : List.of("soft-left", "centre", "right")) {
            assertEquals(Verdict.NOT_FLAGGED, rate(r, "respondent", "upheld", f).assessment().verdict(), f);
        }
        assertTrue(r.findings().get(0).startsWith("0 findings flagged over 80 comparisons"), r.findings().get(0));
        assertTrue(r.findings().stream().skip(1).allMatch(x -> x.startsWith("Upheld (respondents, left): not flagged"
                + " after allowing for case mix. Raw figures:")), r.findings().toString());
        assertEquals(2, r.findings().size(), r.findings().toString());
    }

    @Test
    void aBiasWithinOneClauseIsFlaggedForThatClause() {
        SyntheticPeriod p = clauseMixWithinTier3();
        p.biasFaction = "right";
        p.bias.put("bullying", 1.5);
        FairnessReport r = p.report();
        GroupRate right = rate(r, "respondent", "upheld", "right");
        assertEquals(Verdict.FLAGGED, right.assessment().verdict(), right.assessment().explanation());
        assertEquals(Verdict.NOT_FLAGGED, right.comparison().verdict(), "the raw figures hide it");
        assertEquals(Verdict.NOT_FLAGGED, right.byClause().verdict(), "diluted over all clauses");
        ClauseStratum bullying = clause(right, "bullying");
        assertEquals(Verdict.FLAGGED, bullying.comparison().verdict(), bullying.toString());
        assertEquals(1.47, bullying.comparison().ratio(), 0.005);
        for (ClauseStratum c : right.clauses()) {
            if (c != bullying) {
                assertTrue(c.comparison().verdict() != Verdict.FLAGGED, c.toString());
            }
        }
        assertTrue(right.assessment().explanation().startsWith("Within clause \"bullying\" (bullying, tier 2), for"
                + " right respondents, upheld is 1.47 times the rest's (95% interval 1.34-1.61"),
                right.assessment().explanation());
        assertTrue(right.assessment().explanation().contains("The Breslow-Day test (p < 0.0001) finds that the"
                + " disparity is not the same in every clause"), right.assessment().explanation());
        assertEquals(1, r.findings().stream().filter(f -> f.startsWith("Upheld (respondents, right), higher: Within"
                + " clause \"bullying\"")).count(), r.findings().toString());
        assertTrue(r.findings().get(0).startsWith("1 finding flagged over 80 comparisons"), r.findings().get(0));
        assertEquals(Verdict.NOT_FLAGGED, rate(r, "respondent", "upheld", "left").assessment().verdict(),
                "the case mix is still explained");
    }

    @Test
    void aClauseFlaggedTheOtherWayIsAFindingOfItsOwn() {
        SyntheticPeriod p = clauseMixWithinTier3();
        p.biasFaction = "right";
        p.bias.put("bullying", 2.0);
        p.bias.put("intimidation", 2.0);
        p.bias.put("dehumanising-language", 1.6);
        p.bias.put("false-allegation", 1.8);
        p.bias.put("harassment", 0.4);
        FairnessReport r = p.report();
        GroupRate right = rate(r, "respondent", "upheld", "right");
        assertEquals(Verdict.FLAGGED, right.byClause().verdict(), right.byClause().toString());
        assertEquals(Verdict.FLAGGED, clause(right, "harassment").comparison().verdict());
        List<String> mine = r.findings().stream().filter(f -> f.startsWith("Upheld (respondents, right)")).toList();
        assertEquals(2, mine.size(), mine.toString());
        assertTrue(mine.get(0).startsWith("Upheld (respondents, right): Comparing like with like (within each"
                + " clause), right respondents differ from the rest: Mantel-Haenszel ratio"), mine.get(0));
        assertTrue(!mine.get(0).contains("harassment"), "the opposite clause is not folded in: " + mine.get(0));
        assertTrue(mine.get(1).startsWith("Upheld (respondents, right), lower: In the opposite direction to the"
                + " comparison over all clauses, within clause \"harassment\" (harassment, tier 3), for right"
                + " respondents, upheld: lower: the ratio is outside 0.8-1.25 and its 95% interval excludes 1 (figures"
                + " withheld: small numbers)."), mine.get(1));
        assertTrue(right.assessment().explanation().contains(" Separately: In the opposite direction"),
                right.assessment().explanation());
    }

    @Test
    void thinClausesAreTakenTogetherWithinTheirTierAndTheReportSaysSo() {
        SyntheticPeriod p = clauseMixWithinTier3();
        p.cases = 2500;
        FairnessReport r = p.report();
        GroupRate left = rate(r, "respondent", "upheld", "left");
        assertEquals("each clause within its severity tier (7 clauses on their own); clauses with fewer than 10"
                + " cases on a side are taken together within their tier: tier 3 (harassment, intimidation)",
                left.byClause().basis());
        ClauseStratum pooled = left.clauses().stream().filter(ClauseStratum::pooled).findFirst().orElseThrow();
        assertEquals(List.of("harassment", "intimidation"), pooled.clauses());
        assertEquals(3, pooled.tier());
        assertEquals(Verdict.NOT_FLAGGED, left.assessment().verdict(), left.assessment().explanation());
        assertEquals(Verdict.FLAGGED, left.comparison().verdict());
    }
}
