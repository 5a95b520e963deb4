package org.evenhand.web;

import static org.evenhand.testing.Pages.as;
import static org.evenhand.testing.Pages.page;
import static org.evenhand.testing.Pages.tokenFrom;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.evenhand.testing.Api;
import org.evenhand.testing.Cases;
import org.evenhand.testing.Db;
import org.evenhand.testing.Evidence;
import org.evenhand.testing.EvidenceFiles;
import org.junit.jupiter.api.Test;

/**
 * Each member form, refused through the page as a browser sends it (token and all): the command's
 * own words are shown next to the field they are about (the input named after the command's
 * property), what was typed comes back, and nothing is stored.
 */
@QuarkusTest
class MemberFormsRefusedTest {

    static final String ATTESTATION = "Confirm that you took part in this exchange, or that it was addressed to you.";
    static final String CONSENT = "Give your consent to the use of this evidence as the notice describes, or leave the"
            + " evidence out.";

    /** The message beside the input with this id, as a person reads it (entities decoded). */
    static String beside(String html, String id) {
        String m = org.evenhand.testing.Pages.fieldError(html, id);
        return m == null ? null : m.replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&");
    }

    static void says(String html, String id, String words) {
        assertEquals(words, beside(html, id), "next to #" + id);
        assertTrue(html.contains("id=\"" + id + "\""), "the field #" + id + " is on the page");
        assertTrue(html.contains("href=\"#" + id + "\""), "the summary links to #" + id);
    }

    static String refused(RequestSpecification form, String path) {
        String html = form.post(path).then().statusCode(400).contentType(startsWith("text/html")).extract().asString();
        assertTrue(html.contains("There is a problem"), "the error summary");
        return html;
    }

    static long cases() {
        Db.awaitAllStarted();
        return Db.count("SELECT count(*) FROM cases") + Db.count("SELECT count(*) FROM case_complainants");
    }

    static RequestSpecification filing() {
        return page().multiPart("_csrf", tokenFrom("/me/complaints/new")).multiPart("action", "file");
    }

    @Test
    void fileAComplaint() {
        long before = cases();
        long items = Db.count("SELECT count(*) FROM evidence_items");
        as("frank", () -> {
            String html = refused(filing(), "/me/complaints/new");
            says(html, "respondentMembershipNumber", "Search for the member you are complaining about, and choose them"
                    + " from the list.");
            says(html, "conductDate", "Give the date of the conduct.");
            says(html, "clauses", "Choose at least one clause that you think was breached.");
            says(html, "allegation", "Describe what happened.");

            html = refused(filing().multiPart("respondentMembershipNumber", "M100009")
                    .multiPart("conductDate", LocalDate.now().plusDays(3).toString()).multiPart("clauses", "bullying")
                    .multiPart("allegation", "Too short").multiPart("conductLink", "not a link")
                    .multiPart("evidence.threadContext", "Harry: first.\n\nFrank: second."), "/me/complaints/new");
            says(html, "conductDate", "The date of the conduct cannot be in the future.");
            says(html, "allegation", "Say a little more about what happened (at least 10 characters), and keep it to"
                    + " 20,000 characters; put the rest in your evidence.");
            says(html, "conductLink", "Give a web address starting with https:// or http://, or leave this empty.");
            says(html, "evidence-threadContext", "You gave earlier messages but no excerpt, link or file for them to"
                    + " go with.");
            says(html, "evidence-attestPartyToExchange", ATTESTATION);
            says(html, "evidence-consent", CONSENT);
            assertTrue(html.contains(">Too short</textarea>") && html.contains("value=\"not a link\""), "kept as typed");
            assertTrue(html.contains("name=\"evidence.threadContext\""), "named after the command's property");

            html = refused(filing().multiPart("respondentMembershipNumber", "M100009").multiPart("conductDate", "31/02/2026")
                    .multiPart("clauses", "bullying").multiPart("allegation", "Mocking replies to every post I make.")
                    .multiPart("evidence.text", "x".repeat(20_001)).multiPart("evidence.attestPartyToExchange", "yes")
                    .multiPart("evidence.consent", Evidence.NOTICE), "/me/complaints/new");
            assertTrue(beside(html, "conductDate").startsWith("Give the date as day, month and year, for example "),
                    beside(html, "conductDate"));
            says(html, "evidence-text", "Keep an excerpt to 20,000 characters, or give a screenshot or PDF instead.");

            // what only the definition can say: checked once the complaint itself holds
            html = refused(filing().multiPart("respondentMembershipNumber", "M100009").multiPart("conductDate", "2025-12-31")
                    .multiPart("clauses", "coordinated-pile-on").multiPart("allegation", "Mocking replies to every post."),
                    "/me/complaints/new");
            says(html, "clauses", "The definition in force on the date of the conduct (version 2024.1) has no clause"
                    + " \u201ccoordinated-pile-on\u201d: choose from the clauses shown for that date.");
            html = refused(filing().multiPart("respondentMembershipNumber", "M100009").multiPart("conductDate", "2019-05-01")
                    .multiPart("clauses", "bullying").multiPart("allegation", "Mocking replies to every post."),
                    "/me/complaints/new");
            assertTrue(beside(html, "conductDate").endsWith("predates the first published definition of abuse, so it"
                    + " cannot be the subject of a complaint."), beside(html, "conductDate"));
            html = refused(filing().multiPart("respondentMembershipNumber", "M100006").multiPart("conductDate", "2026-03-02")
                    .multiPart("clauses", "bullying").multiPart("allegation", "Mocking replies to every post."),
                    "/me/complaints/new");
            says(html, "respondentMembershipNumber", "You cannot complain about yourself.");

            // a file refused from its bytes refuses the complaint: no case is opened
            html = refused(filing().multiPart("respondentMembershipNumber", "M100009").multiPart("conductDate", "2026-03-02")
                    .multiPart("clauses", "bullying").multiPart("allegation", "Minutes he doctored and sent to the branch.")
                    .multiPart("evidence.attestPartyToExchange", "yes").multiPart("evidence.consent", Evidence.NOTICE)
                    .multiPart("file", "minutes.pdf", EvidenceFiles.pdfWithOpenActionJavaScript(), "application/pdf"),
                    "/me/complaints/new");
            assertTrue(beside(html, "file").contains("contains JavaScript"), beside(html, "file"));
        });
        assertEquals(before, cases(), "no refused complaint opened or joined a case");
        assertEquals(items, Db.count("SELECT count(*) FROM evidence_items"), "no evidence stored");
    }

    @Test
    void addEvidenceAndWithdrawIt() {
        String ref = Api.file("dan", "M100009", LocalDate.of(2026, 5, 4), List.of("bullying"),
                "He mocked my accent in the branch chat every week, after I asked him to stop.");
        String form = "/me/cases/" + ref + "/evidence/new";
        long items = Db.count("SELECT count(*) FROM evidence_items");
        as("dan", () -> {
            String html = refused(page().multiPart("_csrf", tokenFrom(form)), form);
            says(html, "text", "Give an excerpt, a link or a file.");
            says(html, "attestPartyToExchange", ATTESTATION);
            says(html, "consent", CONSENT);

            html = refused(page().multiPart("_csrf", tokenFrom(form)).multiPart("url", "ftp://example.org/post")
                    .multiPart("attestPartyToExchange", "yes").multiPart("consent", Evidence.NOTICE), form);
            says(html, "url", "Give a web address starting with https:// or http://.");
            assertTrue(html.contains("value=\"ftp://example.org/post\""), "the link typed is kept");

            html = refused(page().multiPart("_csrf", tokenFrom(form)).multiPart("threadContext", "Dan: hello.")
                    .multiPart("attestPartyToExchange", "yes").multiPart("consent", Evidence.NOTICE), form);
            says(html, "threadContext", "You gave earlier messages but no excerpt, link or file for them to go with.");

            html = refused(page().multiPart("_csrf", tokenFrom(form)).multiPart("text", "You again.")
                    .multiPart("attestPartyToExchange", "yes").multiPart("consent", Evidence.NOTICE)
                    .multiPart("file", "shot.png", new byte[0], "image/png"), form);
            says(html, "file", "The file is empty: choose it again, or choose another.");

            html = refused(page().multiPart("_csrf", tokenFrom(form)).multiPart("text", "You again.")
                    .multiPart("attestPartyToExchange", "yes").multiPart("consent", Evidence.NOTICE)
                    .multiPart("file", "shot.png", EvidenceFiles.pngSignatureOnly(), "image/png"), form);
            assertTrue(beside(html, "file").contains("not a readable PNG image"), beside(html, "file"));
        });
        assertEquals(items, Db.count("SELECT count(*) FROM evidence_items"), "nothing stored, not even the excerpt");

        long id = Evidence.give("dan", ref, Evidence.text("You again.", List.of()));
        String withdraw = "/me/cases/" + ref + "/evidence/" + id + "/withdraw";
        as("dan", () -> {
            String html = refused(page().formParam("_csrf", tokenFrom(withdraw)), withdraw);
            says(html, "confirm", "Tick the box to confirm that you want to withdraw your consent.");
        });
        assertEquals(1L, Db.count("SELECT count(*) FROM evidence_items WHERE id = ? AND sealed_at IS NULL", id),
                "the item is still in use");
    }

    @Test
    void respondAndAppeal() {
        String ref = Cases.atPanel("alice", "erin", "M100005", "harassment",
                "Replies to each of my posts for a week calling me a liar, after I asked her to stop.");
        Cases.decided(ref, "harassment", "formal-warning");
        String appeal = "/me/cases/" + ref + "/appeal";
        as("erin", () -> {
            String html = refused(page().formParam("_csrf", tokenFrom(appeal)), appeal);
            says(html, "grounds", "Choose at least one ground of appeal.");
            says(html, "statement", "Explain why the decision should be changed, on the grounds you chose.");
            html = refused(page().formParam("_csrf", tokenFrom(appeal)).formParam("grounds", "BIAS")
                    .formParam("statement", "The panel was biased."), appeal);
            says(html, "grounds", "Choose the grounds from the list.");
            assertTrue(html.contains(">The panel was biased.</textarea>"), "the statement is kept");
            html = refused(page().formParam("_csrf", tokenFrom(appeal)).formParam("grounds", "NEW_EVIDENCE")
                    .formParam("statement", "x".repeat(50_001)), appeal);
            says(html, "statement", "Keep your statement to 50,000 characters.");
        });
        assertEquals(0L, Db.count("SELECT count(*) FROM appeals a JOIN cases c ON c.id = a.case_id WHERE c.ref = ?", ref),
                "no appeal lodged");

        String told = Api.file("carol", "M100004", LocalDate.of(2026, 6, 11), List.of("harassment"),
                "Messages every night for a week after the selection meeting, telling me to quit.");
        Api.complete(Api.claimed(Api.CASEWORKERS, told, "triage"), Map.of("inScope", true, "clauses",
                List.of("harassment"), "reasons", "Engages harassment."));
        String respond = "/me/cases/" + told + "/respond";
        as("dan", () -> {
            String html = refused(page().formParam("_csrf", tokenFrom(respond)).formParam("statement", "  "), respond);
            says(html, "statement", "Write your response. If you do not wish to respond, you need not send anything.");
            html = refused(page().formParam("_csrf", tokenFrom(respond)).formParam("statement", "x".repeat(50_001)),
                    respond);
            says(html, "statement", "Keep your response to 50,000 characters.");
        });
        assertEquals(0L, Db.count("SELECT count(*) FROM cases WHERE ref = ? AND responded_at IS NOT NULL", told),
                "no response recorded");
    }

    @Test
    void declareAFaction() {
        as("bob", () -> {
            String html = refused(page().formParam("_csrf", tokenFrom("/me/fairness")), "/me/fairness");
            says(html, "faction", "Choose the faction you identify with, or \u201cprefer not to say\u201d.");
            says(html, "consent", "A faction is recorded only with your consent to the notice. Tick the box, or leave"
                    + " this page without declaring one.");
            html = refused(page().formParam("_csrf", tokenFrom("/me/fairness")).formParam("faction", "centre"),
                    "/me/fairness");
            assertTrue(html.contains("value=\"centre\" checked"), "the faction chosen is kept");
        });
        Api.as("bob").get("/api/me/faction").then().statusCode(200).body("declared",
                org.hamcrest.Matchers.equalTo(false));
    }

    @Test
    void askForErasure() {
        long before = Db.count("SELECT count(*) FROM erasure_requests");
        as("bob", () -> {
            String html = refused(page().formParam("_csrf", tokenFrom("/me/data")), "/me/data/erasure-request");
            says(html, "statement", "Say what you would like erased, and why if you wish.");
            html = refused(page().formParam("_csrf", tokenFrom("/me/data")).formParam("statement", "x".repeat(5001)),
                    "/me/data/erasure-request");
            says(html, "statement", "Keep this to 5,000 characters.");
        });
        assertEquals(before, Db.count("SELECT count(*) FROM erasure_requests"), "no request made");
    }
}
