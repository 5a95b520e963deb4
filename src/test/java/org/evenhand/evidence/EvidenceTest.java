package org.evenhand.evidence;

import static io.restassured.RestAssured.given;
import static org.evenhand.testing.Api.CASEWORKERS;
import static org.evenhand.testing.Api.as;
import static org.evenhand.testing.Api.awaitLetter;
import static org.evenhand.testing.Api.claimed;
import static org.evenhand.testing.Api.complete;
import static org.evenhand.testing.Api.file;
import static org.evenhand.testing.Api.myCase;
import static org.evenhand.testing.Api.tasks;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.evenhand.testing.Api.Held;
import org.evenhand.testing.Db;
import org.evenhand.testing.Evidence;
import org.junit.jupiter.api.Test;

/** Consent-only evidence: parties give it, staff cannot, every read is logged, withdrawal seals it for good. */
@QuarkusTest
class EvidenceTest {

    static final String POST = "Members like her are vermin and should be cleared out of this branch.";
    static final byte[] PNG = org.evenhand.testing.EvidenceFiles.png(40, 30);

    String newCase() {
        return file("alice", "M100002", LocalDate.of(2026, 9, 1), List.of("dehumanising-language"),
                "In the branch group the respondent wrote about me in dehumanising terms.");
    }

    long evidenceRows() {
        return Db.count("SELECT count(*) FROM evidence_items");
    }

    Held acceptAtTriage(String ref, long... items) {
        Held triage = claimed(CASEWORKERS, ref, "triage");
        for (long id : items) {
            as(triage.user()).body(Map.of("basis", "art-9-2-d", "reason", "Members' conduct within the party"))
                    .post("/api/cases/" + ref + "/evidence/" + id + "/lawful-basis").then().statusCode(200)
                    .body("lawfulBasis", equalTo("art-9-2-d"));
        }
        complete(triage, Map.of("inScope", true, "clauses", List.of("dehumanising-language"), "reasons",
                "Dehumanising language about a member."));
        return triage;
    }

    @Test
    void storedEvidenceHoldsNoPlaintextAndEveryReadIsLogged() {
        String ref = newCase();
        long id = Evidence.give("alice", ref, Evidence.text(POST, List.of("Alice: the housing motion is a good one",
                "Bob: you would say that")));
        byte[] stored = (byte[]) Db.value("SELECT content FROM evidence_items WHERE id = ?", id);
        byte[] thread = (byte[]) Db.value("SELECT thread_context FROM evidence_items WHERE id = ?", id);
        String allegation = (String) Db.value("SELECT allegation FROM cases WHERE ref = ?", ref);
        assertFalse(contains(stored, "vermin"), "evidence content is encrypted");
        assertFalse(contains(thread, "housing"), "thread context is encrypted");
        assertFalse(allegation.contains("dehumanising"), "allegation is encrypted");
        assertEquals(0L, Db.count("SELECT count(*) FROM timeline_entries WHERE summary LIKE '%vermin%'"));

        long reads = Db.count("SELECT count(*) FROM evidence_reads WHERE evidence_id = ?", id);
        as("alice").get("/api/me/cases/" + ref + "/evidence/" + id + "/content").then().statusCode(200)
                .body("text", equalTo(POST)).body("threadContext[1]", equalTo("Bob: you would say that"));
        Held triage = acceptAtTriage(ref, id);
        as(triage.user()).get("/api/cases/" + ref + "/evidence/" + id + "/content").then().statusCode(200);
        as("bob").get("/api/me/cases/" + ref + "/evidence/" + id + "/content").then().statusCode(200)
                .body("text", equalTo(POST));
        assertEquals(reads + 3, Db.count("SELECT count(*) FROM evidence_reads WHERE evidence_id = ?", id));
        assertTrue(Db.count("SELECT count(*) FROM trail_log WHERE action = 'evidence-read' AND case_ref = ?", ref) >= 3);
        as("dan").get("/api/me/cases/" + ref + "/evidence/" + id + "/content").then().statusCode(404);
    }

    @Test
    void triageNeedsALawfulBasisForEvidenceAboutTheRespondent() {
        String ref = newCase();
        long id = Evidence.give("alice", ref, Evidence.text(POST, List.of()));
        Held triage = claimed(CASEWORKERS, ref, "triage");
        as(triage.user()).body(Map.of("inScope", true, "clauses", List.of("dehumanising-language"), "reasons", "x"))
                .post("/api/tasks/" + triage.taskId() + "/complete").then().statusCode(400)
                .body("errors[0].field", equalTo("lawfulBases")).body("detail", containsString("[" + id + "]"));
        as(triage.user()).body(Map.of("basis", "gossip", "reason", "x"))
                .post("/api/cases/" + ref + "/evidence/" + id + "/lawful-basis").then().statusCode(400);
    }

    @Test
    void renamedExecutableIsRefusedAndNothingStored() {
        String ref = newCase();
        long before = evidenceRows();
        byte[] exe = new byte[4096];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[2] = (byte) 0x90;
        upload("alice", ref, exe, "holiday-photo.png").then().statusCode(415).contentType("application/problem+json");
        assertEquals(before, evidenceRows());
    }

    @Test
    void oversizeUploadIsRefusedAndNothingStored() {
        String ref = newCase();
        long before = evidenceRows();
        byte[] big = Arrays.copyOf(PNG, 10 * 1024 * 1024 + 1);
        upload("alice", ref, big, "big.png").then().statusCode(413).contentType("application/problem+json");
        assertEquals(before, evidenceRows());
    }

    @Test
    void aRealPngIsKeptReEncodedWithASafeNameAndServedAsAnAttachment() {
        String ref = newCase();
        long id = ((Number) upload("alice", ref, PNG, "../../etc/passwd screenshot?.png").then().statusCode(201)
                .body("mediaType", equalTo("image/png")).extract().path("id")).longValue();
        String name = (String) Db.value("SELECT filename FROM evidence_items WHERE id = ?", id);
        assertEquals("passwd screenshot_.png", name);
        byte[] back = as("alice").get("/api/me/cases/" + ref + "/evidence/" + id + "/content").then().statusCode(200)
                .header("Content-Disposition", containsString("attachment")).extract().asByteArray();
        java.awt.image.BufferedImage img = org.evenhand.testing.EvidenceFiles.read(back);
        assertEquals(40, img.getWidth());
        assertEquals(30, img.getHeight());
        assertEquals(org.evenhand.testing.EvidenceFiles.read(PNG).getRGB(3, 3), img.getRGB(3, 3));
    }

    @Test
    void theSameItemGivenTwiceIsStoredOnceAndTheSecondAnswerIsTheFirstItem() {
        String ref = newCase();
        long before = evidenceRows();
        Map<String, Object> text = Evidence.text(POST, List.of());
        var first = as("alice").body(text).post("/api/me/cases/" + ref + "/evidence").then().statusCode(201).extract();
        long id = ((Number) first.path("id")).longValue();
        as("alice").body(Evidence.text(POST, List.of("Bob: a different thread"))).post("/api/me/cases/" + ref
                + "/evidence").then().statusCode(200).body("id", equalTo((int) id))
                .header("Location", containsString("/api/me/cases/" + ref + "/evidence/" + id));
        as("alice").body(Evidence.text(POST + " (and again)", List.of())).post("/api/me/cases/" + ref + "/evidence")
                .then().statusCode(201);
        long file = ((Number) upload("alice", ref, PNG, "a.png").then().statusCode(201).extract().path("id")).longValue();
        upload("alice", ref, PNG, "renamed.png").then().statusCode(200).body("id", equalTo((int) file));
        assertEquals(before + 3, evidenceRows());
        // the fingerprint is keyed: not the plain SHA-256 of the content
        String fp = (String) Db.value("SELECT content_fingerprint FROM evidence_items WHERE id = ?", id);
        assertTrue(fp != null && fp.length() >= 40);
        assertFalse(fp.equalsIgnoreCase(java.util.HexFormat.of().formatHex(sha256(POST.getBytes(StandardCharsets.UTF_8)))));
        // withdrawn, it can be given again (a new consent), and its fingerprint is gone with the content
        as("alice").post("/api/me/cases/" + ref + "/evidence/" + id + "/withdraw").then().statusCode(200);
        assertEquals(null, Db.value("SELECT content_fingerprint FROM evidence_items WHERE id = ?", id));
        as("alice").body(text).post("/api/me/cases/" + ref + "/evidence").then().statusCode(201);
    }

    @Test
    void twoIdenticalUploadsAtOnceMakeOneRow() throws Exception {
        String ref = newCase();
        long before = evidenceRows();
        byte[] png = org.evenhand.testing.EvidenceFiles.png(50, 20);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<io.restassured.response.Response>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(() -> upload("alice", ref, png, "same.png")));
            }
            java.util.Set<Object> ids = new java.util.HashSet<>();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var f : answers) {
                io.restassured.response.Response r = f.get();
                statuses.add(r.statusCode());
                ids.add(r.path("id"));
            }
            assertEquals(1, ids.size(), "every answer is the same item: " + ids);
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "one created: " + statuses);
            assertEquals(3, statuses.stream().filter(s -> s == 200).count(), "the rest answered with it: " + statuses);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(before + 1, evidenceRows());
    }

    static byte[] sha256(byte[] b) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(b);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void staffCannotAddEvidenceAndTheAttemptIsLogged() {
        String ref = newCase();
        long before = evidenceRows();
        as("quinn").body(Evidence.text("Found this on the respondent's public feed", List.of()))
                .post("/api/me/cases/" + ref + "/evidence").then().statusCode(403).contentType("application/problem+json");
        as("dan").body(Evidence.text("I was not in this exchange", List.of()))
                .post("/api/me/cases/" + ref + "/evidence").then().statusCode(404);
        assertEquals(before, evidenceRows());
        assertEquals(1L, Db.count("SELECT count(*) FROM trail_log WHERE action = 'access-refused'"
                + " AND actor = 'quinn' AND detail = ?", "POST /api/me/cases/" + ref + "/evidence"));
        assertEquals(1L, Db.count("SELECT count(*) FROM trail_log WHERE action = 'evidence-submission-refused'"
                + " AND actor = 'dan' AND case_ref = ?", ref));
        Map<String, Object> unattested = Map.of("kind", "text", "text", POST, "attestPartyToExchange", false,
                "consent", Evidence.CONSENT);
        as("alice").body(unattested).post("/api/me/cases/" + ref + "/evidence").then().statusCode(400)
                .body("errors[0].field", equalTo("attestPartyToExchange"));
        assertEquals(before, evidenceRows());
    }

    @Test
    void linksAreNeverFetched() throws IOException {
        String ref = newCase();
        try (ServerSocket server = new ServerSocket(0)) {
            server.setSoTimeout(1500);
            String url = "http://127.0.0.1:" + server.getLocalPort() + "/status/123";
            long id = Evidence.give("alice", ref, Map.of("kind", "link", "url", url, "attestPartyToExchange", true,
                    "consent", Evidence.CONSENT));
            as("alice").get("/api/me/cases/" + ref + "/evidence/" + id + "/content").then().body("url", equalTo(url));
            boolean contacted;
            try (var ignored = server.accept()) {
                contacted = true;
            } catch (SocketTimeoutException e) {
                contacted = false;
            }
            assertFalse(contacted, "the server must never fetch a link");
        }
    }

    @Test
    void withdrawalSealsTheItemForEveryoneAndReturnsTheCaseToTriage() {
        String ref = newCase();
        long id = Evidence.give("alice", ref, Evidence.text(POST, List.of()));
        Held triage = acceptAtTriage(ref, id);
        assertEquals("Respondent's response", myCase("alice", ref).getString("stage.label"));

        as("alice").post("/api/me/cases/" + ref + "/evidence/" + id + "/withdraw").then().statusCode(200)
                .body("status", equalTo("withdrawn"));
        assertEquals(null, Db.value("SELECT content FROM evidence_items WHERE id = ?", id));
        as("alice").get("/api/me/cases/" + ref + "/evidence/" + id + "/content").then().statusCode(410)
                .contentType("application/problem+json");
        as("bob").get("/api/me/cases/" + ref + "/evidence/" + id + "/content").then().statusCode(410);
        as(triage.user()).get("/api/cases/" + ref + "/evidence/" + id + "/content").then().statusCode(410);
        assertEquals("Triage", myCase("alice", ref).getString("stage.label"));
        assertEquals(1, tasks(CASEWORKERS, ref, "triage").stream().map(Held::taskId).distinct().count());
        awaitLetter("alice@evenhand.test", "Your case is being triaged again");
        awaitLetter("bob@evenhand.test", "The case about you is being triaged again");
        as("alice").post("/api/me/cases/" + ref + "/evidence/" + id + "/withdraw").then().statusCode(409);
    }

    /** Before triage the case is not "triaged again": triage goes on without the item (decision 0035). */
    @Test
    void withdrawalBeforeTriageSaysTriageGoesOnWithoutIt() {
        String ref = newCase();
        long id = Evidence.give("alice", ref, Evidence.text(POST, List.of()));
        as("alice").post("/api/me/cases/" + ref + "/evidence/" + id + "/withdraw").then().statusCode(200);
        awaitLetter("alice@evenhand.test", "[" + ref + "] An item of evidence has been withdrawn from your case");
        io.restassured.path.json.JsonPath view = myCase("alice", ref);
        assertEquals("Triage", view.getString("stage.label"));
        List<String> summaries = view.getList("timeline.summary");
        assertTrue(summaries.stream().anyMatch(t -> t.contains("triage goes on without it")), summaries.toString());
        assertTrue(summaries.stream().noneMatch(t -> t.contains("triaged again")), summaries.toString());
        assertTrue(org.evenhand.testing.MailServer.lettersTo("alice@evenhand.test", "[" + ref + "] Your case is being triaged again")
                .isEmpty());
    }

    @Test
    void flippedCiphertextIsAClearIntegrityError() {
        String ref = newCase();
        long id = Evidence.give("alice", ref, Evidence.text(POST, List.of()));
        Db.update("UPDATE evidence_items SET content = overlay(content placing"
                + " set_byte(substring(content from 40 for 1), 0, get_byte(substring(content from 40 for 1), 0) # 1)"
                + " from 40 for 1) WHERE id = ?", id);
        as("alice").get("/api/me/cases/" + ref + "/evidence/" + id + "/content").then().statusCode(500)
                .contentType("application/problem+json")
                .body("type", containsString("stored-data-integrity")).body("detail", containsString("integrity"));
    }

    static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }

    static io.restassured.response.Response upload(String member, String ref, byte[] bytes, String name) {
        return given().auth().oauth2(org.evenhand.testing.Api.token(member))
                .multiPart("file", name, bytes, "image/png")
                .multiPart("attestPartyToExchange", "true")
                .multiPart("consentNoticeVersion", Evidence.NOTICE)
                .multiPart("consentPurpose", "complaint-handling")
                .multiPart("threadContext", "[\"Bob: reply to the branch chair\"]")
                .post("/api/me/cases/" + ref + "/evidence/files");
    }
}
