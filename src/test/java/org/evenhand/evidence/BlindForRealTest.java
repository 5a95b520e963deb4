package org.evenhand.evidence;

import static org.evenhand.testing.Api.CASEWORKERS;
import static org.evenhand.testing.Api.PANEL;
import static org.evenhand.testing.Api.as;
import static org.evenhand.testing.Api.claimed;
import static org.evenhand.testing.Api.complete;
import static org.evenhand.testing.Api.tasks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.evenhand.testing.Api;
import org.evenhand.testing.Evidence;
import org.evenhand.testing.EvidenceFiles;
import org.evenhand.testing.Pages;
import org.evenhand.testing.Uploads;
import org.junit.jupiter.api.Test;

/**
 * Blind for real (issue 14, decision 0028): a case whose every text names the parties' CLPs and
 * regions (and others, from the seeded membership data) and their handles, run together in links,
 * reaches a panel; the panel member finds none of them in any response or page, and opens files
 * only as the caseworker prepared them, never an original.
 */
@QuarkusTest
class BlindForRealTest {

    /** Places (members: alice Leeds Central / Yorkshire and the Humber, dan Cardiff North / Wales; others) and handles. */
    static final List<String> FORBIDDEN = List.of("Cardiff", "Wales", "Leeds", "Yorkshire", "Humber", "Glasgow",
            "Norwich", "Midlands", "Salford", "dandavies", "dan_davies", "dan.davies", "ddavies", "daviesdan",
            "aliceadeyemi", "alice_a", "Adeyemi", "Davies", "M100004", "M100001");

    static String ref;
    static String caseworker;
    static String seated;
    static String panelTask;
    static long textItem;
    static long redactedFile;
    static long fineFile;
    static long awaitingFile;

    /** Once for the class (the server is up by the first test). */
    static synchronized void aCaseFullOfPlacesAndHandlesReachesThePanel() {
        if (ref != null) {
            return;
        }
        ref = as("alice").body(Map.of("respondentMembershipNumber", "M100004", "conductDate",
                LocalDate.of(2026, 6, 12).toString(), "clauses", List.of("harassment"), "conductLink",
                "https://x.com/DanDavies/status/4411", "allegation",
                "Dan Davies, secretary of Cardiff North, Wales, posted as @dandavies1987 and from"
                        + " https://instagram.com/dan_davies that the Leeds Central lot, Yorkshire and the Humber's"
                        + " worst, should be run out; he tagged @aliceadeyemi and #cardiffnorth every night."))
                .post("/api/complaints").then().statusCode(201).extract().path("ref");
        Api.awaitStarted("alice", ref);
        textItem = Evidence.give("alice", ref, Evidence.text("dan.davies: the Glasgow East and Norwich South"
                + " crowd will back me, the East Midlands too; see x.com/DDavies", List.of("Alice Adeyemi (Leeds): stop")));
        redactedFile = upload("dan_davies_cardiff_north.png", EvidenceFiles.png(40, 30));
        fineFile = upload("leeds-central-thread.pdf", EvidenceFiles.pdf());
        awaitingFile = upload("wales.png", EvidenceFiles.png(44, 33));

        Api.Held triage = claimed(CASEWORKERS, ref, "triage");
        caseworker = triage.user();
        for (long id : List.of(textItem, redactedFile, fineFile, awaitingFile)) {
            as(caseworker).body(Map.of("basis", "art-9-2-d", "reason", "Conduct between members in Cardiff North."))
                    .post("/api/cases/" + ref + "/evidence/" + id + "/lawful-basis").then().statusCode(200);
        }
        Uploads.Answer copy = Uploads.post("/api/cases/" + ref + "/evidence/" + redactedFile + "/redacted-copy",
                Api.token(caseworker), "application/json", Uploads.closed(Uploads.file("file", "redacted.png",
                        EvidenceFiles.png(20, 10))));
        assertEquals(200, copy.status(), copy.text());
        assertTrue(copy.text().contains("\"redaction\":\"redacted\""), copy.text());
        as(caseworker).body(Map.of("reason", "The words of the post only, from Salford: no names or pictures."))
                .post("/api/cases/" + ref + "/evidence/" + fineFile + "/no-redaction").then().statusCode(200)
                .body("redaction", org.hamcrest.Matchers.equalTo("not-needed"));
        complete(triage, Map.of("inScope", true, "clauses", List.of("harassment"), "reasons",
                "Dan Davies (dan_davies) of Cardiff North in Wales against a member in Leeds Central: engages harassment."));
        as("dan").body(Map.of("statement", "I, @DanDavies, Cardiff North's secretary for Wales, never wrote to"
                + " alice_adeyemi or anyone in Yorkshire and the Humber.")).post("/api/me/cases/" + ref + "/response")
                .then().statusCode(200);
        complete(tasks(CASEWORKERS, ref, "investigate").get(0), Map.of("report", "The account x.com/daviesdan and"
                + " @ddavies are Dan's; the CardiffNorth branch (Wales) and the Leeds-Central members confirm it."));
        // both parties comment on the report before the panel sits; their words reach it blind too
        as("alice").body(Map.of("comment", "As a Glasgow East member I say @dandavies wrote it from Norwich South."))
                .post("/api/me/cases/" + ref + "/report-comment").then().statusCode(200);
        as("dan").body(Map.of("comment", "Nobody in the East Midlands or Salford saw alice.adeyemi's post."))
                .post("/api/me/cases/" + ref + "/report-comment").then().statusCode(200);
        // with both parties heard the window closes early and the panel is drawn
        List<Api.Held> panel = tasks(PANEL, ref, "panelDecision");
        seated = panel.get(0).user();
        panelTask = panel.get(0).taskId();
    }

    private static long upload(String name, byte[] bytes) {
        Uploads.Answer a = Uploads.post("/api/me/cases/" + ref + "/evidence/files", Api.token("alice"),
                "application/json", Uploads.closed(Uploads.file("file", name, bytes), Uploads.apiFields()));
        assertEquals(201, a.status(), a.text());
        return io.restassured.path.json.JsonPath.from(a.text()).getLong("id");
    }

    @Test
    void thePanelFindsNoPlaceOrHandleInAnyResponseOrPage() {
        aCaseFullOfPlacesAndHandlesReachesThePanel();
        List<String> seen = new ArrayList<>();
        JsonPath view = as(seated).get("/api/cases/" + ref).then().statusCode(200).extract().jsonPath();
        seen.add(view.prettify());
        seen.add(as(seated).get("/api/cases/" + ref + "/evidence").then().statusCode(200).extract().asString());
        seen.add(as(seated).get("/api/tasks").then().statusCode(200).extract().asString());
        seen.add(as(seated).get("/api/cases/" + ref + "/evidence/" + textItem + "/content").then().statusCode(200)
                .extract().asString());
        for (long file : List.of(redactedFile, fineFile)) {
            Response r = as(seated).get("/api/cases/" + ref + "/evidence/" + file + "/content");
            assertEquals(200, r.statusCode());
            seen.add(r.getHeader("Content-Disposition"));
        }
        Pages.as(seated, () -> {
            for (String page : List.of("/work", "/work/cases/" + ref, "/work/tasks/" + panelTask,
                    "/work/cases/" + ref + "/evidence/" + textItem)) {
                seen.add(Pages.page().get(page).then().statusCode(200).extract().asString());
            }
            Response file = Pages.page().accept("*/*").get("/work/cases/" + ref + "/evidence/" + redactedFile);
            assertEquals(200, file.statusCode());
            seen.add(file.getHeader("Content-Disposition"));
        });
        for (String text : seen) {
            String lower = text.toLowerCase(Locale.ROOT);
            for (String f : FORBIDDEN) {
                assertFalse(lower.contains(f.toLowerCase(Locale.ROOT)), "the panel reads \"" + f + "\" in: " + text);
            }
        }
        // the struck markers are where the words were
        assertTrue(view.getString("allegation").startsWith("[the respondent], secretary of [place], [place], posted as"
                + " [the respondent] and from https://instagram.com/[the respondent] that the [place] lot, [place]'s"),
                view.getString("allegation"));
        assertTrue(view.getString("conductLink").equals("https://x.com/[the respondent]/status/4411"),
                view.getString("conductLink"));
        for (String field : List.of("triageReasons", "response", "investigationReport")) {
            assertTrue(view.getString(field).contains("[place]"), field + ": " + view.getString(field));
        }
        String files = seen.get(1);
        assertTrue(files.contains("\"filename\":\"evidence-" + redactedFile + ".png\"") && files.contains(
                "\"redaction\":\"awaiting\""), files);
        String casePage = seen.get(seen.size() - 4);
        assertTrue(casePage.contains("Awaiting redaction"), "the panel sees the file waits");
        assertFalse(casePage.contains("/work/cases/" + ref + "/evidence/" + awaitingFile + "\""),
                "no link to a file awaiting redaction");
    }

    @Test
    void thePanelOpensTheRedactedCopyAndNeverAnOriginal() {
        aCaseFullOfPlacesAndHandlesReachesThePanel();
        byte[] copy = as(seated).get("/api/cases/" + ref + "/evidence/" + redactedFile + "/content").then()
                .statusCode(200).extract().asByteArray();
        assertEquals(20, EvidenceFiles.read(copy).getWidth(), "the redacted copy, not the original");
        as(seated).get("/api/cases/" + ref + "/evidence/" + awaitingFile + "/content").then().statusCode(404);
        Pages.as(seated, () -> {
            Pages.page().accept("*/*").get("/work/cases/" + ref + "/evidence/" + awaitingFile).then().statusCode(404);
            assertEquals(20, EvidenceFiles.read(Pages.page().accept("*/*").get("/work/cases/" + ref + "/evidence/"
                    + redactedFile).then().statusCode(200).extract().asByteArray()).getWidth());
            // the decision is the caseworker's: a panel member has no redaction page
            Pages.page().get("/work/cases/" + ref + "/evidence/" + awaitingFile + "/redaction").then().statusCode(403);
        });
        // nor may a panel member decide over the API
        as(seated).body(Map.of("reason", "fine")).post("/api/cases/" + ref + "/evidence/" + awaitingFile
                + "/no-redaction").then().statusCode(403);
        // the file that needs no redaction is the panel's as given, under a neutral name
        Response fine = as(seated).get("/api/cases/" + ref + "/evidence/" + fineFile + "/content");
        assertEquals(200, fine.statusCode());
        assertEquals("attachment; filename=\"evidence-" + fineFile + ".pdf\"", fine.getHeader("Content-Disposition"));
    }

    @Test
    void theCaseworkerStillReadsOriginalsAndSeesTheDecisionsOnTheRecord() {
        aCaseFullOfPlacesAndHandlesReachesThePanel();
        Response original = as(caseworker).get("/api/cases/" + ref + "/evidence/" + redactedFile + "/content");
        assertEquals(200, original.statusCode());
        assertEquals(40, EvidenceFiles.read(original.asByteArray()).getWidth());
        assertTrue(original.getHeader("Content-Disposition").contains("dan_davies_cardiff_north"),
                original.getHeader("Content-Disposition"));
        assertEquals(200, as(caseworker).get("/api/cases/" + ref + "/evidence/" + awaitingFile + "/content")
                .statusCode());
        JsonPath view = as(caseworker).get("/api/cases/" + ref).then().statusCode(200).extract().jsonPath();
        assertTrue(view.getString("allegation").contains("Cardiff North, Wales"), "the caseworker reads it as written");
        List<String> kinds = view.getList("timeline.kind");
        assertTrue(kinds.contains("evidence-redacted") && kinds.contains("evidence-needs-no-redaction"), kinds.toString());
        List<String> trail = view.getList("trail.kind");
        assertTrue(trail.contains("evidence-redacted"), trail.toString());
        String page = Pages.as(caseworker, () -> Pages.page().get("/work/cases/" + ref).then().statusCode(200)
                .extract().asString());
        assertTrue(page.contains("/work/cases/" + ref + "/evidence/" + awaitingFile + "/redaction"),
                "the caseworker is asked to prepare the waiting file");
        // the caseworker checks the copy the panel reads, in the API and the page; the read is on the trail
        Response copy = as(caseworker).get("/api/cases/" + ref + "/evidence/" + redactedFile + "/redacted-copy");
        assertEquals(200, copy.statusCode());
        assertEquals(20, EvidenceFiles.read(copy.asByteArray()).getWidth(), "the redacted copy, not the original");
        assertEquals("attachment; filename=\"evidence-" + redactedFile + ".png\"", copy.getHeader("Content-Disposition"));
        as(caseworker).get("/api/cases/" + ref + "/evidence/" + fineFile + "/redacted-copy").then().statusCode(404);
        as(seated).get("/api/cases/" + ref + "/evidence/" + redactedFile + "/redacted-copy").then().statusCode(403);
        byte[] viaPage = Pages.as(caseworker, () -> Pages.page().get("/work/cases/" + ref + "/evidence/" + redactedFile
                + "/redacted-copy").then().statusCode(200).extract().asByteArray());
        assertEquals(20, EvidenceFiles.read(viaPage).getWidth());
        String form = Pages.as(caseworker, () -> Pages.page().get("/work/cases/" + ref + "/evidence/" + redactedFile
                + "/redaction").then().statusCode(200).extract().asString());
        assertTrue(form.contains("/evidence/" + redactedFile + "/redacted-copy"), "the redaction page links to the copy");
        assertTrue(as(caseworker).get("/api/cases/" + ref).then().extract().jsonPath().getList("trail.summary").stream()
                .anyMatch(d -> String.valueOf(d).contains("the panel's redacted copy")), "the read is on the trail");
    }

    @Test
    void aRedactedCopyIsCheckedAsAnyUploadAndANoRedactionNeedsAReason() {
        aCaseFullOfPlacesAndHandlesReachesThePanel();
        Uploads.Answer refused = Uploads.post("/api/cases/" + ref + "/evidence/" + awaitingFile + "/redacted-copy",
                Api.token(caseworker), "application/json", Uploads.closed(Uploads.file("file", "x.png",
                        "not a picture".getBytes(StandardCharsets.UTF_8))));
        assertEquals(415, refused.status(), refused.text());
        as(caseworker).body(Map.of("reason", " ")).post("/api/cases/" + ref + "/evidence/" + awaitingFile
                + "/no-redaction").then().statusCode(400);
        as(caseworker).body(Map.of("reason", "Text.")).post("/api/cases/" + ref + "/evidence/" + textItem
                + "/no-redaction").then().statusCode(409);
        // still awaiting: nothing was stored
        String list = as(caseworker).get("/api/cases/" + ref + "/evidence").then().statusCode(200).extract().asString();
        assertNotNull(list);
        assertTrue(JsonPath.from(list).getList("findAll { it.id == " + awaitingFile + " }.redaction").contains("awaiting"),
                list);
        // the page's form shows the reason's error beside the field
        Pages.as(caseworker, () -> {
            String form = Pages.page().get("/work/cases/" + ref + "/evidence/" + awaitingFile + "/redaction").then()
                    .statusCode(200).extract().asString();
            String answer = Pages.page().multiPart("_csrf", Pages.token(form)).multiPart("decision", "not-needed")
                    .multiPart("reason", "").post("/work/cases/" + ref + "/evidence/" + awaitingFile + "/redaction")
                    .then().statusCode(400).extract().asString();
            assertNotNull(Pages.fieldError(answer, "reason"), answer);
        });
    }
}
