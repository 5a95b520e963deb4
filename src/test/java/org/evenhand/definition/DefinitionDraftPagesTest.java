package org.evenhand.definition;

import static org.evenhand.testing.Pages.as;
import static org.evenhand.testing.Pages.fieldError;
import static org.evenhand.testing.Pages.page;
import static org.evenhand.testing.Pages.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.evenhand.common.TimeSource;
import org.evenhand.testing.Db;
import org.junit.jupiter.api.Test;

/**
 * The NEC's pages for a new version of the definition, through the real forms (form token and
 * all): a draft started, a clause changed and one added, the ladder and the introduction edited,
 * refusals next to their fields with what was typed kept, the changes word by word, approval asked
 * for and given by a second member, and the published version on the public pages. Others are refused.
 */
@QuarkusTest
class DefinitionDraftPagesTest {

    @Inject
    TimeSource time;

    static String html(String path, int status) {
        return page().get(path).then().statusCode(status).extract().asString();
    }

    static Response post(String path, String formPage, Object... fields) {
        var req = page().contentType("application/x-www-form-urlencoded").formParam("_csrf", token(html(formPage, 200)));
        for (int i = 0; i < fields.length; i += 2) {
            if (fields[i + 1] instanceof String[] many) {
                req = req.formParam((String) fields[i], (Object[]) many);
            } else {
                req = req.formParam((String) fields[i], fields[i + 1]);
            }
        }
        return req.post(path);
    }

    static String revision(String html) {
        Matcher m = Pattern.compile("name=\"revision\" value=\"(\\d+)\"").matcher(html);
        assertTrue(m.find(), "the form carries the save it was filled from");
        return m.group(1);
    }

    @Test
    void theNecDraftsComparesAndPublishesThroughThePages() {
        String latest = DefinitionPublishingTest.latest().getString("id");
        LocalDate date = DefinitionPublishingTest.nextDate();
        String base = as("nora", () -> {
            String list = html("/nec/definition", 200);
            assertTrue(list.contains("Start a draft from version " + latest), "starts from the latest version");
            assertTrue(list.contains("href=\"/nec/definition\" aria-current=\"page\""), "the NEC's menu leads here");
            String location = post("/nec/definition/drafts", "/nec/definition", "from", latest).then().statusCode(303)
                    .extract().header("Location");
            assertTrue(location.matches(".*/nec/definition/drafts/\\d+\\?done=started"), location);
            return location.replaceAll(".*(/nec/definition/drafts/\\d+).*", "$1");
        });
        String edit = base + "/edit";

        as("nora", () -> {
            String draft = html(base, 200);
            assertTrue(draft.contains("Being drafted") && draft.contains("Ask for approval"), "a draft being drafted");
            String form = html(edit + "/clause?id=harassment", 200);
            assertTrue(form.contains("name=\"original\" value=\"harassment\""));
            String test = DefinitionDraftPagesTest.textarea(form, "test");
            assertTrue(test.startsWith("The member pursued"), test);

            // a refused clause: each message beside its field, what was typed kept, nothing saved
            String refused = post(edit + "/clause", edit + "/clause?id=harassment", "revision", revision(form),
                    "original", "harassment", "id", "Harassment Online", "title", "Harassment, kept as typed",
                    "test", test).then().statusCode(400).extract().asString();
            assertEquals("Choose the clause\u2019s tier, from 1 to 4.", fieldError(refused, "tier"));
            assertTrue(fieldError(refused, "id").startsWith("Give an id of lower-case letters"), fieldError(refused, "id"));
            assertTrue(refused.contains("value=\"Harassment, kept as typed\""), "the title typed is kept");
            assertTrue(refused.startsWith("<!DOCTYPE html>") && refused.contains("There is a problem"));

            post(edit + "/clause", edit + "/clause?id=harassment", "revision", revision(form), "original", "harassment",
                    "id", "harassment", "title", "Harassment", "test", test + " Fear counts as well as alarm.",
                    "tier", "3", "breachExamples", "Messages every night for a month.\r\n\r\nNew accounts to get round a block.",
                    "notBreachExamples", "One sharp reply.", "aggravating", new String[] { "repetition", "targeting" },
                    "mitigating", "apology").then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith(base + "?done=saved"));
            String added = html(edit + "/clause", 200);
            post(edit + "/clause", edit + "/clause", "revision", revision(added), "id", "online-stalking",
                    "title", "Online stalking", "test", "The member watched and tracked a person online, against their"
                    + " wishes, in a way a reasonable person would find alarming.", "tier", "3",
                    "breachExamples", "Keeping a log of everything a member posts and sending it to them.")
                    .then().statusCode(303);

            // a factor in use cannot be taken out: the refusal is shown, and nothing changes
            String factor = html(edit + "/factor?id=repetition", 200);
            String stillUsed = post(edit + "/factor/removal", edit + "/factor?id=repetition", "revision", revision(factor),
                    "original", "repetition").then().statusCode(400).extract().asString();
            assertTrue(stillUsed.contains("is not an aggravating factor of this definition"), "the clauses still name it");
            assertTrue(stillUsed.contains("value=\"Repetition\""), "the factor's form, as saved");

            // the ladder: a warning now expires after 12 months; a rung that is not a number is refused at its row
            String ladder = html(edit + "/ladder", 200);
            assertTrue(ladder.contains("name=\"s2.id\" value=\"formal-warning\""), ladder);
            String badRung = post(edit + "/ladder", edit + "/ladder", ladderFields(revision(ladder), "two", "12"))
                    .then().statusCode(400).extract().asString();
            assertEquals("Give the sanction\u2019s rung on the ladder, from 0 (the lowest) to 100.",
                    fieldError(badRung, "s2-rung"));
            post(edit + "/ladder", edit + "/ladder", ladderFields(revision(ladder), "2", "12")).then().statusCode(303);

            String general = html(edit + "/general", 200);
            post(edit + "/general", edit + "/general", "revision", revision(general), "title",
                    "Evenhand definition of abuse", "introduction", textarea(general, "introduction"),
                    "summaryOfChanges", "New clause 'online-stalking'.\r\nA formal warning expires after 12 months.")
                    .then().statusCode(303);

            String changes = html(base + "/changes", 200);
            assertTrue(changes.contains("<ins><span class=\"visually-hidden\">added: </span>Fear counts as well as alarm.</ins>")
                    || changes.contains("Fear counts as well as alarm.</ins>"), "the words put in");
            assertTrue(changes.contains("<span class=\"tag tag--added\">Added</span> <a href=\"" + base
                    + "#online-stalking\">Online stalking</a>"), "the clause added, linked into the draft");
            assertTrue(changes.contains("Version " + latest + ": <strong>18</strong>. The draft: <strong>12</strong>."),
                    "the warning's expiry");
            assertTrue(changes.contains("New clause &#39;online-stalking&#39;."), "the draft's own summary");

            String yesterday = post(base + "/proposal", base, "revision", revision(html(base, 200)), "effectiveFrom",
                    time.today().minusDays(1).toString()).then().statusCode(400).extract().asString();
            assertTrue(fieldError(yesterday, "effectiveFrom").startsWith("A new version takes effect on"),
                    fieldError(yesterday, "effectiveFrom"));
            post(base + "/proposal", base, "revision", revision(html(base, 200)), "effectiveFrom", date.toString())
                    .then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith(base + "?done=proposed"));
            String own = html(base + "/approval", 200);
            assertTrue(own.contains("another member of the NEC must approve it"));
            assertFalse(own.contains("action=\"" + base + "/approval\""), "no button for the member who asked");
            assertEquals(409, page().get(edit + "/clause?id=harassment").statusCode(), "no editing while it waits");
        });

        String version = as("nell", () -> {
            String approval = html(base + "/approval", 200);
            assertTrue(approval.contains("Approve and publish, in force from"), "the approval step");
            assertTrue(approval.contains("Online stalking"), "every change is on it");
            post(base + "/approval", base + "/approval", "effectiveFrom", date.toString()).then().statusCode(303)
                    .header("Location", org.hamcrest.Matchers.endsWith(base + "?done=published"));
            // the approval sent again (a second click, the page from the browser's history) lands where the first did
            post(base + "/approval", "/nec/definition", "effectiveFrom", date.toString()).then().statusCode(303)
                    .header("Location", org.hamcrest.Matchers.endsWith(base + "?done=published"));
            String published = html(base + "?done=published", 200);
            Matcher m = Pattern.compile("Published as <a href=\"/definition/([^\"]+)\">").matcher(published);
            assertTrue(m.find(), "the draft names its version");
            assertTrue(published.contains("It can never be changed"));
            assertEquals(409, page().get(edit + "/ladder").statusCode(), "a published draft is never edited");
            return m.group(1);
        });
        assertTrue(version.matches(date.getYear() + "\\.\\d+"), version);
        String pub = io.restassured.RestAssured.given().accept("text/html").get("/definition/" + version).then()
                .statusCode(200).extract().asString();
        assertTrue(pub.contains("This version is not in force yet") && pub.contains("id=\"online-stalking\""),
                "the public page of the new version");
        assertNotNull(Db.value("SELECT sha256 FROM definition_versions WHERE id = ? AND approved_by = 'nell'"
                + " AND proposed_by = 'nora'", version));
        assertEquals(java.util.List.of(version, latest), DefinitionPublishingTest.citedOnAndBefore(date, time),
                "a complaint about conduct on its date cites it; the day before, the version it follows");
    }

    /** The ladder as it is, with formal-warning's rung and months as given. */
    static Object[] ladderFields(String revision, String warningRung, String warningMonths) {
        return new Object[] { "revision", revision, "rows", "6",
            "s0.id", "no-action", "s0.rung", "0", "s0.title", "No action", "s0.description", "No sanction is imposed.",
            "s1.id", "advice-training", "s1.rung", "1", "s1.title", "Advice or training", "s1.description", "Private advice.",
            "s2.id", "formal-warning", "s2.rung", warningRung, "s2.title", "Formal warning", "s2.description",
            "A written warning.", "s2.expiresAfterMonths", warningMonths,
            "s3.id", "suspension", "s3.rung", "3", "s3.title", "Suspension", "s3.description", "Suspension of rights.",
            "s3.maxMonths", "12",
            "s4.id", "referral-expulsion", "s4.rung", "4", "s4.title", "Referral for expulsion", "s4.description",
            "Referral to the body that decides.",
            "tier1", new String[] { "s0", "s1" }, "tier2", new String[] { "s0", "s1", "s2" },
            "tier3", new String[] { "s1", "s2", "s3" }, "tier4", new String[] { "s2", "s3", "s4" } };
    }

    /** A text area's text as the page holds it (unescaped for the few characters Qute escapes). */
    static String textarea(String html, String name) {
        Matcher m = Pattern.compile("<textarea[^>]* name=\"" + name + "\"[^>]*>(.*?)</textarea>", Pattern.DOTALL).matcher(html);
        assertTrue(m.find(), "a text area " + name);
        return m.group(1).replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    @Test
    void onlyTheNecOpensThePages() {
        for (String who : java.util.List.of("alice", "casey", "dara", "mona")) {
            as(who, () -> {
                assertEquals(403, page().get("/nec/definition").statusCode(), who);
                assertEquals(403, page().get("/nec/definition/drafts/1/edit/ladder").statusCode(), who);
            });
        }
        as("nora", () -> {
            assertEquals(404, page().get("/nec/definition/drafts/999999").statusCode());
            assertEquals(404, page().get("/nec/definition/drafts/not-a-number/changes").statusCode());
        });
    }
}
