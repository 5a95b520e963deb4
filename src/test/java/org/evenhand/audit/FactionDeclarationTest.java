package org.evenhand.audit;

import static io.restassured.RestAssured.given;
import static org.evenhand.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A member declares, changes and withdraws a faction, with consent recorded and nothing of it on the trail. */
@QuarkusTest
class FactionDeclarationTest {

    static final String NOTICE = "2026-1";

    static Map<String, Object> declaration(String faction) {
        return Map.of("faction", faction, "consent", true, "noticeVersion", NOTICE);
    }

    @Test
    void onlyAMemberMayUseTheirOwnDeclaration() {
        given().get("/api/me/faction").then().statusCode(401);
        given().contentType("application/json").body(declaration("left")).put("/api/me/faction").then().statusCode(401);
        given().delete("/api/me/faction").then().statusCode(401);
        for (String staff : List.of("casey", "pat", "dara")) {
            as(staff).get("/api/me/faction").then().statusCode(403).contentType("application/problem+json");
            as(staff).body(declaration("left")).put("/api/me/faction").then().statusCode(403);
            as(staff).delete("/api/me/faction").then().statusCode(403);
        }
    }

    @Test
    void consentFactionAndNoticeAreChecked() {
        as("dan").delete("/api/me/faction").then().statusCode(204);
        as("dan").body(Map.of("faction", "left", "consent", false, "noticeVersion", NOTICE)).put("/api/me/faction")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("consent"));
        as("dan").body(Map.of("faction", "left", "noticeVersion", NOTICE)).put("/api/me/faction").then()
                .statusCode(400).body("errors[0].field", equalTo("consent"));
        as("dan").body(Map.of("faction", "ultra", "consent", true, "noticeVersion", NOTICE)).put("/api/me/faction")
                .then().statusCode(400).body("errors[0].field", equalTo("faction"));
        as("dan").body(Map.of("faction", "left", "consent", true, "noticeVersion", "2020-1")).put("/api/me/faction")
                .then().statusCode(400).body("errors[0].field", equalTo("noticeVersion"));
        as("dan").body(Map.of("faction", "left", "consent", true, "noticeVersion", NOTICE, "x", 1))
                .put("/api/me/faction").then().statusCode(400).contentType("application/problem+json");
        as("dan").body("{not json").put("/api/me/faction").then().statusCode(400);
        as("dan").get("/api/me/faction").then().statusCode(200).body("declared", equalTo(false));
    }

    @Test
    void declareChangeAndWithdraw() {
        as("carol").delete("/api/me/faction").then().statusCode(204);
        long carol = Sql.number("SELECT id FROM members WHERE username = 'carol'");
        long trailBefore = Sql.number("SELECT coalesce(max(inbox_id), 0) FROM trail_log");
        long consentBefore = Sql.number("SELECT coalesce(max(id), 0) FROM faction_consent_events WHERE member_id = ?", carol);

        as("carol").get("/api/me/faction").then().statusCode(200).body("declared", equalTo(false))
                .body("options", hasItems("left", "soft-left", "centre", "right", "prefer-not-to-say"))
                .body("notice.version", equalTo(NOTICE)).body("notice.purpose", equalTo("fairness-audit"))
                .body("notice.text", org.hamcrest.Matchers.containsString("withdraw"));
        as("carol").body(declaration("centre")).put("/api/me/faction").then().statusCode(200)
                .body("declared", equalTo(true)).body("faction", equalTo("centre")).body("noticeVersion", equalTo(NOTICE));
        as("carol").body(declaration("centre")).put("/api/me/faction").then().statusCode(200); // no change, no event
        as("carol").body(declaration("prefer-not-to-say")).put("/api/me/faction").then().statusCode(200)
                .body("faction", equalTo("prefer-not-to-say"));
        as("carol").delete("/api/me/faction").then().statusCode(204);
        as("carol").get("/api/me/faction").then().statusCode(200).body("declared", equalTo(false))
                .body("faction", nullValue());
        as("carol").delete("/api/me/faction").then().statusCode(204); // as easy to withdraw twice

        assertEquals(0, Sql.number("SELECT count(*) FROM faction_declarations WHERE member_id = ?", carol),
                "withdrawal deletes the declaration");
        assertEquals(List.of("given", "changed", "withdrawn"), Sql.strings("SELECT event FROM faction_consent_events"
                + " WHERE member_id = ? AND id > ? ORDER BY id", carol, consentBefore), "the consent record");
        assertEquals(List.of(NOTICE, NOTICE), Sql.strings("SELECT notice_version FROM faction_consent_events"
                + " WHERE member_id = ? AND id > ? AND event <> 'withdrawn' ORDER BY id", carol, consentBefore));
        List<String> trail = Sql.strings("SELECT action || ': ' || detail FROM trail_log WHERE inbox_id > ?"
                + " AND actor = 'carol' ORDER BY inbox_id", trailBefore);
        assertEquals(3, trail.size(), trail.toString());
        assertTrue(trail.get(0).startsWith("faction-declared: faction declaration recorded"), trail.toString());
        assertTrue(trail.get(1).startsWith("faction-changed: faction declaration changed"), trail.toString());
        assertTrue(trail.get(2).startsWith("faction-withdrawn: faction declaration withdrawn"), trail.toString());
        for (String t : trail) {
            for (String faction : List.of("centre", "prefer-not-to-say")) {
                assertFalse(t.contains(faction), "the trail never holds the faction: " + t);
            }
        }
        assertEquals(0, Sql.number(AuditFactsTest.COUNT_MISMATCHES), "member counts follow declarations");
        as("carol").get("/api/me/faction").then().body("consentRecord.event", equalTo(
                Sql.strings("SELECT event FROM faction_consent_events WHERE member_id = ? ORDER BY id", carol)));
    }

    @Test
    void theAuditFactsFollowADeclarationAndItsWithdrawal() {
        as("erin").delete("/api/me/faction").then().statusCode(204);
        long erin = Sql.number("SELECT id FROM members WHERE username = 'erin'");
        String ref = org.evenhand.testing.Api.file("erin", "M100001", java.time.LocalDate.of(2026, 4, 2),
                List.of("bullying"), "The respondent mocked my questions in every branch meeting for a month.");
        long id = Sql.number("SELECT id FROM cases WHERE ref = ?", ref);
        assertEquals(List.of(""), Sql.strings("SELECT coalesce(complainant_faction, '') FROM audit_case_facts WHERE case_id = ?", id));
        as("erin").body(declaration("right")).put("/api/me/faction").then().statusCode(200);
        assertEquals(List.of("right"), Sql.strings("SELECT complainant_faction FROM audit_case_facts WHERE case_id = ?", id));
        assertEquals(0, Sql.number("SELECT count(*) FROM audit_case_facts WHERE complainant_id = ? AND"
                + " complainant_faction IS DISTINCT FROM 'right'", erin));
        as("erin").delete("/api/me/faction").then().statusCode(204);
        assertEquals(0, Sql.number("SELECT count(*) FROM audit_case_facts WHERE (complainant_id = ? AND"
                + " complainant_faction IS NOT NULL) OR (respondent_id = ? AND respondent_faction IS NOT NULL)", erin, erin),
                "a withdrawn faction is gone from the audit facts too");
    }
}
