package org.evenhand.casework;

import static org.evenhand.testing.Api.CASEWORKERS;
import static org.evenhand.testing.Api.as;
import static org.evenhand.testing.Api.awaitStarted;
import static org.evenhand.testing.Api.claimed;
import static org.evenhand.testing.Api.complete;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.evenhand.testing.Api;
import org.evenhand.testing.Db;
import org.evenhand.testing.MailServer;
import org.evenhand.testing.Zips;
import org.junit.jupiter.api.Test;

/**
 * Who complained, through the real stack (decision 0029): by default the respondent is told once the
 * allegation is put to them (case view, letter, subject access pack); with anonymity granted at triage
 * nothing they can see names the complainant, by name, membership number, login or email; complainants
 * who joined the case are counted, never named; a triage that leaves a request for anonymity undecided
 * is refused and changes nothing.
 */
@QuarkusTest
class ComplainantIdentityTest {

    /** A member of our own, in a CLP of their own, so that no other test's cases show in their views. */
    record Person(String username, String number, String name, String email) {

        static Person make(String role, String tag) {
            String first = role.substring(0, 1).toUpperCase(Locale.ROOT) + role.substring(1);
            Person p = new Person(role + "-" + tag, role.substring(0, 1).toUpperCase(Locale.ROOT) + "N-" + tag,
                    first + "ine " + first + "son" + tag, role + "-" + tag + "@evenhand.test");
            Db.update("INSERT INTO members (membership_number, username, display_name, email, clp, region)"
                    + " VALUES (?, ?, ?, ?, ?, 'North West')", p.number, p.username, p.name, p.email,
                    "Identity CLP " + role + " " + tag);
            return p;
        }

        /** Every way this person could be identified in text. */
        List<String> traces() {
            return List.of(name, name.split(" ")[0], name.split(" ")[1], number, username, email);
        }
    }

    static String tag() {
        return UUID.randomUUID().toString().substring(0, 6).replace('-', 'x');
    }

    static String file(Person from, Person about, String link, String allegation, Map<String, Object> anonymity) {
        Map<String, Object> body = new HashMap<>(Map.of("respondentMembershipNumber", about.number, "conductDate",
                "2026-06-01", "clauses", List.of("harassment"), "allegation", allegation, "conductLink", link));
        if (anonymity != null) {
            body.put("anonymity", anonymity);
        }
        return as(from.username).body(body).post("/api/complaints").then().statusCode(201).extract().path("ref");
    }

    static JsonPath respondentSees(Person respondent, String ref) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> as(respondent.username)
                .get("/api/me/cases/" + ref).statusCode() == 200);
        return Api.myCase(respondent.username, ref);
    }

    static String letter(Person to, String ref, String subject) throws Exception {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> MailServer.lettersTo(to.email, ref).stream()
                .anyMatch(m -> subject(m).contains(subject)));
        MimeMessage m = MailServer.lettersTo(to.email, ref).stream().filter(x -> subject(x).contains(subject))
                .findFirst().orElseThrow();
        return text(m.getContent());
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(Object content) throws Exception {
        if (content instanceof Multipart mp) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart p = mp.getBodyPart(i);
                out.append(text(p.getContent()));
            }
            return out.toString();
        }
        return String.valueOf(content).replace("\r\n", "\n");
    }

    static String pack(Person member) throws Exception {
        byte[] zip = as(member.username).get("/api/me/data").then().statusCode(200).extract().asByteArray();
        return new String(Zips.unzip(zip).get("data.json"), StandardCharsets.UTF_8);
    }

    static void assertNoTrace(Person p, String where, String text) {
        for (String t : p.traces()) {
            assertFalse(text.toLowerCase(Locale.ROOT).contains(t.toLowerCase(Locale.ROOT)),
                    where + " shows " + t + ":\n" + text);
        }
    }

    @Test
    void byDefaultTheRespondentIsToldWhoComplainedOnceTheAllegationIsPutToThem() throws Exception {
        String tag = tag();
        Person complainant = Person.make("alma", tag);
        Person respondent = Person.make("rory", tag);
        String ref = file(complainant, respondent, "https://example.org/identity/" + tag,
                "Rory mocked me in the branch group for a week.", null);
        awaitStarted(complainant.username, ref);
        as(respondent.username).get("/api/me/cases/" + ref).then().statusCode(404);
        assertTrue(letter(complainant, ref, "We have received your complaint").contains("If the complaint goes ahead,"
                + " " + respondent.name + " will be told what you allege and that the complaint is yours."));

        complete(claimed(CASEWORKERS, ref, "triage"), Map.of("inScope", true, "clauses", List.of("harassment"),
                "reasons", "Repeated mockery."));

        JsonPath view = respondentSees(respondent, ref);
        assertEquals(complainant.name, view.getString("otherParty"));
        assertEquals(0, view.getInt("othersComplained"));
        String told = letter(respondent, ref, "A complaint has been made about your conduct");
        assertTrue(told.contains("The complaint was made by " + complainant.name + "."), told);
        String data = pack(respondent);
        assertTrue(data.contains("\"otherParty\" : \"" + complainant.name + "\""), data);
        for (String never : List.of(complainant.number, complainant.email)) {
            assertFalse(view.prettify().contains(never) || told.contains(never) || data.contains(never), never);
        }
        // the complainant is told, on their timeline and by email, that their name is shared
        assertTrue(letter(complainant, ref, "Your name will be shared").contains(respondent.name
                + " is being told the allegation and that the complaint is yours."));
    }

    @Test
    void grantedAnonymityKeepsEveryTraceOfTheComplainantFromTheRespondentAndJoinedComplainantsAreOnlyCounted()
            throws Exception {
        String tag = tag();
        Person complainant = Person.make("anya", tag);
        Person joiner = Person.make("jude", tag);
        Person respondent = Person.make("reed", tag);
        String link = "https://example.org/identity/" + tag;
        String ref = file(complainant, respondent, link, "Reed posted my home address. I am " + complainant.name
                + " (" + complainant.number + ", " + complainant.username + ") and I am frightened.",
                Map.of("ground", "reprisal", "reasons", "He has threatened people who crossed him before."));
        assertEquals(ref, file(joiner, respondent, link, "The same post; " + joiner.name + " here, "
                + joiner.number + ".", null), "joined the case");
        awaitStarted(complainant.username, ref);

        // triage without deciding the request is refused, and nothing changes
        Api.Held triage = claimed(CASEWORKERS, ref, "triage");
        as(triage.user()).body(Map.of("inScope", true, "clauses", List.of("harassment"), "reasons", "Doxxing."))
                .post("/api/tasks/" + triage.taskId() + "/complete").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("anonymity.grant"));
        as(triage.user()).body(Map.of("inScope", true, "clauses", List.of("harassment"), "reasons", "Doxxing.",
                "anonymity", Map.of("grant", true))).post("/api/tasks/" + triage.taskId() + "/complete").then()
                .statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("reasons")) // the API names the last node
                .body("errors[0].message", org.hamcrest.Matchers.startsWith("Give your reasons for granting or refusing"));
        assertEquals(1, Db.count("SELECT count(*) FROM cases WHERE ref = ? AND triaged_at IS NULL AND anonymity = 'asked'"
                + " AND respondent_notified_at IS NULL", ref));
        assertEquals(1, Api.tasks(List.of(triage.user()), ref, "triage").size(), "the task is still open");
        as(respondent.username).get("/api/me/cases/" + ref).then().statusCode(404);

        complete(triage, Map.of("inScope", true, "clauses", List.of("harassment"), "reasons", "Doxxing.",
                "anonymity", Map.of("grant", true, "reasons", "A credible risk of reprisal.")));
        assertEquals(1, Db.count("SELECT count(*) FROM cases WHERE ref = ? AND anonymity = 'granted'"
                + " AND anonymity_decided_by = ?", ref, triage.user()));

        JsonPath view = respondentSees(respondent, ref);
        assertEquals("the complainant", view.getString("otherParty"));
        assertEquals(1, view.getInt("othersComplained"));
        assertTrue(view.getString("allegation").startsWith("Reed posted my home address. I am [the complainant]"),
                view.getString("allegation"));
        String told = letter(respondent, ref, "A complaint has been made about your conduct");
        assertTrue(told.contains("The complainant asked for their name to be kept from you"), told);
        assertTrue(told.contains("1 other member also complained about the same conduct"), told);
        String data = pack(respondent);
        assertTrue(data.contains("\"otherParty\" : \"the complainant\""), data);
        for (Person hidden : List.of(complainant, joiner)) {
            assertNoTrace(hidden, "the respondent's case view", view.prettify());
            assertNoTrace(hidden, "the allegation letter", told);
            assertNoTrace(hidden, "the respondent's subject access pack", data);
        }
        // the complainant reads the decision and the caseworker's reasons
        String decided = letter(complainant, ref, "Your name will not be shared");
        assertTrue(decided.contains("The caseworker's reasons:\nA credible risk of reprisal."), decided);
        // and the decision is on the trail, by the caseworker
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> Db.count("SELECT count(*) FROM trail_entries"
                + " WHERE case_ref = ? AND action = 'anonymity-decided' AND actor = ?", ref, triage.user()) == 1);
    }

    @Test
    void aDecisionWithoutARequestIsRefused() {
        String tag = tag();
        Person complainant = Person.make("ada", tag);
        Person respondent = Person.make("rex", tag);
        String ref = file(complainant, respondent, "https://example.org/identity/" + tag,
                "Rex mocked me in the branch group for a week.", null);
        awaitStarted(complainant.username, ref);
        Api.Held triage = claimed(CASEWORKERS, ref, "triage");
        as(triage.user()).body(Map.of("inScope", true, "clauses", List.of("harassment"), "reasons", "Mockery.",
                "anonymity", Map.of("grant", true, "reasons", "Just in case."))).post("/api/tasks/" + triage.taskId()
                        + "/complete").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("anonymity.grant"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("did not ask for anonymity"));
        as(complainant.username).body(Map.of("respondentMembershipNumber", respondent.number, "conductDate",
                "2026-06-01", "clauses", List.of("harassment"), "allegation", "Something else he did to me.",
                "anonymity", Map.of("reasons", "x".repeat(5001)))).post("/api/complaints").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("ground", "reasons"))
                .body("errors.message", org.hamcrest.Matchers.hasItems("Keep your reasons to 5,000 characters.",
                        "Choose why you want your name kept from them, or untick the request."));
    }

    @Test
    void thePagesAskDecideAndKeepTheName() {
        String tag = tag();
        Person complainant = Person.make("abby", tag);
        Person respondent = Person.make("ross", tag);
        String ref = org.evenhand.testing.Pages.as(complainant.username, () -> {
            String form = page().get("/me/complaints/new").then().statusCode(200).extract().asString();
            assertTrue(form.contains("is told what you allege <strong>and that the complaint is yours</strong>"), form);
            assertTrue(form.contains("name=\"anonymity.asked\"") && form.contains("value=\"reprisal\""));
            String html = filing(respondent).multiPart("anonymity.asked", "yes").post("/me/complaints/new").then()
                    .statusCode(400).extract().asString();
            assertEquals("Choose why you want your name kept from them, or untick the request.",
                    org.evenhand.testing.Pages.fieldError(html, "anonymity-ground"));
            assertEquals("Say in your own words why your name should be kept from them, or untick the request.",
                    org.evenhand.testing.Pages.fieldError(html, "anonymity-reasons"));
            String location = filing(respondent).multiPart("anonymity.asked", "yes").multiPart("anonymity.ground", "pile-on")
                    .multiPart("anonymity.reasons", "His followers swarm anyone he names.").post("/me/complaints/new")
                    .then().statusCode(303).extract().header("Location");
            return location.replaceFirst(".*/me/cases/", "").replaceFirst("\\?.*", "");
        });
        awaitStarted(complainant.username, ref);
        Api.Held triage = claimed(CASEWORKERS, ref, "triage");
        String task = "/work/tasks/" + triage.taskId();
        org.evenhand.testing.Pages.as(triage.user(), () -> {
            String form = page().get(task).then().statusCode(200).extract().asString();
            assertTrue(form.contains("The complainant asks for their name to be kept from the respondent"), form);
            assertTrue(form.contains("His followers swarm anyone he names."), "the complainant's words");
            String html = page().formParam("_csrf", org.evenhand.testing.Pages.tokenFrom(task)).formParam("inScope", "yes")
                    .formParam("clauses", "harassment").formParam("reasons", "Targeted replies.").post(task).then()
                    .statusCode(400).extract().asString();
            assertTrue(org.evenhand.testing.Pages.fieldError(html, "anonymity-grant").startsWith(
                    "The complainant asked for their name to be kept from the respondent: grant or refuse"), html);
            assertEquals(1, Db.count("SELECT count(*) FROM cases WHERE ref = ? AND triaged_at IS NULL", ref));
            page().formParam("_csrf", org.evenhand.testing.Pages.tokenFrom(task)).formParam("inScope", "yes")
                    .formParam("clauses", "harassment").formParam("reasons", "Targeted replies.")
                    .formParam("anonymity.grant", "yes").formParam("anonymity.reasons", "A real risk of a pile-on.")
                    .post(task).then().statusCode(303);
        });
        respondentSees(respondent, ref);
        String casePage = org.evenhand.testing.Pages.as(respondent.username, () -> page().get("/me/cases/" + ref).then()
                .statusCode(200).extract().asString());
        assertTrue(casePage.contains("The complainant <span class=\"muted\">(their name is kept from you)</span>"),
                casePage);
        assertNoTrace(complainant, "the respondent's case page", casePage);
    }

    static io.restassured.specification.RequestSpecification page() {
        return org.evenhand.testing.Pages.page();
    }

    static io.restassured.specification.RequestSpecification filing(Person respondent) {
        return page().multiPart("_csrf", org.evenhand.testing.Pages.tokenFrom("/me/complaints/new"))
                .multiPart("action", "file").multiPart("respondentMembershipNumber", respondent.number)
                .multiPart("conductDate", "2026-06-01").multiPart("clauses", "harassment")
                .multiPart("allegation", "Replies under every post I make, for a week.");
    }
}
