package org.evenhand.web;

import static org.evenhand.testing.Pages.as;
import static org.evenhand.testing.Pages.fieldError;
import static org.evenhand.testing.Pages.page;
import static org.evenhand.testing.Pages.tokenFrom;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import org.evenhand.testing.Api;
import org.evenhand.testing.Db;
import org.junit.jupiter.api.Test;

/**
 * Long texts through the real page forms (CSRF token and all): a complaint of 15,000 characters with
 * an excerpt of 10,000 is filed whole; one character over a field's limit is refused by the form
 * with its own message; a body the HTTP layer refuses is still a page, never raw JSON.
 */
@QuarkusTest
class LongFormsTest {

    /** Realistic prose, with curly quotes and accents (three-byte characters), of exactly n characters. */
    static String prose(int n) {
        String unit = "On the branch chat he wrote \u2018nobody wants you here\u2019 again, and Zo\u00eb was named. ";
        StringBuilder b = new StringBuilder(n + unit.length());
        while (b.length() < n) {
            b.append(unit);
        }
        return b.substring(0, n);
    }

    @Test
    void aComplaintOfFifteenThousandCharactersWithALongExcerptIsFiledWhole() {
        String allegation = prose(15_000);
        String excerpt = prose(10_000);
        String ref = as("frank", () -> page().multiPart("_csrf", tokenFrom("/me/complaints/new"))
                .multiPart("respondentMembershipNumber", "M100009").multiPart("conductDate", "2026-03-02").multiPart("clauses", "bullying")
                .multiPart(utf8("allegation", allegation)).multiPart(utf8("evidence.text", excerpt))
                .multiPart("evidence.attestPartyToExchange", "yes").multiPart("evidence.consent", "evidence-consent-2026.1").multiPart("action", "file")
                .post("/me/complaints/new").then().statusCode(303).extract().header("Location")
                .replaceAll(".*/me/cases/([^?]+).*", "$1"));
        String stored = Api.as("frank").get("/api/me/cases/" + ref).then().statusCode(200).extract().path("allegation");
        assertEquals(allegation, stored, "the allegation is stored whole, not cut");
        String item = Api.as("frank").get("/api/me/cases/" + ref + "/evidence").then().statusCode(200).extract()
                .path("[0].id").toString();
        String text = Api.as("frank").get("/api/me/cases/" + ref + "/evidence/" + item + "/content").then().statusCode(200)
                .extract().path("text");
        assertEquals(excerpt, text, "the excerpt is stored whole");
    }

    /** A text part as a browser sends it: UTF-8 (RestAssured's default for text parts is ISO-8859-1). */
    static io.restassured.specification.MultiPartSpecification utf8(String name, String value) {
        return new io.restassured.builder.MultiPartSpecBuilder(value).controlName(name).charset("UTF-8").build();
    }

    @Test
    void oneCharacterOverTheLimitIsRefusedByTheFormWithItsOwnMessage() {
        long cases = Db.count("SELECT count(*) FROM cases");
        String html = as("frank", () -> page().multiPart("_csrf", tokenFrom("/me/complaints/new"))
                .multiPart("respondentMembershipNumber", "M100009").multiPart("conductDate", "2026-03-02").multiPart("clauses", "bullying")
                .multiPart("allegation", prose(20_001)).multiPart("action", "file")
                .post("/me/complaints/new").then().statusCode(400).contentType(startsWith("text/html"))
                .extract().asString());
        assertTrue(html.contains("There is a problem"), "the form's error summary");
        String message = fieldError(html, "allegation");
        assertNotNull(message, "the allegation field says what is wrong");
        assertTrue(message.contains("20000") || message.contains("20,000"), message);
        assertTrue(html.contains("data-limit=\"20000\""), "the field shows its limit to the counter");
        assertTrue(!html.contains("maxlength="), "nothing is cut off silently as it is typed or pasted");
        assertEquals(cases, Db.count("SELECT count(*) FROM cases"), "nothing was filed");
    }

    @Test
    void aFieldFarOverAnyLimitIsAPageNotRawJson() {
        long before = Db.count("SELECT count(*) FROM cases");
        String html = as("frank", () -> page().multiPart("_csrf", tokenFrom("/me/complaints/new"))
                .multiPart("respondentMembershipNumber", "M100009").multiPart("conductDate", "2026-03-02").multiPart("clauses", "bullying")
                .multiPart("allegation", "x".repeat(1_000_000)).multiPart("action", "file")
                .post("/me/complaints/new").then().statusCode(413).contentType(startsWith("text/html"))
                .extract().asString());
        assertErrorPage(html, "That is more than we can accept");
        assertEquals(before, Db.count("SELECT count(*) FROM cases"));
    }

    @Test
    void errorsOfPagesArePagesAndErrorsOfTheApiAreProblems() {
        String notFound = as("frank", () -> page().get("/me/no-such-page").then().statusCode(404)
                .contentType(startsWith("text/html")).extract().asString());
        assertErrorPage(notFound, "Page not found");
        String wrongMethod = as("frank", () -> page().delete("/me").then().statusCode(405)
                .contentType(startsWith("text/html")).extract().asString());
        assertErrorPage(wrongMethod, "This cannot be done here");
        Api.as("frank").get("/api/no-such-thing").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        long refused = Db.count("SELECT count(*) FROM trail_log WHERE action = 'access-refused' AND actor = 'frank'"
                + " AND detail = 'GET /work'");
        String forbidden = as("frank", () -> page().get("/work").then().statusCode(403)
                .contentType(startsWith("text/html")).extract().asString());
        assertErrorPage(forbidden, "You cannot open this page");
        assertEquals(refused + 1, Db.count("SELECT count(*) FROM trail_log WHERE action = 'access-refused'"
                + " AND actor = 'frank' AND detail = 'GET /work'"), "the refused page is on the trail");
        String gone = as("frank", () -> page().get("/me/cases/EVH-2099-999999").then().statusCode(404)
                .contentType(startsWith("text/html")).extract().asString());
        assertErrorPage(gone, "Page not found");
    }

    static void assertErrorPage(String html, String heading) {
        assertTrue(html.startsWith("<!DOCTYPE html>"), "a whole page");
        assertTrue(html.contains("<html lang=\"en-GB\">"), "with its language");
        assertTrue(html.contains("<main id=\"main\""), "a main landmark");
        assertTrue(html.contains("<title>" + heading.replace("\u2019", "&rsquo;")) || html.contains("<title>" + heading),
                "titled: " + html.replaceAll("(?s).*<title>(.*?)</title>.*", "$1"));
        assertTrue(html.contains("<h1>" + heading), "headed " + heading);
        assertTrue(html.contains("href=\"/"), "a way back");
        assertTrue(!html.contains("\"status\":"), "no JSON");
    }
}
