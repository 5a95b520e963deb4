package org.evenhand.testing;

import static io.restassured.RestAssured.given;

import io.quarkus.arc.Arc;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.security.TestIdentityAssociation;
import io.restassured.specification.RequestSpecification;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pages in the fast suite. A page is signed in through Keycloak in a browser (the browser suite
 * does that for real); here the request is made as a given person by setting the test identity
 * for the duration of a block, exactly as a signed-in session would present it.
 */
public final class Pages {

    private Pages() {
    }

    /** Runs the block as this demo user, with their realm roles; API calls inside it also run as them. */
    public static <T> T as(String user, Supplier<T> block) {
        TestIdentityAssociation identity = Arc.container().instance(TestIdentityAssociation.class).get();
        identity.setTestIdentity(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(user))
                .addRoles(Api.rolesOf(user)).build());
        try {
            return block.get();
        } finally {
            identity.setTestIdentity(null);
        }
    }

    public static void as(String user, Runnable block) {
        as(user, () -> {
            block.run();
            return null;
        });
    }

    public static RequestSpecification page() {
        return given().redirects().follow(false).accept("text/html");
    }

    /** The form token on a page (every form on it carries the same one). */
    public static String token(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        if (!m.find()) {
            throw new AssertionError("no form token on the page");
        }
        return m.group(1);
    }

    /** The token of the forms on this page, fetched as the current test identity. */
    public static String tokenFrom(String path) {
        return token(page().get(path).then().statusCode(200).extract().asString());
    }

    /** The message shown next to a field, or null. */
    public static String fieldError(String html, String field) {
        Matcher m = Pattern.compile("id=\"" + Pattern.quote(field) + "-error\"><span class=\"visually-hidden\">Error:</span> ([^<]*)<")
                .matcher(html);
        return m.find() ? m.group(1) : null;
    }
}
