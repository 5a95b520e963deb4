package org.evenhand.intake;

import static org.evenhand.testing.Api.as;
import static org.evenhand.testing.Api.awaitStarted;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.evenhand.testing.AccessRules;
import org.evenhand.testing.Api;
import org.evenhand.testing.Db;
import org.evenhand.testing.EngineClock;
import org.evenhand.testing.Evidence;
import org.junit.jupiter.api.Test;

/**
 * Pile-on merging: complaints about the same post (by link or by its text, however spelled)
 * within the window are one case with every complainant recorded; the count is shown to
 * caseworkers and the audit, never to the panel; nothing is lost under a surge.
 */
@QuarkusTest
class PileOnTest {

    static final String[] LINKS = { "https://twitter.com/%s/status/%d", "https://x.com/%s/status/%d?s=20",
            "https://www.twitter.com/%s/status/%d/", "http://mobile.twitter.com/%s/status/%d?utm_source=share#r" };
    static final String[] EXCERPTS = { "Members like %s should be thrown out of this party, and I will see to it.",
            "members like %s should be thrown out of this party and I will see to it",
            "  MEMBERS LIKE %s should be thrown out of this party — and I will see to it!! " };


    /**
     * Members of our own for this run (so reruns on the same database do not interfere), spread over
     * CLPs; every tenth has an email address (letters go to the outbox for them; all get their letters
     * on their timeline), so the mail server is not kept busy for the tests after this one.
     */
    static List<String> members(String tag, int n) {
        Db.update("INSERT INTO members (membership_number, username, display_name, email, clp, region)"
                + " SELECT 'S-' || ? || '-' || i, 's-' || ? || '-' || i, 'Surge member ' || ? || '-' || i,"
                + " CASE WHEN i % 10 = 1 THEN 's-' || ? || '-' || i || '@evenhand.test' END, 'Surge CLP ' || (i % 40),"
                + " 'North West' FROM generate_series(1, ?) i", tag, tag, tag, tag, n);
        List<String> users = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            users.add("s-" + tag + "-" + i);
        }
        return users;
    }

    /** A respondent of our own, in a CLP no handler belongs to. */
    static String respondent(String tag) {
        Db.update("INSERT INTO members (membership_number, username, display_name, email, clp, region)"
                + " VALUES (?, ?, ?, ?, 'Respondents CLP', 'North West')", "R-" + tag, "r-" + tag,
                "Respondent " + tag, "r-" + tag + "@evenhand.test");
        return "R-" + tag;
    }

    static Response file(String user, String respondent, String link, String excerpt, String allegation) {
        Map<String, Object> body = new HashMap<>(Map.of("respondentMembershipNumber", respondent, "conductDate",
                "2026-06-01", "clauses", List.of("harassment"), "allegation", allegation));
        if (link != null) {
            body.put("conductLink", link);
        }
        if (excerpt != null) {
            body.put("evidence", Map.of("text", excerpt, "threadContext", List.of("Earlier: the branch vote thread"),
                    "attestPartyToExchange", true, "consent", Evidence.CONSENT));
        }
        return io.restassured.RestAssured.given().auth().oauth2(AccessRules.token(user, "member"))
                .contentType(ContentType.JSON).body(body).post("/api/complaints");
    }

    static String tag() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void aThousandNearIdenticalComplaintsAboutOnePostAreOneCaseWithEveryComplainant() throws Exception {
        String tag = tag();
        List<String> filers = members(tag, 1000);
        String respondent = respondent(tag);
        long status = 1790000000000000000L + Math.abs(tag.hashCode());
        Map<String, String> refs = new ConcurrentHashMap<>();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < filers.size(); i++) {
                int n = i;
                all.add(pool.submit(() -> {
                    String link = LINKS[n % LINKS.length].formatted(n % 3 == 0 ? "SomeOne" + tag : "someone" + tag, status);
                    String excerpt = n % 2 == 0 ? EXCERPTS[n % EXCERPTS.length].formatted("you") : null;
                    Response r = file(filers.get(n), respondent, link, excerpt,
                            "Complaint " + n + ": a post calling for members like me to be thrown out of the party.");
                    if (r.statusCode() == 201) {
                        refs.put(filers.get(n), r.path("ref"));
                    } else {
                        failures.add(filers.get(n) + ": " + r.statusCode() + " " + r.asString());
                    }
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("surge test: 1000 complaints filed in " + millis + " ms (" + (1_000_000 / millis) + "/s)");
        assertTrue(failures.isEmpty(), failures.size() + " complaints refused: " + failures.subList(0,
                Math.min(5, failures.size())));
        assertEquals(1000, refs.size(), "every complaint acknowledged");
        Set<String> cases = Set.copyOf(refs.values());
        assertEquals(1, cases.size(), "one case: " + cases);
        String ref = cases.iterator().next();

        // every complainant recorded, once; nothing lost
        assertEquals(999, Db.count("SELECT count(*) FROM case_complainants j JOIN cases c ON c.id = j.case_id WHERE c.ref = ?", ref));
        assertEquals(1000, Db.count("SELECT count(DISTINCT m.username) FROM members m WHERE m.username LIKE ? AND"
                + " (m.id = (SELECT complainant_id FROM cases WHERE ref = ?) OR m.id IN (SELECT j.member_id FROM"
                + " case_complainants j JOIN cases c ON c.id = j.case_id WHERE c.ref = ?))", "s-" + tag + "-%", ref, ref));
        assertEquals(1, Db.count("SELECT count(*) FROM cases WHERE respondent_id = (SELECT id FROM members WHERE"
                + " membership_number = ?)", respondent), "no second case about the same post");
        assertEquals(1000, Db.count("SELECT count(DISTINCT t.member_id) FROM timeline_entries t JOIN cases c ON c.id = t.case_id"
                + " WHERE c.ref = ? AND t.kind = 'acknowledged'", ref), "each complainant acknowledged, on their own timeline");
        assertEquals(100, Db.count("SELECT count(*) FROM notifications n JOIN cases c ON c.id = n.case_id WHERE c.ref = ?"
                + " AND n.subject LIKE '%We have received your complaint'", ref), "and by email where they have an address");
        assertEquals(500, Db.count("SELECT count(*) FROM evidence_items e JOIN cases c ON c.id = e.case_id WHERE c.ref = ?"
                + " AND e.kind = 'text' AND e.party = 'complainant'", ref), "each excerpt kept as its giver's evidence");
        awaitStarted(filers.get(0), ref);
        assertEquals(1, Db.count("SELECT count(*) FROM act_ru_execution e JOIN act_re_procdef d ON d.id_ = e.proc_def_id_"
                + " WHERE e.business_key_ = ? AND e.parent_id_ IS NULL AND d.key_ = 'complaint'", ref), "one process");

        // each complainant sees the case in their own list, with their own complaint, and only their own letters
        for (int n : new int[] { 0, 1, 2, 517, 998, 999 }) {
            String user = filers.get(n);
            as(user).get("/api/me/cases").then().statusCode(200).body("ref", hasItem(ref));
            JsonPath view = Api.myCase(user, ref);
            assertEquals("complainant", view.getString("yourRole"));
            assertTrue(view.getString("allegation").startsWith("Complaint " + n + ":"), view.getString("allegation"));
            assertEquals(1, view.getList("timeline.kind").stream().filter("acknowledged"::equals).count(),
                    "their own acknowledgement only");
        }

        // caseworkers see the count and who filed when; the audit can count it
        String caseworker = List.of("casey", "quinn", "rowan").stream().filter(u -> as(u).get("/api/cases/" + ref)
                .statusCode() == 200).findFirst().orElseThrow();
        as(caseworker).get("/api/cases/" + ref).then().statusCode(200).body("complainants", equalTo(1000))
                .body("surge.complainants", equalTo(1000)).body("surge.joinedOnLink", equalTo(999));
        as(caseworker).get("/api/cases/" + ref + "/complainants?limit=5&offset=990").then().statusCode(200)
                .body("complainants", equalTo(1000)).body("joined.size()", equalTo(5))
                .body("joined[0].allegation", containsString("Complaint "));
        org.evenhand.testing.Pages.as(caseworker, () -> org.evenhand.testing.Pages.page().get("/work/cases/" + ref)
                .then().statusCode(200).body(containsString("1000 members complained about this post"))
                .body(containsString("The other complainants")).body(containsString("The first 50 are shown")));
        assertEquals(1000, Db.count("SELECT complainants FROM audit_case_facts f JOIN cases c ON c.id = f.case_id"
                + " WHERE c.ref = ?", ref), "the fairness audit counts the pile-on on the case's facts");
        // the letters go out (and leave the mail server to the tests after this one)
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> Db.count("SELECT count(*) FROM"
                + " notifications n JOIN cases c ON c.id = n.case_id WHERE c.ref = ? AND n.status = 'pending'", ref) == 0);
    }

    @Test
    void theSamePostByItsWordsAloneJoinsTheCaseAndAnotherPostDoesNot() throws Exception {
        String tag = tag();
        List<String> filers = members(tag, 4);
        String respondent = respondent(tag);
        String first = file(filers.get(0), respondent, null, EXCERPTS[0].formatted("her"), "About the post: " + tag)
                .then().statusCode(201).body("stage", equalTo("Received")).body("evidenceId", org.hamcrest.Matchers
                        .notNullValue()).extract().path("ref");
        String second = file(filers.get(1), respondent, null, EXCERPTS[2].formatted("her"), "The same post, " + tag)
                .then().statusCode(201).extract().path("ref");
        assertEquals(first, second, "the same words, however written, are the same post");
        // the joining complaint brought a link: a later complaint by link alone finds the case too
        String third = file(filers.get(2), respondent, "https://example.org/p/" + tag, EXCERPTS[1].formatted("her"),
                "Third complaint about it " + tag).then().statusCode(201).extract().path("ref");
        assertEquals(first, third);
        String byLink = file(filers.get(3), respondent, "https://www.example.org/p/" + tag + "/", null,
                "Fourth, by its link " + tag).then().statusCode(201).extract().path("ref");
        assertEquals(first, byLink);
        // another post by the same member is another case; the same complainant twice is refused
        String other = file(filers.get(0), respondent, null, "A different post entirely, about the council budget vote "
                + tag, "Another post " + tag).then().statusCode(201).extract().path("ref");
        assertNotEquals(first, other);
        file(filers.get(1), respondent, null, EXCERPTS[0].formatted("her"), "Again " + tag).then().statusCode(409)
                .body("detail", containsString(first));
        awaitStarted(filers.get(0), first);
        // a joined complainant's subject access pack holds their own part, not what the others did
        byte[] zip = as(filers.get(2)).get("/api/me/data").then().statusCode(200).extract().asByteArray();
        String data = new String(org.evenhand.testing.Zips.unzip(zip).get("data.json"),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(data.contains("Third complaint about it"), "their own complaint");
        assertEquals(1, data.split("complaint-joined", -1).length - 1, "their own joining only:\n" + data);
        assertFalse(data.contains("Fourth, by its link"), "not another complainant's words");
    }

    @Test
    void afterTheWindowTheSamePostOpensANewCase() {
        String tag = tag();
        List<String> filers = members(tag, 2);
        String respondent = respondent(tag);
        String link = "https://example.org/window/" + tag;
        String first = file(filers.get(0), respondent, link, null, "First complaint " + tag).then().statusCode(201)
                .extract().path("ref");
        awaitStarted(filers.get(0), first);
        EngineClock.advance(Duration.ofDays(15));
        try {
            String later = file(filers.get(1), respondent, link, null, "Much later " + tag).then().statusCode(201)
                    .extract().path("ref");
            assertNotEquals(first, later, "outside the 14-day window a complaint opens its own case");
            awaitStarted(filers.get(1), later);
        } finally {
            EngineClock.reset();
        }
    }

    @Test
    void thePanelNeverSeesHowManyComplainedAndTheRespondentSeesNoNames() {
        String tag = tag();
        List<String> filers = members(tag, 3);
        String respondent = respondent(tag);
        String link = "https://example.org/panel/" + tag;
        String ref = null;
        for (String f : filers) {
            ref = file(f, respondent, link, null, "Replies under my posts calling me a traitor, " + f).then()
                    .statusCode(201).extract().path("ref");
        }
        String theCase = ref;
        awaitStarted(filers.get(0), theCase);
        Api.Held triage = Api.claimed(Api.CASEWORKERS, theCase, "triage");
        Api.complete(triage, Map.of("inScope", true, "clauses", List.of("harassment"), "reasons", "Targeted replies."));
        // the respondent: the first complainant by name (no anonymity was asked for), the others counted, never named
        JsonPath told = Api.myCase("r-" + tag, theCase);
        assertEquals("Surge member " + tag + "-1", told.getString("otherParty"));
        assertEquals(2, told.getInt("othersComplained"));
        assertFalse(told.prettify().contains("Surge member " + tag + "-2"), "no joined complainant named");
        assertFalse(told.prettify().contains("Surge member " + tag + "-3"), "no joined complainant named");
        EngineClock.advance(Duration.ofDays(15));
        try {
            EngineClock.fireDueTimers(theCase);
        } finally {
            EngineClock.reset();
        }
        Api.complete(Api.tasks(Api.CASEWORKERS, theCase, "investigate").get(0), Map.of("report", "Replies confirmed."));
        org.evenhand.testing.EngineClock.endCommentWindow(theCase);
        Api.Held seat = Api.tasks(Api.PANEL, theCase, "panelDecision").get(0);
        as(seat.user()).get("/api/cases/" + theCase).then().statusCode(200).body("blind", equalTo(true))
                .body("complainants", nullValue()).body("surge", nullValue())
                .body("timeline.kind", org.hamcrest.Matchers.not(hasItem("complaint-joined")));
        as(seat.user()).get("/api/cases/" + theCase + "/complainants").then().statusCode(403);
        as(triage.user()).get("/api/cases/" + theCase).then().statusCode(200).body("complainants", equalTo(3));
    }
}
