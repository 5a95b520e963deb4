package org.evenhand.casework;

import static org.evenhand.testing.Api.CASEWORKERS;
import static org.evenhand.testing.Api.as;
import static org.evenhand.testing.Api.awaitLetter;
import static org.evenhand.testing.Api.claimed;
import static org.evenhand.testing.Api.complete;
import static org.evenhand.testing.Api.file;
import static org.evenhand.testing.Api.myCase;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.evenhand.testing.Db;
import org.junit.jupiter.api.Test;

/** Caseworkers' notes: staff only, or a letter to one party; sealed, on the trail, never shown to a panel. */
@QuarkusTest
class NotesTest {

    static final String ALLEGATION = "Replies to every post I made about the selection, calling me a fraud, for a week.";

    @Test
    void aStaffNoteIsForStaffOnlyAndSealed() {
        String ref = file("erin", "M100006", LocalDate.of(2026, 5, 20), List.of("harassment"), ALLEGATION);
        String who = claimed(CASEWORKERS, ref, "triage").user();
        String text = "Thread context shows the respondent opened the exchange on the 18th.";
        as(who).body(Map.of("audience", "staff", "text", text)).post("/api/cases/" + ref + "/notes").then()
                .statusCode(201);
        as(who).get("/api/cases/" + ref + "/notes").then().statusCode(200)
                .body("text", hasItem(text)).body("audience", hasItem("staff")).body("author", hasItem(who));
        as("erin").get("/api/me/cases/" + ref).then().statusCode(200).body(not(containsString("Thread context shows")));
        assertEquals(0L, Db.count("SELECT count(*) FROM timeline_entries WHERE summary LIKE '%Thread context%'"),
                "the note is sealed under the case key, like the rest of the timeline");
        assertEquals(1L, Db.count("SELECT count(*) FROM trail_log WHERE case_ref = ? AND actor = ? AND action ="
                + " 'note'", ref, who));
    }

    @Test
    void aMessageToAPartyIsALetterOnTheirTimelineAndByEmail() {
        String ref = file("erin", "M100004", LocalDate.of(2026, 5, 21), List.of("harassment"), ALLEGATION);
        String who = claimed(CASEWORKERS, ref, "triage").user();
        as(who).body(Map.of("audience", "complainant", "text", "Could you send the messages before the first reply?"))
                .post("/api/cases/" + ref + "/notes").then().statusCode(201);
        assertTrue(myCase("erin", ref).getList("timeline.summary", String.class).stream()
                .anyMatch(s -> s.contains("Could you send the messages before the first reply?")));
        awaitLetter("erin@evenhand.test", "A message from your caseworker");
        // the respondent is not told of a complaint before triage puts it to them (decision 0004)
        as(who).body(Map.of("audience", "respondent", "text", "Please call me.")).post("/api/cases/" + ref + "/notes")
                .then().statusCode(400).body("errors.field", hasItem("audience"));
        complete(org.evenhand.testing.Api.tasks(List.of(who), ref, "triage").get(0), Map.of("inScope", true, "clauses", List.of("harassment"), "reasons", "Repeated replies."));
        as(who).body(Map.of("audience", "respondent", "text", "You may respond by the date in the letter."))
                .post("/api/cases/" + ref + "/notes").then().statusCode(201);
        assertTrue(myCase("dan", ref).getList("timeline.summary", String.class).stream()
                .anyMatch(s -> s.contains("You may respond by the date in the letter.")));
        assertFalse(myCase("erin", ref).getList("timeline.summary", String.class).stream()
                .anyMatch(s -> s.contains("You may respond by the date")), "one party's letter is not the other's");
    }

    @Test
    void onlyTheCaseworkersWhoMayHandleTheCaseWriteNotes() {
        String ref = file("alice", "M100005", LocalDate.of(2026, 5, 22), List.of("harassment"), ALLEGATION);
        as("casey").body(Map.of("audience", "staff", "text", "x")).post("/api/cases/" + ref + "/notes").then()
                .statusCode(404); // alice's CLP
        as("pat").body(Map.of("audience", "staff", "text", "x")).post("/api/cases/" + ref + "/notes").then()
                .statusCode(403);
        as("alice").get("/api/cases/" + ref + "/notes").then().statusCode(403);
        as("quinn").body(Map.of("audience", "everyone", "text", "x")).post("/api/cases/" + ref + "/notes").then()
                .statusCode(400);
        as("quinn").body(Map.of("audience", "staff", "text", " ")).post("/api/cases/" + ref + "/notes").then()
                .statusCode(400);
    }
}
