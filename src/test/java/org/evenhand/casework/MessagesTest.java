package org.evenhand.casework;

import static org.evenhand.testing.Api.CASEWORKERS;
import static org.evenhand.testing.Api.PANEL;
import static org.evenhand.testing.Api.as;
import static org.evenhand.testing.Api.claimed;
import static org.evenhand.testing.Api.complete;
import static org.evenhand.testing.Api.file;
import static org.evenhand.testing.Api.tasks;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.evenhand.testing.Api.Held;
import org.evenhand.testing.Db;
import org.evenhand.testing.EngineClock;
import org.evenhand.testing.MailServer;
import org.evenhand.testing.Pages;
import org.evenhand.testing.Zips;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Secure messages on a case (decision 0033), over HTTP against PostgreSQL and the engine: a party
 * and the caseworker exchange messages through the pages; the other party never reads the thread,
 * the panel never sees it; the party is emailed without the text; the messages are in the party's
 * data download; bad messages are refused and nothing is stored.
 */
@QuarkusTest
class MessagesTest {

    static final String ASK = "Can I add the screenshots from the branch group chat? Some were deleted later.";
    static final String REPLY = "Yes please: add them under Add evidence, with the dates they were posted.";

    @AfterEach
    void resetClock() {
        EngineClock.reset();
    }

    /** alice complains about bob; triage puts it to bob. Returns the case and its caseworker. */
    static String[] triaged(LocalDate conduct) {
        String ref = file("alice", "M100002", conduct, List.of("harassment"), "He replied to every post of mine,"
                + " calling me a parasite, after I asked him to stop.");
        Held triage = claimed(CASEWORKERS, ref, "triage");
        complete(triage, Map.of("inScope", true, "clauses", List.of("harassment"), "reasons", "Engages harassment."));
        return new String[] { ref, triage.user() };
    }

    @Test
    void aMemberAndTheCaseworkerExchangeMessagesThroughThePages() throws Exception {
        String[] t = triaged(LocalDate.of(2026, 4, 3));
        String ref = t[0];
        String caseworker = t[1];
        String casePage = "/me/cases/" + ref;

        // alice writes from her case page
        Pages.as("alice", () -> Pages.page().formParam("_csrf", Pages.tokenFrom(casePage)).formParam("text", ASK)
                .post(casePage + "/messages").then().statusCode(303)
                .header("Location", containsString(casePage + "?done=message")));

        // the caseworker reads it on the case file, with who wrote, and replies from the messages page
        Pages.as(caseworker, () -> {
            String file = Pages.page().get("/work/cases/" + ref).then().statusCode(200).extract().asString();
            assertTrue(file.contains("Messages with the parties") && file.contains(ASK), file);
            assertTrue(file.contains("Alice Adeyemi (the complainant)"), "staff see who wrote");
            String form = "/work/cases/" + ref + "/messages";
            Pages.page().formParam("_csrf", Pages.tokenFrom(form)).formParam("to", "complainant")
                    .formParam("text", REPLY).post(form).then().statusCode(303)
                    .header("Location", containsString("done=sent"));
        });
        as(caseworker).get("/api/cases/" + ref + "/messages").then().statusCode(200)
                .body("text", equalTo(List.of(ASK, REPLY))).body("fromStaff", equalTo(List.of(false, true)))
                .body("author", equalTo(List.of("alice", caseworker))).body("partyName[0]", equalTo("Alice Adeyemi"));

        // alice reads the reply on her case page, from "your caseworker", never by name
        Pages.as("alice", () -> {
            String html = Pages.page().get(casePage).then().statusCode(200).extract().asString();
            assertTrue(html.contains(REPLY) && html.contains("Your caseworker"), html);
            assertFalse(html.contains(caseworker + "</strong>"), "the party does not see the caseworker's login");
        });
        as("alice").get("/api/me/cases/" + ref + "/messages").then().statusCode(200)
                .body("from", equalTo(List.of("You", "Your caseworker"))).body("text", equalTo(List.of(ASK, REPLY)));

        // she is told by email that a message waits, without its text
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !MailServer.lettersTo("alice@evenhand.test",
                ref).stream().filter(m -> ComplainantIdentityTest.subject(m).contains("new message")).toList().isEmpty());
        MimeMessage letter = MailServer.lettersTo("alice@evenhand.test", ref).stream()
                .filter(m -> ComplainantIdentityTest.subject(m).contains("new message")).findFirst().orElseThrow();
        String body = ComplainantIdentityTest.text(letter.getContent());
        assertTrue(body.contains("Sign in to Evenhand"), body);
        assertFalse(body.contains("screenshots") || body.contains("Add evidence, with the dates"), body);

        // the respondent never reads the complainant's thread
        as("bob").get("/api/me/cases/" + ref + "/messages").then().statusCode(200).body("$", empty());
        as("bob").get("/api/me/cases/" + ref).then().statusCode(200).body(not(containsString("screenshots")));
        Pages.as("bob", () -> Pages.page().get(casePage).then().statusCode(200)
                .body(not(containsString(ASK))).body(not(containsString(REPLY))));
        // another member has no such case
        as("dan").get("/api/me/cases/" + ref + "/messages").then().statusCode(404);

        // sealed under the case's key, and on the trail
        assertEquals(0L, Db.count("SELECT count(*) FROM case_messages WHERE body LIKE '%screenshots%'"));
        assertEquals(0L, Db.count("SELECT count(*) FROM timeline_entries WHERE summary LIKE '%screenshots%'"));
        assertEquals(2L, Db.count("SELECT count(*) FROM trail_log WHERE case_ref = ? AND action = 'message-sent'", ref));

        // both directions of her own thread are in her data download; none of it in bob's
        String pack = pack("alice");
        assertTrue(pack.contains(ASK) && pack.contains(REPLY), pack);
        assertTrue(pack.contains("\"from\" : \"Your caseworker\""), pack);
        assertFalse(pack("bob").contains("screenshots"));

        // her inbox has the news, and the header counts it until she looks
        Pages.as("alice", () -> {
            String me = Pages.page().get("/me").then().statusCode(200).extract().asString();
            assertTrue(me.contains("id=\"unread\""), "an unread count in the header");
            String inbox = Pages.page().get("/me/inbox").then().statusCode(200).extract().asString();
            assertTrue(inbox.contains("You have a new message from your caseworker") && inbox.contains(ref), inbox);
            assertFalse(inbox.contains(REPLY), "the inbox says there is a message, not what it says");
            String again = Pages.page().get("/me/inbox").then().statusCode(200).extract().asString();
            assertFalse(again.contains("You have a new message from your caseworker"), "looking marks it seen");
        });
        // the caseworker who wrote is emailed when she writes again (a caseworker with an email on record), without the text
        String staffEmail = caseworker + "-messages@evenhand.test";
        Db.update("INSERT INTO members (membership_number, username, display_name, email, clp, region)"
                + " VALUES (?, ?, ?, ?, 'No CLP', 'No region')", "S" + java.util.UUID.randomUUID().toString().substring(0, 8),
                caseworker, "Staff " + caseworker, staffEmail);
        try {
            Pages.as("alice", () -> Pages.page().formParam("_csrf", Pages.tokenFrom(casePage))
                    .formParam("text", "Thank you, I have added them.").post(casePage + "/messages").then()
                    .statusCode(303));
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !MailServer.lettersTo(staffEmail,
                    "A party has written on case " + ref).isEmpty());
            String toStaff = ComplainantIdentityTest.text(MailServer.lettersTo(staffEmail,
                    "A party has written on case " + ref).get(0).getContent());
            assertTrue(toStaff.contains("The complainant on case " + ref + " has sent a message."), toStaff);
            assertFalse(toStaff.contains("added them"), toStaff);
        } finally {
            Db.update("DELETE FROM notifications WHERE recipient_id = (SELECT id FROM members WHERE username = ?)",
                    caseworker);
            Db.update("DELETE FROM members WHERE username = ?", caseworker);
        }
        // and the caseworker's inbox has hers
        Pages.as(caseworker, () -> Pages.page().get("/work/inbox").then().statusCode(200)
                .body(containsString("The complainant sent a message")).body(containsString(ref))
                .body(not(containsString("I have added them"))));
    }

    @Test
    void thePanelNeverSeesTheMessages() {
        String ref = DisclosureTest.reported("bullying", LocalDate.of(2026, 4, 9));
        String investigator = (String) Db.value("SELECT investigator FROM cases WHERE ref = ?", ref);
        as("bob").body(Map.of("text", "Bob Brennan here: I want the panel to know I was provoked."))
                .post("/api/me/cases/" + ref + "/messages").then().statusCode(201).body("from", equalTo("You"));
        as(investigator).body(Map.of("to", "respondent", "text", "Say so in your comment on the report."))
                .post("/api/cases/" + ref + "/messages").then().statusCode(201);
        EngineClock.endCommentWindow(ref);
        List<Held> panel = tasks(PANEL, ref, "panelDecision");
        assertEquals(3, panel.size());
        String seat = panel.get(0).user();

        as(seat).get("/api/cases/" + ref + "/messages").then().statusCode(403)
                .contentType("application/problem+json");
        as(seat).body(Map.of("to", "respondent", "text", "x")).post("/api/cases/" + ref + "/messages").then()
                .statusCode(403);
        JsonPath blind = as(seat).get("/api/cases/" + ref).then().statusCode(200).extract().jsonPath();
        assertTrue(blind.getBoolean("blind"));
        String all = blind.prettify();
        assertFalse(all.contains("provoked") || all.contains("Say so in your comment") || all.contains("sent a message"),
                all);
        Pages.as(seat, () -> {
            String html = Pages.page().get("/work/cases/" + ref).then().statusCode(200).extract().asString();
            assertFalse(html.contains("provoked") || html.contains("Messages with the parties")
                    || html.contains("Say so in your comment"), html);
            Pages.page().get("/work/cases/" + ref + "/messages").then().statusCode(403);
            String inbox = Pages.page().get("/work/inbox").then().statusCode(200).extract().asString();
            assertFalse(inbox.contains("sent a message"), inbox);
        });
        // the complainant does not read the respondent's thread either
        as("alice").get("/api/me/cases/" + ref + "/messages").then().statusCode(200).body("$", empty());
        // while the investigator reads both directions of bob's
        as(investigator).get("/api/cases/" + ref + "/messages").then().statusCode(200)
                .body("party", equalTo(List.of("respondent", "respondent")))
                .body("partyName", hasItem("Bob Brennan"));
    }

    @Test
    void blankAndOverLongMessagesAreRefusedAndNothingIsStored() {
        String ref = file("erin", "M100004", LocalDate.of(2026, 4, 17), List.of("harassment"),
                "Replies to every post I made about the selection, calling me a fraud, for a week.");
        String who = claimed(CASEWORKERS, ref, "triage").user();
        String tooLong = "x".repeat(10_001);
        for (String text : List.of("", "   ", tooLong)) {
            as("erin").body(Map.of("text", text)).post("/api/me/cases/" + ref + "/messages").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("text"));
            as(who).body(Map.of("to", "complainant", "text", text)).post("/api/cases/" + ref + "/messages").then()
                    .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("text"));
        }
        as("erin").body(Map.of()).post("/api/me/cases/" + ref + "/messages").then().statusCode(400);
        as(who).body(Map.of("to", "someone", "text", "Hello")).post("/api/cases/" + ref + "/messages").then()
                .statusCode(400).body("errors.field", hasItem("to"));
        // the respondent has not been told of the complaint: nobody writes to them yet (decision 0004)
        as(who).body(Map.of("to", "respondent", "text", "Hello")).post("/api/cases/" + ref + "/messages").then()
                .statusCode(400).body("errors.field", hasItem("to"));
        as("dan").body(Map.of("text", "Hello")).post("/api/me/cases/" + ref + "/messages").then().statusCode(404);
        Pages.as("erin", () -> {
            String page = "/me/cases/" + ref;
            String html = Pages.page().formParam("_csrf", Pages.tokenFrom(page)).formParam("text", " ")
                    .post(page + "/messages").then().statusCode(400).extract().asString();
            assertEquals("Write your message.", Pages.fieldError(html, "text"));
            html = Pages.page().formParam("_csrf", Pages.tokenFrom(page)).formParam("text", tooLong)
                    .post(page + "/messages").then().statusCode(400).extract().asString();
            assertEquals("Keep your message to 10,000 characters.", Pages.fieldError(html, "text"));
        });
        Pages.as(who, () -> {
            String form = "/work/cases/" + ref + "/messages";
            String html = Pages.page().formParam("_csrf", Pages.tokenFrom(form)).formParam("to", "complainant")
                    .formParam("text", "").post(form).then().statusCode(400).extract().asString();
            assertEquals("Write your message.", Pages.fieldError(html, "text"));
        });
        assertEquals(0L, Db.count("SELECT count(*) FROM case_messages m JOIN cases c ON c.id = m.case_id"
                + " WHERE c.ref = ?", ref));
        assertEquals(0L, Db.count("SELECT count(*) FROM trail_log WHERE case_ref = ? AND action = 'message-sent'", ref));
    }

    @Test
    void destroyingTheCaseAtTheEndOfItsRetentionDestroysItsMessages() {
        String ref = as("carol").body(Map.of("respondentMembershipNumber", "M100006", "conductDate", "2026-04-21",
                "clauses", List.of("bullying"), "allegation", "The respondent keeps calling my motions daft in the chat.",
                "conductLink", "https://chat.example/branch/" + java.util.UUID.randomUUID()))
                .post("/api/complaints").then().statusCode(201).extract().path("ref");
        org.evenhand.testing.Api.awaitStarted("carol", ref);
        Held triage = claimed(CASEWORKERS, ref, "triage");
        as("carol").body(Map.of("text", "It happened at two meetings, not one.")).post("/api/me/cases/" + ref
                + "/messages").then().statusCode(201);
        as(triage.user()).body(Map.of("to", "complainant", "text", "Thank you; noted for triage."))
                .post("/api/cases/" + ref + "/messages").then().statusCode(201);
        complete(triage, Map.of("inScope", false, "reasons", "Calling a motion daft is mild rudeness."));
        // dismissed at triage: destroyed six months after closing (the retention schedule)
        EngineClock.advance(Duration.ofDays(200));
        EngineClock.fireDueTimers(ref);
        assertEquals(null, Db.value("SELECT wrapped_key FROM case_keys WHERE case_ref = ?", ref), "key shredded");
        as("carol").get("/api/me/cases/" + ref + "/messages").then().statusCode(200)
                .body("text", equalTo(List.of("[erased]", "[erased]")));
        as(triage.user()).get("/api/cases/" + ref + "/messages").then().statusCode(200)
                .body("text", equalTo(List.of("[erased]", "[erased]")));
        as("carol").body(Map.of("text", "Is it over?")).post("/api/me/cases/" + ref + "/messages").then()
                .statusCode(409).contentType("application/problem+json");
        assertFalse(pack("carol").contains("two meetings"));
    }

    @Test
    void erasureOnAPartysRequestUnlinksTheirThreadAndItsTextGoesWithTheKey() {
        String tag = ComplainantIdentityTest.tag();
        ComplainantIdentityTest.Person from = ComplainantIdentityTest.Person.make("elsa", tag);
        ComplainantIdentityTest.Person about = ComplainantIdentityTest.Person.make("roy", tag);
        String ref = ComplainantIdentityTest.file(from, about, "https://example.org/messages/" + tag,
                "Roy mocked my speech at the branch meeting.", null);
        org.evenhand.testing.Api.awaitStarted(from.username(), ref);
        Held triage = claimed(CASEWORKERS, ref, "triage");
        as(from.username()).body(Map.of("text", "He did it again at the next meeting.")).post("/api/me/cases/" + ref
                + "/messages").then().statusCode(201);
        complete(triage, Map.of("inScope", false, "reasons", "Mild rudeness."));
        EngineClock.advance(Duration.ofDays(200)); // past the legal claims window
        long req = ((Number) as(from.username()).body(Map.of("statement", "Please erase my complaint."))
                .post("/api/me/erasure-requests").then().statusCode(201).extract().path("id")).longValue();
        as("dara").body(Map.of("approve", true, "reasons", "Closed long ago.")).post("/api/privacy/erasure-requests/"
                + req + "/decision").then().statusCode(200).body("approved", equalTo(true));
        assertEquals(0L, Db.count("SELECT count(*) FROM case_messages m JOIN cases c ON c.id = m.case_id"
                + " WHERE c.ref = ? AND m.member_id IS NOT NULL", ref), "the thread no longer names its member");
        as(triage.user()).get("/api/cases/" + ref + "/messages").then().statusCode(200)
                .body("text", equalTo(List.of("[erased]"))).body("partyName", equalTo(List.of("[erased]")));
    }

    static String pack(String member) {
        byte[] zip = as(member).get("/api/me/data").then().statusCode(200).extract().asByteArray();
        try {
            return new String(Zips.unzip(zip).get("data.json"), StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
