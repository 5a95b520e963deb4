package org.evenhand.identity;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.Cookie;
import org.junit.jupiter.api.Test;

/**
 * The production realm's sign-in policies, proved against the real Keycloak (scripts/keycloak.sh imports
 * src/main/keycloak/evenhand-realm.json as "evenhand-production-check", with the demo users), and the
 * audience that marks tokens issued for Evenhand. No application is needed: the browser goes through
 * Keycloak's real login pages and stops at the redirect back to the app, whose code the test exchanges
 * for tokens as the app would. Each case uses its own user, so that one-time codes are not replayed and
 * brute-force counts do not spill over between cases or runs.
 */
class StaffSecondFactorEndToEndTest {

    private static final String PRODUCTION = RealKeycloak.PRODUCTION_CHECK_URL;
    private static final String CALLBACK = "http://localhost:8080/login/callback";

    @Test
    void staffWithoutAnAuthenticatorAreAskedToSetOneUpAndNotLetIn() throws Exception {
        try (Browser browser = new Browser()) {
            Page after = browser.signIn(PRODUCTION, "casey");
            assertNull(browser.callback(after), "a password alone must not bring a caseworker back to Evenhand");
            String text = ((HtmlPage) after).asNormalizedText();
            assertTrue(text.contains("Mobile Authenticator Setup"), text);
            assertNotNull(((HtmlPage) after).getElementByName("totp"), "the set-up form asks for a first code");
        }
    }

    @Test
    void staffSignInWithAOneTimeCodeAndNeverByPasswordGrant() throws Exception {
        String code;
        try (Browser browser = new Browser()) {
            HtmlPage codePage = (HtmlPage) browser.signIn(PRODUCTION, "quinn");
            assertNull(browser.callback(codePage), "the password alone is not enough");
            assertTrue(codePage.asNormalizedText().contains("One-time code"), codePage.asNormalizedText());
            code = Totp.now(enrolledSecret());
            ((HtmlInput) codePage.getElementByName("otp")).setValue(code);
            String callback = browser.callback(browser.follow(codePage.getHtmlElementById("kc-login").click()));
            assertNotNull(callback, "with the one-time code Keycloak sends the caseworker back to Evenhand");
            JsonPath token = claims(exchange(PRODUCTION, callback));
            assertEquals("quinn", token.getString("preferred_username"));
            assertTrue(token.getList("realm_access.roles").containsAll(List.of("caseworker", "staff")));
            assertTrue(audiences(token).contains("evenhand-web"), "aud: " + audiences(token));
        }
        // No token by password grant, through Evenhand's client or any other, even with a code. (One refusal
        // per run: a refusal counts as a failed sign-in, and the successful sign-in above clears the count.)
        Response viaEvenhand = passwordGrant(PRODUCTION, "evenhand-web", "quinn", password(), code);
        assertEquals(400, viaEvenhand.statusCode());
        assertEquals("unauthorized_client", viaEvenhand.jsonPath().getString("error"), "no password grant on Evenhand's client");
        Response viaAdminCli = passwordGrant(PRODUCTION, "admin-cli", "quinn", password(), code);
        assertEquals(401, viaAdminCli.statusCode());
        assertFalse(viaAdminCli.asString().contains("access_token"));
        assertTrue(viaAdminCli.asString().contains("Staff sign in through the sign-in page"), viaAdminCli.asString());
    }

    @Test
    void membersSignInWithPasswordAlone() throws Exception {
        try (Browser browser = new Browser()) {
            String callback = browser.callback(browser.signIn(PRODUCTION, "alice"));
            assertNotNull(callback, "a member goes straight back to Evenhand");
            JsonPath token = claims(exchange(PRODUCTION, callback));
            assertEquals("alice", token.getString("preferred_username"));
            assertEquals(List.of("member"), token.getList("realm_access.roles"));
        }
    }

    @Test
    void theDemoRealmLetsStaffInWithPasswordAlone() throws Exception {
        // the stated relaxation that the demo, the browser suite and bench/ rely on
        try (Browser browser = new Browser()) {
            String callback = browser.callback(browser.signIn(RealKeycloak.URL, "rowan"));
            assertNotNull(callback, "demo realm: a caseworker goes straight back to Evenhand");
            assertEquals("rowan", claims(exchange(RealKeycloak.URL, callback)).getString("preferred_username"));
        }
        assertEquals("nora", claims(RealKeycloak.token("nora")).getString("preferred_username"));
    }

    @Test
    void quickRepeatedWrongPasswordsLockTheAccount() {
        // two failures within a second lock the account for a minute (brute-force protection, quick-login check)
        assertEquals("invalid_grant", passwordGrant(PRODUCTION, "admin-cli", "erin", "not-the-password").jsonPath().getString("error"));
        assertEquals("invalid_grant", passwordGrant(PRODUCTION, "admin-cli", "erin", "still-not-it").jsonPath().getString("error"));
        Response locked = passwordGrant(PRODUCTION, "admin-cli", "erin", password());
        assertEquals(400, locked.statusCode(), "the right password is refused while the account is locked: " + locked.asString());
        assertEquals("invalid_grant", locked.jsonPath().getString("error"));
        assertNull(locked.jsonPath().getString("access_token"));
    }

    @Test
    void onlyTokensIssuedToEvenhandCarryItsAudience() {
        JsonPath evenhand = claims(RealKeycloak.token("carol"));
        assertEquals("evenhand-web", evenhand.getString("azp"));
        assertTrue(audiences(evenhand).contains("evenhand-web"), "aud: " + audiences(evenhand));
        JsonPath adminCli = claims(RealKeycloak.adminCliToken("carol"));
        assertEquals("admin-cli", adminCli.getString("azp"));
        assertEquals(RealKeycloak.URL, adminCli.getString("iss"), "same issuer: only the audience tells them apart");
        assertFalse(audiences(adminCli).contains("evenhand-web"), "aud: " + audiences(adminCli));
        // in the production realm a member still gets an admin-cli token (the password grant is refused to staff
        // only), and it is not for Evenhand either
        JsonPath productionAdminCli = claims(passwordGrant(PRODUCTION, "admin-cli", "dan", password()).then()
                .statusCode(200).extract().path("access_token"));
        assertFalse(audiences(productionAdminCli).contains("evenhand-web"), "aud: " + audiences(productionAdminCli));
    }

    /** The secret of quinn's authenticator, as src/test/keycloak/production-check-realm.jq enrols it. */
    private static String enrolledSecret() throws IOException {
        String jq = Files.readString(Path.of("src/test/keycloak/production-check-realm.jq"));
        Matcher m = Pattern.compile("def enrolled_secret: \"([^\"]+)\";").matcher(jq);
        assertTrue(m.find(), "production-check-realm.jq defines enrolled_secret");
        return m.group(1);
    }

    private static String password() {
        return RealKeycloak.secret("EVENHAND_DEMO_PASSWORD");
    }

    private static Response passwordGrant(String realm, String client, String user, String password, String... totp) {
        Map<String, String> form = new java.util.HashMap<>(Map.of("grant_type", "password", "client_id", client,
                "username", user, "password", password, "scope", "openid"));
        if (totp.length > 0) {
            form.put("totp", totp[0]);
        }
        if (client.equals("evenhand-web")) {
            form.put("client_secret", RealKeycloak.secret("EVENHAND_OIDC_SECRET"));
        }
        return given().formParams(form).post(realm + "/protocol/openid-connect/token");
    }

    /** Exchanges the code in Keycloak's redirect back to the app for an access token, as the app does. */
    private static String exchange(String realm, String callback) {
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(callback);
        assertTrue(code.find(), "code in " + callback);
        return given().formParams(Map.of("grant_type", "authorization_code", "code", code.group(1), "redirect_uri", CALLBACK,
                "client_id", "evenhand-web", "client_secret", RealKeycloak.secret("EVENHAND_OIDC_SECRET")))
                .post(realm + "/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
    }

    private static JsonPath claims(String jwt) {
        return new JsonPath(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    /** The aud claim as a list (Keycloak writes a single audience as a string, several as an array, none as absent). */
    private static List<Object> audiences(JsonPath token) {
        Object aud = token.get("aud");
        return aud == null ? List.of() : aud instanceof List<?> l ? List.copyOf(l) : List.of(aud);
    }

    /** HtmlUnit through Keycloak's pages; redirects inside Keycloak are followed, the one back to the app is not. */
    private static final class Browser implements AutoCloseable {
        private final WebClient web = new WebClient();
        private final String keycloak = URI.create(RealKeycloak.URL).resolve("/").toString();

        Browser() {
            web.getOptions().setJavaScriptEnabled(false);
            web.getOptions().setCssEnabled(false);
            web.getOptions().setRedirectEnabled(false);
            web.getOptions().setThrowExceptionOnFailingStatusCode(false);
        }

        /** Opens the realm's sign-in page for Evenhand's client and submits the user's password. */
        Page signIn(String realm, String user) throws IOException {
            HtmlPage login = (HtmlPage) follow(web.getPage(realm + "/protocol/openid-connect/auth?client_id=evenhand-web"
                    + "&response_type=code&scope=openid&state=e2e&redirect_uri="
                    + java.net.URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8)));
            ((HtmlInput) login.getElementByName("username")).setValue(user);
            ((HtmlInput) login.getElementByName("password")).setValue(password());
            return follow(login.getHtmlElementById("kc-login").click());
        }

        Page follow(Page page) throws IOException {
            Page p = page;
            for (int hops = 0; hops < 10; hops++) {
                unsecureCookies();
                String location = p.getWebResponse().getResponseHeaderValue("Location");
                if (p.getWebResponse().getStatusCode() / 100 != 3 || location == null || !location.startsWith(keycloak)) {
                    return p;
                }
                p = web.getPage(location);
            }
            throw new AssertionError("redirect loop at " + p.getUrl());
        }

        /** The redirect back to the app (with the authorisation code), or null if Keycloak kept the user. */
        String callback(Page p) {
            String location = p.getWebResponse().getResponseHeaderValue("Location");
            return p.getWebResponse().getStatusCode() / 100 == 3 && location != null && location.startsWith(CALLBACK)
                    ? location : null;
        }

        /**
         * Keycloak marks its session cookies Secure; browsers treat http://127.0.0.1 as a secure context
         * and send them, HtmlUnit does not, so the test browser is told to.
         */
        private void unsecureCookies() {
            for (Cookie c : web.getCookieManager().getCookies()) {
                if (c.isSecure()) {
                    web.getCookieManager().removeCookie(c);
                    web.getCookieManager().addCookie(new Cookie(c.getDomain(), c.getName(), c.getValue(), c.getPath(),
                            c.getExpires(), false, c.isHttpOnly(), null));
                }
            }
        }

        @Override
        public void close() {
            web.close();
        }
    }
}
