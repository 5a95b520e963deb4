package org.evenhand.privacy;

import static org.evenhand.testing.Api.CASEWORKERS;
import static org.evenhand.testing.Api.as;
import static org.evenhand.testing.Api.claimed;
import static org.evenhand.testing.Api.complete;
import static org.evenhand.testing.Api.file;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.evenhand.testing.Db;
import org.evenhand.testing.EngineClock;
import org.evenhand.testing.Evidence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Subject access and erasure through HTTP, as a member and as the DPO. */
@QuarkusTest
class SubjectAccessTest {

    @AfterEach
    void resetClock() {
        EngineClock.reset();
    }

    @Test
    void theRespondentsPackHoldsTheirDataAndNoThirdPartysName() throws IOException {
        String ref = file("alice", "M100002", LocalDate.of(2026, 9, 9), List.of("harassment"),
                "Bob Brennan replied to every post I made for a week; Alice Adeyemi is my name on the platform.");
        long item = Evidence.give("alice", ref, Evidence.text("Alice, you are a disgrace (from bob)", List.of(
                "Alice Adeyemi: I support the motion")));
        var triage = claimed(CASEWORKERS, ref, "triage");
        as(triage.user()).body(Map.of("basis", "art-9-2-d", "reason", "Conduct between members"))
                .post("/api/cases/" + ref + "/evidence/" + item + "/lawful-basis").then().statusCode(200);
        complete(triage, Map.of("inScope", true, "clauses", List.of("harassment"), "reasons", "Targeting."));
        as("bob").body(Map.of("statement", "Alice started it.")).post("/api/me/cases/" + ref + "/response")
                .then().statusCode(200);
        long mine = Evidence.give("bob", ref, Evidence.text("Alice wrote first: 'bob is a sell-out'", List.of()));

        byte[] zip = as("bob").get("/api/me/data").then().statusCode(200).contentType("application/zip").extract()
                .asByteArray();
        String data = new String(org.evenhand.testing.Zips.unzip(zip).get("data.json"), StandardCharsets.UTF_8);
        assertTrue(data.contains("Bob Brennan"), "the member's own name");
        assertTrue(data.contains(ref));
        assertTrue(data.contains("\"evidenceAboutYou\""));
        assertTrue(data.contains("\"id\" : " + mine), "evidence he gave, with its consent record");
        assertTrue(data.contains(Evidence.NOTICE));
        for (String thirdParty : List.of("Alice", "Adeyemi", "alice@evenhand.test", "M100001", "quinn", "rowan")) {
            assertFalse(data.toLowerCase().contains(thirdParty.toLowerCase()), "no trace of " + thirdParty + ":\n" + data);
        }
        assertTrue(data.contains("[third party]"));
    }

    @Test
    void theDpoSeesRequestsWithTheirDeadlineAndCanProduceAnyPack() throws IOException {
        Instant now = Instant.now();
        long id = ((Number) as("frank").post("/api/me/subject-access-requests").then().statusCode(201).extract()
                .path("id")).longValue();
        var open = as("dara").get("/api/privacy/subject-access-requests").then().statusCode(200)
                .body("membershipNumber", hasItem("M100006")).extract().jsonPath();
        Instant due = Instant.parse(open.getString("find { it.id == " + id + " }.dueAt"));
        assertTrue(Duration.between(now, due).toDays() >= 27 && Duration.between(now, due).toDays() <= 31);
        byte[] zip = as("dara").get("/api/privacy/members/M100006/data").then().statusCode(200).extract().asByteArray();
        assertTrue(new String(org.evenhand.testing.Zips.unzip(zip).get("data.json"), StandardCharsets.UTF_8).contains("Frank Fraser"));
        as("dara").post("/api/privacy/subject-access-requests/" + id + "/fulfil").then().statusCode(204);
        as("dara").post("/api/privacy/subject-access-requests/" + id + "/fulfil").then().statusCode(404);
        as("frank").get("/api/privacy/members/M100001/data").then().statusCode(403);
    }

    @Test
    void erasureKeepsOpenCasesUnderTheLegalClaimsExceptionAndShredsOldOnes() {
        String old = file("dan", "M100007", LocalDate.of(2026, 8, 1), List.of("bullying"),
                "Old complaint: the respondent mocked my speech at conference.");
        complete(claimed(CASEWORKERS, old, "triage"), Map.of("inScope", false, "reasons", "Mild rudeness."));
        EngineClock.advance(Duration.ofDays(200));
        String open = file("dan", "M100007", LocalDate.of(2026, 11, 1), List.of("bullying"),
                "New complaint: the respondent mocked my speech again.");
        long req = ((Number) as("dan").body(Map.of("statement", "Please erase my complaints."))
                .post("/api/me/erasure-requests").then().statusCode(201).extract().path("id")).longValue();
        as("dara").body(Map.of("approve", true, "reasons", "No reason to keep the closed complaint."))
                .post("/api/privacy/erasure-requests/" + req + "/decision").then().statusCode(200)
                .body("approved", equalTo(true)).body("legalClaimsException", equalTo(true))
                .body("casesErased", org.hamcrest.Matchers.greaterThanOrEqualTo(1)); // other tests' old cases of dan's count too
        assertEquals(null, Db.value("SELECT wrapped_key FROM case_keys WHERE case_ref = ?", old));
        assertEquals(null, Db.value("SELECT complainant_id FROM cases WHERE ref = ?", old));
        assertTrue(Db.value("SELECT wrapped_key FROM case_keys WHERE case_ref = ?", open) != null, "open case kept");
        as("dara").body(Map.of("approve", false, "reasons", "again")).post(
                "/api/privacy/erasure-requests/" + req + "/decision").then().statusCode(409);
        as("dan").body(Map.of("approve", true, "reasons", "self-service")).post(
                "/api/privacy/erasure-requests/" + req + "/decision").then().statusCode(403);
    }
}
