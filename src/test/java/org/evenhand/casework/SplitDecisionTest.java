package org.evenhand.casework;

import static org.evenhand.testing.Api.PANEL;
import static org.evenhand.testing.Api.awaitLetter;
import static org.evenhand.testing.Api.complete;
import static org.evenhand.testing.Api.myCase;
import static org.evenhand.testing.Api.tasks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.evenhand.testing.Api;
import org.evenhand.testing.Cases;
import org.evenhand.testing.Pages;
import org.junit.jupiter.api.Test;

/** A panel that splits 2-1 is shown to the parties as a majority, on their page and in the letter; nobody is named. */
@QuarkusTest
class SplitDecisionTest {

    @Test
    void aTwoToOneSplitReadsAsAMajority() {
        String ref = Cases.atPanel("carol", "dan", "M100004", "harassment",
                "Dan sent me eleven messages in one evening after the ward count, each more insulting than the last.");
        List<Api.Held> panel = tasks(PANEL, ref, "panelDecision");
        assertEquals(3, panel.size());
        // the panel's ladder presents "no action" as a rung (not allowed for harassment), never as outside the ladder
        String task = Pages.as(panel.get(0).user(), () -> Pages.page().get("/work/tasks/" + panel.get(0).taskId())
                .then().statusCode(200).extract().asString());
        assertTrue(task.contains("The lowest rung: for a breach that is upheld but minor or already put right."), task);
        assertFalse(task.contains("Outside the ladder"), task);
        for (int i = 0; i < 3; i++) {
            boolean upholds = i < 2;
            complete(panel.get(i), Map.of("findings", List.of(Map.of("clause", "harassment", "upheld", upholds)),
                    "sanction", upholds ? "formal-warning" : "no-action", "reasons", "My reasons, member " + i + "."));
        }
        JsonPath view = myCase("carol", ref);
        assertEquals("UPHELD", view.getString("outcome"));
        assertEquals(2, view.getInt("decisions[0].splits[0].agreeing"));
        assertEquals(3, view.getInt("decisions[0].splits[0].of"));
        awaitLetter("carol@evenhand.test", "The panel's decision");
        String letter = ComplaintLifecycleTest.letterOn(view, "decision");
        assertTrue(letter.contains("- Harassment: upheld by 2 of 3 panel members\n"), letter);
        assertFalse(letter.contains("unanimously"), letter);

        String page = Pages.as("dan", () -> Pages.page().get("/me/cases/" + ref).then().statusCode(200).extract()
                .asString());
        String text = page.replaceAll("<[^>]+>", "").replaceAll("\\s+", " ");
        assertTrue(text.contains("Upheld by 2 of 3 panel members"), text);
        for (Api.Held h : panel) {
            assertFalse(page.contains(h.user()), "the panel stays anonymous: " + h.user());
        }
    }
}
