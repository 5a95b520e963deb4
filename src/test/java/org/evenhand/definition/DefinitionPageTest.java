package org.evenhand.definition;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.evenhand.common.TimeSource;
import org.junit.jupiter.api.Test;

/** The public pages for the definition of abuse: no sign-in, server-rendered, everything escaped. */
@QuarkusTest
class DefinitionPageTest {

    @Inject
    DefinitionCatalog catalog;
    @Inject
    TimeSource time;

    static String page(String path, int status) {
        return given().accept("text/html").when().get(path).then()
                .statusCode(status)
                .contentType(startsWith("text/html"))
                .extract().asString();
    }

    /** Text as Qute writes it into an .html template. */
    static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }

    @Test
    void currentVersionIsPublicAndComplete() {
        DefinitionVersion current = catalog.current(time.today());
        String body = page("/definition", 200);

        assertTrue(body.contains("<html lang=\"en-GB\">"));
        assertTrue(body.contains("href=\"#main\""), "skip link");
        assertTrue(body.contains("href=\"/css/evenhand.css\""));
        assertFalse(body.contains("<script"), "no JavaScript");
        assertTrue(body.contains(">" + current.id() + "<"), "version id shown");
        for (DefinitionVersion.Clause c : current.clauses()) {
            assertTrue(body.contains(html(c.title())), "clause title " + c.title());
            assertTrue(body.contains("id=\"" + c.id() + "\""), "anchor for clause " + c.id());
            assertTrue(body.contains(html(c.test())), "test of " + c.id());
            c.breachExamples().forEach(e -> assertTrue(body.contains(html(e)), "breach example " + e));
            c.notBreachExamples().forEach(e -> assertTrue(body.contains(html(e)), "not-breach example " + e));
        }
        for (DefinitionVersion.NotAbuse n : current.notAbuse()) {
            assertTrue(body.contains(html(n.title())), "not-abuse title " + n.title());
            assertTrue(body.contains(html(n.description())), "not-abuse description " + n.id());
        }
        for (DefinitionVersion.Sanction s : current.sanctions()) {
            assertTrue(body.contains("id=\"sanction-" + s.id() + "\""), "ladder rung " + s.id());
        }
        // "no action" is a rung of the ladder, for a breach upheld but put right; not something outside it
        String noAction = body.substring(body.indexOf("id=\"sanction-no-action\""));
        noAction = noAction.substring(0, noAction.indexOf("</li>"));
        assertTrue(noAction.contains("The lowest rung of the ladder: for a breach that is upheld but minor or already"
                + " put right."), noAction);
        assertFalse(body.toLowerCase(java.util.Locale.UK).contains("outside the ladder"));
        assertTrue(body.contains("Tier 3 \u2014 serious") || body.contains("Tier 3 &mdash; serious"));
        assertTrue(body.contains("Tier 4 \u2014 grave"));
        assertTrue(body.contains("What is not abuse"));
        assertTrue(body.contains("How this definition is used"));
    }

    @Test
    void versionSwitcherListsEveryVersionAndMarksTheCurrentOne() {
        DefinitionVersion current = catalog.current(time.today());
        String body = page("/definition", 200);
        Matcher nav = Pattern.compile("<nav class=\"box versions\".*?</nav>", Pattern.DOTALL).matcher(body);
        assertTrue(nav.find(), "version switcher present");
        String switcher = nav.group();
        for (DefinitionVersion v : catalog.versions()) {
            assertTrue(switcher.contains("href=\"/definition/" + v.id() + "\""), "link to " + v.id());
        }
        assertTrue(Pattern.compile("href=\"/definition/" + Pattern.quote(current.id())
                + "\" aria-current=\"page\">Version " + Pattern.quote(current.id()) + "</a> <strong class=\"tag tag--current\">Current</strong>")
                .matcher(switcher).find(), "current version marked");
    }

    @Test
    void eachVersionShowsItsOwnClauses() {
        String old = page("/definition/2024.1", 200);
        assertFalse(old.contains("id=\"coordinated-pile-on\""), "2024.1 has no pile-on clause");
        assertFalse(old.contains("Coordinated pile-ons"));
        assertTrue(old.contains("id=\"harassment\""));
        assertTrue(old.contains("This is not the current version"), "superseded version says so");
        assertTrue(old.contains("This is the first published version"));

        String now = page("/definition/2026.1", 200);
        assertTrue(now.contains("id=\"coordinated-pile-on\""));
        assertTrue(now.contains("Coordinated pile-ons"));
        assertTrue(now.contains("href=\"/definition/diff?from=2024.1&amp;to=2026.1\""), "link to the diff");
        assertTrue(now.contains("instead of 24"), "summary of changes");
        assertTrue(now.contains("Expires after 18 months"));
        assertTrue(old.contains("Expires after 24 months"));
        assertTrue(now.contains("At most 12 months"));
    }

    @Test
    void diffNamesWhatWasAddedAndChanged() {
        String body = page("/definition/diff?from=2024.1&to=2026.1", 200);
        Matcher added = Pattern.compile("<span class=\"tag tag--added\">Added</span> <a href=\"([^\"]+)\">([^<]+)</a>"
                + " <code class=\"id\">([^<]+)</code>").matcher(body);
        assertTrue(added.find(), "an added item");
        assertTrue(added.group(1).equals("/definition/2026.1#coordinated-pile-on"), added.group(1));
        assertTrue(added.group(2).equals("Coordinated pile-ons"));
        assertTrue(added.group(3).equals("coordinated-pile-on"));
        assertFalse(added.find(), "nothing else added");
        assertTrue(body.contains("<del>"), "word diff shows removed words");
        assertTrue(body.contains("<ins>"), "word diff shows added words");
        assertTrue(body.contains("href=\"/definition/2026.1#harassment\""), "harassment changed");
        assertTrue(body.contains("Version 2024.1: <strong>24</strong>. Version 2026.1: <strong>18</strong>."),
                "warning expiry change");
        // without 'from', the page compares with the version before 'to'
        assertTrue(page("/definition/diff?to=2026.1", 200).contains("What changed from version 2024.1 to version 2026.1"));
    }

    @Test
    void unknownVersionsAreFriendly404Pages() {
        String body = page("/definition/1999.9", 404);
        assertTrue(body.contains("Version not found"));
        assertTrue(body.contains("1999.9"));
        assertFalse(body.contains("Exception"));
        page("/definition/diff?from=1999.9&to=2026.1", 404);
        page("/definition/diff?from=2024.1&to=nope", 404);
        page("/definition/diff?to=2024.1", 400);
    }

    @Test
    void userInputIsEscaped() {
        String body = given().accept("text/html").when().get("/definition/{id}", "<img src=x onerror=\"alert(1)\">")
                .then().statusCode(404).contentType(startsWith("text/html")).extract().asString();
        assertFalse(body.contains("<img src=x"));
        assertTrue(body.contains("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"), body);
    }

    @Test
    void stylesheetIsServedLocally() {
        given().when().get("/css/evenhand.css").then().statusCode(200).contentType(startsWith("text/css"))
                .body(containsString(".skip-link"), not(containsString("@import")));
    }
}
