package org.evenhand.audit;

import static org.evenhand.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.evenhand.audit.FairnessReport.GroupRate;
import org.evenhand.audit.FairnessReport.RateMetric;
import org.evenhand.audit.FairnessReport.StratumRate;
import org.evenhand.audit.stats.Verdict;
import org.junit.jupiter.api.Test;

/**
 * The report over seeded data: a bias injected against one faction within one severity tier is
 * flagged; a raw disparity that comes only from case mix is not, and is explained.
 */
@QuarkusTest
class FairnessReportTest {

    /** 30,000 complaints in 2012; complaints against "right" members in tier 3 are upheld 1.6 times as often. */
    static final String BIAS = """
            {"seed": 11, "members": 8000, "cases": 30000, "from": "2012-01-01", "to": "2012-12-31",
             "bias": {"faction": "right", "tier": 3, "upheld": 1.6}}""";

    /**
     * 30,000 complaints in 2013, no bias at all; but 60% of complaints against "left" members are
     * about tier-4 clauses, which are upheld far more often for everyone.
     */
    static final String CASE_MIX = """
            {"seed": 12, "members": 8000, "cases": 30000, "from": "2013-01-01", "to": "2013-12-31",
             "upheld": {"2": 0.2, "3": 0.45, "4": 0.85}, "mix": {"faction": "left", "tier": 4, "share": 0.6}}""";

    @Inject
    ObjectMapper json;

    FairnessReport report(String region, String from, String to) throws Exception {
        String body = as("nora").queryParam("from", from).queryParam("to", to).queryParam("region", region)
                .get("/api/audit/fairness").then().statusCode(200).contentType("application/json").extract().asString();
        return json.readValue(body, FairnessReport.class);
    }

    static GroupRate rate(FairnessReport r, String role, String metric, String group) {
        RateMetric m = r.roles().stream().filter(x -> x.role().equals(role)).findFirst().orElseThrow().rates().stream()
                .filter(x -> x.id().equals(metric)).findFirst().orElseThrow();
        return m.groups().stream().filter(g -> g.group().equals(group)).findFirst().orElseThrow();
    }

    static StratumRate tier(GroupRate g, int tier) {
        return g.tiers().stream().filter(t -> t.tier() == tier).findFirst().orElseThrow();
    }

    @Test
    void biasWithinOneTierIsFlagged() throws Exception {
        String region = AuditTestData.region("bias", BIAS);
        FairnessReport r = report(region, "2012-01-01", "2012-12-31");
        GroupRate right = rate(r, "respondent", "upheld", "right");
        assertEquals(Verdict.FLAGGED, right.assessment().verdict(), right.assessment().explanation());
        assertEquals(Verdict.FLAGGED, tier(right, 3).comparison().verdict(), "the biased tier");
        assertEquals(Verdict.NOT_FLAGGED, tier(right, 2).comparison().verdict(), tier(right, 2).comparison().toString());
        assertEquals(Verdict.NOT_FLAGGED, tier(right, 4).comparison().verdict(), tier(right, 4).comparison().toString());
        assertTrue(tier(right, 3).comparison().ratio() > 1.25);
        assertTrue(right.byTier().heterogeneous(), "Breslow-Day sees the disparity differs between tiers");
        assertTrue(right.assessment().explanation().contains("tier 3"), right.assessment().explanation());
        assertTrue(r.findings().stream().anyMatch(f -> f.startsWith("Upheld (respondents, right)")), r.findings().toString());
        for (String other : List.of("left", "soft-left", "centre")) {
            GroupRate g = rate(r, "respondent", "upheld", other);
            assertEquals(Verdict.NOT_FLAGGED, tier(g, 3).comparison().verdict(), other + " is not the biased faction: "
                    + tier(g, 3).comparison());
            assertEquals(Verdict.NOT_FLAGGED, g.assessment().verdict(), other + ": " + g.assessment().explanation());
        }
    }

    @Test
    void caseMixAloneIsNotFlaggedAfterStratificationAndIsExplained() throws Exception {
        String region = AuditTestData.region("mix", CASE_MIX);
        FairnessReport r = report(region, "2013-01-01", "2013-12-31");
        GroupRate left = rate(r, "respondent", "upheld", "left");
        assertEquals(Verdict.FLAGGED, left.comparison().verdict(), "the raw rates differ: " + left.comparison());
        assertTrue(left.comparison().ratio() > 1.25, "raw ratio " + left.comparison().ratio());
        assertEquals(Verdict.NOT_FLAGGED, left.byTier().verdict(), left.byTier().reason());
        assertTrue(left.byTier().ciLower() > 0.8 && left.byTier().ciUpper() < 1.25,
                "within tiers the interval is inside the band: " + left.byTier());
        // few of left's complaints are in tier 2 (60% are pushed into tier 4): too few to tell there
        assertEquals(Verdict.INSUFFICIENT_EVIDENCE, tier(left, 2).comparison().verdict(), tier(left, 2).toString());
        assertEquals(Verdict.NOT_FLAGGED, tier(left, 3).comparison().verdict(), tier(left, 3).toString());
        assertEquals(Verdict.NOT_FLAGGED, tier(left, 4).comparison().verdict(), tier(left, 4).toString());
        assertEquals(Verdict.NOT_FLAGGED, left.byClause().verdict(), left.byClause().reason());
        assertEquals(Verdict.NOT_FLAGGED, left.assessment().verdict());
        String why = left.assessment().explanation();
        assertTrue(why.contains("Simpson's paradox") && why.contains("case mix") && why.contains("tier 4"), why);
        assertTrue(why.contains("This is explained by the mix of clauses: within each clause, left respondents fare"
                + " like the rest"), why);
        assertTrue(r.findings().stream().anyMatch(f -> f.contains("not flagged after allowing for case mix")),
                r.findings().toString());
    }

    @Test
    void theReportStatesItsParametersVersionsTimeAndDataHash() throws Exception {
        String region = AuditTestData.region("mix", CASE_MIX);
        FairnessReport a = report(region, "2013-01-01", "2013-06-30");
        FairnessReport b = report(region, "2013-01-01", "2013-06-30");
        assertEquals("2013-01-01", a.parameters().from().toString());
        assertEquals(region, a.parameters().region());
        assertEquals(10, a.parameters().suppressionThreshold());
        assertEquals(List.of("left", "soft-left", "centre", "right"), a.parameters().factions());
        assertEquals(2, a.definitionVersions().size());
        assertTrue(a.definitionVersions().stream().allMatch(v -> v.sha256().matches("[0-9a-f]{64}")));
        assertNotNull(a.generatedAt());
        assertEquals("nora", a.generatedBy());
        assertTrue(a.dataSha256().matches("[0-9a-f]{64}"));
        assertEquals(a.dataSha256(), b.dataSha256(), "same data, same hash");
        FairnessReport c = report(region, "2013-01-01", "2013-07-31");
        assertNotEquals(a.dataSha256(), c.dataSha256(), "different data, different hash");
        assertTrue(a.casesAnalysed().value() > 10_000);
    }
}
