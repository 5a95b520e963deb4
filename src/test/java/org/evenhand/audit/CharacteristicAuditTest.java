package org.evenhand.audit;

import static org.evenhand.testing.Api.CASEWORKERS;
import static org.evenhand.testing.Api.as;
import static org.evenhand.testing.Api.claimed;
import static org.evenhand.testing.Api.complete;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.evenhand.audit.FairnessReport.ClauseTime;
import org.evenhand.audit.stats.Verdict;
import org.evenhand.testing.Api;
import org.junit.jupiter.api.Test;

/**
 * Triage records which protected characteristic a complaint of hateful language concerns, and
 * the report compares days to decision across the characteristics, against SQL over the case
 * tables; a characteristic handled three times as slowly (generated) is flagged.
 */
@QuarkusTest
class CharacteristicAuditTest {

    static final String SPEC = """
            {"seed": 51, "members": 3000, "cases": 8000, "from": "2017-01-01", "to": "2017-12-31",
             "slow_characteristic": {"characteristic": "religion-belief", "factor": 3}}""";

    @Inject
    ObjectMapper json;

    @Test
    void triageRecordsTheCharacteristic() {
        String ref = Api.file("dan", "M100006", LocalDate.of(2026, 7, 1), List.of("hateful-language"),
                "The respondent posted that people of my faith should not be allowed to stand as candidates.");
        Api.Held triage = claimed(CASEWORKERS, ref, "triage");
        as(triage.user()).body(Map.of("inScope", false, "clauses", List.of(), "reasons", "Not abuse.",
                "protectedCharacteristic", "religion-belief")).post("/api/tasks/" + triage.taskId() + "/complete")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("protectedCharacteristic"));
        as(triage.user()).body(Map.of("inScope", true, "clauses", List.of("hateful-language"), "reasons", "Hostile.",
                "protectedCharacteristic", "colour")).post("/api/tasks/" + triage.taskId() + "/complete")
                .then().statusCode(400).contentType("application/problem+json");
        complete(triage, Map.of("inScope", true, "clauses", List.of("hateful-language"), "reasons",
                "Hostility to a religion.", "protectedCharacteristic", "religion-belief"));
        assertEquals(List.of("religion-belief"), Sql.strings("SELECT protected_characteristic FROM cases WHERE ref = ?",
                ref));
    }

    @Test
    void theReportComparesHandlingTimeAcrossCharacteristics() throws Exception {
        String region = AuditTestData.region("chars", SPEC);
        FairnessReport r = json.readValue(as("nora").queryParam("from", "2017-01-01").queryParam("to", "2017-12-31")
                .queryParam("region", region).get("/api/audit/fairness").then().statusCode(200).extract().asString(),
                FairnessReport.class);
        Map<String, Long> truth = new HashMap<>();
        Sql.query("""
                SELECT k.protected_characteristic, count(*) FROM cases k JOIN members m ON m.id = k.respondent_id
                JOIN decisions d ON d.case_id = k.id AND d.bench = 'decision'
                WHERE m.region = ? AND k.protected_characteristic IS NOT NULL
                  AND k.received_at >= '2017-01-01 00:00 Europe/London' AND k.received_at < '2018-01-01 00:00 Europe/London'
                GROUP BY 1""", row -> truth.put(row.getString(1), row.getLong(2)), region);
        List<ClauseTime> rows = r.handlingTime().byCharacteristic();
        assertEquals(truth.keySet(), rows.stream().map(ClauseTime::clause).collect(java.util.stream.Collectors.toSet()));
        assertTrue(truth.size() >= 6, truth.toString());
        for (ClauseTime c : rows) {
            long n = truth.get(c.clause());
            if (c.decided().published()) {
                assertEquals(n, c.decided().value(), c.clause());
            } else {
                assertTrue(n < 10, c.clause() + " suppressed but " + n);
            }
        }
        ClauseTime religion = rows.stream().filter(c -> c.clause().equals("religion-belief")).findFirst().orElseThrow();
        assertEquals(Verdict.FLAGGED, religion.verdict(), religion.reason());
        assertTrue(religion.reason().startsWith("slower"), religion.reason());
        ClauseTime race = rows.stream().filter(c -> c.clause().equals("race")).findFirst().orElseThrow();
        assertTrue(race.verdict() != Verdict.FLAGGED || race.reason().startsWith("faster"), race.reason());
    }
}
