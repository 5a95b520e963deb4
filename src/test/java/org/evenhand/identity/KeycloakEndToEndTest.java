package org.evenhand.identity;

import static io.restassured.RestAssured.given;
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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.evenhand.testing.Api;
import org.htmlunit.WebClient;
import org.htmlunit.util.Cookie;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.evenhand.testing.Api.Held;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole path with tokens issued by the real Keycloak server (scripts/keycloak.sh, realm
 * src/main/keycloak/evenhand-realm.json): roles come from realm_access, identity from
 * preferred_username, exactly as in production.
 */
@QuarkusTest
@TestProfile(RealKeycloak.class)
class KeycloakEndToEndTest {

    /** The test port (8081 unless quarkus.http.test-port says otherwise); the realm must allow redirects to it. */
    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL app;

    @BeforeAll
    static void keycloakTokens() {
        RealKeycloak.forgetTokens();
        Api.useTokens(RealKeycloak::token);
    }

    @AfterAll
    static void mintedTokens() {
        Api.useTokens(null);
    }

    @Test
    void complaintToDecisionWithKeycloakTokens() {
        String ref = file("dan", "M100005", LocalDate.of(2026, 7, 3), List.of("intimidation"),
                "After I spoke at the branch meeting the respondent messaged me that I would regret it.");
        Held triage = claimed(CASEWORKERS, ref, "triage");
        complete(triage, Map.of("inScope", true, "clauses", List.of("intimidation"), "reasons", "A veiled threat."));
        as("erin").body(Map.of("statement", "I meant they would regret the vote politically.")).post(
                "/api/me/cases/" + ref + "/response").then().statusCode(200);
        complete(tasks(CASEWORKERS, ref, "investigate").get(0), Map.of("report", "Message confirmed; context read."));
        org.evenhand.testing.EngineClock.endCommentWindow(ref);
        List<Held> panel = tasks(PANEL, ref, "panelDecision");
        assertEquals(3, panel.size());
        panel.forEach(p -> complete(p, Map.of("findings", List.of(Map.of("clause", "intimidation", "upheld", true)),
                "sanction", "advice-training", "reasons", "Read in context it was intimidating.")));
        assertEquals("UPHELD", myCase("dan", ref).getString("outcome"));
        assertEquals("advice-training", myCase("erin", ref).getString("decisions[0].sanction"));
        awaitLetter("erin@evenhand.test", "The panel's decision");
    }

    @Test
    void pagesSignInThroughTheKeycloakLoginPage() throws Exception {
        String ref = file("frank", "M100009", LocalDate.of(2026, 2, 2), List.of("bullying"),
                "Weekly posts mocking my accent in the branch group chat, after I asked them to stop.");
        try (WebClient browser = new WebClient()) {
            browser.getOptions().setJavaScriptEnabled(false);
            browser.getOptions().setCssEnabled(false);
            browser.getOptions().setRedirectEnabled(true);
            String me = "http://localhost:" + app.getPort() + "/me";
            HtmlPage login = browser.getPage(me);
            assertTrue(login.getUrl().toString().startsWith(RealKeycloak.URL), "redirected to Keycloak: " + login.getUrl());
            // Keycloak marks its session cookies Secure; browsers treat http://127.0.0.1 as a secure
            // context and send them, HtmlUnit does not, so the test browser is told to.
            for (Cookie c : browser.getCookieManager().getCookies()) {
                if (c.isSecure()) {
                    browser.getCookieManager().removeCookie(c);
                    browser.getCookieManager().addCookie(new Cookie(c.getDomain(), c.getName(), c.getValue(), c.getPath(),
                            c.getExpires(), false, c.isHttpOnly(), null));
                }
            }
            HtmlForm form = login.getForms().get(0);
            form.getInputByName("username").setValue("frank");
            form.getInputByName("password").setValue(RealKeycloak.secret("EVENHAND_DEMO_PASSWORD"));
            HtmlPage mine = login.getHtmlElementById("kc-login").click();
            assertEquals(me, mine.getUrl().toString());
            assertTrue(mine.asNormalizedText().contains("My cases"));
            assertTrue(mine.asNormalizedText().contains(ref), "the member's own case is listed");
            assertTrue(mine.asNormalizedText().contains("Frank Fraser"));
        }
    }

    @Test
    void keycloakRolesAreEnforced() {
        as("alice").get("/api/tasks").then().statusCode(403);
        as("casey").get("/api/me/cases").then().statusCode(403);
        as("nora").get("/api/me/cases").then().statusCode(200);
        given().auth().oauth2("not-a-token").get("/api/me/cases").then().statusCode(401);
        given().get("/api/definition").then().statusCode(200).body("id", equalTo("2026.1"));
    }
}
