package org.evenhand.privacy;

import static org.evenhand.testing.Api.CASEWORKERS;
import static org.evenhand.testing.Api.as;
import static org.evenhand.testing.Api.claimed;
import static org.evenhand.testing.Api.complete;
import static org.evenhand.testing.Api.file;
import static org.evenhand.testing.Api.myCase;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.evenhand.testing.Db;
import org.evenhand.testing.EngineClock;
import org.evenhand.testing.Evidence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Retention runs on the engine's timers: the DPO is warned, then data is destroyed or anonymised unless held. */
@QuarkusTest
class RetentionTest {

    @AfterEach
    void resetClock() {
        EngineClock.reset();
    }

    String dismissedCaseWithEvidence() {
        String ref = as("carol").body(Map.of("respondentMembershipNumber", "M100006", "conductDate", "2026-10-01",
                "clauses", List.of("bullying"), "allegation", "The respondent keeps calling my motions daft in the branch chat.",
                "conductLink", "https://chat.example/branch/" + java.util.UUID.randomUUID()))
                .post("/api/complaints").then().statusCode(201).extract().path("ref");
        org.evenhand.testing.Api.awaitStarted("carol", ref);
        Evidence.give("carol", ref, Evidence.text("Your motions are daft, as usual.", List.of()));
        complete(claimed(CASEWORKERS, ref, "triage"), Map.of("inScope", false,
                "reasons", "Calling a motion daft is mild rudeness in the not-abuse band."));
        return ref;
    }

    @Test
    void dismissedCaseIsDestroyedSixMonthsAfterClosingWithAWarningFirst() {
        String ref = dismissedCaseWithEvidence();
        as("dara").get("/api/privacy/retention").then().statusCode(200).body("ref", hasItem(ref));
        EngineClock.advance(Duration.ofDays(152));
        EngineClock.fireDueTimers(ref);
        assertEquals(1L, Db.count("SELECT count(*) FROM trail_log WHERE case_ref = ? AND action = 'retention-warning'", ref));
        assertNotNull(Db.value("SELECT wrapped_key FROM case_keys WHERE case_ref = ?", ref), "not yet destroyed");
        assertEquals(1L, Db.count("SELECT count(*) FROM evidence_items e JOIN cases c ON c.id = e.case_id"
                + " WHERE c.ref = ? AND e.content_fingerprint IS NOT NULL", ref), "the item's fingerprint kept while in use");
        assertEquals(1L, Db.count("SELECT count(*) FROM conduct_keys k JOIN cases c ON c.id = k.case_id WHERE c.ref = ?",
                ref), "the post's fingerprint kept while the case lives");

        EngineClock.advance(Duration.ofDays(35));
        EngineClock.fireDueTimers(ref);
        assertNull(Db.value("SELECT wrapped_key FROM case_keys WHERE case_ref = ?", ref), "key shredded");
        assertEquals(0L, Db.count("SELECT count(*) FROM conduct_keys k JOIN cases c ON c.id = k.case_id WHERE c.ref = ?",
                ref), "the post's fingerprints forgotten");
        assertEquals(0L, Db.count("SELECT count(*) FROM evidence_items e JOIN cases c ON c.id = e.case_id"
                + " WHERE c.ref = ? AND e.content IS NOT NULL", ref));
        assertEquals(0L, Db.count("SELECT count(*) FROM evidence_items e JOIN cases c ON c.id = e.case_id"
                + " WHERE c.ref = ? AND e.content_fingerprint IS NOT NULL", ref), "evidence fingerprints go with the content");
        assertEquals("[erased]", myCase("carol", ref).getString("allegation"));
        assertEquals("DISMISSED_AT_TRIAGE", myCase("carol", ref).getString("outcome"));
    }

    @Test
    void aLegalHoldStopsRetentionUntilReleased() {
        String ref = dismissedCaseWithEvidence();
        as("dara").body(Map.of("reason", "Pre-action letter received; related claim expected."))
                .post("/api/privacy/cases/" + ref + "/legal-hold").then().statusCode(201);
        as("dara").body(Map.of("reason", "again")).post("/api/privacy/cases/" + ref + "/legal-hold").then().statusCode(409);
        EngineClock.advance(Duration.ofDays(200));
        EngineClock.fireDueTimers(ref);
        assertNotNull(Db.value("SELECT wrapped_key FROM case_keys WHERE case_ref = ?", ref), "held: kept");
        as("dara").body(Map.of("reason", "Claim settled; no further need.")).post(
                "/api/privacy/cases/" + ref + "/legal-hold/release").then().statusCode(204);
        assertNull(Db.value("SELECT wrapped_key FROM case_keys WHERE case_ref = ?", ref), "released: destroyed");
    }

    @Test
    void upheldCaseIsAnonymisedAfterSixYears() {
        String ref = file("erin", "M100004", LocalDate.of(2026, 10, 2), List.of("bullying"),
                "Weekly messages belittling my work as branch secretary.");
        complete(claimed(CASEWORKERS, ref, "triage"), Map.of("inScope", true, "clauses", List.of("bullying"),
                "reasons", "Persistent belittling."));
        EngineClock.advance(Duration.ofDays(15));
        EngineClock.fireDueTimers(ref);
        complete(org.evenhand.testing.Api.tasks(CASEWORKERS, ref, "investigate").get(0), Map.of("report", "Confirmed."));
        org.evenhand.testing.EngineClock.endCommentWindow(ref);
        org.evenhand.testing.Api.tasks(org.evenhand.testing.Api.PANEL, ref, "panelDecision").forEach(h -> complete(h,
                Map.of("findings", List.of(Map.of("clause", "bullying", "upheld", true)), "sanction", "formal-warning",
                        "reasons", "Belittling, repeated.")));
        EngineClock.advance(Duration.ofDays(22));
        EngineClock.fireDueTimers(ref);
        assertEquals("CLOSED", Db.value("SELECT status FROM cases WHERE ref = ?", ref));
        EngineClock.advance(Duration.ofDays(6 * 366));
        EngineClock.fireDueTimers(ref);
        assertNull(Db.value("SELECT complainant_id FROM cases WHERE ref = ?", ref));
        assertNull(Db.value("SELECT respondent_id FROM cases WHERE ref = ?", ref));
        assertEquals("UPHELD", Db.value("SELECT outcome FROM cases WHERE ref = ?", ref), "statistics survive");
        assertTrue(((String) Db.value("SELECT erased_reason FROM cases WHERE ref = ?", ref)).contains("anonymised"));
        as("erin").get("/api/me/cases/" + ref).then().statusCode(404);
    }

    @Test
    void onlyTheDpoSeesTheQueue() {
        as("alice").get("/api/privacy/retention").then().statusCode(403);
        as("quinn").get("/api/privacy/retention").then().statusCode(403);
        as("nora").get("/api/privacy/erasure-requests").then().statusCode(403);
    }
}
