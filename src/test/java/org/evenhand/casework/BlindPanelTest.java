package org.evenhand.casework;

import static org.evenhand.testing.Api.PANEL;
import static org.evenhand.testing.Api.as;
import static org.evenhand.testing.Api.tasks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import org.evenhand.testing.Cases;
import org.evenhand.testing.Pages;
import org.junit.jupiter.api.Test;

/**
 * A panel works blind: not only the parties' names in the structured fields, but their names,
 * membership numbers and logins in the free text (allegation, response, report, reasons) are
 * replaced by their role, on the API and on the decision page. Precedents give outcomes only.
 */
@QuarkusTest
class BlindPanelTest {

    @Inject
    Precedents precedents;

    @Test
    void namesInFreeTextAreStruckForThePanel() {
        String ref = Cases.atPanel("carol", "erin", "M100005", "harassment",
                "Erin Elliott (M100005) kept replying to me; Erin called me a liar in front of the branch.");
        String seated = tasks(PANEL, ref, "panelDecision").get(0).user();
        JsonPath view = as(seated).get("/api/cases/" + ref).then().statusCode(200).extract().jsonPath();
        String allegation = view.getString("allegation");
        assertFalse(allegation.contains("Erin") || allegation.contains("M100005"), allegation);
        assertTrue(allegation.contains("[the respondent] ([the respondent]) kept replying to me; [the respondent] called"),
                allegation);
        assertEquals("Complainant", view.getString("complainant"));
        String page = Pages.as(seated, () -> Pages.page().get("/work/cases/" + ref).then().statusCode(200).extract()
                .asString());
        for (String name : List.of("Erin", "Elliott", "Carol", "Chowdhury", "M100005", "M100003", "Glasgow", "Leeds")) {
            assertFalse(page.contains(name), "the panel's page names no one: " + name);
        }
        // the caseworker who handles it sees it as written
        assertTrue(as("quinn").get("/api/cases/" + ref).then().statusCode(200).extract().jsonPath()
                .getString("allegation").contains("Erin Elliott"));
    }

    @Test
    void aPanelSeesTheOutcomesOfSimilarCasesAndNothingElseAboutThem() {
        String earlier = Cases.atPanel("frank", "dan", "M100004", "doxxing",
                "Dan posted my home address under my post about the campaign and told people to pay me a visit.");
        Cases.decided(earlier, "doxxing", "formal-warning");
        String ref = Cases.atPanel("alice", "dan", "M100004", "doxxing",
                "Dan shared my phone number in the group after the hustings and said to ring me at night.");
        String seated = tasks(PANEL, ref, "panelDecision").get(0).user();
        List<Precedents.Precedent> found = precedents.forCase(seated, false, true, ref);
        Precedents.Precedent p = found.stream().filter(Precedents.Precedent::sameClauses).findFirst().orElseThrow();
        assertEquals("formal-warning", p.sanction());
        assertTrue(p.findings().stream().allMatch(Finding::upheld));
        String page = Pages.as(seated, () -> Pages.page().get("/work/tasks/" + tasks(List.of(seated), ref,
                "panelDecision").get(0).taskId()).then().statusCode(200).extract().asString());
        assertTrue(page.contains("Similar past cases") && page.contains("Same clauses"), "precedent on the page");
        assertFalse(page.contains(earlier), "no reference to the earlier case");
        assertFalse(page.contains("pay me a visit"), "nothing of the earlier case's text");
    }
}
