package org.evenhand.management;

import static org.evenhand.management.Manage.member;
import static org.evenhand.management.Manage.today;
import static org.evenhand.testing.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.evenhand.casework.LetterRenderer;
import org.evenhand.casework.Letters;
import org.evenhand.testing.Db;
import org.evenhand.testing.MailServer;
import org.evenhand.testing.Pages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Decision 0043 over HTTP: the complaints manager edits a letter per kind and language, previews it written
 * from sample data by the sender's renderer, publishes it as a new version; bad text is refused (problem+json,
 * nothing stored); nobody else may; and a letter already sent never changes.
 */
@QuarkusTest
class LetterAdministrationTest {

    static final String TAG = UUID.randomUUID().toString().substring(0, 6);

    @Inject
    LetterRenderer renderer;

    @AfterEach
    void backToTheBundledText() {
        // other tests read these letters as bundled
        Db.update("DELETE FROM letter_versions WHERE kind IN ('acknowledged', 'dismissed')");
    }

    static long stored() {
        return Db.count("SELECT count(*) FROM letter_versions");
    }

    static Map<String, String> edit(String subject, String body) {
        return Map.of("subject", subject, "body", body);
    }

    @Test
    void nobodyButTheManagerMayReadOrChangeTheLetters() {
        for (String who : List.of("alice", "casey", "pat", "nora", "dara")) {
            as(who).get("/api/manager/letters").then().statusCode(403);
            as(who).body(edit("S", "T")).post("/api/manager/letters/acknowledged/en-GB/versions").then().statusCode(403);
            as(who).body(edit("S", "T")).post("/api/manager/letters/acknowledged/en-GB/preview").then().statusCode(403);
        }
        assertEquals(0, stored());
        List<Map<String, Object>> all = as("mona").get("/api/manager/letters").then().statusCode(200).extract()
                .jsonPath().getList("$");
        assertEquals(LetterCatalogue.KINDS.size() * 2, all.size());
        Map<String, Object> ackCy = all.stream().filter(e -> "acknowledged".equals(e.get("kind"))
                && "cy".equals(e.get("locale"))).findFirst().orElseThrow();
        assertEquals(1, ackCy.get("version"));
        assertEquals("bundled", ackCy.get("publishedBy"));
        assertEquals("Complaint received (to the complainant)", ackCy.get("about"));
    }

    @Test
    void everyBundledLetterPreviewsInBothLanguages() {
        for (String kind : LetterCatalogue.KINDS.keySet()) {
            for (String locale : LetterCatalogue.LOCALES) {
                JsonPath v = as("mona").get("/api/manager/letters/" + kind + "/" + locale).then().statusCode(200)
                        .extract().jsonPath();
                assertEquals(1, v.getInt("current.version"));
                String subject = v.getString("current.subject"), body = v.getString("current.body");
                io.restassured.response.Response r = as("mona").body(edit(subject, body))
                        .post("/api/manager/letters/" + kind + "/" + locale + "/preview");
                assertEquals(200, r.statusCode(), kind + " " + locale + ": " + r.asString());
                JsonPath p = r.jsonPath();
                assertFalse(p.getString("subject").isBlank(), kind + " " + locale);
                assertFalse(p.getString("body").contains("{"), kind + " " + locale + ": " + p.getString("body"));
            }
        }
        JsonPath cy = as("mona").body(edit("Cwyn am {m.respondentName}", "Diolch. {m.respondentName}, fersiwn {m.version}."))
                .post("/api/manager/letters/acknowledged/cy/preview").then().statusCode(200).extract().jsonPath();
        assertEquals("Cwyn am Sam Sample", cy.getString("subject"));
        assertEquals("Diolch. Sam Sample, fersiwn 2026.1.", cy.getString("body"));
        assertEquals(0, stored(), "a preview stores nothing");
    }

    @Test
    void badTextIsRefusedAndNothingStored() {
        String path = "/api/manager/letters/acknowledged/en-GB/";
        for (String action : List.of("preview", "versions")) {
            as("mona").body(edit("About {m.respondentName}", "Their email: {m.respondentEmail}")).post(path + action)
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("body"))
                    .body("errors[0].message", containsString("may not use {m.respondentEmail}"));
            as("mona").body(edit("S", "{#if m.anonymityAsked}open")).post(path + action).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].message", containsString("cannot be read as a template"));
            as("mona").body(edit("S", "{#include letters/allegation /}")).post(path + action).then().statusCode(400)
                    .body("errors[0].message", containsString("{#include}"));
            as("mona").body(edit("s".repeat(501), "b".repeat(20_001))).post(path + action).then().statusCode(400)
                    .body("errors.field", equalTo(List.of("subject", "body")));
            as("mona").body("{").post(path + action).then().statusCode(400).contentType("application/problem+json");
            as("mona").body(edit("S", "T")).post("/api/manager/letters/envelope/en-GB/" + action).then().statusCode(404);
            as("mona").body(edit("S", "T")).post("/api/manager/letters/acknowledged/fr/" + action).then().statusCode(404);
        }
        assertEquals(0, stored());
    }

    @Test
    void theLongestTextIsPublishedAndEachVersionIsKept() {
        String path = "/api/manager/letters/dismissed/en-GB";
        String subject = "s".repeat(500);
        String body = ("{m.reasons} " + "b".repeat(20_000)).substring(0, 20_000);
        as("mona").body(edit(subject, body)).post(path + "/versions").then().statusCode(201)
                .header("Location", containsString(path)).body("version", equalTo(2));
        as("mona").body(edit(subject, body)).post(path + "/versions").then().statusCode(409);
        as("mona").body(edit("Outside the definition", "Reasons: {m.reasons}")).post(path + "/versions").then()
                .statusCode(201).body("version", equalTo(3));
        JsonPath v = as("mona").get(path).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(3, 2, 1), v.getList("history.version"));
        assertEquals(body, v.getString("history[1].body"));
        assertEquals("bundled", v.getString("history[2].publishedBy"));
        assertEquals("Your complaint is outside the definition of abuse", v.getString("history[2].subject"));
        assertEquals(1, Manage.trail("letter-published", "letter dismissed (en-GB) version 3 replaces version 2"));
        // the sender writes the next letter from version 3, with the letter's own data
        LetterRenderer.Written w = renderer.render(Letters.dismissed(new Letters.Dismissed("2026.1", "Off topic " + TAG)),
                Locale.UK);
        assertEquals(3, w.version());
        assertEquals("Outside the definition", w.letter().subject());
        assertEquals("Reasons: Off topic " + TAG, w.letter().body());
        assertEquals(1, renderer.render(Letters.dismissed(new Letters.Dismissed("2026.1", "x")),
                Locale.forLanguageTag("cy")).version(), "the Welsh letter is still the bundled one");
    }

    @Test
    void aLetterAlreadySentNeverChanges() throws Exception {
        String complainant = member("lt" + TAG + "c", "Letters CLP " + TAG);
        String first = member("lt" + TAG + "r", "Other CLP " + TAG);
        String second = member("lt" + TAG + "s", "Other CLP " + TAG);
        String ref1 = file(complainant, first, "Called me a liar in every reply for a week " + TAG);
        String sent = letter(complainant, ref1);
        String timeline = timeline(complainant, ref1);
        assertTrue(sent.contains("Your complaint about Member " + first + " has been received"), sent);

        as("mona").body(edit("Received: complaint about {m.respondentName}", "EDITED " + TAG + ": {m.respondentName},"
                + " version {m.version}.")).post("/api/manager/letters/acknowledged/en-GB/versions").then().statusCode(201);

        assertEquals(timeline, timeline(complainant, ref1), "the letter on the timeline is as it was written");
        assertEquals(1, version("SELECT n.letter_version FROM notifications n JOIN cases c ON c.id = n.case_id"
                + " WHERE c.ref = ? AND n.letter_kind = 'acknowledged'", ref1));
        assertEquals(sent, letter(complainant, ref1), "the letter sent is as it was");

        String ref2 = file(complainant, second, "Posted my address in the branch group " + TAG);
        String edited = letter(complainant, ref2);
        assertTrue(edited.contains("EDITED " + TAG + ": Member " + second + ", version "), edited);
        assertTrue(timeline(complainant, ref2).contains("Received: complaint about Member " + second));
        assertEquals(2, version("SELECT n.letter_version FROM notifications n JOIN cases c ON c.id = n.case_id"
                + " WHERE c.ref = ? AND n.letter_kind = 'acknowledged'", ref2));
        assertEquals(timeline, timeline(complainant, ref1));
    }

    @Test
    void theManagerEditsPreviewsAndPublishesFromThePages() {
        String page = Pages.as("mona", () -> Pages.page().get("/manager/letters").then().statusCode(200).extract().asString());
        assertTrue(page.contains("href=\"/manager/letters/acknowledged/cy\""), page);
        String edit = "/manager/letters/dismissed/en-GB";
        String preview = Pages.as("mona", () -> Pages.page().formParam("_csrf", Pages.tokenFrom(edit))
                .formParam("subject", "Not for us").formParam("body", "Because: {m.reasons}").formParam("action", "preview")
                .post(edit).then().statusCode(200).extract().asString());
        assertTrue(preview.contains("Because: The post quoted is a policy disagreement."), preview);
        assertEquals(0, stored());
        String refused = Pages.as("mona", () -> Pages.page().formParam("_csrf", Pages.tokenFrom(edit))
                .formParam("subject", "Not for us").formParam("body", "{m.secret}").formParam("action", "publish")
                .post(edit).then().statusCode(400).extract().asString());
        assertTrue(Pages.fieldError(refused, "body").startsWith("This letter may not use {m.secret}."), refused);
        assertEquals(0, stored());
        Pages.as("mona", () -> Pages.page().formParam("_csrf", Pages.tokenFrom(edit)).formParam("subject", "Not for us")
                .formParam("body", "Because: {m.reasons}").formParam("action", "publish").post(edit).then()
                .statusCode(303).header("Location", containsString(edit + "?done=published")));
        String after = Pages.as("mona", () -> Pages.page().get(edit).then().statusCode(200).extract().asString());
        assertTrue(after.contains("Version 2 is in force") && after.contains("Version 1 (the text Evenhand came with)"),
                after);
        for (String who : List.of("alice", "casey", "pat")) {
            Pages.as(who, () -> Pages.page().get(edit).then().statusCode(403));
        }
    }

    static int version(String sql, String ref) {
        return ((Number) Db.value(sql, ref)).intValue();
    }

    static String file(String complainant, String respondent, String allegation) {
        String ref = Manage.asRole(complainant, "member").body(Map.of("respondentMembershipNumber",
                respondent.toUpperCase(), "conductDate", today().minusDays(9).toString(), "clauses", List.of("harassment"),
                "allegation", allegation)).post("/api/complaints").then().statusCode(201).extract().path("ref");
        return ref;
    }

    static String timeline(String member, String ref) {
        return String.join("\n", Manage.asRole(member, "member").get("/api/me/cases/" + ref).then().statusCode(200)
                .extract().jsonPath().getList("timeline.summary", String.class));
    }

    static String letter(String member, String ref) throws Exception {
        String address = member + "@evenhand.test";
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !MailServer.lettersTo(address, ref).isEmpty());
        MimeMessage m = MailServer.lettersTo(address, ref).get(0);
        Object c = m.getContent();
        return c instanceof Multipart mp ? String.valueOf(mp.getBodyPart(0).getContent()) : String.valueOf(c);
    }
}
