package org.evenhand.privacy;

import static org.evenhand.testing.Api.CASEWORKERS;
import static org.evenhand.testing.Api.as;
import static org.evenhand.testing.Api.claimed;
import static org.evenhand.testing.Api.complete;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evenhand.testing.Db;
import org.evenhand.testing.Zips;
import org.junit.jupiter.api.Test;

/**
 * The subject access pack is complete (issue 17, decision 0041): the member's own faction
 * declaration and its consent record, through the audit's section; every complaint about them,
 * including one dismissed before they were told and one still at triage, with who complained struck
 * out and the exemption relied on in the pack's index and, once the DPO answers, on the request.
 */
@QuarkusTest
class SubjectAccessPackTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PARA_16 = "dpa-2018-sch-2-para-16";

    /** Two members of the test's own (no other test's cases in their packs): login, number, name, email. */
    record Person(String login, String number, String name, String email) {
    }

    static Person person(String first, String last) {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Person p = new Person(first.toLowerCase() + "-" + tag, "P" + first.charAt(0) + "-" + tag, first + " " + last,
                first.toLowerCase() + "-" + tag + "@evenhand.test");
        Db.update("INSERT INTO members (membership_number, username, display_name, email, clp, region) VALUES"
                + " (?, ?, ?, ?, ?, 'North West')", p.number(), p.login(), p.name(), p.email(), "Pack CLP " + tag);
        return p;
    }

    static JsonNode data(byte[] zip) throws IOException {
        return JSON.readTree(new String(Zips.unzip(zip).get("data.json"), StandardCharsets.UTF_8));
    }

    static JsonNode myPack(String login) throws IOException {
        return data(as(login).get("/api/me/data").then().statusCode(200).contentType("application/zip").extract()
                .asByteArray());
    }

    @Test
    void thePackHoldsTheMembersOwnFactionDeclarationAndItsWholeConsentRecord() throws IOException {
        Person p = person("Ffion", "Faulkner");
        JsonNode before = myPack(p.login());
        assertTrue(before.path("fairnessAudit").isMissingNode(), "nothing declared, nothing to hold: " + before);

        as(p.login()).body(Map.of("faction", "soft-left", "consent", true, "noticeVersion", "2026-1"))
                .put("/api/me/faction").then().statusCode(200);
        as(p.login()).body(Map.of("faction", "centre", "consent", true, "noticeVersion", "2026-1"))
                .put("/api/me/faction").then().statusCode(200);
        JsonNode pack = myPack(p.login());
        JsonNode audit = pack.path("fairnessAudit");
        assertEquals("centre", audit.path("declaration").path("faction").asText(), "the value itself: " + audit);
        assertEquals("Centre", audit.path("declaration").path("shownAs").asText());
        assertEquals("2026-1", audit.path("declaration").path("noticeVersion").asText());
        assertFalse(audit.path("declaration").path("declaredAt").asText().isEmpty(), "the date it was given");
        List<String> events = new ArrayList<>();
        audit.path("consentRecord").forEach(e -> events.add(e.path("event").asText() + "@" + e.path("noticeVersion").asText()));
        assertEquals(List.of("given@2026-1", "changed@2026-1"), events);
        assertTrue(included(pack).contains("fairnessAudit"), "the index lists it: " + pack.path("index"));

        // the DPO's pack for the member is the same pack
        JsonNode dpos = data(as("dara").get("/api/privacy/members/" + p.number() + "/data").then().statusCode(200).extract()
                .asByteArray());
        assertEquals("centre", dpos.path("fairnessAudit").path("declaration").path("faction").asText());

        // withdrawn: the declaration is gone, its consent record stays whole
        as(p.login()).delete("/api/me/faction").then().statusCode(204);
        JsonNode after = myPack(p.login()).path("fairnessAudit");
        assertTrue(after.path("declaration").isNull(), "withdrawal deleted it: " + after);
        assertEquals(3, after.path("consentRecord").size());
        assertEquals("withdrawn", after.path("consentRecord").get(2).path("event").asText());
        assertFalse(after.toString().contains("centre"), "the withdrawn value is not kept anywhere: " + after);

        // nobody else reaches it: not another member, not a caseworker, not a panel member
        as("alice").get("/api/privacy/members/" + p.number() + "/data").then().statusCode(403);
        as("quinn").get("/api/privacy/members/" + p.number() + "/data").then().statusCode(403);
        as("pat").get("/api/privacy/members/" + p.number() + "/data").then().statusCode(403);
    }

    @Test
    void aRespondentsPackHoldsEveryComplaintAboutThemWithWhoComplainedWithheldUnderParagraph16() throws IOException {
        Person complainant = person("Carys", "Cadwaladr");
        Person respondent = person("Rhodri", "Rowlands");
        String dismissed = org.evenhand.testing.Api.file(complainant.login(), respondent.number(),
                LocalDate.of(2026, 9, 9), List.of("harassment"), "Rhodri Rowlands mocked me in the branch chat; Carys"
                        + " Cadwaladr is my name there, write to " + complainant.email() + " or " + complainant.number() + ".");
        complete(claimed(CASEWORKERS, dismissed, "triage"), Map.of("inScope", false,
                "reasons", "Mild rudeness towards Carys Cadwaladr: no clause is engaged."));
        String atTriage = org.evenhand.testing.Api.file(complainant.login(), respondent.number(),
                LocalDate.of(2026, 10, 1), List.of("harassment"), "Rhodri Rowlands replied to every post Carys made for a week.");
        // the member is still never shown either on their pages
        as(respondent.login()).get("/api/me/cases/" + dismissed).then().statusCode(404);
        as(respondent.login()).get("/api/me/cases/" + atTriage).then().statusCode(404);

        byte[] zip = as(respondent.login()).get("/api/me/data").then().statusCode(200).extract().asByteArray();
        JsonNode pack = data(zip);
        JsonNode d = caseIn(pack, dismissed);
        assertFalse(d.path("putToYou").asBoolean(true), "never put to them: " + d);
        assertEquals("DISMISSED", d.path("status").asText());
        assertTrue(d.path("whatHappened").asText().contains("Dismissed at triage"), d.toString());
        assertTrue(d.path("allegation").asText().contains("mocked me in the branch chat"), "the allegation: " + d);
        assertTrue(d.path("triageReasons").asText().contains("no clause is engaged"), "triage's reasons: " + d);
        JsonNode t = caseIn(pack, atTriage);
        assertTrue(t.path("whatHappened").asText().contains("Being considered at triage"), t.toString());
        String text = pack.toString().toLowerCase();
        for (String trace : List.of("Carys", "Cadwaladr", complainant.login(), complainant.number(), complainant.email())) {
            assertFalse(text.contains(trace.toLowerCase()), "who complained is withheld, but the pack holds " + trace
                    + ":\n" + pack.toPrettyString());
        }
        assertTrue(pack.toString().contains("[the complainant]"));
        for (String ref : List.of(dismissed, atTriage)) {
            assertTrue(withheld(pack).contains(ref + " complainant-identity " + PARA_16), "the index records the exemption"
                    + " relied on for " + ref + ": " + pack.path("index"));
        }
        String index = new String(Zips.unzip(zip).get("index.txt"), StandardCharsets.UTF_8);
        assertTrue(index.contains("Case " + dismissed) && index.contains("Schedule 2, Part 3, paragraph 16"), index);

        // the complainant's own pack names the respondent as "the respondent", and says so in its index
        JsonNode theirs = myPack(complainant.login());
        assertTrue(withheld(theirs).contains(dismissed + " respondent-identity " + PARA_16), theirs.path("index").toString());
        assertFalse(theirs.toString().contains("Rowlands"), theirs.toPrettyString());

        // the DPO answers a request of the respondent's: what was withheld, and why, is recorded on the request
        long id = ((Number) as(respondent.login()).post("/api/me/subject-access-requests").then().statusCode(201)
                .extract().path("id")).longValue();
        as("dara").post("/api/privacy/subject-access-requests/" + id + "/fulfil").then().statusCode(204);
        var recorded = as("dara").get("/api/privacy/subject-access-requests/" + id).then().statusCode(200).extract()
                .jsonPath();
        assertEquals("dara", recorded.getString("fulfilledBy"));
        List<String> onRequest = new ArrayList<>();
        for (Map<String, Object> w : recorded.<Map<String, Object>>getList("withheld")) {
            onRequest.add(w.get("caseRef") + " " + w.get("what") + " " + w.get("exemption"));
        }
        assertTrue(onRequest.contains(dismissed + " complainant-identity " + PARA_16), onRequest.toString());
        assertTrue(onRequest.contains("null staff-names " + PARA_16), onRequest.toString());
        assertFalse(recorded.prettify().contains("Carys"), "codes and references only on the request");
        // an answered request is never changed (V28), and cannot be answered twice
        as("dara").post("/api/privacy/subject-access-requests/" + id + "/fulfil").then().statusCode(404);
        assertTrue(updateRefused("UPDATE subject_access_requests SET fulfilled_by = 'someone' WHERE id = ?", id));
        assertTrue(updateRefused("DELETE FROM subject_access_requests WHERE id = ?", id));
    }

    @Test
    void aMemberCannotReachAnotherMembersPackOrRequests() throws IOException {
        Person p = person("Gwen", "Griffiths");
        for (String path : List.of("/api/privacy/members/" + p.number() + "/data",
                "/api/privacy/members/" + p.number() + "/requests", "/api/privacy/members?q=Griffiths")) {
            as("alice").get(path).then().statusCode(403);
            as("quinn").get(path).then().statusCode(403);
        }
        long id = ((Number) as(p.login()).post("/api/me/subject-access-requests").then().statusCode(201).extract()
                .path("id")).longValue();
        as("alice").get("/api/privacy/subject-access-requests/" + id).then().statusCode(403);
        as("alice").post("/api/privacy/subject-access-requests/" + id + "/fulfil").then().statusCode(403);
        assertNull(Db.value("SELECT fulfilled_at FROM subject_access_requests WHERE id = ?", id));
        // a member's own download takes no number: it is always their own
        JsonNode own = myPack("alice");
        assertEquals("M100001", own.path("member").path("membershipNumber").asText());
        assertFalse(own.toString().contains(p.number()) || own.toString().contains("Griffiths"), own.toPrettyString());
    }

    static boolean updateRefused(String sql, Object... params) {
        try {
            Db.update(sql, params);
            return false;
        } catch (RuntimeException e) {
            return String.valueOf(e.getMessage()).contains("refused") || String.valueOf(e.getCause()).contains("refused");
        }
    }

    static JsonNode caseIn(JsonNode pack, String ref) {
        for (JsonNode c : pack.path("cases")) {
            if (ref.equals(c.path("ref").asText())) {
                return c;
            }
        }
        throw new AssertionError(ref + " is not in the pack: " + pack.toPrettyString());
    }

    static List<String> included(JsonNode pack) {
        List<String> out = new ArrayList<>();
        pack.path("index").path("included").forEach(i -> out.add(i.path("section").asText()));
        return out;
    }

    static List<String> withheld(JsonNode pack) {
        List<String> out = new ArrayList<>();
        pack.path("index").path("withheld").forEach(w -> out.add(w.path("caseRef").asText() + " " + w.path("what").asText()
                + " " + w.path("exemption").asText()));
        return out;
    }
}
