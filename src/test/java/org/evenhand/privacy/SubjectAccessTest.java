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
        // members of this test's own, so that no other test's cases are in the pack; the complainant is granted
        // anonymity (by default the respondent is told who complained: ComplainantIdentityTest)
        String tag = java.util.UUID.randomUUID().toString().substring(0, 6);
        Db.update("INSERT INTO members (membership_number, username, display_name, email, clp, region) VALUES"
                + " (?, ?, 'Alva Adeyemi', ?, 'SAR CLP a', 'North West'), (?, ?, 'Bram Brennan', ?, 'SAR CLP b', 'North West')",
                "SA-" + tag, "alva-" + tag, "alva-" + tag + "@evenhand.test", "SB-" + tag, "bram-" + tag,
                "bram-" + tag + "@evenhand.test");
        String alva = "alva-" + tag;
        String bram = "bram-" + tag;
        String ref = as(alva).body(Map.of("respondentMembershipNumber", "SB-" + tag, "conductDate", "2026-09-09",
                "clauses", List.of("harassment"), "allegation", "Bram Brennan replied to every post I made for a week;"
                        + " Alva Adeyemi is my name on the platform.",
                "anonymity", Map.of("ground", "reprisal", "reasons", "He retaliates.")))
                .post("/api/complaints").then().statusCode(201).extract().path("ref");
        org.evenhand.testing.Api.awaitStarted(alva, ref);
        long item = Evidence.give(alva, ref, Evidence.text("Alva, you are a disgrace (from bram)", List.of(
                "Alva Adeyemi: I support the motion")));
        var triage = claimed(CASEWORKERS, ref, "triage");
        as(triage.user()).body(Map.of("basis", "art-9-2-d", "reason", "Conduct between members"))
                .post("/api/cases/" + ref + "/evidence/" + item + "/lawful-basis").then().statusCode(200);
        complete(triage, Map.of("inScope", true, "clauses", List.of("harassment"), "reasons", "Targeting.",
                "anonymity", Map.of("grant", true, "reasons", "A real risk of retaliation.")));
        as(bram).body(Map.of("statement", "Alva started it.")).post("/api/me/cases/" + ref + "/response")
                .then().statusCode(200);
        long mine = Evidence.give(bram, ref, Evidence.text("Alva wrote first: 'bram is a sell-out'", List.of()));

        byte[] zip = as(bram).get("/api/me/data").then().statusCode(200).contentType("application/zip").extract()
                .asByteArray();
        String data = new String(org.evenhand.testing.Zips.unzip(zip).get("data.json"), StandardCharsets.UTF_8);
        assertTrue(data.contains("Bram Brennan"), "the member's own name");
        assertTrue(data.contains(ref));
        assertTrue(data.contains("\"evidenceAboutYou\""));
        assertTrue(data.contains("\"id\" : " + mine), "evidence he gave, with its consent record");
        assertTrue(data.contains(Evidence.NOTICE));
        for (String thirdParty : List.of("Alva", "Adeyemi", alva, "SA-" + tag, "quinn", "rowan")) {
            assertFalse(data.toLowerCase().contains(thirdParty.toLowerCase()), "no trace of " + thirdParty + ":\n" + data);
        }
        assertTrue(data.contains("[the complainant]"));
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
