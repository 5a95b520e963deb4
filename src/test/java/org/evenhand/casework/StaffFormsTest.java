package org.evenhand.casework;

import static org.evenhand.testing.Api.CASEWORKERS;
import static org.evenhand.testing.Api.PANEL;
import static org.evenhand.testing.Api.claimed;
import static org.evenhand.testing.Api.file;
import static org.evenhand.testing.Api.tasks;
import static org.evenhand.testing.Pages.as;
import static org.evenhand.testing.Pages.fieldError;
import static org.evenhand.testing.Pages.page;
import static org.evenhand.testing.Pages.tokenFrom;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.evenhand.testing.Api;
import org.evenhand.testing.Cases;
import org.evenhand.testing.Db;
import org.evenhand.testing.Evidence;
import org.junit.jupiter.api.Test;

/**
 * The staff forms through the pages: each names its inputs after the command's property paths, so a
 * refused form shows the command's own words next to the field at fault, keeps what was typed and
 * changes nothing; an accepted one goes through the same use case as the API.
 */
@QuarkusTest
class StaffFormsTest {

    static final String ALLEGATION = "In the branch group the respondent called me vermin, three times in one evening.";

    /** Posts the form of a page, with that page's token, as the current test identity; returns the page sent back. */
    static String refused(String formPage, String action, UnaryOperator<RequestSpecification> fields) {
        return fields.apply(page().formParam("_csrf", tokenFrom(formPage))).post(action).then().statusCode(400)
                .extract().asString();
    }

    @Test
    void aRefusedTriageSaysWhyNextToTheFieldAndChangesNothing() {
        String ref = file("alice", "M100002", LocalDate.of(2026, 9, 2), List.of("dehumanising-language"), ALLEGATION);
        long item = Evidence.give("alice", ref, Evidence.text("People like her are vermin.", List.of()));
        Api.Held triage = claimed(CASEWORKERS, ref, "triage");
        String task = "/work/tasks/" + triage.taskId();
        as(triage.user(), () -> {
            String form = page().get(task).then().statusCode(200).extract().asString();
            assertTrue(form.contains("name=\"lawfulBases[0].evidenceId\" value=\"" + item + "\""), "the item's entry");
            assertTrue(form.contains("id=\"lawfulBases-0--basis\" name=\"lawfulBases[0].basis\""), "named by its path");

            String html = refused(task, task, f -> f.formParam("inScope", "yes").formParam("reasons", "Dehumanising.")
                    .formParam("lawfulBases[0].evidenceId", item).formParam("lawfulBases[0].basis", "art-9-2-d")
                    .formParam("lawfulBases[0].reason", " "));
            assertEquals("Choose the clauses the complaint engages.", fieldError(html, "clauses"));
            assertEquals("Say why this basis applies to item " + item + ".", fieldError(html, "lawfulBases-0--reason"));
            assertNull(fieldError(html, "lawfulBases-0--basis"), "the basis chosen is fine");
            assertTrue(html.contains("<option value=\"art-9-2-d\" selected>"), "the basis chosen is kept");
            assertTrue(html.contains(">Dehumanising.</textarea>"), "the reasons typed are kept");
            assertTrue(html.contains("href=\"#lawfulBases-0--reason\""), "the summary links to the field");

            html = refused(task, task, f -> f.formParam("inScope", "yes").formParam("clauses", "dehumanising-language")
                    .formParam("reasons", "Dehumanising.").formParam("lawfulBases[0].evidenceId", item));
            assertEquals("Choose the lawful basis for item " + item + ".", fieldError(html, "lawfulBases-0--basis"));
            assertEquals("Say why this basis applies to item " + item + ".", fieldError(html, "lawfulBases-0--reason"));

            html = refused(task, task, f -> f.formParam("inScope", "no").formParam("clauses", "dehumanising-language")
                    .formParam("lawfulBases[0].evidenceId", item));
            assertEquals("An out-of-scope complaint engages no clause: untick the clauses, or say it is in scope.",
                    fieldError(html, "clauses"));
            assertEquals("Give your reasons. The complainant reads them if the complaint is closed.",
                    fieldError(html, "reasons"));
            assertNull(fieldError(html, "lawfulBases-0--basis"), "out of scope, an item left blank needs no basis");

            html = refused(task, task, f -> f.formParam("reasons", "Dehumanising."));
            assertEquals("Say whether the complaint is in scope.", fieldError(html, "inScope"));
        });
        assertEquals(1, tasks(List.of(triage.user()), ref, "triage").size(), "the triage task is still open");
        assertNull(Db.value("SELECT lawful_basis FROM evidence_items WHERE id = ?", item), "no basis was recorded");
        assertNull(Db.value("SELECT triaged_at FROM cases WHERE ref = ?", ref), "the case is not triaged");

        as(triage.user(), () -> page().formParam("_csrf", tokenFrom(task)).formParam("inScope", "yes")
                .formParam("clauses", "dehumanising-language").formParam("reasons", "Dehumanising language about a member.")
                .formParam("lawfulBases[0].evidenceId", item).formParam("lawfulBases[0].basis", "art-9-2-d")
                .formParam("lawfulBases[0].reason", "Members' conduct within the party.").post(task).then()
                .statusCode(303).header("Location", containsString("/work?done=completed")));
        assertEquals("art-9-2-d", Db.value("SELECT lawful_basis FROM evidence_items WHERE id = ?", item));
        assertEquals(0, tasks(CASEWORKERS, ref, "triage").size(), "triaged through the same use case as the API");
    }

    @Test
    void aPanelMembersVoteIsRefusedByTheVotesOwnRules() {
        String ref = Cases.atPanel("erin", "frank", "M100006", "harassment",
                "Frank replied to every one of my posts for a week calling me a liar, after I asked him to stop.");
        Api.Held seat = tasks(PANEL, ref, "panelDecision").get(0);
        String task = "/work/tasks/" + seat.taskId();
        as(seat.user(), () -> {
            // step one: the findings alone, refused next to the clause without a finding
            String html = refused(task, task + "/findings", f -> f.formParam("findings[0].clause", "harassment"));
            assertEquals("Give your finding on this clause: upheld or not upheld.", fieldError(html, "findings-0--upheld"));
            assertFalse(html.contains("id=\"sanction-formal-warning\""), "no sanction before the findings");
            page().formParam("_csrf", tokenFrom(task)).formParam("findings[0].clause", "harassment")
                    .formParam("findings[0].upheld", "yes").post(task + "/findings").then().statusCode(303);

            // step two: the sanction and reasons, refused by the vote's own rules next to each field
            html = refused(task, task, f -> f.formParam("findingsRecorded", "yes").formParam("sanctionMonths", "three"));
            assertEquals("Choose a sanction.", fieldError(html, "sanction"));
            assertEquals("Give your reasons. The parties read them.", fieldError(html, "reasons"));
            assertTrue(html.contains("value=\"three\""), "the months typed are kept");
            assertTrue(html.contains("Your findings, as you recorded them"), "the recorded findings stay shown");

            html = refused(task, task, f -> f.formParam("findingsRecorded", "yes").formParam("sanction", "suspension")
                    .formParam("sanctionMonths", "three").formParam("reasons", "Repeated after a request to stop."));
            assertTrue(fieldError(html, "sanctionMonths").contains("fixed term of 1 to"), fieldError(html, "sanctionMonths"));
            assertTrue(html.contains("id=\"sanction-suspension\" name=\"sanction\" value=\"suspension\" checked"),
                    "the sanction chosen is kept");
        });
        assertEquals(0L, Db.count("SELECT count(*) FROM panel_votes v JOIN cases c ON c.id = v.case_id WHERE c.ref = ?",
                ref), "no vote was cast");
        as(seat.user(), () -> page().formParam("_csrf", tokenFrom(task)).formParam("findingsRecorded", "yes")
                .formParam("sanction", "formal-warning")
                .formParam("reasons", "Repeated after a request to stop.").post(task).then().statusCode(303));
        assertEquals(1L, Db.count("SELECT count(*) FROM panel_votes v JOIN cases c ON c.id = v.case_id WHERE c.ref = ?",
                ref));
    }

    @Test
    void notesAndSuspensionsAreRefusedInTheirCommandsWords() {
        String ref = file("carol", "M100009", LocalDate.of(2026, 9, 3), List.of("harassment"), ALLEGATION);
        Api.Held triage = claimed(CASEWORKERS, ref, "triage");
        String casePage = "/work/cases/" + ref;
        long notes = Db.count("SELECT count(*) FROM timeline_entries t JOIN cases c ON c.id = t.case_id WHERE c.ref = ?"
                + " AND t.kind = 'note'", ref);
        as(triage.user(), () -> {
            String html = refused(casePage, casePage + "/notes", f -> f.formParam("audience", "staff")
                    .formParam("text", "  "));
            assertEquals("Write the note.", fieldError(html, "text"));
            html = refused(casePage, casePage + "/notes", f -> f.formParam("text", "For the file."));
            assertEquals("Say who the note is for.", fieldError(html, "audience"));
            html = refused(casePage, casePage + "/interim-suspension", f -> f.formParam("reasons", "Risky."));
            assertEquals("Give the reasons in full, at least 20 characters (and at most 20000): the respondent reads"
                    + " them, and they are reviewed.", fieldError(html, "reasons"));
            assertTrue(html.contains(">Risky.</textarea>"), "the reasons typed are kept");
            page().formParam("_csrf", tokenFrom(casePage)).formParam("audience", "staff").formParam("text", "For the file.")
                    .post(casePage + "/notes").then().statusCode(303).header("Location", containsString("done=note"));
        });
        assertEquals(notes + 1, Db.count("SELECT count(*) FROM timeline_entries t JOIN cases c ON c.id = t.case_id"
                + " WHERE c.ref = ? AND t.kind = 'note'", ref), "only the accepted note was added");
        assertEquals(0L, Db.count("SELECT count(*) FROM interim_suspensions s JOIN cases c ON c.id = s.case_id"
                + " WHERE c.ref = ?", ref), "no suspension was imposed");
    }

    @Test
    void theDposErasureDecisionIsRefusedInItsCommandsWords() {
        long req = ((Number) Api.as("erin").body(Map.of("statement", "Please erase my old complaints."))
                .post("/api/me/erasure-requests").then().statusCode(201).extract().path("id")).longValue();
        String form = "/dpo/erasure-requests/" + req;
        as("dara", () -> {
            String html = refused(form, form, f -> f.formParam("reasons", "x".repeat(20_001)));
            assertEquals("Say whether you approve or refuse the request.", fieldError(html, "approve"));
            assertEquals("Keep the reasons to 20000 characters.", fieldError(html, "reasons"));
            html = refused(form, form, f -> f.formParam("approve", "no"));
            assertEquals("Give your reasons; they are kept as proof of compliance.", fieldError(html, "reasons"));
            assertTrue(html.contains("id=\"decision-refuse\" name=\"approve\" value=\"no\" checked"), "the choice is kept");
        });
        assertNull(Db.value("SELECT decided_at FROM erasure_requests WHERE id = ?", req), "nothing was decided");
        as("dara", () -> page().formParam("_csrf", tokenFrom(form)).formParam("approve", "no")
                .formParam("reasons", "Her cases are still open.").post(form).then().statusCode(303));
        assertEquals(Boolean.FALSE, Db.value("SELECT approved FROM erasure_requests WHERE id = ?", req));
    }
}
