package org.evenhand.audit;

import static org.evenhand.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.evenhand.audit.FairnessReport.Count;
import org.junit.jupiter.api.Test;

/**
 * Contacts about cases recorded by their handlers are counted in the report for the period (by
 * date of contact), by who made them and how, with small counts suppressed.
 */
@QuarkusTest
class InterferenceAuditTest {

    @Inject
    ObjectMapper json;

    static void contact(long caseId, String kind, String channel, int day) {
        Sql.update("INSERT INTO interference_records (case_id, recorded_by, recorded_at, contact_name, contact_role,"
                + " contact_kind, contacted_at, channel, asked) VALUES (?, 'casey', now(), 'A. Person', 'Councillor',"
                + " ?, ('2013-02-01'::date + ?)::timestamp AT TIME ZONE 'Europe/London' + interval '10 hours', ?,"
                + " 'How is the case going?')", caseId, kind, day, channel);
    }

    @Test
    void contactsAreCountedPerPeriodBesideTheOutcomes() throws Exception {
        String region = AuditTestData.region("mix", FairnessReportTest.CASE_MIX);
        long first = Sql.number("SELECT min(c.id) FROM cases c JOIN members m ON m.id = c.respondent_id"
                + " WHERE m.region = ?", region);
        long second = Sql.number("SELECT max(c.id) FROM cases c JOIN members m ON m.id = c.respondent_id"
                + " WHERE m.region = ?", region);
        assertEquals(0, Sql.number("SELECT count(*) FROM interference_records WHERE contacted_at >= '2013-02-01'"
                + " AND contacted_at < '2013-03-01'"), "nothing else recorded in the test's month");
        for (int i = 0; i < 12; i++) {
            contact(first, "office-holder", "phone", i);
        }
        for (int i = 0; i < 10; i++) {
            contact(second, "staff", "email", i);
        }
        for (int i = 0; i < 3; i++) {
            contact(second, "staff", "letter", 20 + i);
        }
        contact(second, "staff", "letter", 40); // in March: another period
        FairnessReport r = json.readValue(as("nora").queryParam("from", "2013-02-01").queryParam("to", "2013-02-28")
                .queryParam("region", region).get("/api/audit/fairness").then().statusCode(200).extract().asString(),
                FairnessReport.class);
        FairnessReport.Interference i = r.interference();
        assertEquals(Count.of(25), i.records());
        assertEquals(new Count(null, "primary"), i.cases(), "2 cases: under the threshold");
        assertEquals(Map.of("office-holder", Count.of(12), "staff", Count.of(13)), i.byContactKind());
        assertEquals(Count.of(12), i.byChannel().get("phone"));
        assertEquals(new Count(null, "primary"), i.byChannel().get("letter"), "3 letters: under the threshold");
        assertEquals(new Count(null, "secondary"), i.byChannel().get("email"), "else 25 - 12 - 10 gives the 3 away");
        assertTrue(i.description().contains("not limited to the region or CLP chosen"), i.description());
    }
}
