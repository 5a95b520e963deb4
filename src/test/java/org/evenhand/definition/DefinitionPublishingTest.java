package org.evenhand.definition;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.evenhand.common.TimeSource;
import org.evenhand.testing.Api;
import org.evenhand.testing.Db;
import org.evenhand.testing.EngineClock;
import org.junit.jupiter.api.Test;

/**
 * Publishing a new version of the definition through the API (decision 0040): a draft copied from
 * the latest version, edited, compared word by word, asked for with a date and approved by a second
 * NEC member; then frozen by its hash, listed, never editable (the use case and the database both
 * refuse), and cited by a complaint about conduct on its effective date while one about the day
 * before cites the version it replaced.
 *
 * <p>Every test here publishes far in the future (2090 onwards, each after the latest), so that the
 * version in force today, which the other suites' complaints cite, stays the repository's.
 */
@QuarkusTest
class DefinitionPublishingTest {

    static final LocalDate FAR = LocalDate.of(2090, 1, 1);

    @Inject
    TimeSource time;
    @Inject
    EntityManager em;

    static JsonPath latest() {
        List<Map<String, Object>> all = given().get("/api/definition/versions").then().statusCode(200).extract()
                .jsonPath().getList("$");
        return new JsonPath(Api.as("nora").get("/api/definition/versions/" + all.get(all.size() - 1).get("id"))
                .then().statusCode(200).extract().asString());
    }

    /** A date for a version published here: in 2090 or later, after the latest. */
    static LocalDate nextDate() {
        LocalDate last = LocalDate.parse(latest().getString("effectiveFrom"));
        return last.isBefore(FAR) ? FAR : last.plusMonths(1).withDayOfMonth(1);
    }

    static long start(String who) {
        return Api.as(who).body(Map.of("from", latest().getString("id"))).post("/api/definition/drafts").then()
                .statusCode(201).extract().jsonPath().getLong("id");
    }

    /** The draft's content with a sentence naming the draft added to the harassment clause's test, and a summary saying so. */
    static Map<String, Object> fearAsWell(long draft) {
        Map<String, Object> content = Api.as("nora").get("/api/definition/drafts/" + draft).then().statusCode(200)
                .extract().jsonPath().getMap("content");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> clauses = new ArrayList<>((List<Map<String, Object>>) content.get("clauses"));
        for (Map<String, Object> c : clauses) {
            if ("harassment".equals(c.get("id"))) {
                c.put("test", c.get("test") + " In draft " + draft + ", fear counts as well.");
            }
        }
        content.put("clauses", clauses);
        content.put("summaryOfChanges", List.of("Clause 'harassment': in draft " + draft + ", fear counts as well."));
        return content;
    }

    static void propose(long draft, LocalDate date) {
        Api.as("nora").body(Map.of("effectiveFrom", date.toString())).post("/api/definition/drafts/" + draft + "/proposal")
                .then().statusCode(200).body("state", equalTo("proposed"));
    }

    static JsonPath approve(long draft, LocalDate date) {
        return Api.as("nell").body(Map.of("effectiveFrom", date.toString()))
                .post("/api/definition/drafts/" + draft + "/publication").then().statusCode(201).extract().jsonPath();
    }

    @Test
    void draftEditCompareProposeApproveAndCite() {
        JsonPath before = latest();
        String previous = before.getString("id");
        long draft = start("nora");
        JsonPath started = Api.as("nora").get("/api/definition/drafts/" + draft).then().statusCode(200)
                .body("state", equalTo("editing")).body("basedOn", equalTo(previous)).body("revision", equalTo(0))
                .extract().jsonPath();
        assertEquals(before.getList("clauses.id"), started.getList("content.clauses.id"), "a copy of the latest");

        // a save, then the same save from a stale copy, then a broken save: refused, nothing kept
        Api.as("nora").header("If-Match", "0").body(fearAsWell(draft)).put("/api/definition/drafts/" + draft).then()
                .statusCode(200).body("revision", equalTo(1));
        Api.as("nell").header("If-Match", "0").body(fearAsWell(draft)).put("/api/definition/drafts/" + draft).then()
                .statusCode(409).contentType("application/problem+json");
        Map<String, Object> broken = fearAsWell(draft);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> clauses = (List<Map<String, Object>>) broken.get("clauses");
        clauses.get(1).put("tier", 0);
        clauses.get(2).put("id", clauses.get(0).get("id"));
        Api.as("nora").body(broken).put("/api/definition/drafts/" + draft).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.find { it.field == 'clauses[1].tier' }.message", equalTo("Choose the clause\u2019s tier, from 1 to 4."))
                .body("errors.field", hasItem("clauses[2].id"));
        Api.as("nora").get("/api/definition/drafts/" + draft).then().body("revision", equalTo(1));

        // the word diff shows the words put in
        JsonPath diff = Api.as("nell").get("/api/definition/drafts/" + draft + "/diff").then().statusCode(200)
                .body("from", equalTo(previous)).body("noChanges", equalTo(false)).extract().jsonPath();
        assertEquals(List.of("harassment"), diff.getList("sections.find { it.heading == 'Clauses' }.changed.id"));
        List<Map<String, Object>> words = diff.getList("sections.find { it.heading == 'Clauses' }.changed[0].fields[0].words");
        assertTrue(words.stream().anyMatch(w -> "ADDED".equals(w.get("kind"))
                && ((String) w.get("text")).contains("In draft " + draft + ", fear counts as well.")), words.toString());
        assertTrue(words.stream().noneMatch(w -> "REMOVED".equals(w.get("kind"))), words.toString());

        // a date in the past, today, or before the latest version is refused; then asked for properly
        LocalDate date = nextDate();
        for (LocalDate wrong : List.of(time.today().minusDays(1), time.today())) {
            Api.as("nora").body(Map.of("effectiveFrom", wrong.toString())).post("/api/definition/drafts/" + draft + "/proposal")
                    .then().statusCode(400).body("errors[0].field", equalTo("effectiveFrom"))
                    .body("errors[0].message", startsWith("A new version takes effect on"));
        }
        propose(draft, date);
        Api.as("nora").body(fearAsWell(draft)).put("/api/definition/drafts/" + draft).then().statusCode(409);

        // four eyes: not the member who asked, and only the date asked for
        Api.as("nora").body(Map.of("effectiveFrom", date.toString())).post("/api/definition/drafts/" + draft + "/publication")
                .then().statusCode(403).contentType("application/problem+json");
        Api.as("nell").body(Map.of("effectiveFrom", date.plusDays(1).toString()))
                .post("/api/definition/drafts/" + draft + "/publication").then().statusCode(400)
                .body("errors[0].field", equalTo("effectiveFrom"));
        JsonPath published = approve(draft, date);
        String id = published.getString("id");
        assertTrue(id.matches(date.getYear() + "\\.\\d+"), id);

        // listed, frozen by its hash, served as published
        given().get("/api/definition/versions").then().statusCode(200)
                .body("find { it.id == '" + id + "' }.sha256", equalTo(published.getString("sha256")))
                .body("find { it.id == '" + id + "' }.source", equalTo("published"))
                .body("find { it.id == '" + id + "' }.effectiveFrom", equalTo(date.toString()))
                .body("find { it.id == '" + id + "' }.current", equalTo(false));
        byte[] text = given().get("/api/definition/versions/" + id + "/text").then().statusCode(200).extract().asByteArray();
        assertEquals(published.getString("sha256"), VersionText.sha256(text));
        assertEquals(published.getString("sha256"), Db.value("SELECT sha256 FROM definition_versions WHERE id = ?", id));
        given().get("/api/definition/versions/" + id).then().statusCode(200)
                .body("clauses.find { it.id == 'harassment' }.test",
                        org.hamcrest.Matchers.endsWith("In draft " + draft + ", fear counts as well."))
                .body("publishedAt", equalTo(time.today().toString()));
        given().get("/api/definition").then().body("id", org.hamcrest.Matchers.not(equalTo(id)));
        assertEquals(1L, Db.count("SELECT count(*) FROM trail_log WHERE action = 'definition-published' AND detail LIKE ?",
                "version " + id + " from draft " + draft + ",%"));

        // never editable: the use case refuses, and so does the database
        Api.as("nora").body(fearAsWell(draft)).put("/api/definition/drafts/" + draft).then().statusCode(409);
        Api.as("nora").delete("/api/definition/drafts/" + draft).then().statusCode(409);
        Api.as("nora").delete("/api/definition/drafts/" + draft + "/proposal").then().statusCode(409);
        for (String sql : List.of("UPDATE definition_versions SET content = 'edited' WHERE id = ?",
                "UPDATE definition_versions SET effective_from = effective_from + 1 WHERE id = ?",
                "DELETE FROM definition_versions WHERE id = ?",
                "UPDATE definition_drafts SET content = '{}' WHERE published_version = ?",
                "DELETE FROM definition_drafts WHERE published_version = ?")) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Db.update(sql, id), sql);
            assertTrue(e.getCause().getMessage().contains("never changes"), e.getCause().getMessage());
        }

        // a complaint about conduct on the effective date cites the new version; the day before, the one it replaced
        assertEquals(List.of(id, previous), citedOnAndBefore(date, time));
    }

    /**
     * The versions complaints cite about conduct on {@code date} and on the day before, filed on that
     * date (the engine clock moved there and back) by members of their own, so no other suite's
     * members have cases dated then.
     */
    static List<String> citedOnAndBefore(LocalDate date, TimeSource time) {
        Db.update("INSERT INTO members (membership_number, username, display_name, email, clp, region) VALUES"
                + " ('M190001', 'pubtest1', 'Petra Published', 'petra@evenhand.test', 'Hove', 'South East'),"
                + " ('M190002', 'pubtest2', 'Quentin Quoted', 'quentin@evenhand.test', 'Hove', 'South East')"
                + " ON CONFLICT (membership_number) DO NOTHING");
        EngineClock.advance(Duration.between(time.now(), date.atTime(12, 0).atZone(TimeSource.ZONE).toInstant()));
        try {
            return List.of(file(date), file(date.minusDays(1)));
        } finally {
            EngineClock.reset();
        }
    }

    private static String file(LocalDate conduct) {
        return Api.as("pubtest1").body(Map.of("respondentMembershipNumber", "M190002", "conductDate", conduct.toString(),
                "clauses", List.of("harassment"), "allegation", "Message after message on " + conduct
                        + " about my private life, after I asked them to stop."))
                .post("/api/complaints").then().statusCode(201).extract().path("definitionVersion");
    }

    @Test
    void aDraftOvertakenByAnotherPublicationIsRefusedAndTheNextDateMustBeLater() {
        long first = start("nora");
        long second = start("nell");
        Api.as("nora").body(fearAsWell(second)).put("/api/definition/drafts/" + second).then().statusCode(200);
        LocalDate date = nextDate();
        propose(second, date);
        String id = approve(second, date).getString("id");

        Api.as("nora").body(fearAsWell(first)).put("/api/definition/drafts/" + first).then().statusCode(200);
        Api.as("nora").body(Map.of("effectiveFrom", date.plusMonths(1).toString()))
                .post("/api/definition/drafts/" + first + "/proposal").then().statusCode(409)
                .body("detail", startsWith("The draft started from version"));
        Api.as("nora").body(Map.of("from", "2024.1")).post("/api/definition/drafts").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));

        long third = start("nora");
        Api.as("nora").body(fearAsWell(third)).put("/api/definition/drafts/" + third).then().statusCode(200);
        Api.as("nora").body(Map.of("effectiveFrom", date.toString())).post("/api/definition/drafts/" + third + "/proposal")
                .then().statusCode(400).body("errors[0].message", startsWith("Version " + id + " takes effect on"));
        Api.as("nora").delete("/api/definition/drafts/" + third).then().statusCode(200).body("state", equalTo("discarded"));
        Api.as("nora").body(fearAsWell(third)).put("/api/definition/drafts/" + third).then().statusCode(409);
        Api.as("nora").get("/api/definition/drafts").then().statusCode(200)
                .body("find { it.id == " + third + " }.state", equalTo("discarded"))
                .body("find { it.id == " + second + " }.publishedVersion", equalTo(id));
    }

    @Test
    void aDraftThatChangesNothingCannotBeProposedAndAPatchKeepsTheRest() {
        long draft = start("nora");
        Api.as("nora").body(Map.of("summaryOfChanges", List.of("Nothing, really."))).patch("/api/definition/drafts/" + draft)
                .then().statusCode(200).body("content.summaryOfChanges", equalTo(List.of("Nothing, really.")))
                .body("content.clauses.size()", equalTo(latest().getList("clauses").size()));
        Api.as("nora").body(Map.of("effectiveFrom", nextDate().toString())).post("/api/definition/drafts/" + draft + "/proposal")
                .then().statusCode(409).body("detail", startsWith("The draft changes nothing"));
        Api.as("nora").header("If-Match", "W/\"x\"").body(Map.of("title", "T")).patch("/api/definition/drafts/" + draft)
                .then().statusCode(400);
        Api.as("nora").delete("/api/definition/drafts/" + draft).then().statusCode(200);
    }

    @Test
    void onlyTheNecDraftsAndPublishes() {
        for (String who : List.of("alice", "casey", "pat", "dara", "mona")) {
            Api.as(who).get("/api/definition/drafts").then().statusCode(403);
            Api.as(who).body(Map.of("from", "2026.1")).post("/api/definition/drafts").then().statusCode(403);
        }
        given().get("/api/definition/drafts").then().statusCode(401);
        Api.as("nora").get("/api/definition/drafts/999999").then().statusCode(404).contentType("application/problem+json");
        Api.as("nora").body(Map.of("effectiveFrom", "2091-01-01")).post("/api/definition/drafts/999999/publication")
                .then().statusCode(404);
    }

    @Inject
    DefinitionCatalog catalog;

    /**
     * Another node publishes (its row appears here without this node's use case): asked which version
     * is in force on a date after the day of its last check (the engine clock moved to the new
     * version's date), this node finds it at once, without waiting for the refresh.
     */
    @Test
    void aVersionPublishedOnAnotherNodeIsSeenWhereItMatters() {
        JsonPath base = latest();
        LocalDate date = nextDate();
        String id = date.getYear() + "." + (catalog.versions().stream().filter(v -> v.id().startsWith(date.getYear() + "."))
                .count() + 1);
        DefinitionVersion mine = catalog.byId(base.getString("id")).orElseThrow();
        DefinitionVersion other = DraftContent.of(mine).withSummary(List.of("Published on another node."))
                .asVersion(id, date, time.today());
        String text = VersionText.canonical(other);
        catalog.invalidate();
        assertTrue(catalog.versions().stream().noneMatch(v -> v.id().equals(id)), "read before the other node publishes");
        Db.update("INSERT INTO definition_versions (id, effective_from, sha256, source, content, published_at,"
                + " proposed_by, approved_by) VALUES (?, ?, ?, 'published', ?, now(), 'nora', 'nell')", id, date,
                VersionText.sha256(text), text);
        EngineClock.advance(Duration.between(time.now(), date.atTime(9, 0).atZone(TimeSource.ZONE).toInstant()));
        try {
            assertEquals(id, catalog.inForceOn(date).orElseThrow().id(), "in force on its date, at once");
            assertEquals(base.getString("id"), catalog.inForceOn(date.minusDays(1)).orElseThrow().id());
        } finally {
            EngineClock.reset();
        }
        assertEquals(other, catalog.byId(id).orElseThrow(), "the version as the other node published it");
        given().get("/api/definition/versions/" + id + "/text").then().statusCode(200)
                .body(equalTo(text));
    }

    @Test
    void aPublishedVersionWhoseTextWasAlteredStopsTheCatalog() {
        long draft = start("nora");
        Api.as("nora").body(fearAsWell(draft)).put("/api/definition/drafts/" + draft).then().statusCode(200);
        LocalDate date = nextDate();
        propose(draft, date);
        String id = approve(draft, date).getString("id");
        String original = (String) Db.value("SELECT content FROM definition_versions WHERE id = ?", id);
        given().get("/api/definition/versions").then().body("id", hasItem(id)); // the app has read it
        // what a superuser who switched the trigger off could do: caught by the hash when the catalog reads it
        Db.update("ALTER TABLE definition_versions DISABLE TRIGGER definition_versions_published_frozen");
        try {
            Db.update("UPDATE definition_versions SET content = replace(content, 'fear', 'terror') WHERE id = ?", id);
            DefinitionCatalog fresh = new DefinitionCatalog();
            fresh.em = em;
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> QuarkusTransaction.requiringNew().run(fresh::load));
            assertTrue(e.getMessage().contains(id) && e.getMessage().contains("altered"), e.getMessage());
        } finally {
            Db.update("UPDATE definition_versions SET content = ? WHERE id = ?", original, id);
            Db.update("ALTER TABLE definition_versions ENABLE TRIGGER definition_versions_published_frozen");
        }
        assertEquals(Db.value("SELECT sha256 FROM definition_versions WHERE id = ?", id),
                VersionText.sha256(original.getBytes(StandardCharsets.UTF_8)));
    }
}
