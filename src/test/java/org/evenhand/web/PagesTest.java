package org.evenhand.web;

import static org.evenhand.testing.Pages.as;
import static org.evenhand.testing.Pages.fieldError;
import static org.evenhand.testing.Pages.page;
import static org.evenhand.testing.Pages.token;
import static org.evenhand.testing.Pages.tokenFrom;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.evenhand.common.SecurityHeaders;
import org.evenhand.testing.Api;
import org.evenhand.testing.Db;
import org.junit.jupiter.api.Test;

/**
 * The pages in the fast suite: forms refuse requests without their token, say what is wrong next
 * to each field and keep what was typed; each role sees only its own pages and cases, as on the
 * API. (The browser suite, PagesEndToEndTest, does all of this again in Chromium through Keycloak.)
 */
@QuarkusTest
class PagesTest {

    @Inject
    Csrf csrf;

    static long count(String sql, Object... params) {
        return Db.count(sql, params);
    }

    @Test
    void aFormIsAcceptedOnlyWithTheTokenOfThePersonItWasShownTo() {
        long before = count("SELECT count(*) FROM subject_access_requests r JOIN members m ON m.id = r.member_id"
                + " WHERE m.username = 'frank'");
        String franks = as("frank", () -> tokenFrom("/me/data"));
        String carols = as("carol", () -> tokenFrom("/me/data"));
        as("frank", () -> {
            page().post("/me/data/access-request").then().statusCode(403)
                    .body(containsString("This form could not be accepted"));
            page().formParam("_csrf", "1700000000.not-a-real-token").post("/me/data/access-request").then()
                    .statusCode(403);
            page().formParam("_csrf", carols).post("/me/data/access-request").then().statusCode(403);
            page().header("Sec-Fetch-Site", "cross-site").formParam("_csrf", franks).post("/me/data/access-request")
                    .then().statusCode(403);
            page().contentType("application/json").body("{\"_csrf\":\"" + franks + "\"}")
                    .post("/me/data/access-request").then().statusCode(org.hamcrest.Matchers.oneOf(403, 415));
        });
        assertEquals(before, count("SELECT count(*) FROM subject_access_requests r JOIN members m ON m.id ="
                + " r.member_id WHERE m.username = 'frank'"), "no refused form changed anything");
        as("frank", () -> page().formParam("_csrf", franks).formParam("confirm", "yes").post("/me/data/access-request")
                .then().statusCode(303).header("Location", containsString("/me/data?done=access")));
        assertEquals(before + 1, count("SELECT count(*) FROM subject_access_requests r JOIN members m ON"
                + " m.id = r.member_id WHERE m.username = 'frank'"));
    }

    @Test
    void tokensExpireAndAreBoundToTheSignIn() {
        QuarkusSecurityIdentity frank = QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("frank"))
                .build();
        QuarkusSecurityIdentity carol = QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("carol"))
                .build();
        String fresh = csrf.token(frank);
        assertTrue(csrf.valid(frank, fresh));
        assertFalse(csrf.valid(carol, fresh), "another person's token");
        assertFalse(csrf.valid(frank, csrf.token(frank, Instant.now().minus(Csrf.LIFETIME).minusSeconds(60))),
                "an expired token");
        assertFalse(csrf.valid(frank, csrf.token(frank, Instant.now().plus(Duration.ofHours(1)))), "a token from the future");
        assertFalse(csrf.valid(frank, fresh.substring(0, fresh.length() - 2) + "xx"), "a tampered token");
        assertFalse(csrf.valid(frank, null));
        assertFalse(csrf.valid(QuarkusSecurityIdentity.builder().setAnonymous(true).build(), fresh), "signed out");
    }

    @Test
    void aRefusedComplaintSaysWhatIsWrongNextToEachFieldAndKeepsWhatWasTyped() {
        long cases = count("SELECT count(*) FROM cases");
        String html = as("frank", () -> page().multiPart("_csrf", tokenFrom("/me/complaints/new"))
                .multiPart("respondentQuery", "Harry").multiPart("conductDate", LocalDate.now().plusDays(2).toString())
                .multiPart("allegation", "Too short").multiPart("conductLink", "not a link")
                .multiPart("evidence.text", "You will regret this.")
                .multiPart("action", "file").post("/me/complaints/new").then().statusCode(400)
                .contentType(startsWith("text/html")).extract().asString());
        assertTrue(html.contains("There is a problem"), "an error summary");
        assertTrue(fieldError(html, "conductDate").contains("future"), fieldError(html, "conductDate"));
        assertTrue(fieldError(html, "allegation").contains("at least 10"), fieldError(html, "allegation"));
        assertNotNull(fieldError(html, "clauses"));
        assertNotNull(fieldError(html, "conductLink"));
        assertNotNull(fieldError(html, "evidence-attestPartyToExchange"), "evidence without the attestation");
        assertNotNull(fieldError(html, "evidence-consent"), "evidence without consent");
        assertNotNull(fieldError(html, "respondentMembershipNumber"), "no respondent chosen from the list found");
        assertTrue(html.contains(">Too short</textarea>"), "the allegation is kept");
        assertTrue(html.contains("value=\"not a link\""), "the link is kept");
        assertTrue(html.contains(">You will regret this.</textarea>"), "the evidence excerpt is kept");
        assertTrue(html.contains("name=\"evidence.text\""), "the excerpt is named after the command's property");
        assertTrue(html.contains("Harry Holt (M100009)"), "the members found are listed to choose from");
        assertTrue(html.contains("aria-invalid=\"true\""), "invalid fields are marked for assistive technology");
        assertEquals(cases, count("SELECT count(*) FROM cases"), "nothing was filed");
    }

    @Test
    void aComplaintFiledFromThePageGoesThroughIntakeWithItsEvidence() {
        String html = as("frank", () -> {
            String ref = page().multiPart("_csrf", tokenFrom("/me/complaints/new")).multiPart("respondentMembershipNumber", "M100009")
                    .multiPart("conductDate", "2026-03-02").multiPart("clauses", "bullying")
                    .multiPart("allegation", "Weekly posts mocking my accent in the branch chat after I asked him to stop.")
                    .multiPart("evidence.text", "Here he goes again, someone translate.")
                    .multiPart("evidence.threadContext", "Frank: Can we move the meeting?\n\nHarry: Nobody understands you.")
                    .multiPart("evidence.attestPartyToExchange", "yes").multiPart("evidence.consent", "evidence-consent-2026.1").multiPart("action", "file")
                    .post("/me/complaints/new").then().statusCode(303).extract().header("Location")
                    .replaceAll(".*/me/cases/([^?]+).*", "$1");
            return page().get("/me/cases/" + ref + "?done=filed").then().statusCode(200).extract().asString();
        });
        assertTrue(html.contains("Your complaint has been received"));
        assertTrue(html.contains("Your complaint about Harry Holt"));
        assertTrue(html.contains("A text excerpt"), "the evidence is on the case");
        String ref = html.replaceAll("(?s).*Case (EVH-\\d{4}-\\d{6}).*", "$1");
        assertEquals(1L, count("SELECT count(*) FROM evidence_items i JOIN cases c ON c.id = i.case_id WHERE c.ref = ?"
                + " AND i.consent_notice_version = 'evidence-consent-2026.1' AND i.attested_party", ref));
        assertEquals(1L, count("SELECT count(*) FROM trail_log WHERE case_ref = ? AND action = 'received'", ref),
                "filed through the same service as the API, with its trail entry");
    }

    @Test
    void eachRoleSeesOnlyItsOwnPagesAndCases() {
        String ref = Api.file("alice", "M100002", LocalDate.of(2026, 7, 1), List.of("bullying"),
                "Mocking replies to everything I post in the branch group, for weeks on end.");
        as("bob", () -> {
            page().get("/me/cases/" + ref).then().statusCode(404).contentType(startsWith("text/html"))
                    .body(containsString("Page not found"));
            page().get("/work").then().statusCode(403).contentType(startsWith("text/html"))
                    .body(containsString("You cannot open this page"))
                    .header("Content-Security-Policy", SecurityHeaders.PAGE_CSP);
            page().get("/dpo").then().statusCode(403);
        });
        assertTrue(count("SELECT count(*) FROM trail_log WHERE actor = 'bob' AND action = 'access-refused'"
                + " AND detail = 'GET /work'") >= 1, "a refused page is on the trail, as a refused API call is");
        as("alice", () -> page().get("/me/cases/" + ref).then().statusCode(200)
                .header("Cache-Control", "no-store").body(containsString("Your complaint about Bob Brennan")));
        as("casey", () -> page().get("/work/cases/" + ref).then().statusCode(404)); // alice's CLP
        as("quinn", () -> page().get("/work/cases/" + ref).then().statusCode(200).body(containsString("Bob Brennan")));
        as("pat", () -> page().get("/work/cases/" + ref).then().statusCode(404)); // not on its panel
        as("dara", () -> page().get("/me").then().statusCode(403));
        as("nora", () -> page().get("/me").then().statusCode(200));
    }

    @Test
    void publicPagesNeedNoSignIn() {
        for (String p : List.of("/", "/process", "/complain", "/privacy")) {
            page().get(p).then().statusCode(200).contentType(startsWith("text/html"))
                    .header("Content-Security-Policy", SecurityHeaders.PAGE_CSP)
                    .body(containsString("<html lang=\"en-GB\">"), containsString("href=\"#main\""),
                            not(containsString("Sign out")));
        }
        io.restassured.RestAssured.given().get("/process/complaint.bpmn").then().statusCode(200).contentType(startsWith("application/xml"))
                .body(containsString("id=\"triage\""));
        page().get("/signin").then().statusCode(302).header("Location", containsString("response_type=code"));
        page().get("/privacy").then().body(containsString("evidence-consent-2026.1"));
        String process = page().get("/process").then().extract().asString();
        assertTrue(process.contains("target one week") && process.contains("2 weeks to respond"),
                "the time limits are the configured ones");
    }

    /** A member reads the stages in plain words, the current one marked with its date: no engine diagram (decision 0036). */
    @Test
    void theStagesBesideTheCaseMarkTheCurrentOneWithItsDate() {
        String ref = Api.file("dan", "M100006", LocalDate.of(2026, 7, 3), List.of("intimidation"),
                "Told me I would regret speaking against the motion at the next meeting.");
        String html = as("dan", () -> page().get("/me/cases/" + ref).then().statusCode(200).extract().asString());
        String stages = html.substring(html.indexOf("<ol class=\"stages\">"), html.indexOf("</ol>", html.indexOf("<ol class=\"stages\">")));
        assertTrue(stages.contains("aria-current=\"step\"><span class=\"stages__label\">Triage</span>"), stages);
        assertTrue(stages.contains("Expected by "), "the current stage says when it is expected: " + stages);
        assertTrue(stages.contains("Usually 4 weeks"), "a stage to come says how long it usually takes: " + stages);
        assertFalse(html.contains("data-bpmn") || html.contains("Raise escalation"), "no engine diagram on a member's case");
        page().get("/webjars/bpmn-js/8.0.0/dist/bpmn-navigated-viewer.production.min.js").then().statusCode(200);
        page().get("/webjars/chart.js/4.5.1/dist/chart.umd.min.js").then().statusCode(200);
    }
}
