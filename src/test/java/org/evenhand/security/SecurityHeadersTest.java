package org.evenhand.security;

import static io.restassured.RestAssured.given;
import static org.evenhand.testing.AccessRules.token;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.evenhand.common.SecurityHeaders;
import org.junit.jupiter.api.Test;

/** One mechanism sets the security headers on every page, error page and API answer. */
@QuarkusTest
class SecurityHeadersTest {

    @Test
    void pagesCarryAStrictPolicy() {
        for (String page : new String[] { "/definition", "/definition/2024.1", "/definition/diff",
                "/definition/no-such-version" }) {
            given().get(page).then().contentType(containsString("text/html"))
                    .header("Content-Security-Policy", equalTo(SecurityHeaders.PAGE_CSP))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("Content-Security-Policy", containsString("default-src 'none'"))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("Referrer-Policy", equalTo("same-origin"))
                    .header("X-Frame-Options", equalTo("DENY"));
        }
    }

    @Test
    void toolPagesCannotBeFramed() {
        given().get("/q/swagger-ui/").then().statusCode(200)
                .header("Content-Security-Policy", equalTo("frame-ancestors 'none'"))
                .header("X-Content-Type-Options", equalTo("nosniff"));
    }

    @Test
    void apiAnswersAreNotSniffedNorCached() {
        given().auth().oauth2(token("alice", "member")).get("/api/me/cases").then().statusCode(200)
                .header("X-Content-Type-Options", equalTo("nosniff")).header("Cache-Control", equalTo("no-store"))
                .header("Content-Security-Policy", nullValue());
        given().get("/api/me/cases").then().statusCode(401).header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Cache-Control", equalTo("no-store"));
        given().auth().oauth2(token("alice", "member")).get("/api/tasks").then().statusCode(403)
                .header("X-Content-Type-Options", equalTo("nosniff"));
    }

    @Test
    void signingInStartsFromAnUnframeablePage() {
        given().redirects().follow(false).get("/me").then().statusCode(302)
                .header("X-Content-Type-Options", equalTo("nosniff"));
    }
}
