package org.evenhand.audit;

import static org.evenhand.testing.Api.CASEWORKERS;
import static org.evenhand.testing.Api.PANEL;
import static org.evenhand.testing.Api.as;
import static org.evenhand.testing.Api.claimed;
import static org.evenhand.testing.Api.complete;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.evenhand.testing.Api;
import org.evenhand.testing.EngineClock;
import org.junit.jupiter.api.Test;

/**
 * Both parties to a case have declared a faction; nothing any other endpoint returns (case views
 * for members and staff, tasks, the member directory), no letter, no trail entry and no log line
 * shows it.
 */
@QuarkusTest
class FactionPrivacyTest {

    static final String FACTION = "soft-left";

    @Test
    void aDeclaredFactionAppearsNowhereOutsideTheAudit() {
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.add(r.getLoggerName() + " " + r.getMessage() + " " + java.util.Arrays.toString(r.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            long trailFrom = Sql.number("SELECT coalesce(max(inbox_id), 0) FROM trail_log");
            long lettersFrom = Sql.number("SELECT coalesce(max(id), 0) FROM notifications");
            for (String member : List.of("frank", "bob")) {
                as(member).body(Map.of("faction", FACTION, "consent", true, "noticeVersion", "2026-1"))
                        .put("/api/me/faction").then().statusCode(200);
            }
            String ref = Api.file("frank", "M100002", LocalDate.of(2026, 5, 20), List.of("harassment"),
                    "The respondent replied to every post I made for two weeks after I asked them to stop.");
            Api.Held triage = claimed(CASEWORKERS, ref, "triage");
            complete(triage, Map.of("inScope", true, "clauses", List.of("harassment"), "exchangeOpenedBy", "respondent",
                    "reasons", "Repeated unwanted replies after a request to stop."));
            as(triage.user()).body(Map.of("reasons", "Replies continue daily; a pause protects the complainant."))
                    .post("/api/cases/" + ref + "/interim-suspension").then().statusCode(201);
            EngineClock.advance(java.time.Duration.ofDays(15));
            try {
                EngineClock.fireDueTimers(ref);
            } finally {
                EngineClock.reset();
            }
            complete(Api.tasks(CASEWORKERS, ref, "investigate").get(0), Map.of("report", "The replies are as described."));
            org.evenhand.testing.EngineClock.endCommentWindow(ref);

            List<String> bodies = new ArrayList<>();
            for (String member : List.of("frank", "bob")) {
                bodies.add(as(member).get("/api/me/cases").then().statusCode(200).extract().asString());
                bodies.add(as(member).get("/api/me/cases/" + ref).then().statusCode(200).extract().asString());
            }
            bodies.add(as(triage.user()).get("/api/cases/" + ref).then().statusCode(200).extract().asString());
            for (String handler : CASEWORKERS) {
                bodies.add(as(handler).get("/api/tasks").then().statusCode(200).extract().asString());
            }
            for (Api.Held seat : Api.tasks(PANEL, ref, "panelDecision")) {
                bodies.add(as(seat.user()).get("/api/tasks").then().statusCode(200).extract().asString());
                bodies.add(as(seat.user()).get("/api/cases/" + ref).then().statusCode(200).extract().asString());
            }
            bodies.add(as("alice").queryParam("q", "Frank").get("/api/members").then().statusCode(200).extract().asString());
            bodies.add(as("alice").queryParam("q", "Bob").get("/api/members").then().statusCode(200).extract().asString());
            assertTrue(bodies.size() > 10);
            for (String body : bodies) {
                assertFalse(body.contains(FACTION), "an endpoint outside the audit shows a faction: " + body);
                assertFalse(body.toLowerCase().contains("faction"), "an endpoint outside the audit names factions: " + body);
            }
            List<String> trail = Sql.strings("SELECT action || ' ' || detail FROM trail_log WHERE inbox_id > ?", trailFrom);
            assertTrue(trail.size() > 5);
            trail.forEach(t -> assertFalse(t.contains(FACTION), "trail: " + t));
            List<String> letters = Sql.strings("SELECT subject || ' ' || body FROM notifications WHERE id > ?", lettersFrom);
            assertTrue(!letters.isEmpty());
            letters.forEach(l -> assertFalse(l.contains(FACTION), "letter: " + l));
            List<String> timeline = Sql.strings("SELECT summary FROM timeline_entries t JOIN cases c ON c.id = t.case_id"
                    + " WHERE c.ref = ?", ref);
            timeline.forEach(l -> assertFalse(l.contains(FACTION), "timeline: " + l));
            org.jboss.logging.Logger.getLogger(FactionPrivacyTest.class).info("log capture probe");
            assertTrue(logged.stream().anyMatch(l -> l.contains("log capture probe")), "the log is being captured");
            logged.forEach(l -> assertFalse(l.contains(FACTION), "log: " + l));
        } finally {
            root.removeHandler(capture);
            for (String member : List.of("frank", "bob")) {
                as(member).delete("/api/me/faction").then().statusCode(204);
            }
        }
    }
}
