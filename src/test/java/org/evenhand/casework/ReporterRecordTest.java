package org.evenhand.casework;

import static org.evenhand.testing.Api.CASEWORKERS;
import static org.evenhand.testing.Api.PANEL;
import static org.evenhand.testing.Api.as;
import static org.evenhand.testing.Api.claimed;
import static org.evenhand.testing.Api.complete;
import static org.evenhand.testing.Api.file;
import static org.evenhand.testing.Api.tasks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.evenhand.testing.Api;
import org.evenhand.testing.Cases;
import org.evenhand.testing.Pages;
import org.junit.jupiter.api.Test;

/**
 * At triage the caseworker sees the complainant's record as a reporter: previous complaints, how
 * many were dismissed as out of scope, how many cases against them upheld the bad-faith clause.
 * A panel member, working blind, never does. Counted as differences, so earlier tests' cases do not matter.
 */
@QuarkusTest
class ReporterRecordTest {

    static long[] record(String caseworker, String ref) {
        JsonPath v = as(caseworker).get("/api/cases/" + ref).then().statusCode(200).extract().jsonPath();
        assertNotNull(v.get("reporterRecord"), "a caseworker sees the complainant's record");
        return new long[] { v.getLong("reporterRecord.previousComplaints"), v.getLong("reporterRecord.dismissedOutOfScope"),
                v.getLong("reporterRecord.foundInBadFaith") };
    }

    @Test
    void theCaseworkerSeesTheComplainantsRecordAndThePanelNever() {
        // erin complains; her record before it is the baseline; the complaint is dismissed as out of scope
        String first = file("erin", "M100002", LocalDate.of(2026, 4, 11), List.of("bullying"),
                "Bob disagreed with my motion on the allotments at the April branch meeting and voted it down.");
        Api.Held triage = claimed(CASEWORKERS, first, "triage");
        long[] before = record(triage.user(), first);
        complete(triage, Map.of("inScope", false, "clauses", List.of(),
                "reasons", "A disagreement about a motion is not abuse."));
        // a complaint against erin under the bad-faith clause is upheld
        String against = Cases.atPanel("frank", "erin", "M100005", "false-allegation",
                "Erin has filed four complaints about me in a month, each invented, to keep me off the slate.");
        Cases.decided(against, "false-allegation", "formal-warning");

        // erin complains again: the caseworker triaging it sees one more of each
        String next = file("erin", "M100002", LocalDate.of(2026, 7, 19), List.of("bullying"),
                "Bob mocked my leaflet design in the group chat in front of twenty volunteers on the nineteenth.");
        Api.Held now = tasks(CASEWORKERS, next, "triage").get(0);
        long[] after = record(now.user(), next);
        assertEquals(before[0] + 1, after[0], "previous complaints");
        assertEquals(before[1] + 1, after[1], "dismissed as out of scope");
        assertEquals(before[2] + 1, after[2], "found in bad faith");
        String line = "Previous complaints by this complainant: " + after[0] + "; dismissed as out of scope: " + after[1]
                + "; found in bad faith: " + after[2];
        String page = Pages.as(now.user(), () -> Pages.page().get("/work/tasks/" + now.taskId()).then().statusCode(200)
                .extract().asString());
        assertTrue(page.contains(line), page);

        // a panel deciding a case erin is party to sees no record of its complainant, on the API or the page
        String panelRef = Cases.atPanel("dan", "erin", "M100005", "harassment",
                "Erin sent me abusive messages late at night after I stood against her in the selection.");
        String seated = tasks(PANEL, panelRef, "panelDecision").get(0).user();
        JsonPath blind = as(seated).get("/api/cases/" + panelRef).then().statusCode(200).extract().jsonPath();
        assertTrue(blind.getBoolean("blind"));
        assertNull(blind.get("reporterRecord"));
        String panelPage = Pages.as(seated, () -> Pages.page().get("/work/cases/" + panelRef).then().statusCode(200)
                .extract().asString());
        assertFalse(panelPage.contains("Previous complaints by this complainant"), panelPage);
    }
}
