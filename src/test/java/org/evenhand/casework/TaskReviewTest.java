package org.evenhand.casework;

import static org.evenhand.testing.Api.CASEWORKERS;
import static org.evenhand.testing.Api.PANEL;
import static org.evenhand.testing.Api.claimed;
import static org.evenhand.testing.Api.file;
import static org.evenhand.testing.Api.tasks;
import static org.evenhand.testing.Pages.as;
import static org.evenhand.testing.Pages.fieldError;
import static org.evenhand.testing.Pages.tokenFrom;
import static org.evenhand.testing.Reviews.form;
import static org.evenhand.testing.Reviews.hidden;
import static org.evenhand.testing.Reviews.textarea;
import static org.evenhand.testing.Reviews.utf8Form;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.evenhand.testing.Api;
import org.evenhand.testing.Cases;
import org.evenhand.testing.Db;
import org.evenhand.testing.Evidence;
import org.junit.jupiter.api.Test;

/**
 * A handler's decisions through their check pages (decision 0037): a caseworker's triage, a panel member's
 * findings and then their sanction, an appeal panel member's decision. Each is checked as recording it
 * would check it, nothing stored and nothing sent to the engine until it is confirmed; "Change" keeps
 * every answer; a confirmation sent twice records once and lands where the first did.
 */
@QuarkusTest
class TaskReviewTest {

    static String longest(String sentence, int n) {
        StringBuilder b = new StringBuilder();
        while (b.length() < n) {
            b.append(sentence);
        }
        return b.substring(0, n - 3) + "END";
    }

    static long timeline(String ref, String kind) {
        return Db.count("SELECT count(*) FROM timeline_entries t JOIN cases c ON c.id = t.case_id WHERE c.ref = ?"
                + " AND t.kind = ?", ref, kind);
    }

    @Test
    void aTriageIsCheckedBeforeItIsRecordedAndRecordedOnce() {
        String ref = file("bob", "M100009", LocalDate.of(2026, 9, 12), List.of("harassment"),
                "Harry sent me messages about my family every night for a week after I asked him to stop.");
        long item = Evidence.give("bob", ref, Evidence.text("Everyone knows what your family is like.", List.of()));
        Api.Held triage = claimed(CASEWORKERS, ref, "triage");
        String task = "/work/tasks/" + triage.taskId();
        String reasons = longest("Repeated messages about the complainant's family after a request to stop; \u2018harassment\u2019.\r\n",
                20_000);
        long started = Db.count("SELECT count(*) FROM act_hi_taskinst");

        String review = as(triage.user(), () -> utf8Form().formParam("_csrf", tokenFrom(task)).formParam("inScope", "yes")
                .formParam("clauses", "harassment").formParam("reasons", reasons).formParam("exchangeOpenedBy", "respondent")
                .formParam("lawfulBases[0].evidenceId", item).formParam("lawfulBases[0].basis", "art-9-2-d")
                .formParam("lawfulBases[0].reason", "Messages between members about party business.")
                .post(task + "/review").then().statusCode(200).extract().asString());
        assertTrue(review.contains("<h1>Check the triage before it is recorded</h1>"), "the check page");
        assertTrue(review.contains("Yes: in scope.") && review.contains("The respondent will be told the allegation"));
        assertTrue(review.contains("Harassment"), "the clause by its title");
        assertTrue(review.contains("The respondent") && review.contains("Lawful basis for item " + item));
        assertTrue(review.contains("Members of a political body (Art. 9(2)(d))"), "the basis in words");
        assertTrue(review.contains("Repeated messages about the complainant&#39;s family"), "the reasons as typed");
        assertEquals(reasons, hidden(review, "reasons"), "the longest reasons go on whole");
        assertTrue(review.contains("action=\"" + task + "\"") && review.contains("Confirm and record"));
        assertNull(Db.value("SELECT triaged_at FROM cases WHERE ref = ?", ref), "nothing recorded");
        assertNull(Db.value("SELECT lawful_basis FROM evidence_items WHERE id = ?", item), "no basis recorded");
        assertEquals(1, tasks(List.of(triage.user()), ref, "triage").size(), "the task is still open");
        assertEquals(started, Db.count("SELECT count(*) FROM act_hi_taskinst"), "nothing sent to the engine");

        // "Change": the task's form with every answer kept
        String back = as(triage.user(), () -> form(review, "change", "reasons").post(task + "/review").then()
                .statusCode(200).extract().asString());
        assertEquals(reasons, textarea(back, "reasons"));
        assertTrue(back.contains("id=\"inScope-yes\" name=\"inScope\" value=\"yes\" checked"));
        assertTrue(back.contains("id=\"clause-harassment\" name=\"clauses\" value=\"harassment\" checked"));
        assertTrue(back.contains("<option value=\"art-9-2-d\" selected>"));
        assertTrue(back.contains("id=\"opened-respondent\" name=\"exchangeOpenedBy\" value=\"respondent\" checked"));
        assertFalse(back.contains("There is a problem"));

        // confirmed, then confirmed again: recorded once, both land on the queue
        as(triage.user(), () -> form(review).post(task).then().statusCode(303)
                .header("Location", endsWith("/work?done=completed")));
        as(triage.user(), () -> form(review).post(task).then().statusCode(303)
                .header("Location", endsWith("/work?done=completed")));
        assertEquals(1L, timeline(ref, "triaged"), "triaged once");
        assertEquals("art-9-2-d", Db.value("SELECT lawful_basis FROM evidence_items WHERE id = ?", item));
        assertEquals(reasons.strip(), Api.as(triage.user()).get("/api/cases/" + ref).then().statusCode(200).extract()
                .path("triageReasons"), "recorded exactly as checked");
    }

    @Test
    void badInputOnATasksCheckStepIsTheFormWithItsErrors() {
        String ref = file("carol", "M100009", LocalDate.of(2026, 9, 14), List.of("bullying"),
                "He mocked my questions at every branch meeting and left me off the notices.");
        long item = Evidence.give("carol", ref, Evidence.text("Nobody cares what you think, Carol.", List.of()));
        Api.Held triage = claimed(CASEWORKERS, ref, "triage");
        String task = "/work/tasks/" + triage.taskId();
        as(triage.user(), () -> {
            String html = utf8Form().formParam("_csrf", tokenFrom(task)).formParam("reasons", "Bullying.")
                    .formParam("lawfulBases[0].evidenceId", item).post(task + "/review").then().statusCode(400).extract()
                    .asString();
            assertEquals("Say whether the complaint is in scope.", fieldError(html, "inScope"));
            assertTrue(html.contains(">Bullying.</textarea>"), "kept as typed");
            // in scope without the lawful basis the use case needs: said where the form asks for it
            html = utf8Form().formParam("_csrf", tokenFrom(task)).formParam("inScope", "yes").formParam("clauses", "bullying")
                    .formParam("reasons", "Bullying by a branch officer.").formParam("lawfulBases[0].evidenceId", item)
                    .post(task + "/review").then().statusCode(400).extract().asString();
            assertEquals("Choose the lawful basis for item " + item + ".", fieldError(html, "lawfulBases-0--basis"));
            // out of scope, nothing else chosen: the check page says so in words
            html = utf8Form().formParam("_csrf", tokenFrom(task)).formParam("inScope", "no")
                    .formParam("reasons", "Robust criticism of a branch officer, not bullying.")
                    .formParam("lawfulBases[0].evidenceId", item).post(task + "/review").then().statusCode(200)
                    .extract().asString();
            assertTrue(html.contains("No: out of scope.") && html.contains("the complainant reads your reasons"), html);
            assertTrue(html.contains("Not given") && html.contains("None, or not hateful language"));
        });
        assertNull(Db.value("SELECT triaged_at FROM cases WHERE ref = ?", ref), "nothing recorded");
    }

    @Test
    void aPanelMembersFindingsAndThenSanctionAreEachCheckedAndRecordedOnce() {
        String ref = Cases.atPanel("alice", "dan", "M100004", "harassment",
                "Dan replied to every one of my posts for a week calling me a liar, after I asked him to stop.");
        Api.Held seat = tasks(PANEL, ref, "panelDecision").get(0);
        String task = "/work/tasks/" + seat.taskId();
        String findings = "SELECT count(*) FROM panel_findings f JOIN cases c ON c.id = f.case_id WHERE c.ref = ?";
        String votes = "SELECT count(*) FROM panel_votes v JOIN cases c ON c.id = v.case_id WHERE c.ref = ?";
        as(seat.user(), () -> {
            // step one: the findings
            String html = utf8Form().formParam("_csrf", tokenFrom(task)).formParam("findings[0].clause", "harassment")
                    .post(task + "/findings/review").then().statusCode(400).extract().asString();
            assertEquals("Give your finding on this clause: upheld or not upheld.", fieldError(html, "findings-0--upheld"));
            String review = utf8Form().formParam("_csrf", tokenFrom(task)).formParam("findings[0].clause", "harassment")
                    .formParam("findings[0].upheld", "yes").post(task + "/findings/review").then().statusCode(200)
                    .extract().asString();
            assertTrue(review.contains("<h1>Check your findings before they are recorded</h1>"), "the check page");
            assertTrue(review.contains("Harassment") && review.contains("<strong>upheld</strong>"));
            assertTrue(review.contains("cannot be changed afterwards"), "what confirming does");
            assertFalse(review.contains("id=\"live-sanctions\""), "no live sanction before the findings are recorded");
            assertEquals(0L, Db.count(findings, ref), "nothing recorded");
            String back = form(review, "change", "findings").post(task + "/findings/review").then().statusCode(200)
                    .extract().asString();
            assertTrue(back.contains("value=\"yes\" checked"), "the finding kept");
            form(review).post(task + "/findings").then().statusCode(303).header("Location", endsWith(task + "#decide"));
            form(review).post(task + "/findings").then().statusCode(303).header("Location", endsWith(task + "#decide"));
        });
        assertEquals(1L, Db.count(findings, ref), "recorded once");

        String reasons = longest("Repeated and targeted after a request to stop; the apology mitigates. ", 50_000);
        as(seat.user(), () -> {
            // step two: the sanction
            String html = utf8Form().formParam("_csrf", tokenFrom(task)).formParam("findingsRecorded", "yes")
                    .formParam("sanction", "referral-expulsion").formParam("reasons", "Targeted.")
                    .post(task + "/review").then().statusCode(400).extract().asString();
            assertTrue(fieldError(html, "sanction").contains("outside the ladder"), fieldError(html, "sanction"));
            String review = utf8Form().formParam("_csrf", tokenFrom(task)).formParam("findingsRecorded", "yes")
                    .formParam("sanction", "formal-warning").formParam("reasons", reasons).post(task + "/review").then()
                    .statusCode(200).extract().asString();
            assertTrue(review.contains("<h1>Check your decision before it is recorded</h1>"));
            assertTrue(review.contains("<strong>Formal warning</strong>"), "the sanction by its title");
            assertTrue(review.contains("As you recorded them"), "the findings recorded in step one");
            assertEquals(reasons, hidden(review, "reasons"));
            assertEquals(0L, Db.count(votes, ref), "no vote cast yet");
            String back = form(review, "change", "sanction").post(task + "/review").then().statusCode(200).extract()
                    .asString();
            assertEquals(reasons, textarea(back, "reasons"), "the longest reasons kept whole");
            assertTrue(back.contains("id=\"sanction-formal-warning\" name=\"sanction\" value=\"formal-warning\" checked"));
            form(review).post(task).then().statusCode(303).header("Location", endsWith("/work?done=completed"));
            form(review).post(task).then().statusCode(303).header("Location", endsWith("/work?done=completed"));
        });
        assertEquals(1L, Db.count(votes, ref), "one vote cast");
    }

    @Test
    void anAppealHearingDecisionIsCheckedAndRecordedOnce() {
        String ref = Cases.atPanel("erin", "frank", "M100006", "harassment",
                "Frank replied to every one of my posts for a fortnight calling me a liar, after I asked him to stop.");
        Cases.decided(ref, "harassment", "formal-warning");
        Api.as("frank").body(Map.of("grounds", List.of("PERVERSE_FINDING"), "statement", "The replies were fair comment."))
                .post("/api/me/cases/" + ref + "/appeal").then().statusCode(200);
        Api.Held seat = tasks(PANEL, ref, "hearAppeal").get(0);
        String task = "/work/tasks/" + seat.taskId();
        String votes = "SELECT count(*) FROM panel_votes v JOIN cases c ON c.id = v.case_id WHERE c.ref = ?"
                + " AND v.bench = 'appeal'";
        as(seat.user(), () -> {
            String html = utf8Form().formParam("_csrf", tokenFrom(task)).formParam("reasons", "The ladder was followed.")
                    .post(task + "/review").then().statusCode(400).extract().asString();
            assertTrue(fieldError(html, "allow") != null, "whether the appeal is allowed is asked for");
            String review = utf8Form().formParam("_csrf", tokenFrom(task)).formParam("allow", "no")
                    .formParam("reasons", "The sanction was within the ladder and properly reasoned.")
                    .post(task + "/review").then().statusCode(200).extract().asString();
            assertTrue(review.contains("<strong>Dismissed</strong>: the panel&rsquo;s decision stands")
                    || review.contains("<strong>Dismissed</strong>: the panel\u2019s decision stands"), "the decision in words");
            assertFalse(review.contains("Your findings"), "a dismissal substitutes no findings");
            assertEquals(0L, Db.count(votes, ref));
            form(review).post(task).then().statusCode(303).header("Location", containsString("done=completed"));
            form(review).post(task).then().statusCode(303).header("Location", containsString("done=completed"));
        });
        assertEquals(1L, Db.count(votes, ref), "recorded once");
    }
}
