package org.evenhand.audit;

import static org.evenhand.testing.Api.CASEWORKERS;
import static org.evenhand.testing.Api.PANEL;
import static org.evenhand.testing.Api.as;
import static org.evenhand.testing.Api.claimed;
import static org.evenhand.testing.Api.complete;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.evenhand.testing.Api;
import org.evenhand.testing.EngineClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The audit facts (kept in step with the case tables by triggers) agree with the case tables after
 * real casework through the API, and the report's counts agree with SQL over the case tables.
 */
@QuarkusTest
class AuditFactsTest {

    /** Every fact recomputed from the source tables; the count of rows that disagree. */
    static final String MISMATCHES = """
            WITH truth AS (
              SELECT c.id AS case_id, c.received_at, c.conduct_date, c.respondent_id, c.complainant_id,
                     fr.faction AS rf, fc.faction AS cf, cs.id AS cited_set, es.id AS engaged_set, c.in_scope,
                     audit_opener(c.exchange_opened_by) AS opened_by,
                     floor(extract(epoch FROM d1.decided_at - c.received_at) / 86400)::int AS decision_days,
                     coalesce(d2.upheld, d1.upheld) AS upheld, coalesce(d2.sanction, d1.sanction) AS sanction,
                     a.case_id IS NOT NULL AS appealed, d2.case_id IS NOT NULL AS appeal_decided,
                     coalesce(d2.appeal_allowed, FALSE) AS overturned, s.first_imposed,
                     CASE WHEN s.active > 0 THEN NULL ELSE s.last_lifted END AS ended, coalesce(o.n, 0) AS overdue,
                     p.id AS prior_id
              FROM cases c
              JOIN audit_clause_sets cs ON cs.definition_version = c.definition_version AND cs.clauses = c.cited_clauses
              LEFT JOIN audit_clause_sets es ON c.in_scope AND es.definition_version = c.definition_version
                                             AND es.clauses = c.engaged_clauses
              LEFT JOIN faction_declarations fr ON fr.member_id = c.respondent_id
              LEFT JOIN faction_declarations fc ON fc.member_id = c.complainant_id
              LEFT JOIN decisions d1 ON d1.case_id = c.id AND d1.bench = 'decision'
              LEFT JOIN decisions d2 ON d2.case_id = c.id AND d2.bench = 'appeal'
              LEFT JOIN appeals a ON a.case_id = c.id
              LEFT JOIN (SELECT case_id, min(imposed_at) AS first_imposed, max(lifted_at) AS last_lifted,
                                count(*) FILTER (WHERE lifted_at IS NULL) AS active
                         FROM interim_suspensions GROUP BY case_id) s ON s.case_id = c.id
              LEFT JOIN (SELECT case_id, count(*) AS n FROM timeline_entries WHERE kind = 'overdue' GROUP BY case_id) o
                     ON o.case_id = c.id
              LEFT JOIN LATERAL (SELECT q.id FROM cases q WHERE q.complainant_id = c.respondent_id
                                   AND q.respondent_id = c.complainant_id AND q.received_at <= c.received_at
                                   AND q.id <> c.id ORDER BY q.received_at DESC, q.id DESC LIMIT 1) p ON TRUE)
            SELECT count(*) FROM truth t FULL JOIN audit_case_facts f USING (case_id)
            WHERE (t.received_at, t.conduct_date, t.respondent_id, t.complainant_id, t.rf, t.cf, t.cited_set,
                   t.engaged_set, t.in_scope, t.opened_by, t.decision_days, t.upheld, t.sanction, t.appealed,
                   t.appeal_decided, t.overturned, t.first_imposed, t.ended, t.overdue, t.prior_id)
               IS DISTINCT FROM
                  (f.received_at, f.conduct_date, f.respondent_id, f.complainant_id, f.respondent_faction,
                   f.complainant_faction, f.cited_set, f.engaged_set, f.in_scope, f.opened_by, f.decision_days,
                   f.upheld, f.sanction, f.appealed, f.appeal_decided, f.overturned, f.suspended_at,
                   f.suspension_ended_at, f.overdue::bigint, f.prior_case_id)""";

    /** Members by faction as kept by triggers, against a count of the tables themselves. */
    static final String COUNT_MISMATCHES = """
            SELECT count(*) FROM (SELECT '*' AS faction, count(*) AS n FROM members
                                  UNION ALL SELECT faction, count(*) FROM faction_declarations GROUP BY faction) t
            FULL JOIN (SELECT * FROM audit_member_counts WHERE members <> 0 OR faction = '*') k USING (faction)
            WHERE t.n IS DISTINCT FROM k.members""";

    @Inject
    ObjectMapper json;

    @AfterEach
    void resetClock() {
        EngineClock.reset();
    }

    static Map<String, Object> facts(String ref) {
        Map<String, Object> row = new HashMap<>();
        Sql.query("SELECT f.* FROM audit_case_facts f JOIN cases c ON c.id = f.case_id WHERE c.ref = ?", r -> {
            for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                row.put(r.getMetaData().getColumnName(i), r.getObject(i));
            }
        }, ref);
        return row;
    }

    @Test
    void factsFollowACaseThroughSuspensionDecisionAndAppeal() {
        String ref = Api.file("dan", "M100006", LocalDate.of(2026, 7, 1), List.of("harassment", "bullying"),
                "The respondent sent me messages every evening for three weeks after I asked them to stop.");
        Map<String, Object> f = facts(ref);
        assertNull(f.get("in_scope"));
        assertEquals(0, ((Number) f.get("overdue")).intValue());
        Api.Held triage = claimed(CASEWORKERS, ref, "triage");
        complete(triage, Map.of("inScope", true, "clauses", List.of("harassment"), "exchangeOpenedBy", "complainant",
                "reasons", "Repeated contact after a request to stop."));
        f = facts(ref);
        assertEquals(true, f.get("in_scope"));
        assertEquals(1, ((Number) f.get("opened_by")).intValue(), "1: the complainant opened the exchange");
        assertNotNull(f.get("engaged_set"));
        as(triage.user()).body(Map.of("reasons", "Messages continue nightly; a pause protects the complainant."))
                .post("/api/cases/" + ref + "/interim-suspension").then().statusCode(201);
        assertNotNull(facts(ref).get("suspended_at"));
        assertNull(facts(ref).get("suspension_ended_at"), "in force");
        as("frank").body(Map.of("statement", "They had been goading me for weeks first.")).post(
                "/api/me/cases/" + ref + "/response").then().statusCode(200);
        complete(Api.tasks(CASEWORKERS, ref, "investigate").get(0), Map.of("report", "Messages as described."));
        org.evenhand.testing.EngineClock.endCommentWindow(ref);
        Map<String, Object> vote = Map.of("findings", List.of(Map.of("clause", "harassment", "upheld", true)),
                "sanction", "formal-warning", "reasons", "A course of unwanted contact after a request to stop.");
        Api.tasks(PANEL, ref, "panelDecision").forEach(h -> complete(h, vote));
        f = facts(ref);
        assertEquals(true, f.get("upheld"));
        assertEquals("formal-warning", f.get("sanction"));
        assertNotNull(f.get("decision_days"));
        as("frank").body(Map.of("grounds", List.of("PERVERSE_FINDING"), "statement", "The provocation was ignored."))
                .post("/api/me/cases/" + ref + "/appeal").then().statusCode(200);
        assertEquals(true, facts(ref).get("appealed"));
        Map<String, Object> allow = Map.of("allow", true,
                "findings", List.of(Map.of("clause", "harassment", "upheld", false)), "sanction", "no-action",
                "reasons", "Read with the thread, the contact was mutual.");
        Api.tasks(PANEL, ref, "hearAppeal").forEach(h -> complete(h, allow));
        f = facts(ref);
        assertEquals(false, f.get("upheld"), "the appeal panel's decision is final");
        assertEquals("no-action", f.get("sanction"));
        assertEquals(true, f.get("appeal_decided"));
        assertEquals(true, f.get("overturned"));
        assertNotNull(f.get("suspension_ended_at"), "lifted when the case concluded");
        assertEquals(0, Sql.number(MISMATCHES), "every fact agrees with the case tables");
        assertEquals(0, Sql.number(COUNT_MISMATCHES), "the member counts agree with the tables");
    }

    @Test
    void overdueStagesAndCounterComplaintsAreCounted() {
        String first = Api.file("alice", "M100004", LocalDate.of(2026, 8, 3), List.of("bullying"),
                "The respondent mocked me in the branch chat in front of everyone.");
        EngineClock.advance(Duration.ofDays(2));
        String counter = Api.file("dan", "M100001", LocalDate.of(2026, 8, 4), List.of("harassment"),
                "The complainant started it by posting screenshots of my messages to mock me.");
        Map<String, Object> c = facts(counter);
        long firstId = Sql.number("SELECT id FROM cases WHERE ref = ?", first);
        assertEquals(firstId, ((Number) c.get("prior_case_id")).longValue(), "linked to the complaint it answers");
        assertEquals(2, ((Number) c.get("prior_gap_days")).intValue());
        assertEquals(1, ((Number) c.get("prior_conduct_gap")).intValue());
        // the complaint drew a reply within two days (an earlier run's reply may be nearer still)
        assertTrue(((Number) facts(first).get("countered_gap_days")).intValue() <= 2);
        EngineClock.advance(Duration.ofDays(8));
        EngineClock.fireDueTimers(first);
        assertEquals(1, ((Number) facts(first).get("overdue")).intValue(), "the overdue triage escalation");
        assertEquals(0, Sql.number(MISMATCHES));
    }

    /**
     * The report's published counts and medians for one generated data set, against SQL straight
     * over the case tables (not the facts): decided and upheld complaints per respondent faction,
     * and the median days to decision (PostgreSQL's percentile_cont).
     */
    @Test
    void theReportAgreesWithTheCaseTables() throws Exception {
        String region = AuditTestData.region("check", """
                {"seed": 31, "members": 3000, "cases": 8000, "from": "2015-01-01", "to": "2015-12-31"}""");
        assertEquals(0, Sql.number(MISMATCHES));
        assertEquals(0, Sql.number(COUNT_MISMATCHES));
        String body = as("nora").queryParam("from", "2015-01-01").queryParam("to", "2015-12-31")
                .queryParam("region", region).get("/api/audit/fairness").then().statusCode(200).extract().asString();
        FairnessReport r = json.readValue(body, FairnessReport.class);
        Map<String, long[]> expected = new HashMap<>();
        Map<String, Double> medians = new HashMap<>();
        Sql.query("""
                SELECT coalesce(fd.faction, 'undeclared'), count(d1.id), count(*) FILTER (WHERE coalesce(d2.upheld, d1.upheld)),
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY floor(extract(epoch FROM d1.decided_at - c.received_at) / 86400))
                FROM cases c JOIN members m ON m.id = c.respondent_id
                LEFT JOIN faction_declarations fd ON fd.member_id = c.respondent_id
                JOIN decisions d1 ON d1.case_id = c.id AND d1.bench = 'decision'
                LEFT JOIN decisions d2 ON d2.case_id = c.id AND d2.bench = 'appeal'
                WHERE m.region = ? AND c.received_at >= '2015-01-01 00:00:00 Europe/London'
                  AND c.received_at < '2016-01-01 00:00:00 Europe/London'
                GROUP BY 1""", row -> {
            expected.put(row.getString(1), new long[] { row.getLong(2), row.getLong(3) });
            medians.put(row.getString(1), row.getDouble(4));
        }, region);
        assertTrue(expected.size() >= 5, expected.keySet().toString());
        FairnessReport.RoleSection respondents = r.roles().get(0);
        FairnessReport.RateMetric upheld = respondents.rates().stream().filter(m -> m.id().equals("upheld")).findFirst()
                .orElseThrow();
        FairnessReport.TimeMetric days = respondents.times().get(0);
        expected.forEach((group, counts) -> {
            FairnessReport.GroupRate g = upheld.groups().stream().filter(x -> x.group().equals(group)).findFirst()
                    .orElseThrow();
            assertEquals(counts[0], g.denominator().value(), group + " decided");
            assertEquals(counts[1], g.numerator().value(), group + " upheld");
            FairnessReport.GroupTime t = days.groups().stream().filter(x -> x.group().equals(group)).findFirst()
                    .orElseThrow();
            assertEquals(medians.get(group), t.median(), 1e-9, group + " median days");
        });
    }
}
