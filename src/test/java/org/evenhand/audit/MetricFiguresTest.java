package org.evenhand.audit;

import static org.evenhand.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.evenhand.audit.FairnessReport.Count;
import org.evenhand.audit.FairnessReport.GroupRate;
import org.evenhand.audit.FairnessReport.RateMetric;
import org.evenhand.audit.stats.Comparison;
import org.evenhand.audit.stats.RateRatio;
import org.evenhand.audit.stats.Rules;
import org.evenhand.audit.stats.TwoByTwo;
import org.evenhand.audit.stats.Verdict;
import org.junit.jupiter.api.Test;

/**
 * Every rate of the report, for both roles, against SQL written straight over the case tables
 * (cases, decisions, appeals, interim suspensions, timeline, faction declarations; not the audit
 * facts): for every group, the exact numerator and denominator (or that it is suppressed, and
 * then rightly so), the rate, and each faction's ratio to the rest and its verdict, at the
 * application's real defaults (minimum group size 30, threshold 10, band 0.8-1.25, 95%).
 */
@QuarkusTest
class MetricFiguresTest {

    static final String SPEC = """
            {"seed": 31, "members": 3000, "cases": 8000, "from": "2015-01-01", "to": "2015-12-31"}""";

    /**
     * One row per complaint received in the period whose respondent or complainant is in the
     * region: the parties' factions and regions, and every outcome the report counts, from the
     * case tables.
     */
    static final String CASES = """
            SELECT coalesce(fr.faction, 'undeclared') AS rf, coalesce(fc.faction, 'undeclared') AS cf,
                   mr.region = ? AS r_in, mc.region = ? AS c_in,
                   c.in_scope IS NOT NULL AS triaged, coalesce(c.in_scope, FALSE) AS passed,
                   coalesce(c.in_scope, FALSE) AND EXISTS (SELECT 1 FROM interim_suspensions s WHERE s.case_id = c.id)
                       AS suspended,
                   d1.id IS NOT NULL AS decided,
                   d1.id IS NOT NULL AND coalesce(d2.upheld, d1.upheld) AS upheld,
                   d1.id IS NOT NULL AND coalesce(d2.upheld, d1.upheld)
                       AND coalesce(d2.sanction, d1.sanction) IN ('suspension', 'referral-expulsion') AS severe,
                   d1.id IS NOT NULL AND EXISTS (SELECT 1 FROM appeals a WHERE a.case_id = c.id) AS appealed,
                   d2.id IS NOT NULL AS appeal_decided,
                   coalesce(d2.appeal_allowed, FALSE) AS overturned,
                   EXISTS (SELECT 1 FROM timeline_entries t WHERE t.case_id = c.id AND t.kind = 'overdue') AS overdue,
                   EXISTS (SELECT 1 FROM case_complainants k WHERE k.case_id = c.id) AS pile_on,
                   c.exchange_opened_by = 'complainant' AS opened_c, c.exchange_opened_by = 'respondent' AS opened_r,
                   coalesce(p.gap <= 14 AND p.conduct_gap <= 3, FALSE) AS counter
            FROM cases c
            JOIN members mr ON mr.id = c.respondent_id JOIN members mc ON mc.id = c.complainant_id
            LEFT JOIN faction_declarations fr ON fr.member_id = c.respondent_id
            LEFT JOIN faction_declarations fc ON fc.member_id = c.complainant_id
            LEFT JOIN decisions d1 ON d1.case_id = c.id AND d1.bench = 'decision'
            LEFT JOIN decisions d2 ON d2.case_id = c.id AND d2.bench = 'appeal'
            LEFT JOIN LATERAL (SELECT floor(extract(epoch FROM c.received_at - q.received_at) / 86400) AS gap,
                                      abs(c.conduct_date - q.conduct_date) AS conduct_gap
                               FROM cases q WHERE q.complainant_id = c.respondent_id
                                 AND q.respondent_id = c.complainant_id AND q.received_at <= c.received_at
                                 AND q.id <> c.id ORDER BY q.received_at DESC, q.id DESC LIMIT 1) p ON TRUE
            WHERE (mr.region = ? OR mc.region = ?)
              AND c.received_at >= (?::date)::timestamp AT TIME ZONE 'Europe/London'
              AND c.received_at < (?::date + 1)::timestamp AT TIME ZONE 'Europe/London'""";

    /** Column names of CASES, in order after the four party columns. */
    static final List<String> FLAGS = List.of("triaged", "passed", "suspended", "decided", "upheld", "severe",
            "appealed", "appeal_decided", "overturned", "overdue", "pile_on", "opened_c", "opened_r", "counter");

    /** Metric id (and role) to its numerator and denominator columns ("cases" and "members" as such). */
    static final Map<String, String[]> RESPONDENT = new LinkedHashMap<>();
    static final Map<String, String[]> COMPLAINANT = new LinkedHashMap<>();

    static {
        for (Map<String, String[]> m : List.of(RESPONDENT, COMPLAINANT)) {
            m.put("complaints", new String[] { "cases", "members" });
            m.put("passed-triage", new String[] { "passed", "triaged" });
            m.put("interim-suspension", new String[] { "suspended", "passed" });
            m.put("upheld", new String[] { "upheld", "decided" });
            m.put("severe-sanction", new String[] { "severe", "upheld" });
            m.put("appealed", new String[] { "appealed", "decided" });
            m.put("overturned", new String[] { "overturned", "appeal_decided" });
            m.put("overdue", new String[] { "overdue", "cases" });
        }
        RESPONDENT.put("pile-on", new String[] { "pile_on", "cases" });
        RESPONDENT.put("opened-exchange", new String[] { "opened_r", "known" });
        COMPLAINANT.put("opened-exchange", new String[] { "opened_c", "known" });
        COMPLAINANT.put("counter-complaint", new String[] { "counter", "cases" });
    }

    @Inject
    ObjectMapper json;

    @Inject
    AuditConfig config;

    /** Counts per group ("all" too) and column, for one role, from the case tables. */
    static Map<String, Map<String, Long>> truth(String region, String from, String to, boolean respondent) {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        Sql.query(CASES, r -> {
            if (!r.getBoolean(respondent ? "r_in" : "c_in")) {
                return;
            }
            String g = r.getString(respondent ? "rf" : "cf");
            for (String group : List.of(g, "all")) {
                Map<String, Long> m = out.computeIfAbsent(group, k -> new LinkedHashMap<>());
                m.merge("cases", 1L, Long::sum);
                for (String f : FLAGS) {
                    m.merge(f, r.getBoolean(f) ? 1L : 0L, Long::sum);
                }
                m.merge("known", r.getBoolean("opened_c") || r.getBoolean("opened_r") ? 1L : 0L, Long::sum);
            }
        }, region, region, region, region, from, to);
        Sql.query("""
                SELECT coalesce(fd.faction, 'undeclared'), count(*) FROM members m
                LEFT JOIN faction_declarations fd ON fd.member_id = m.id WHERE m.region = ? GROUP BY 1""", r -> {
            out.computeIfAbsent(r.getString(1), k -> new LinkedHashMap<>()).put("members", r.getLong(2));
            out.computeIfAbsent("all", k -> new LinkedHashMap<>()).merge("members", r.getLong(2), Long::sum);
        }, region);
        return out;
    }

    FairnessReport report(String region, String from, String to) throws Exception {
        return json.readValue(as("nora").queryParam("from", from).queryParam("to", to).queryParam("region", region)
                .get("/api/audit/fairness").then().statusCode(200).extract().asString(), FairnessReport.class);
    }

    @Test
    void theDefaultsAreTheOnesDocumented() {
        assertEquals(30, config.minimumGroupSize());
        assertEquals(10, config.suppressionThreshold());
        assertEquals(Rules.DEFAULT, new Rules(config.bandLower(), config.bandUpper(), config.confidence(),
                config.minimumGroupSize()));
    }

    @Test
    void everyMetricForBothRolesOverAYear() throws Exception {
        List<String> verdicts = check("2015-01-01", "2015-12-31");
        assertTrue(verdicts.contains("respondent upheld left " + Verdict.NOT_FLAGGED), verdicts.toString());
    }

    /** A month: small groups, so suppression and insufficient evidence at the real minimum group size. */
    @Test
    void everyMetricForBothRolesOverAMonth() throws Exception {
        List<String> verdicts = check("2015-01-01", "2015-01-31");
        assertTrue(verdicts.stream().anyMatch(v -> v.startsWith("respondent overturned")
                && v.endsWith(Verdict.INSUFFICIENT_EVIDENCE.toString())), verdicts.toString());
    }

    /** Checks every figure; returns "role metric faction VERDICT" for each comparison. */
    List<String> check(String from, String to) throws Exception {
        String region = AuditTestData.region("check", SPEC);
        FairnessReport r = report(region, from, to);
        assertEquals(30, r.parameters().minimumGroupSize());
        assertEquals(10, r.parameters().suppressionThreshold());
        Rules rules = Rules.DEFAULT;
        List<String> verdicts = new ArrayList<>();
        int exact = 0;
        for (FairnessReport.RoleSection section : r.roles()) {
            boolean respondent = section.role().equals("respondent");
            Map<String, Map<String, Long>> truth = truth(region, from, to, respondent);
            Map<String, String[]> defs = respondent ? RESPONDENT : COMPLAINANT;
            assertEquals(defs.keySet(), section.rates().stream().map(RateMetric::id)
                    .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new)), section.role());
            for (RateMetric m : section.rates()) {
                String[] cols = defs.get(m.id());
                boolean perMember = cols[1].equals("members");
                for (GroupRate g : m.groups()) {
                    String what = section.role() + " " + m.id() + " " + g.group();
                    Map<String, Long> t = truth.getOrDefault(g.group(), Map.of());
                    long num = t.getOrDefault(cols[0], 0L);
                    long den = t.getOrDefault(cols[1], 0L);
                    exact += same(what + " numerator", num, g.numerator());
                    exact += same(what + " denominator", den, g.denominator());
                    if (g.numerator().published() && g.denominator().published() && den > 0) {
                        assertEquals((perMember ? 1000.0 : 1.0) * num / den, g.rate(), 1e-12, what + " rate");
                    } else {
                        assertNull(g.rate(), what + " rate of a suppressed count");
                    }
                    if (g.assessment() == null) {
                        continue;
                    }
                    Map<String, Long> all = truth.get("all");
                    long c = all.getOrDefault(cols[0], 0L) - num;
                    long n0 = all.getOrDefault(cols[1], 0L) - den;
                    Comparison expected = perMember ? RateRatio.compare(num, den, c, n0, rules)
                            : TwoByTwo.compare(num, den, c, n0, rules);
                    Comparison actual = g.comparison();
                    assertEquals(expected.verdict(), actual.verdict(), what + " verdict");
                    if (actual.ratio() != null) {
                        assertEquals(expected.ratio(), actual.ratio(), 1e-12, what + " ratio");
                        assertEquals(expected.ciLower(), actual.ciLower(), 1e-12, what + " interval");
                        assertEquals(expected.pValue(), actual.pValue(), 1e-12, what + " p");
                    } else if (expected.ratio() != null) {
                        assertTrue(actual.reason().endsWith("(figures withheld: small numbers)"), what);
                    }
                    if (den < 30 || n0 < 30) {
                        assertEquals(Verdict.INSUFFICIENT_EVIDENCE, actual.verdict(), what);
                        assertTrue(actual.reason().startsWith("fewer than 30 cases on one side"), what + ": "
                                + actual.reason());
                    }
                    assertNotNull(g.assessment().verdict(), what);
                    verdicts.add(what + " " + actual.verdict());
                }
            }
        }
        assertTrue(exact > 200, "published counts checked: " + exact);
        return verdicts;
    }

    /** 1 if the count is published (and then equal to the truth); 0 if suppressed (and then rightly). */
    static int same(String what, long truth, Count c) {
        if (c.published()) {
            assertEquals(truth, c.value(), what);
            return 1;
        }
        assertTrue(c.suppressed().equals("secondary") || truth >= 0 && truth < 10,
                what + " is suppressed as primary but is " + truth);
        return 0;
    }
}
