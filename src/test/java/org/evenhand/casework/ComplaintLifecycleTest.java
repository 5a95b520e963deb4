package org.evenhand.casework;

import static org.evenhand.testing.Api.CASEWORKERS;
import static org.evenhand.testing.Api.PANEL;
import static org.evenhand.testing.Api.as;
import static org.evenhand.testing.Api.awaitLetter;
import static org.evenhand.testing.Api.claimed;
import static org.evenhand.testing.Api.complete;
import static org.evenhand.testing.Api.file;
import static org.evenhand.testing.Api.myCase;
import static org.evenhand.testing.Api.tasks;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.evenhand.testing.Api.Held;
import org.evenhand.testing.EngineClock;
import org.evenhand.testing.MailServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every path through the complaint process, over HTTP with tokens, against PostgreSQL and the engine. */
@QuarkusTest
class ComplaintLifecycleTest {

    static final LocalDate CONDUCT = LocalDate.of(2026, 3, 14);
    static final String ALLEGATION = "In a thread about the council budget, the respondent replied to me repeatedly"
            + " calling me vermin and telling others to flood my mentions.";

    @AfterEach
    void resetClock() {
        EngineClock.reset();
    }

    String fileAndTriage(boolean inScope) {
        String ref = file("alice", "M100002", CONDUCT, List.of("harassment", "dehumanising-language"), ALLEGATION);
        Held triage = claimed(CASEWORKERS, ref, "triage");
        complete(triage, inScope
                ? Map.of("inScope", true, "clauses", List.of("dehumanising-language"), "exchangeOpenedBy", "respondent",
                        "reasons", "Calling a member vermin engages the dehumanising-language clause.")
                : Map.of("inScope", false, "reasons", "A heated exchange of opinion; the not-abuse band applies."));
        return ref;
    }

    Held investigate(String ref) {
        Held inv = tasks(CASEWORKERS, ref, "investigate").get(0);
        complete(inv, Map.of("report", "The posts were made and are as described; context read in full."));
        org.evenhand.testing.EngineClock.endCommentWindow(ref);
        return inv;
    }

    List<Held> panelVotes(String ref, String kind, Object vote) {
        List<Held> panel = tasks(PANEL, ref, kind);
        assertEquals(3, panel.size(), "three panel members each get a task");
        panel.forEach(h -> complete(h, vote));
        return panel;
    }

    static Map<String, Object> upheldVote() {
        return Map.of("findings", List.of(Map.of("clause", "dehumanising-language", "upheld", true)),
                "sanction", "formal-warning", "reasons", "The word was used of a person and is dehumanising.");
    }

    static Map<String, Object> notUpheldVote() {
        return Map.of("findings", List.of(Map.of("clause", "dehumanising-language", "upheld", false)),
                "sanction", "no-action", "reasons", "Read in context the post was about a policy, not a person.");
    }

    /** The text of the party's latest letter of this kind (its subject, then its body), as their timeline shows it. */
    static String letterOn(JsonPath memberView, String kind) {
        List<Map<String, Object>> events = memberView.getList("timeline");
        return events.stream().filter(e -> kind.equals(e.get("kind"))).map(e -> (String) e.get("summary"))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no " + kind + " letter on " + events));
    }

    @Test
    void dismissedAtTriageTellsOnlyTheComplainant() {
        String ref = fileAndTriage(false);
        JsonPath view = myCase("alice", ref);
        assertEquals("DISMISSED", view.getString("status"));
        assertEquals("DISMISSED_AT_TRIAGE", view.getString("outcome"));
        assertTrue(view.getList("timeline.kind").contains("dismissed"));
        awaitLetter("alice@evenhand.test", ref);
        as("bob").get("/api/me/cases/" + ref).then().statusCode(404);
        assertTrue(MailServer.lettersTo("bob@evenhand.test", ref).isEmpty(), "the respondent is never told");
    }

    @Test
    void upheldWithSanctionThenClosedWhenNobodyAppeals() {
        String ref = fileAndTriage(true);
        as(CASEWORKERS.get(1)).get("/api/cases/" + ref).then().statusCode(200)
                .body("exchangeOpenedBy", equalTo("respondent"));
        JsonPath respondentView = myCase("bob", ref);
        assertEquals("Respondent's response", respondentView.getString("stage.label"));
        assertTrue(respondentView.getList("youCan").contains("respond"));
        assertEquals("awaitResponse", respondentView.getString("deadlines[0].step"));
        awaitLetter("bob@evenhand.test", "A complaint has been made about your conduct");
        String allegation = letterOn(respondentView, "allegation");
        assertTrue(allegation.contains("conduct of yours on 14 March 2026."), allegation);
        assertTrue(allegation.contains("version 2026.1 of the definition of abuse:\n- Dehumanising language\n"), allegation);
        assertFalse(allegation.contains("2026-03-14") || allegation.contains("- dehumanising-language"),
                "dates and clauses in words, not ISO dates or ids: " + allegation);
        String accepted = letterOn(myCase("alice", ref), "accepted");
        assertTrue(accepted.contains("It engages: Dehumanising language."), accepted);

        as("bob").body(Map.of("statement", "I accept I lost my temper and I have deleted the post."))
                .post("/api/me/cases/" + ref + "/response").then().statusCode(200)
                .body("stage.label", equalTo("Investigation"));
        Held investigator = investigate(ref);
        List<Held> panel = panelVotes(ref, "panelDecision", upheldVote());
        assertFalse(panel.stream().anyMatch(p -> p.user().equals(investigator.user())));

        JsonPath view = myCase("alice", ref);
        assertEquals("UPHELD", view.getString("outcome"));
        assertEquals("formal-warning", view.getString("decisions[0].sanction"));
        assertEquals("Appeal window", view.getString("stage.label"));
        awaitLetter("alice@evenhand.test", "The panel's decision");
        awaitLetter("bob@evenhand.test", "The panel's decision");
        String decision = letterOn(view, "decision");
        assertTrue(decision.contains("- Dehumanising language: upheld unanimously\n\nSanction: Formal warning\n"), decision);
        assertFalse(decision.contains("formal-warning"), "the sanction by its name, not its code: " + decision);

        EngineClock.advance(Duration.ofDays(22));
        assertTrue(EngineClock.fireDueTimers(ref) >= 1);
        JsonPath closed = myCase("bob", ref);
        assertEquals("CLOSED", closed.getString("status"));
        assertEquals("UPHELD", closed.getString("outcome"));
    }

    @Test
    void notUpheld() {
        String ref = fileAndTriage(true);
        as("bob").body(Map.of("statement", "The post was about the council's policy, not a person."))
                .post("/api/me/cases/" + ref + "/response").then().statusCode(200);
        investigate(ref);
        panelVotes(ref, "panelDecision", notUpheldVote());
        JsonPath view = myCase("bob", ref);
        assertEquals("NOT_UPHELD", view.getString("outcome"));
        assertEquals("no-action", view.getString("decisions[0].sanction"));
    }

    @Test
    void respondentSilentUntilTheResponseWindowCloses() {
        String ref = fileAndTriage(true);
        assertTrue(tasks(CASEWORKERS, ref, "investigate").isEmpty(), "no investigation while the window is open");
        EngineClock.advance(Duration.ofDays(15));
        assertEquals(1, EngineClock.fireDueTimers(ref));
        JsonPath view = myCase("alice", ref);
        assertTrue(view.getList("timeline.kind").contains("no-response"));
        assertEquals("Investigation", view.getString("stage.label"));
        assertEquals(1, tasks(CASEWORKERS, ref, "investigate").size());
        as("bob").body(Map.of("statement", "Too late")).post("/api/me/cases/" + ref + "/response")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void appealHeardByFreshPanelOverturnsTheDecision() {
        String ref = fileAndTriage(true);
        as("bob").body(Map.of("statement", "Context: I was replying to a post about me.")).post(
                "/api/me/cases/" + ref + "/response").then().statusCode(200);
        Held investigator = investigate(ref);
        List<Held> first = panelVotes(ref, "panelDecision", upheldVote());
        assertTrue(myCase("bob", ref).getList("youCan").contains("appeal"));

        as("bob").body(Map.of("grounds", List.of("PERVERSE_FINDING"),
                "statement", "The panel ignored that the word described a policy, not a person."))
                .post("/api/me/cases/" + ref + "/appeal").then().statusCode(200)
                .body("stage.label", equalTo("Appeal hearing"));
        awaitLetter("alice@evenhand.test", "An appeal has been lodged");
        List<Map<String, Object>> bobs = myCase("bob", ref).getList("timeline");
        assertTrue(bobs.stream().anyMatch(e -> "appeal-lodged".equals(e.get("kind")) && ((String) e.get("summary"))
                .startsWith("The respondent has appealed against the panel's decision on this ground: a finding no"
                        + " reasonable panel could make.")), "the appellant's timeline words the ground: " + bobs);
        String lodged = letterOn(myCase("alice", ref), "appeal-lodged");
        assertTrue(lodged.startsWith("An appeal has been lodged: The respondent has appealed against the panel's"
                + " decision on this ground: a finding no reasonable panel could make."), lodged);

        Map<String, Object> allow = Map.of("allow", true,
                "findings", List.of(Map.of("clause", "dehumanising-language", "upheld", false)),
                "sanction", "no-action", "reasons", "Read with the thread, the word described a policy.");
        List<Held> appeal = panelVotes(ref, "hearAppeal", allow);
        Set<String> firstPanel = new HashSet<>(first.stream().map(Held::user).toList());
        assertTrue(appeal.stream().noneMatch(h -> firstPanel.contains(h.user()) || h.user().equals(investigator.user())),
                "nobody from the first panel or the investigation hears the appeal");

        JsonPath view = myCase("alice", ref);
        assertEquals("CLOSED", view.getString("status"));
        assertEquals("NOT_UPHELD", view.getString("outcome"));
        assertEquals(true, view.getBoolean("decisions[1].appealAllowed"));
        assertEquals("no-action", view.getString("decisions[1].sanction"));
        awaitLetter("bob@evenhand.test", "The outcome of the appeal");
        String outcome = letterOn(view, "appeal-decision");
        assertTrue(outcome.contains("allowed the appeal unanimously and substituted this decision:\n\n- Dehumanising language: not upheld unanimously\n\nNo sanction:"
                + " no clause was upheld.\n"), outcome);
        as("alice").body(Map.of("grounds", List.of("NEW_EVIDENCE"), "statement", "again"))
                .post("/api/me/cases/" + ref + "/appeal").then().statusCode(409);
    }

    @Test
    void interimSuspensionLapsesAtReviewUnlessRenewed() {
        String ref = fileAndTriage(true);
        String caseworker = CASEWORKERS.stream().filter(u -> as(u).get("/api/cases/" + ref).statusCode() == 200)
                .findFirst().orElseThrow();
        as(caseworker).body(Map.of("reasons", "Posts continue daily; a pause protects the complainant meanwhile."))
                .post("/api/cases/" + ref + "/interim-suspension").then().statusCode(201);
        as(caseworker).body(Map.of("reasons", "Second request while the first is active."))
                .post("/api/cases/" + ref + "/interim-suspension").then().statusCode(409);
        JsonPath view = myCase("bob", ref);
        assertEquals("Posts continue daily; a pause protects the complainant meanwhile.",
                view.getString("interimSuspension.reasons"));
        assertTrue(view.getList("deadlines.step").contains("reviewSuspension"));
        awaitLetter("bob@evenhand.test", "You are suspended");

        EngineClock.advance(Duration.ofDays(29));
        EngineClock.fireDueTimers(ref);
        JsonPath after = myCase("bob", ref);
        assertTrue(after.getString("interimSuspension.liftedAt") != null, "lifted at review");
        assertEquals("the review date passed without renewal", after.getString("interimSuspension.liftReason"));
        awaitLetter("bob@evenhand.test", "Your interim suspension has been lifted");
    }

    @Test
    void overdueTriageRaisesAnEscalationTask() {
        String ref = file("carol", "M100004", CONDUCT, List.of("bullying"), ALLEGATION);
        io.restassured.path.json.JsonPath offered = as("quinn").queryParam("q", ref).get("/api/tasks").then().statusCode(200).extract().jsonPath();
        String created = offered.getString("items.find { it.caseRef == '" + ref + "' }.created");
        String due = offered.getString("items.find { it.caseRef == '" + ref + "' }.due");
        assertEquals(Duration.ofDays(7), Duration.between(java.time.Instant.parse(created), java.time.Instant.parse(due)),
                "the triage task is due at the stage target");
        EngineClock.advance(Duration.ofDays(8));
        EngineClock.fireDueTimers(ref);
        Held chase = claimed(CASEWORKERS, ref, "resolveEscalation");
        complete(chase, Map.of("note", "Triage backlog after conference week; picked up today."));
        String handler = chase.user();
        as(handler).get("/api/cases/" + ref).then().statusCode(200)
                .body("timeline.kind", hasItem("overdue")).body("timeline.kind", hasItem("escalation-resolved"));
    }
}
