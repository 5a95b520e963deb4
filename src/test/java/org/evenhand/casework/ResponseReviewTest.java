package org.evenhand.casework;

import static org.evenhand.testing.Api.CASEWORKERS;
import static org.evenhand.testing.Api.claimed;
import static org.evenhand.testing.Api.complete;
import static org.evenhand.testing.Api.file;
import static org.evenhand.testing.Api.myCase;
import static org.evenhand.testing.Pages.as;
import static org.evenhand.testing.Pages.fieldError;
import static org.evenhand.testing.Pages.page;
import static org.evenhand.testing.Pages.tokenFrom;
import static org.evenhand.testing.Reviews.form;
import static org.evenhand.testing.Reviews.hidden;
import static org.evenhand.testing.Reviews.textarea;
import static org.evenhand.testing.Reviews.utf8Form;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.evenhand.testing.Api;
import org.evenhand.testing.Db;
import org.junit.jupiter.api.Test;

/**
 * The respondent's response through its check page (decision 0037): checked as sending it would check
 * it, nothing stored and nothing sent to the process until it is confirmed, "Change" keeps it whole,
 * and a confirmation sent twice sends it once. A complainant's withdrawal already has its own check
 * (the page says what withdrawing does before its one button): sent twice, it withdraws once.
 */
@QuarkusTest
class ResponseReviewTest {

    @Inject
    @Localized("cy")
    ResponseReviewWords welsh;

    static String toldRespondent(String complainant, String respondentNumber) {
        String ref = file(complainant, respondentNumber, LocalDate.of(2026, 8, 3), List.of("harassment"),
                "Messages every night for a week about my family, after I asked her to stop on the first night.");
        Api.Held triage = claimed(CASEWORKERS, ref, "triage");
        complete(triage, Map.of("inScope", true, "clauses", List.of("harassment"), "reasons", "Engages harassment."));
        return ref;
    }

    static long responded(String ref) {
        return Db.count("SELECT count(*) FROM timeline_entries t JOIN cases c ON c.id = t.case_id WHERE c.ref = ?"
                + " AND t.kind = 'responded'", ref);
    }

    @Test
    void theResponseIsCheckedBeforeItIsSentAndSentOnce() {
        String ref = toldRespondent("alice", "M100003");
        String form = "/me/cases/" + ref + "/respond";
        StringBuilder b = new StringBuilder();
        while (b.length() < 50_000) {
            b.append("I was angry about the vote & said things <I regret>; I have apologised in the group.\r\n");
        }
        String statement = b.substring(0, 49_997) + "END";
        String review = as("carol", () -> utf8Form().formParam("_csrf", tokenFrom(form)).formParam("statement", statement)
                .post(form + "/review").then().statusCode(200).extract().asString());
        assertTrue(review.contains("<h1>Check your response before you send it</h1>"));
        assertTrue(review.contains("I was angry about the vote &amp; said things &lt;I regret&gt;"), "as typed, escaped");
        assertEquals(statement, hidden(review, "statement"), "the longest response goes on whole");
        assertTrue(review.contains("action=\"/me/cases/" + ref + "/respond\""), "confirming sends it");
        assertTrue(review.contains("Confirm and send"));
        assertNull(Db.value("SELECT responded_at FROM cases WHERE ref = ?", ref), "nothing stored");
        assertTrue(myCase("carol", ref).getList("youCan").contains("respond"), "nothing sent to the process");
        assertEquals(0L, responded(ref));

        // "Change": the form with the response kept whole
        String back = as("carol", () -> form(review, "change", "statement").post(form + "/review").then().statusCode(200)
                .extract().asString());
        assertEquals(statement, textarea(back, "statement"));
        assertFalse(back.contains("There is a problem"));
        assertTrue(back.contains("action=\"/me/cases/" + ref + "/respond/review\""));

        // confirmed: sent; confirmed again (a second click, a replayed form): the case, sent once
        as("carol", () -> form(review).post(form).then().statusCode(303)
                .header("Location", containsString("/me/cases/" + ref + "?done=responded")));
        as("carol", () -> form(review).post(form).then().statusCode(303)
                .header("Location", containsString("/me/cases/" + ref + "?done=responded")));
        assertEquals(1L, responded(ref), "sent once");
        assertNotNull(Db.value("SELECT responded_at FROM cases WHERE ref = ?", ref));
        Api.Held investigator = Api.tasks(CASEWORKERS, ref, "investigate").get(0);
        assertEquals(statement.strip(), Api.as(investigator.user()).get("/api/cases/" + ref).then().statusCode(200)
                .extract().path("response"), "stored exactly as it was checked");
    }

    @Test
    void badInputOnTheCheckStepIsTheFormWithItsErrors() {
        String ref = toldRespondent("erin", "M100002");
        String form = "/me/cases/" + ref + "/respond";
        String html = as("bob", () -> utf8Form().formParam("_csrf", tokenFrom(form)).formParam("statement", " ")
                .post(form + "/review").then().statusCode(400).extract().asString());
        assertTrue(html.contains("There is a problem"));
        assertNotNull(fieldError(html, "statement"), "said beside the field");
        String tooLong = "x".repeat(50_001);
        html = as("bob", () -> utf8Form().formParam("_csrf", tokenFrom(form)).formParam("statement", tooLong)
                .post(form + "/review").then().statusCode(400).extract().asString());
        assertTrue(fieldError(html, "statement").contains("50"), fieldError(html, "statement"));
        assertEquals(tooLong, textarea(html, "statement"), "kept whole, not cut");
        // someone who is not the respondent gets no check page either
        as("frank", () -> utf8Form().formParam("_csrf", tokenFrom("/me/data")).formParam("statement", "Not mine.")
                .post(form + "/review").then().statusCode(404));
        assertNull(Db.value("SELECT responded_at FROM cases WHERE ref = ?", ref), "nothing stored");
    }

    @Test
    void aWithdrawalIsItsOwnCheckAndSentTwiceWithdrawsOnce() {
        String ref = file("dan", "M100009", LocalDate.of(2026, 8, 20), List.of("bullying"),
                "He left me off every branch notice for three months and mocked me for missing meetings.");
        String page = "/me/cases/" + ref + "/withdraw";
        String html = as("dan", () -> page().get(page).then().statusCode(200).extract().asString());
        assertTrue(html.contains("What happens if you withdraw") && html.contains("You cannot undo this"),
                "the page says what withdrawing does before its one button");
        long withdrawn = Db.count("SELECT count(*) FROM timeline_entries t JOIN cases c ON c.id = t.case_id"
                + " WHERE c.ref = ? AND t.kind = 'complaint-withdrawn'", ref);
        assertEquals(0L, withdrawn, "showing what withdrawing does withdraws nothing");
        String token = as("dan", () -> tokenFrom(page));
        as("dan", () -> utf8Form().formParam("_csrf", token).formParam("reason", "We talked.").post(page).then()
                .statusCode(303).header("Location", containsString("done=complaint-withdrawn")));
        as("dan", () -> utf8Form().formParam("_csrf", token).formParam("reason", "We talked.").post(page).then()
                .statusCode(303).header("Location", containsString("/me/cases/" + ref)));
        assertEquals(withdrawn + 1, Db.count("SELECT count(*) FROM timeline_entries t JOIN cases c ON c.id = t.case_id"
                + " WHERE c.ref = ? AND t.kind = 'complaint-withdrawn'", ref), "withdrawn once");
    }

    @Test
    void theCheckPagesWordsAreInWelshToo() {
        assertEquals("Gwiriwch eich ymateb cyn ei anfon", welsh.title());
        assertEquals("Bydd yn mynd at yr ymchwilydd gyda'r g\u0175yn. Ni allwch ei newid ar \u00f4l ei anfon; gallwch"
                + " ychwanegu tystiolaeth o dudalen yr achos.", welsh.sendText());
    }
}
