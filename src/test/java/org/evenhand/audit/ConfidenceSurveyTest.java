package org.evenhand.audit;

import static io.restassured.RestAssured.given;
import static org.evenhand.testing.Api.as;
import static org.evenhand.testing.Pages.fieldError;
import static org.evenhand.testing.Pages.page;
import static org.evenhand.testing.Pages.tokenFrom;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.evenhand.testing.Api;
import org.evenhand.testing.Cases;
import org.evenhand.testing.Db;
import org.evenhand.testing.EngineClock;
import org.evenhand.testing.Pages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The confidence survey end to end: a case closed through the real process invites both parties;
 * the complainant answers on the page (with the form token), the respondent over the API; the answer
 * is stored with no case, member or time, and with the faction only for the member who declared one
 * and chose to give it; a second answer, another member's invitation and bad scores store nothing;
 * the fairness report for the quarter shows the figures by faction, small groups suppressed at the
 * real threshold (10); mixing and purging do what the retention schedule says.
 */
@QuarkusTest
class ConfidenceSurveyTest {

    static final List<String> ANSWER_COLUMNS = List.of("id", "quarter", "role", "outcome_band", "faction", "heard",
            "neutral", "respect", "trust");

    @Inject
    SurveyHousekeeping housekeeping;

    @AfterEach
    void resetClock() {
        EngineClock.reset();
    }

    static long answers() {
        return Db.count("SELECT (SELECT count(*) FROM confidence_answers) + (SELECT count(*) FROM"
                + " confidence_answers_pending)");
    }

    record Invitation(String id, String role, String band, String faction) {
    }

    /** The member's open invitation about this case, over the API, and the faction they could give. */
    static Invitation invitation(String member, String ref) {
        JsonPath open = as(member).get("/api/me/survey").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> list = open.getList("invitations");
        Map<String, Object> i = list.stream().filter(x -> ref.equals(x.get("caseRef"))).findFirst()
                .orElseThrow(() -> new AssertionError(member + " has no invitation about " + ref + ": " + list));
        return new Invitation((String) i.get("id"), (String) i.get("role"), (String) i.get("outcomeBand"),
                open.getString("factionYouCouldGive"));
    }

    /** Answers as if given earlier this quarter and not yet mixed: n of them, all four scores the same. */
    static void answered(int n, String role, String band, String faction, int score, LocalDate quarter) {
        for (int i = 0; i < n; i++) {
            Db.update("INSERT INTO confidence_answers_pending (id, quarter, role, outcome_band, faction, heard, neutral,"
                    + " respect, trust) VALUES (gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?, ?)", quarter, role, band,
                    faction, score, score, score, score);
        }
    }

    static Map<String, Object> scores(Object heard, Object neutral, Object respect, Object trust) {
        java.util.HashMap<String, Object> m = new java.util.HashMap<>();
        if (heard != null) {
            m.put("heard", heard);
        }
        if (neutral != null) {
            m.put("neutral", neutral);
        }
        if (respect != null) {
            m.put("respect", respect);
        }
        if (trust != null) {
            m.put("trust", trust);
        }
        return m;
    }

    @Test
    void bothPartiesAreInvitedAndAnswerOnceWithoutLeavingALinkToThemOrTheCase() throws Exception {
        Db.update("DELETE FROM confidence_answers");
        Db.update("DELETE FROM confidence_answers_pending");
        as("erin").body(Map.of("faction", "centre", "consent", true, "noticeVersion", "2026-1")).put("/api/me/faction")
                .then().statusCode(200);
        as("frank").delete("/api/me/faction").then().statusCode(204);

        // a case through the real process: triage, response, investigation, the panel, the appeal window lapses
        String ref = Cases.atPanel("erin", "frank", "M100006", "harassment", "Survey " + UUID.randomUUID()
                + ": replies to every post I made about the by-election for a fortnight, calling me a traitor.");
        Cases.decided(ref, "harassment", "formal-warning");
        EngineClock.advance(Duration.ofDays(22));
        assertTrue(EngineClock.fireDueTimers(ref) >= 1);
        assertEquals("CLOSED", Api.myCase("frank", ref).getString("status"));
        LocalDate closed = ((java.sql.Timestamp) Db.value("SELECT closed_at FROM cases WHERE ref = ?", ref))
                .toInstant().atZone(ZoneId.of("Europe/London")).toLocalDate();
        EngineClock.reset();

        // both parties are invited, with their role and the outcome band, for 60 days; nothing else
        assertEquals(2, Db.count("SELECT count(*) FROM survey_invitations WHERE case_ref = ?", ref));
        for (String[] party : new String[][] { { "erin", "complainant" }, { "frank", "respondent" } }) {
            assertEquals(1, Db.count("SELECT count(*) FROM survey_invitations i JOIN members m ON m.id = i.member_id"
                    + " WHERE i.case_ref = ? AND m.username = ? AND i.role = ? AND i.outcome_band = 'upheld'"
                    + " AND NOT i.answered AND i.expires_on = ?", ref, party[0], party[1], closed.plusDays(60)),
                    party[0]);
        }
        Invitation erins = invitation("erin", ref);
        Invitation franks = invitation("frank", ref);
        assertEquals(new Invitation(erins.id(), "complainant", "upheld", "centre"), erins,
                "erin may give her declared faction");
        assertEquals(new Invitation(franks.id(), "respondent", "upheld", null), franks, "frank has declared none");
        String erinsId = erins.id();
        String franksId = franks.id();

        // the case page and the letter point to the survey
        String casePage = Pages.as("erin", () -> page().get("/me/cases/" + ref).then().statusCode(200).extract()
                .asString());
        assertTrue(casePage.contains("href=\"/me/survey\""), "the ended case links to the survey");

        // another member cannot answer it, nor see it: 404, as for no invitation at all
        long before = answers();
        as("alice").body(scores(4, 4, 4, 4)).post("/api/me/survey/" + erinsId).then().statusCode(404)
                .contentType("application/problem+json");
        Pages.as("alice", () -> page().get("/me/survey/" + erinsId).then().statusCode(404)
                .contentType(startsWith("text/html")));
        as("erin").body(scores(4, 4, 4, 4)).post("/api/me/survey/not-an-id").then().statusCode(404);

        // scores must be 1 to 5, all four given: 400 naming the field, nothing stored
        as("erin").body(scores(0, 3, 3, 3)).post("/api/me/survey/" + erinsId).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("heard"))
                .body("errors[0].message", containsString("1 (strongly disagree) to 5 (strongly agree)"));
        as("erin").body(scores(3, 3, 3, 6)).post("/api/me/survey/" + erinsId).then().statusCode(400)
                .body("errors[0].field", equalTo("trust"));
        as("erin").body(scores(3, 3, null, 3)).post("/api/me/survey/" + erinsId).then().statusCode(400)
                .body("errors[0].field", equalTo("respect"));
        as("erin").body(Map.of("heard", "4", "neutral", 3, "respect", 3, "trust", 3)).post("/api/me/survey/" + erinsId)
                .then().statusCode(400).contentType("application/problem+json");
        as("frank").body(Map.of("heard", 2, "neutral", 1, "respect", 3, "trust", 1, "withFaction", true))
                .post("/api/me/survey/" + franksId).then().statusCode(400).body("errors[0].field", equalTo("withFaction"));
        assertEquals(before, answers(), "nothing stored");
        assertEquals(0, Db.count("SELECT count(*) FROM survey_invitations WHERE case_ref = ? AND answered", ref));

        // erin answers on the page: a missing answer comes back with its message and her choices kept
        String form = Pages.as("erin", () -> page().get("/me/survey/" + erinsId).then().statusCode(200).extract()
                .asString());
        assertTrue(form.contains("Count my answers under the faction I have declared (Centre)"), form);
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/survey-form-sample.html"), form);
        assertTrue(Pages.as("erin", () -> page().get("/me/survey").then().statusCode(200).extract().asString())
                .contains("href=\"/me/survey/" + erinsId + "\""), "the list links to the form");
        String refused = Pages.as("erin", () -> page().formParam("_csrf", tokenFrom("/me/survey/" + erinsId))
                .formParam("heard", "4").formParam("respect", "5").formParam("trust", "3")
                .formParam("withFaction", "yes").post("/me/survey/" + erinsId).then().statusCode(400)
                .contentType(startsWith("text/html")).extract().asString());
        assertEquals("Choose how far you agree that the people handling the case were neutral, from 1 to 5.",
                fieldError(refused, "neutral"));
        assertTrue(refused.contains("id=\"heard-4\" name=\"heard\" value=\"4\" checked"), "her answers are kept");
        assertEquals(before, answers());
        Pages.as("erin", () -> page().formParam("_csrf", tokenFrom("/me/survey/" + erinsId)).formParam("heard", "4")
                .formParam("neutral", "2").formParam("respect", "5").formParam("trust", "3")
                .formParam("withFaction", "yes").post("/me/survey/" + erinsId).then().statusCode(303)
                .header("Location", containsString("/me/survey/thanks")));
        assertTrue(Pages.as("erin", () -> page().get("/me/survey/thanks").then().statusCode(200).extract().asString())
                .contains("Thank you"));

        // frank answers over the API, without a faction (he has none to give)
        as("frank").body(scores(2, 1, 3, 1)).post("/api/me/survey/" + franksId).then().statusCode(204);

        // what is stored: the invitations marked answered, and two answers with nothing that leads back
        assertEquals(2, Db.count("SELECT count(*) FROM survey_invitations WHERE case_ref = ? AND answered", ref));
        assertEquals(before + 2, answers());
        LocalDate quarter = ConfidenceSurvey.quarterStart(LocalDate.now(ZoneId.of("Europe/London")));
        assertEquals(1, Db.count("SELECT count(*) FROM confidence_answers_pending WHERE quarter = ? AND role ="
                + " 'complainant' AND outcome_band = 'upheld' AND faction = 'centre' AND heard = 4 AND neutral = 2"
                + " AND respect = 5 AND trust = 3", quarter));
        assertEquals(1, Db.count("SELECT count(*) FROM confidence_answers_pending WHERE quarter = ? AND role ="
                + " 'respondent' AND outcome_band = 'upheld' AND faction IS NULL AND heard = 2 AND neutral = 1"
                + " AND respect = 3 AND trust = 1", quarter));
        for (String table : List.of("confidence_answers", "confidence_answers_pending")) {
            assertEquals(String.join(",", ANSWER_COLUMNS), Db.value("SELECT string_agg(column_name, ',' ORDER BY"
                    + " ordinal_position) FROM information_schema.columns WHERE table_name = ?", table),
                    table + " holds no case, member, invitation or time of answering");
            assertEquals("uuid,date", Db.value("SELECT string_agg(data_type, ',' ORDER BY ordinal_position) FROM"
                    + " information_schema.columns WHERE table_name = ? AND column_name IN ('id', 'quarter')", table));
        }
        assertEquals("id,member_id,case_ref,role,outcome_band,expires_on,answered", Db.value("SELECT string_agg("
                + "column_name, ',' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_name ="
                + " 'survey_invitations'"), "an invitation holds no answer and no time of answering");
        IllegalStateException changed = assertThrows(IllegalStateException.class,
                () -> Db.update("UPDATE confidence_answers_pending SET heard = 5"));
        assertTrue(changed.getMessage().contains("refused"), "answers are never changed: " + changed.getMessage());

        // a second answer is refused, on the API and on the page, and stores nothing
        as("erin").body(scores(5, 5, 5, 5)).post("/api/me/survey/" + erinsId).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("already answered"));
        String again = Pages.as("erin", () -> page().formParam("_csrf", tokenFrom("/me/data"))
                .formParam("heard", "5").formParam("neutral", "5").formParam("respect", "5").formParam("trust", "5")
                .post("/me/survey/" + erinsId).then().statusCode(409).contentType(startsWith("text/html")).extract()
                .asString());
        assertTrue(again.contains("You have already answered the survey about case " + ref), again);
        assertEquals(before + 2, answers(), "nothing more stored");
        assertFalse(as("erin").get("/api/me/survey").then().extract().jsonPath().getList("invitations.caseRef")
                .contains(ref), "an answered invitation is no longer open");

        // two answers wait: too few to mix (10), so they stay where they are
        assertEquals(0, housekeeping.mix());
        assertEquals(2, Db.count("SELECT count(*) FROM confidence_answers_pending"));

        reportShowsConfidenceByFaction(quarter);
    }

    /**
     * With erin's and frank's answers, others given this quarter: complainants 30 "centre" (erin's
     * among them), 22 "right", 3 with no faction; respondents 20 with no faction (frank's among
     * them). The 3 are under 10: suppressed, and "right" with them, or the total would give them away.
     */
    void reportShowsConfidenceByFaction(LocalDate q) throws Exception {
        answered(14, "complainant", "upheld", "centre", 4, q);
        answered(15, "complainant", "upheld", "centre", 2, q);
        answered(11, "complainant", "not-upheld", "right", 5, q);
        answered(11, "complainant", "not-upheld", "right", 1, q);
        answered(1, "complainant", "upheld", null, 4, q);
        answered(2, "complainant", "upheld", null, 2, q);
        answered(10, "respondent", "upheld", null, 4, q);
        answered(9, "respondent", "upheld", null, 2, q);
        String quarter = q.getYear() + "-Q" + ((q.getMonthValue() - 1) / 3 + 1);

        JsonPath r = as("nora").queryParam("quarter", quarter).get("/api/audit/fairness").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(quarter), r.getList("confidence.quarters"));
        String c = "confidence.roles.find { it.role == 'complainant' }.questions.find { it.id == '%s' }.groups"
                + ".find { it.group == '%s' }";
        String p = "confidence.roles.find { it.role == 'respondent' }.questions.find { it.id == '%s' }.groups"
                + ".find { it.group == '%s' }";
        assertEquals(30, r.getInt(c.formatted("heard", "centre") + ".answers.value"));
        assertEquals(15, r.getInt(c.formatted("heard", "centre") + ".agree.value"), "14 all-4s and erin's 4");
        assertEquals(0.5, r.getDouble(c.formatted("heard", "centre") + ".share"), 1e-6);
        assertEquals(3.0, r.getDouble(c.formatted("heard", "centre") + ".mean"), 1e-6);
        assertEquals(14, r.getInt(c.formatted("neutral", "centre") + ".agree.value"), "erin's 2 does not agree");
        assertEquals(88.0 / 30, r.getDouble(c.formatted("neutral", "centre") + ".mean"), 1e-6);
        assertEquals(15, r.getInt(c.formatted("respect", "centre") + ".agree.value"));
        assertEquals(91.0 / 30, r.getDouble(c.formatted("respect", "centre") + ".mean"), 1e-6);
        assertEquals("insufficient-evidence", r.getString(c.formatted("heard", "centre") + ".withinBands.verdict"));
        assertEquals("fewer than 30 answers on one side (30 in the faction, 25 from the rest)",
                r.getString(c.formatted("heard", "centre") + ".withinBands.reason"));
        for (String question : SurveyAnswer.QUESTIONS) {
            assertEquals("primary", r.getString(c.formatted(question, "no-faction") + ".answers.suppressed"));
            assertEquals("primary", r.getString(c.formatted(question, "no-faction") + ".agree.suppressed"));
            assertEquals("secondary", r.getString(c.formatted(question, "right") + ".answers.suppressed"),
                    "or the total less the others would give the 3 away");
            assertEquals("secondary", r.getString(c.formatted(question, "right") + ".agree.suppressed"));
            assertNull(r.get(c.formatted(question, "right") + ".share"));
            assertNull(r.get(c.formatted(question, "right") + ".mean"));
            assertEquals(0, r.getInt(c.formatted(question, "left") + ".answers.value"), "nobody: shown as 0");
            assertEquals(55, r.getInt(c.formatted(question, "all") + ".answers.value"));
        }
        assertEquals(27, r.getInt(c.formatted("heard", "all") + ".agree.value"));
        assertEquals(164.0 / 55, r.getDouble(c.formatted("heard", "all") + ".mean"), 1e-6);
        assertEquals(20, r.getInt(p.formatted("heard", "no-faction") + ".answers.value"), "frank and 19 more");
        assertEquals(10, r.getInt(p.formatted("heard", "no-faction") + ".agree.value"));
        assertEquals(3.0, r.getDouble(p.formatted("heard", "no-faction") + ".mean"), 1e-6);
        assertEquals(0, r.getInt(p.formatted("heard", "centre") + ".answers.value"));
        String sha = r.getString("dataSha256");

        // the NEC's page, the CSV and the PDF carry the same section
        String html = Pages.as("nora", () -> page().queryParam("quarter", quarter).get("/nec/audit").then()
                .statusCode(200).extract().asString());
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/survey-report-sample.html"), html);
        java.nio.file.Files.write(java.nio.file.Path.of("target/survey-report-sample.pdf"), as("nora")
                .queryParam("quarter", quarter).queryParam("format", "pdf").get("/api/audit/fairness").asByteArray());
        assertTrue(html.contains("<h2 id=\"confidence-title\">Confidence in the process</h2>"));
        assertTrue(html.contains("<th scope=\"row\">No faction given</th>") && html.contains("Everyone who answered"));
        assertTrue(html.contains("<dt>Agree</dt><dd>answered 4 (agree) or 5 (strongly agree)"), "terms in plain words");
        List<CSVRecord> csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(
                new StringReader(given().auth().oauth2(Api.token("nora")).queryParam("quarter", quarter)
                        .queryParam("format", "csv").get("/api/audit/fairness").then().statusCode(200).extract()
                        .asString())).getRecords();
        assertTrue(csv.stream().anyMatch(x -> List.of("confidence", "complainant", "heard", "centre", "", "answers", "30")
                .equals(x.toList())));
        assertTrue(csv.stream().anyMatch(x -> List.of("confidence", "complainant", "trust", "right", "", "agree",
                "suppressed").equals(x.toList())));
        byte[] pdf = as("nora").queryParam("quarter", quarter).queryParam("format", "pdf").get("/api/audit/fairness")
                .then().statusCode(200).extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Confidence in the process") && text.contains("\"I was heard\""), text);
            assertTrue(text.contains("Share agreeing: those who agreed out of those who answered."));
        }

        // mixing moves every waiting answer, in random order, in one go: the report sees the same data
        int waiting = (int) Db.count("SELECT count(*) FROM confidence_answers_pending");
        assertEquals(75, waiting);
        assertEquals(waiting, housekeeping.mix());
        assertEquals(0, Db.count("SELECT count(*) FROM confidence_answers_pending"));
        assertEquals(75, Db.count("SELECT count(*) FROM confidence_answers WHERE quarter = ?", q));
        assertEquals(1, Db.count("SELECT count(DISTINCT xmin::text) FROM confidence_answers"),
                "one transaction wrote them all: its id says nothing about which invitation each answered");
        assertEquals(sha, as("nora").queryParam("quarter", quarter).get("/api/audit/fairness").then().statusCode(200)
                .extract().path("dataSha256"), "the same figures from the same answers");

        // retention: an expired invitation goes, answered or not; answers go six years after their quarter
        Db.update("INSERT INTO confidence_answers (id, quarter, role, outcome_band, faction, heard, neutral, respect,"
                + " trust) VALUES (gen_random_uuid(), ?, 'respondent', 'upheld', NULL, 3, 3, 3, 3)",
                ConfidenceSurvey.quarterStart(q.minusYears(6).minusMonths(3)));
        Db.update("UPDATE survey_invitations SET expires_on = ? WHERE member_id = (SELECT id FROM members WHERE"
                + " username = 'frank') AND answered", LocalDate.now(ZoneId.of("Europe/London")).minusDays(1));
        SurveyHousekeeping.Purged purged = housekeeping.purge();
        assertTrue(purged.invitations() >= 1);
        assertEquals(1, purged.answers());
        assertEquals(0, Db.count("SELECT count(*) FROM survey_invitations WHERE member_id = (SELECT id FROM members"
                + " WHERE username = 'frank') AND answered"));
        assertEquals(75, Db.count("SELECT count(*) FROM confidence_answers"));
    }

    @Test
    void aComplaintDismissedAtTriageInvitesOnlyTheComplainant() {
        String ref = Api.file("carol", "M100004", LocalDate.of(2026, 6, 1), List.of("harassment"), "Survey "
                + UUID.randomUUID() + ": a sharp reply in a thread about parking permits.");
        Api.complete(Api.claimed(Api.CASEWORKERS, ref, "triage"), Map.of("inScope", false, "reasons",
                "A disagreement about policy; the not-abuse band applies."));
        assertEquals("dismissed-at-triage", Db.value("SELECT i.outcome_band FROM survey_invitations i JOIN members m"
                + " ON m.id = i.member_id WHERE i.case_ref = ? AND m.username = 'carol' AND i.role = 'complainant'",
                ref));
        assertEquals(1, Db.count("SELECT count(*) FROM survey_invitations WHERE case_ref = ?", ref),
                "the respondent was never told of the complaint, so is not asked about it");
        assertTrue(as("dan").get("/api/me/survey").then().statusCode(200).extract().jsonPath()
                .getList("invitations.caseRef").stream().noneMatch(ref::equals));
    }
}
