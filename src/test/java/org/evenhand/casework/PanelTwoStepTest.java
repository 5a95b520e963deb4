package org.evenhand.casework;

import static org.evenhand.testing.Api.PANEL;
import static org.evenhand.testing.Api.as;
import static org.evenhand.testing.Api.complete;
import static org.evenhand.testing.Api.file;
import static org.evenhand.testing.Api.tasks;
import static org.evenhand.testing.Pages.page;
import static org.evenhand.testing.Pages.tokenFrom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.evenhand.testing.Api.Held;
import org.evenhand.testing.Cases;
import org.evenhand.testing.EngineClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the panel sees beyond the case (decision 0030): a counter-complaint about the same exchange,
 * blind; and the respondent's live sanctions, only once a member has recorded their findings and
 * before they choose the sanction.
 */
@QuarkusTest
class PanelTwoStepTest {

    static final Map<String, Object> FINDINGS = Map.of("findings", List.of(Map.of("clause", "bullying", "upheld", true)));

    @AfterEach
    void resetClock() {
        EngineClock.reset();
    }

    @Test
    void liveSanctionsAreShownOnlyAfterFindingsAndCounterComplaintsBlind() {
        // an earlier case about frank, upheld with a formal warning and closed when nobody appealed
        String earlier = Cases.atPanel("dan", "frank", "M100006", "bullying", "Frank mocked my stammer at three"
                + " branch meetings and online.");
        Cases.decided(earlier, "bullying", "formal-warning");
        EngineClock.advance(Duration.ofDays(22));
        EngineClock.fireDueTimers(earlier);
        assertEquals("CLOSED", as("dan").get("/api/me/cases/" + earlier).then().extract().path("status"));

        String ref = Cases.atPanel("erin", "frank", "M100006", "bullying", "Frank posted a meme mocking my accent,"
                + " then tagged my branch in it.");
        String counter = file("frank", "M100005", LocalDate.of(2026, 6, 12), List.of("harassment"),
                "Erin replied to my meme accusing me of bullying her in front of the whole branch.");

        List<Held> panel = tasks(PANEL, ref, "panelDecision");
        Held first = panel.get(0);
        JsonPath before = as(first.user()).get("/api/cases/" + ref).then().statusCode(200).extract().jsonPath();
        assertTrue(before.getBoolean("blind"));
        assertEquals(List.of(counter), before.getList("counterComplaints.ref"));
        assertTrue(before.getString("counterComplaints[0].relation").startsWith("A counter-complaint about the same"
                + " exchange exists"));
        assertEquals("Triage", before.getString("counterComplaints[0].stage"));
        String shown = before.prettify();
        assertFalse(shown.contains("Frank") || shown.contains("Erin") || shown.contains("M100006"), shown);
        assertFalse(before.getBoolean("yourPanelStep.findingsRecorded"));
        assertNull(before.get("yourPanelStep.liveSanctions"), "no live sanction before findings");

        // a sanction before findings is refused, and nothing is stored
        as(first.user()).body(Map.of("sanction", "formal-warning", "reasons", "Mocking an accent is bullying."))
                .post("/api/tasks/" + first.taskId() + "/complete").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("findings"));
        assertEquals(3, tasks(PANEL, ref, "panelDecision").size());

        JsonPath step = as(first.user()).body(FINDINGS).post("/api/tasks/" + first.taskId() + "/findings").then()
                .statusCode(200).extract().jsonPath();
        assertTrue(step.getBoolean("findingsRecorded"));
        assertTrue(step.getList("liveSanctions.ref").contains(earlier), step.prettify());
        JsonPath after = as(first.user()).get("/api/cases/" + ref).then().statusCode(200).extract().jsonPath();
        assertEquals("Formal warning", after.getString("yourPanelStep.liveSanctions.find { it.ref == '" + earlier
                + "' }.title"));
        assertNull(as(panel.get(1).user()).get("/api/cases/" + ref).then().extract().jsonPath()
                .get("yourPanelStep.liveSanctions"), "another member who has not recorded findings sees none");

        // findings cannot change once the live sanctions were shown
        as(first.user()).body(Map.of("findings", List.of(Map.of("clause", "bullying", "upheld", false))))
                .post("/api/tasks/" + first.taskId() + "/findings").then().statusCode(409);
        as(first.user()).body(Map.of("findings", List.of(Map.of("clause", "bullying", "upheld", false)),
                "sanction", "no-action", "reasons", "Changed my mind.")).post("/api/tasks/" + first.taskId()
                        + "/complete").then().statusCode(409);
        complete(first, Map.of("sanction", "formal-warning", "reasons", "Mocking an accent is bullying."));
        Held second = panel.get(1);
        org.evenhand.testing.Pages.as(second.user(), () -> {
            String task = "/work/tasks/" + second.taskId();
            String html = page().get(task).then().statusCode(200).extract().asString();
            assertTrue(html.contains("Check my findings") && html.contains(task + "/findings/review"), "step one: findings");
            assertFalse(html.contains("id=\"sanction-formal-warning\"") || html.contains("respondent&rsquo;s record"),
                    "no sanction and no record before the findings");
            assertTrue(html.contains("Linked counter-complaint") && html.contains(counter), "the counter-complaint, blind");
            assertFalse(html.contains("Frank") || html.contains("Erin"), "blind");
            page().formParam("_csrf", tokenFrom(task)).formParam("findings[0].clause", "bullying")
                    .formParam("findings[0].upheld", "yes").post(task + "/findings").then().statusCode(303);
            html = page().get(task).then().statusCode(200).extract().asString();
            assertTrue(html.contains("Your findings, as you recorded them"), "step two keeps the findings");
            assertTrue(html.contains("(case " + earlier + ")"), "the live sanction is shown after the findings");
            assertTrue(html.contains("id=\"sanction-formal-warning\""));
            page().formParam("_csrf", tokenFrom(task)).formParam("findingsRecorded", "yes")
                    .formParam("sanction", "formal-warning").formParam("reasons", "Upheld on the posts themselves.")
                    .post(task).then().statusCode(303);
        });
        panel.stream().skip(2).forEach(h -> complete(h, Map.of("findings", FINDINGS.get("findings"),
                "sanction", "formal-warning", "reasons", "Upheld.")));
        JsonPath decided = as("erin").get("/api/me/cases/" + ref).then().statusCode(200).extract().jsonPath();
        assertEquals("UPHELD", decided.getString("outcome"));
        assertEquals("formal-warning", decided.getString("decisions[0].sanction"));
    }
}
