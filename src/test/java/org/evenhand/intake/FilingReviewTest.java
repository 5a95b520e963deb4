package org.evenhand.intake;

import static org.evenhand.testing.Pages.as;
import static org.evenhand.testing.Pages.fieldError;
import static org.evenhand.testing.Pages.page;
import static org.evenhand.testing.Pages.tokenFrom;
import static org.evenhand.testing.Reviews.hidden;
import static org.evenhand.testing.Reviews.multipart;
import static org.evenhand.testing.Reviews.text;
import static org.evenhand.testing.Reviews.textarea;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.evenhand.common.FieldLimits;
import org.evenhand.testing.Api;
import org.evenhand.testing.Db;
import org.evenhand.testing.Evidence;
import org.evenhand.testing.EvidenceFiles;
import org.evenhand.web.ConfirmWords;
import org.junit.jupiter.api.Test;

/**
 * Filing a complaint through its check page (decision 0037), as a browser does: the form goes to the
 * check step, which checks it as filing would and stores nothing (only the file, held for the member),
 * shows it as it will be sent, goes back to the form with everything kept, and sends it once.
 */
@QuarkusTest
class FilingReviewTest {

    static final String REVIEW = "/me/complaints/new/review";
    static final String SEND = "/me/complaints/new";

    @Inject
    @Localized("cy")
    FilingReviewWords welsh;
    @Inject
    @Localized("cy")
    ConfirmWords welshConfirm;

    /** Complaints opened or joined, once every process filed so far has started. */
    static long complaints() {
        Db.awaitAllStarted();
        return Db.count("SELECT count(*) FROM cases") + Db.count("SELECT count(*) FROM case_complainants");
    }

    static long processes() {
        return Db.count("SELECT count(*) FROM act_hi_procinst");
    }

    static long held(String member) {
        return Db.count("SELECT count(*) FROM held_files h JOIN members m ON m.id = h.member_id WHERE m.username = ?",
                member);
    }

    /** The filing form sent to its check step, with its token, as the current test identity. */
    static RequestSpecification form() {
        return page().multiPart("_csrf", tokenFrom(SEND)).multiPart("action", "check");
    }

    static RequestSpecification complaint(String allegation) {
        return form().multiPart("respondentMembershipNumber", "M100009").multiPart("conductDate", "2026-03-02")
                .multiPart("clauses", "bullying").multiPart(text("allegation", allegation));
    }

    @Test
    void theCheckPageShowsWhatWillBeSentAndStoresNothingButTheFile() {
        String allegation = "He wrote <b>\u201cnobody wants you here\u201d</b> & tagged the branch.\n\nThen again"
                + " on 3 March, after I asked him to stop.";
        long before = complaints();
        long started = processes();
        long items = Db.count("SELECT count(*) FROM evidence_items");
        long sent = Db.count("SELECT count(*) FROM complaints_sent");
        String html = as("frank", () -> complaint(allegation).multiPart("conductLink", "https://social.example/p/77")
                .multiPart(text("evidence.text", "Nobody wants you here, Frank."))
                .multiPart(text("evidence.threadContext", "Frank: Can we talk about the rota?\n\nHarry: No."))
                .multiPart("evidence.attestPartyToExchange", "yes").multiPart("evidence.consent", Evidence.NOTICE)
                .multiPart("anonymity.asked", "yes").multiPart("anonymity.ground", "reprisal")
                .multiPart(text("anonymity.reasons", "He runs the branch chat and has said he will \u2018sort out\u2019 complainers."))
                .multiPart("file", "screenshot.png", EvidenceFiles.png(40, 30), "image/png")
                .post(REVIEW).then().statusCode(200).extract().asString());

        assertTrue(html.contains("<h1>Check your complaint before you send it</h1>"), "the check page");
        assertTrue(html.contains("Harry Holt (M100009)"), "the member complained about, by name");
        assertTrue(html.contains("2 March 2026"), "the date in words");
        assertFalse(html.contains(">2026-03-02<"), "no ISO date shown");
        assertTrue(html.contains("Bullying"), "the clause by its title");
        assertTrue(html.contains("From version 2026.1 of the definition"), "the version in force on that date");
        assertTrue(html.contains("He wrote &lt;b&gt;\u201cnobody wants you here\u201d&lt;/b&gt; &amp; tagged the branch.\n\nThen again"),
                "the allegation as typed, line breaks kept, escaped");
        assertTrue(html.contains("https://social.example/p/77"), "the link");
        assertTrue(html.contains("Nobody wants you here, Frank.") && html.contains("Harry: No."), "the evidence as typed");
        assertTrue(html.contains("<strong>screenshot.png</strong>") && html.contains("PNG image"), "the file, by name");
        assertTrue(html.contains("I fear reprisal"), "the ground for anonymity in words");
        assertTrue(html.contains("Confirm and send"), "the button that sends it");
        assertTrue(html.contains("name=\"change\" value=\"allegation\""), "a way back to change each answer");
        assertEquals(allegation, hidden(html, "allegation"), "the allegation goes on, as typed, in a hidden field");
        assertNotNull(hidden(html, "_csrf"), "with the form token");
        String token = hidden(html, "heldFile");
        assertNotNull(token, "the file is held for the complaint under a token");

        assertEquals(before, complaints(), "no case opened or joined");
        assertEquals(started, processes(), "nothing sent to the engine");
        assertEquals(items, Db.count("SELECT count(*) FROM evidence_items"), "no evidence stored");
        assertEquals(sent, Db.count("SELECT count(*) FROM complaints_sent"), "nothing marked as sent");
        assertEquals(1L, Db.count("SELECT count(*) FROM held_files WHERE token = CAST(? AS uuid) AND expires_at"
                + " <= held_at + interval '1 hour' AND name NOT LIKE '%screenshot%'", token), "held sealed, for an hour");

        // confirm: filed once, with the file held for it
        String location = as("frank", () -> multipart(html, "action", "file").post(SEND).then().statusCode(303)
                .extract().header("Location"));
        assertTrue(location.matches(".*/me/cases/EVH-\\d{4}-\\d{6}\\?done=filed"), location);
        String ref = location.replaceAll(".*/me/cases/([^?]+).*", "$1");
        assertEquals(before + 1, complaints(), "filed once");
        assertEquals(allegation, Api.as("frank").get("/api/me/cases/" + ref).then().statusCode(200).extract()
                .path("allegation"), "stored as it was shown");
        assertEquals(2L, Db.count("SELECT count(*) FROM evidence_items i JOIN cases c ON c.id = i.case_id"
                + " WHERE c.ref = ?", ref), "the excerpt and the file held for it");
        assertEquals(0L, Db.count("SELECT count(*) FROM held_files WHERE token = CAST(? AS uuid)", token),
                "the file is no longer held once sent");
        assertEquals("asked", Db.value("SELECT anonymity FROM cases WHERE ref = ?", ref));

        // the same confirmation again (a second click, a replayed form): the same case, nothing filed twice
        String again = as("frank", () -> multipart(html, "action", "file").post(SEND).then().statusCode(303)
                .extract().header("Location"));
        assertTrue(again.contains("/me/cases/" + ref + "?"), again);
        assertEquals(before + 1, complaints(), "not filed twice");
        assertEquals(2L, Db.count("SELECT count(*) FROM evidence_items i JOIN cases c ON c.id = i.case_id"
                + " WHERE c.ref = ?", ref), "no evidence stored twice");
    }

    @Test
    void twoConfirmationsAtOnceFileOnce() throws Exception {
        String html = as("alice", () -> page().multiPart("_csrf", tokenFrom(SEND))
                .multiPart("respondentMembershipNumber", "M100008").multiPart("conductDate", "2026-04-11")
                .multiPart("clauses", "bullying")
                .multiPart("allegation", "Gita left me off every branch notice for months, then mocked me for not coming.")
                .post(REVIEW).then().statusCode(200).extract().asString());
        long before = complaints();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> clicks = pool.invokeAll(List.of(
                    () -> as("alice", () -> multipart(html, "action", "file").post(SEND).then().statusCode(303)
                            .extract().header("Location")),
                    () -> as("alice", () -> multipart(html, "action", "file").post(SEND).then().statusCode(303)
                            .extract().header("Location"))));
            String first = clicks.get(0).get().replaceAll("\\?.*", "");
            assertEquals(first, clicks.get(1).get().replaceAll("\\?.*", ""), "both land on the same case");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(before + 1, complaints(), "one complaint filed");
    }

    @Test
    void changeGoesBackWithEveryValueKeptEvenTheLongest() {
        String allegation = longest("He wrote \u2018nobody wants you here\u2019 again, and Zo\u00eb was named.\r\n", 20_000);
        String excerpt = longest("Nobody wants you here \u2014 go back to Cardiff.", 20_000);
        String reasons = longest("He has said he will \u2018deal with\u2019 whoever complains. ", FieldLimits.ANONYMITY_REASONS);
        long before = complaints();
        String review = as("erin", () -> page().multiPart("_csrf", tokenFrom(SEND))
                .multiPart("respondentMembershipNumber", "M100009").multiPart("conductDate", "2026-05-20")
                .multiPart("clauses", "bullying").multiPart("clauses", "harassment").multiPart(text("allegation", allegation))
                .multiPart(text("evidence.text", excerpt)).multiPart("evidence.attestPartyToExchange", "yes")
                .multiPart("evidence.consent", Evidence.NOTICE).multiPart("anonymity.asked", "yes")
                .multiPart("anonymity.ground", "other").multiPart(text("anonymity.reasons", reasons))
                .multiPart("file", "thread.pdf", EvidenceFiles.pdf(), "application/pdf")
                .post(REVIEW).then().statusCode(200).extract().asString());
        assertEquals(allegation, hidden(review, "allegation"), "20,000 characters, whole");
        assertEquals(excerpt, hidden(review, "evidence.text"));
        assertEquals(reasons, hidden(review, "anonymity.reasons"));
        assertTrue(review.contains("PDF document"), "the file, by what it is");

        // "Change": the form again, every value as typed, the file still held and said so
        String form = as("erin", () -> multipart(review, "change", "allegation").post(REVIEW).then().statusCode(200)
                .extract().asString());
        assertTrue(form.contains("<h1>Make a complaint</h1>"), "the form");
        assertFalse(form.contains("There is a problem"), "no errors for going back");
        assertEquals(allegation, textarea(form, "allegation"), "the allegation kept whole");
        assertEquals(excerpt, textarea(form, "evidence-text"));
        assertEquals(reasons, textarea(form, "anonymity-reasons"));
        assertTrue(form.contains("Harry Holt (M100009)"), "the member chosen is kept");
        assertTrue(form.contains("value=\"bullying\" checked") && form.contains("value=\"harassment\" checked"),
                "both clauses stay ticked");
        assertTrue(form.contains("id=\"anonymity-ground-other\" name=\"anonymity.ground\" value=\"other\" checked"));
        assertTrue(form.contains("name=\"evidence.attestPartyToExchange\" value=\"yes\" checked"));
        assertTrue(form.contains("We are keeping thread.pdf for you"), "the held file is said, not asked for again");
        assertFalse(form.contains("choose thread.pdf again"));
        assertEquals(hidden(review, "heldFile"), hidden(form, "heldFile"), "and still held");
        assertTrue(form.contains("action=\"/me/complaints/new/review\""), "the form goes to its check step");

        // the form as it came back, sent to the check again, then confirmed: stored exactly as typed
        var againResponse = as("erin", () -> formAsBrowserSends(form).post(REVIEW).then().extract().response());
        String again = againResponse.asString();
        assertEquals(200, againResponse.statusCode(), again);
        assertEquals(allegation, hidden(again, "allegation"));
        String ref = as("erin", () -> multipart(again, "action", "file").post(SEND).then().statusCode(303).extract()
                .header("Location").replaceAll(".*/me/cases/([^?]+).*", "$1"));
        assertEquals(before + 1, complaints());
        assertEquals(allegation.strip(), Api.as("erin").get("/api/me/cases/" + ref).then().statusCode(200).extract()
                .path("allegation"), "the longest allegation survives the round trip");
        assertEquals(1L, Db.count("SELECT count(*) FROM evidence_items i JOIN cases c ON c.id = i.case_id"
                + " WHERE c.ref = ? AND i.kind = 'file' AND i.filename = 'thread.pdf'", ref), "with the file held for it");
    }

    @Test
    void badInputOnTheCheckStepIsTheFormWithItsErrorsAndAGoodFileIsKept() {
        long before = complaints();
        String html = as("dan", () -> form().multiPart("conductDate", "2026-03-02").multiPart("allegation", "Too short")
                .multiPart("evidence.attestPartyToExchange", "yes").multiPart("evidence.consent", Evidence.NOTICE)
                .multiPart("file", "proof.png", EvidenceFiles.png(20, 20), "image/png")
                .post(REVIEW).then().statusCode(400).extract().asString());
        assertTrue(html.contains("There is a problem"), "the form's error summary");
        assertEquals("Search for the member you are complaining about, and choose them from the list.",
                fieldError(html, "respondentMembershipNumber"));
        assertEquals("Choose at least one clause that you think was breached.", fieldError(html, "clauses"));
        assertTrue(fieldError(html, "allegation").contains("at least 10"), fieldError(html, "allegation"));
        assertTrue(html.contains(">Too short</textarea>"), "what was typed is kept");
        assertTrue(html.contains("We are keeping proof.png for you"), "the file passed its checks and is held");
        assertNull(fieldError(html, "file"), "so it need not be chosen again");
        assertEquals(1L, Db.count("SELECT count(*) FROM held_files WHERE token = CAST(? AS uuid)", hidden(html, "heldFile")));
        Object newest = Db.value("SELECT max(h.held_at) FROM held_files h JOIN members m ON m.id = h.member_id"
                + " WHERE m.username = 'dan'");

        // a file refused from its bytes is said beside the field, and not held
        html = as("dan", () -> complaint("Minutes he doctored and sent to the whole branch.")
                .multiPart("evidence.attestPartyToExchange", "yes").multiPart("evidence.consent", Evidence.NOTICE)
                .multiPart("file", "minutes.pdf", EvidenceFiles.pdfWithOpenActionJavaScript(), "application/pdf")
                .post(REVIEW).then().statusCode(400).extract().asString());
        assertTrue(fieldError(html, "file").contains("contains JavaScript"), fieldError(html, "file"));
        assertEquals(newest, Db.value("SELECT max(h.held_at) FROM held_files h JOIN members m ON m.id = h.member_id"
                + " WHERE m.username = 'dan'"), "a refused file is not held");

        // what only the membership can say, on the check step too
        html = as("dan", () -> form().multiPart("respondentMembershipNumber", "M100004").multiPart("conductDate", "2026-03-02")
                .multiPart("clauses", "bullying").multiPart("allegation", "Mocking replies to every post.")
                .post(REVIEW).then().statusCode(400).extract().asString());
        assertEquals("You cannot complain about yourself.", fieldError(html, "respondentMembershipNumber"));
        assertEquals(before, complaints(), "nothing filed");
    }

    @Test
    void aHeldFileIsOnlyEverItsMembers() {
        String review = as("frank", () -> complaint("Mocking replies to every one of my posts for a fortnight.")
                .multiPart("evidence.attestPartyToExchange", "yes").multiPart("evidence.consent", Evidence.NOTICE)
                .multiPart("file", "mine.png", EvidenceFiles.png(10, 10), "image/png")
                .post(REVIEW).then().statusCode(200).extract().asString());
        String token = hidden(review, "heldFile");
        // someone else sending frank's token: not his file, nothing filed with it
        String html = as("carol", () -> page().multiPart("_csrf", tokenFrom(SEND)).multiPart("action", "check")
                .multiPart("respondentMembershipNumber", "M100009").multiPart("conductDate", "2026-03-02")
                .multiPart("clauses", "bullying").multiPart("allegation", "Mocking replies to every one of my posts.")
                .multiPart("evidence.attestPartyToExchange", "yes").multiPart("evidence.consent", Evidence.NOTICE)
                .multiPart("heldFile", token).post(REVIEW).then().statusCode(400).extract().asString());
        assertTrue(fieldError(html, "file").startsWith("We no longer hold the file you chose"), fieldError(html, "file"));
        assertFalse(html.contains("mine.png"), "nothing of frank's file is shown to her");
        assertEquals(1L, Db.count("SELECT count(*) FROM held_files WHERE token = CAST(? AS uuid)", token),
                "still held for frank");
        // "Do not send this file": let go of
        String form = as("frank", () -> multipart(review, "change", "file", "heldFile.remove", "yes").post(REVIEW)
                .then().statusCode(200).extract().asString());
        assertFalse(form.contains("We are keeping mine.png"), "no longer kept");
        assertEquals(0L, Db.count("SELECT count(*) FROM held_files WHERE token = CAST(? AS uuid)", token));
    }

    @Test
    void atMostThreeFilesAreHeldForAMemberTheNewest() {
        List<String> tokens = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int n = i;
            tokens.add(as("bob", () -> hidden(complaint("Mocking replies to every post I made, week " + n + ".")
                    .multiPart("evidence.attestPartyToExchange", "yes").multiPart("evidence.consent", Evidence.NOTICE)
                    .multiPart("file", "week" + n + ".png", EvidenceFiles.png(10 + n, 10), "image/png")
                    .post(REVIEW).then().statusCode(200).extract().asString(), "heldFile")));
        }
        assertEquals(3L, held("bob"), "three held at most");
        assertEquals(0L, Db.count("SELECT count(*) FROM held_files WHERE token = CAST(? AS uuid)", tokens.get(0)),
                "the oldest let go");
        assertEquals(1L, Db.count("SELECT count(*) FROM held_files WHERE token = CAST(? AS uuid)", tokens.get(3)));
    }

    @Test
    void theCheckPagesWordsAreInWelshToo() {
        assertEquals("Gwiriwch eich cwyn cyn ei hanfon", welsh.title());
        assertEquals("Am y g\u0175yn", welsh.aboutTitle(), "read as UTF-8");
        assertEquals("O fersiwn 2026.1 o'r diffiniad, a oedd mewn grym ar y dyddiad hwnnw.", welsh.version("2026.1"));
        assertEquals("Cadarnhau ac anfon", welshConfirm.confirmAndSend());
    }

    /** Text of exactly n characters built from this sentence. */
    static String longest(String sentence, int n) {
        StringBuilder b = new StringBuilder(n + sentence.length());
        while (b.length() < n) {
            b.append(sentence);
        }
        return b.substring(0, n - 3) + "END";
    }

    /**
     * The filing form as a browser sends it: its hidden fields, the text in each textarea and input, the
     * boxes and options ticked (only what a browser would send from this page).
     */
    static RequestSpecification formAsBrowserSends(String page) {
        // only the complaint form's own fields, as a browser sends them (the header has a form of its own)
        int start = page.indexOf("action=\"/me/complaints/new/review\"");
        // and not what sits in a disabled fieldset (the clauses of the definition's other versions)
        String form = page.substring(page.lastIndexOf("<form", start), page.indexOf("</form>", start))
                .replaceAll("(?s)<fieldset[^>]*\\sdisabled[^>]*>.*?</fieldset>", "");
        RequestSpecification r = page();
        for (var e : hidden(form)) {
            r = r.multiPart(text(e.getKey(), e.getValue()));
        }
        for (String area : List.of("allegation", "evidence.text", "evidence.threadContext", "anonymity.reasons")) {
            String id = area.replace('.', '-');
            String value = textarea(form, id);
            if (value != null) {
                r = r.multiPart(text(area, value));
            }
        }
        var ticked = java.util.regex.Pattern.compile("<input class=\"choice__input\" type=\"(?:checkbox|radio)\" id=\"[^\"]*\""
                + " name=\"([^\"]*)\" value=\"([^\"]*)\" checked").matcher(form);
        while (ticked.find()) {
            r = r.multiPart(text(ticked.group(1), ticked.group(2)));
        }
        var date = java.util.regex.Pattern.compile("id=\"conductDate\" name=\"conductDate\" value=\"([^\"]*)\"").matcher(form);
        if (date.find()) {
            r = r.multiPart("conductDate", date.group(1));
        }
        return r.multiPart("action", "check");
    }
}
