package org.evenhand.audit;

import static org.evenhand.testing.Pages.as;
import static org.evenhand.testing.Pages.fieldError;
import static org.evenhand.testing.Pages.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.evenhand.common.TimeSource;
import org.junit.jupiter.api.Test;

/**
 * The NEC's report page: it opens on the latest quarter that has complaints; dates chosen win
 * over the quarter; regions and CLPs are chosen from those that exist (and anything else is
 * refused, not silently reported as empty); the stratified comparisons and the plain meaning of
 * each statistics term are on the page.
 */
@QuarkusTest
class AuditPagesTest {

    @Inject
    AuditChoices choices;
    @Inject
    TimeSource time;
    @Inject
    FairnessReportService reports;

    @Test
    void opensOnTheLatestQuarterWithComplaints() {
        AuditTestData.region("api", FairnessApiTest.SPEC);
        String latest = AuditViews.quarterOf(choices.latestQuarterWithData(time.today()));
        String html = as("nora", () -> page().get("/nec/audit").then().statusCode(200).extract().asString());
        assertTrue(html.contains("<option value=\"" + latest + "\" selected>" + latest + "</option>"),
                "the quarter chosen is " + latest);
        assertTrue(html.contains("name=\"from\" value=\"" + Period.parse(latest, null, null, time.today()).from()
                + "\""), "the report is of that quarter");
    }

    @Test
    void datesWinOverTheQuarterAndRegionsComeFromAList() {
        String region = AuditTestData.region("api", FairnessApiTest.SPEC);
        String html = as("nora", () -> page().queryParam("quarter", "2014-Q1").queryParam("from", "2014-01-01")
                .queryParam("to", "2014-02-28").queryParam("region", region).get("/nec/audit").then().statusCode(200)
                .extract().asString());
        assertTrue(html.contains("name=\"from\" value=\"2014-01-01\"") && html.contains("name=\"to\" value=\"2014-02-28\""),
                "the period chosen by dates");
        assertTrue(html.contains("<option value=\"" + region + "\" selected>" + region + "</option>"), "regions listed");
        assertTrue(html.contains("<option value=\"\">All CLPs</option>"));
        assertTrue(html.contains("Comparing like with like") && html.contains("Within clauses (Mantel-Haenszel)")
                && html.contains("Clauses differ (Breslow-Day)"), "stratified comparisons and plain meanings");

        String bad = as("nora", () -> page().queryParam("quarter", "2014-Q1").queryParam("region", "Atlantis")
                .get("/nec/audit").then().statusCode(400).extract().asString());
        assertEquals("No member belongs to a region called &#39;Atlantis&#39;: choose one from the list.",
                capitalised(fieldError(bad, "region")));
    }

    /** Kept quarterly reports can be published from the list; the page says so, and so does the list. */
    @Test
    void theNecPublishesAKeptQuarterlyReportFromThePage() {
        reports.quarterly();
        AuditReport quarterly = reports.kept().stream().filter(a -> AuditReport.QUARTERLY.equals(a.kind))
                .findFirst().orElseThrow();
        String path = "/nec/audit/reports/" + quarterly.id;
        String before = as("nora", () -> page().get(path).then().statusCode(200).extract().asString());
        assertTrue(before.contains("Contacts about cases") && before.contains("Kept reports"), "sections");
        if (quarterly.publishedAt == null) {
            assertTrue(before.contains("action=\"" + path + "/publish\""), "a Publish button beside it");
        }
        String token = org.evenhand.testing.Pages.token(before);
        as("nora", () -> page().formParam("_csrf", token).post(path + "/publish").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith(path + "?done=published")));
        String after = as("nora", () -> page().get(path + "?done=published").then().statusCode(200).extract()
                .asString());
        assertTrue(after.contains("The report is published: anyone can read it"), "told");
        assertTrue(after.contains("Published ") && after.contains("href=\"/published/fairness-reports\""),
                "the list shows it published");
    }

    static String capitalised(String s) {
        return s == null ? null : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
