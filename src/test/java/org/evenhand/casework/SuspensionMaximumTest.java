package org.evenhand.casework;

import static org.evenhand.testing.Api.CASEWORKERS;
import static org.evenhand.testing.Api.as;
import static org.evenhand.testing.Api.awaitLetter;
import static org.evenhand.testing.Api.claimed;
import static org.evenhand.testing.Api.complete;
import static org.evenhand.testing.Api.file;
import static org.evenhand.testing.Api.myCase;
import static org.evenhand.testing.Api.tasks;
import static org.evenhand.testing.Pages.page;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.evenhand.casework.rules.Deadlines;
import org.evenhand.testing.Api.Held;
import org.evenhand.testing.EngineClock;
import org.evenhand.testing.Pages;
import org.evenhand.web.Formats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: an interim suspension is renewed (counted, with reasons) up to its maximum length (P3M by
 * default, reviews every P28D): the term that reaches the maximum ends there, a renewal past it is refused,
 * and at the maximum it lapses by itself, the respondent told by letter and on their case page.
 */
@QuarkusTest
class SuspensionMaximumTest {

    static final String ALLEGATION = "In a thread about the council budget, the respondent replied to me repeatedly"
            + " calling me vermin and telling others to flood my mentions.";

    @AfterEach
    void resetClock() {
        EngineClock.reset();
    }

    @Test
    void renewedUpToTheMaximumThenRefusedAndLapsed() {
        String ref = file("alice", "M100002", LocalDate.of(2026, 3, 14), List.of("dehumanising-language"), ALLEGATION);
        complete(claimed(CASEWORKERS, ref, "triage"), Map.of("inScope", true, "clauses", List.of("dehumanising-language"),
                "exchangeOpenedBy", "respondent", "reasons", "Calling a member vermin engages the clause."));
        String caseworker = CASEWORKERS.stream().filter(u -> as(u).get("/api/cases/" + ref).statusCode() == 200)
                .findFirst().orElseThrow();
        as(caseworker).body(Map.of("reasons", "Posts continue daily; a pause protects the complainant meanwhile."))
                .post("/api/cases/" + ref + "/interim-suspension").then().statusCode(201);
        JsonPath imposed = myCase("bob", ref);
        Instant imposedAt = Instant.parse(imposed.getString("interimSuspension.imposedAt"));
        Instant finalEnd = Deadlines.due(imposedAt, "P3M");
        assertEquals(Deadlines.due(imposedAt, "P28D"), Instant.parse(imposed.getString("interimSuspension.endsAt")));
        assertEquals(0, imposed.getInt("interimSuspension.renewals"));

        for (int n = 1; n <= 3; n++) {
            EngineClock.advance(Duration.ofDays(27));
            complete(claimed(CASEWORKERS, ref, "reviewSuspension"), Map.of("renew", true,
                    "reasons", "Renewal " + n + ": the posts have not stopped."));
            JsonPath after = myCase("bob", ref);
            assertEquals(n, after.getInt("interimSuspension.renewals"));
            assertEquals("Renewal " + n + ": the posts have not stopped.", after.getString("interimSuspension.reasons"));
            Instant ends = Instant.parse(after.getString("interimSuspension.endsAt"));
            assertTrue(!ends.isAfter(finalEnd), "never past the maximum: " + ends);
            assertTrue(after.getList("timeline.kind").contains("suspension-renewed"));
        }
        JsonPath third = myCase("bob", ref);
        assertEquals(finalEnd, Instant.parse(third.getString("interimSuspension.endsAt")),
                "the third renewal (at day 81) is cut short at the maximum");
        awaitLetter("bob@evenhand.test", "Your interim suspension has been renewed");

        EngineClock.advance(Duration.ofDays(5));
        Held review = claimed(CASEWORKERS, ref, "reviewSuspension");
        as(review.user()).body(Map.of("renew", true, "reasons", "A fourth renewal, past the maximum."))
                .post("/api/tasks/" + review.taskId() + "/complete").then().statusCode(409)
                .body("detail", containsString("cannot be renewed: it already runs to its maximum length"));
        assertEquals(3, myCase("bob", ref).getInt("interimSuspension.renewals"), "the refused renewal is not counted");

        String html = Pages.as("bob", () -> page().get("/me/cases/" + ref).then().statusCode(200).extract().asString());
        assertTrue(html.contains("until " + Formats.date(finalEnd) + " (renewed 3 times)"), html);

        EngineClock.advance(Duration.ofDays(10));
        EngineClock.fireDueTimers(ref);
        JsonPath lapsed = myCase("bob", ref);
        assertNotNull(lapsed.getString("interimSuspension.liftedAt"), "lapsed at the maximum");
        assertEquals("it reached its maximum length", lapsed.getString("interimSuspension.liftReason"));
        assertTrue(tasks(CASEWORKERS, ref, "reviewSuspension").isEmpty(), "no further review");
        awaitLetter("bob@evenhand.test", "Your interim suspension has ended");
        String ended = Pages.as("bob", () -> page().get("/me/cases/" + ref).then().statusCode(200).extract().asString());
        assertTrue(ended.contains("because it reached its maximum length"), ended);
        assertTrue(as(caseworker).get("/api/cases/" + ref).then().statusCode(200).extract().jsonPath()
                .getList("timeline.kind").contains("suspension-lapsed"), "the lapse is on the staff timeline");
    }
}
