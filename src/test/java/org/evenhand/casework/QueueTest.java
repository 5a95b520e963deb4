package org.evenhand.casework;

import static org.evenhand.testing.Api.CASEWORKERS;
import static org.evenhand.testing.Api.PANEL;
import static org.evenhand.testing.Api.as;
import static org.evenhand.testing.Api.complete;
import static org.evenhand.testing.Api.tasks;
import static org.evenhand.testing.Pages.page;
import static org.evenhand.testing.Pages.tokenFrom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.evenhand.testing.Api;
import org.evenhand.testing.Db;
import org.evenhand.testing.EngineClock;
import org.evenhand.testing.Pages;
import org.junit.jupiter.api.Test;

/**
 * The staff queue with a few dozen cases (decision 0034): search by reference, party name and
 * membership number (never what a member wrote), each filter, sorting, paging with totals, bulk
 * claim (one task taken first by someone else), and a panel member's queue that names no one.
 * Every case here is between members made for this test, whose names share a word no other test
 * uses, so that a search for that word scopes every question to these cases.
 */
@QuarkusTest
class QueueTest {

    static final List<String> CLAUSES = List.of("bullying", "harassment", "doxxing");
    static final Map<String, Integer> TIERS = Map.of("bullying", 2, "harassment", 3, "doxxing", 4);
    static final int CASES = 30;

    record Person(String username, String number, String name) {
    }

    record Filed(int i, String ref, Person complainant, Person respondent, String clause) {
    }

    static String tag;
    static String word;
    static List<Person> complainants;
    static List<Person> respondents;
    static List<Filed> filed;
    static Person joiner;
    static String investigator;
    static String seated;

    static Person person(String role, int i) {
        String first = role.equals("c") ? "Cleo" : role.equals("r") ? "Rhea" : "Jude";
        Person p = new Person("q" + role + i + "-" + tag, "Q" + role.toUpperCase(Locale.ROOT) + i + "-" + tag,
                first + " " + word + "son" + i);
        Db.update("INSERT INTO members (membership_number, username, display_name, email, clp, region)"
                + " VALUES (?, ?, ?, ?, ?, 'North West')", p.number, p.username, p.name, p.username + "@evenhand.test",
                "Queue CLP " + p.username);
        return p;
    }

    static String file(Person from, Person about, String clause, String allegation, String link) {
        Map<String, Object> body = new HashMap<>(Map.of("respondentMembershipNumber", about.number, "conductDate",
                "2026-06-01", "clauses", List.of(clause), "allegation", allegation));
        if (link != null) {
            body.put("conductLink", link);
        }
        String ref = as(from.username).body(body).post("/api/complaints").then().statusCode(201).extract().path("ref");
        Api.awaitStarted(from.username, ref);
        return ref;
    }

    /** Thirty cases: case 0 a pile-on, 1 and 2 overdue, 3 at investigation, 4 before the panel, 7 with a rare word. */
    static synchronized void fixture() {
        if (filed != null) {
            return;
        }
        tag = UUID.randomUUID().toString().substring(0, 6).replace('-', 'x');
        word = "Qz" + tag;
        complainants = List.of(person("c", 0), person("c", 1), person("c", 2));
        respondents = List.of(person("r", 0), person("r", 1), person("r", 2), person("r", 3), person("r", 4));
        List<Filed> list = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            Person c = complainants.get(i % 3);
            Person r = respondents.get(i % 5);
            String clause = CLAUSES.get(i % 3);
            String allegation = "Case " + i + ": they replied to every post I made for a week and called me names."
                    + (i == 7 ? " They said it over marmalade" + tag + " at the branch meeting." : "");
            list.add(new Filed(i, file(c, r, clause, allegation, i == 0 ? "https://social.example/p/" + tag : null), c,
                    r, clause));
        }
        filed = list;
        // a pile-on: a further complainant about the same post joins case 0
        joiner = person("j", 0);
        assertEquals(filed.get(0).ref(), as(joiner.username).body(Map.of("respondentMembershipNumber",
                respondents.get(0).number, "conductDate", "2026-06-01", "clauses", List.of("bullying"), "allegation",
                "The same post; it was aimed at me too.", "conductLink", "https://social.example/p/" + tag)).post(
                        "/api/complaints").then().statusCode(201).extract().path("ref"), "joined case 0");
        // overdue: cases 1 and 2's triage fell due yesterday
        for (int i : List.of(1, 2)) {
            String task = tasks(List.of("rowan"), filed.get(i).ref(), "triage").get(0).taskId();
            Db.update("UPDATE act_ru_task SET due_date_ = ? WHERE id_ = ?",
                    Timestamp.from(Instant.now().minusSeconds(86_400)), task);
        }
        // case 3 at investigation, case 4 before the panel
        for (int i : List.of(3, 4)) {
            Filed f = filed.get(i);
            Api.Held triage = Api.claimed(List.of("rowan"), f.ref(), "triage");
            complete(triage, Map.of("inScope", true, "clauses", List.of(f.clause()), "reasons", "Engages " + f.clause() + "."));
            as(f.respondent().username).body(Map.of("statement", "I have nothing to add.")).post("/api/me/cases/"
                    + f.ref() + "/response").then().statusCode(200);
        }
        investigator = tasks(CASEWORKERS, filed.get(3).ref(), "investigate").get(0).user();
        complete(tasks(CASEWORKERS, filed.get(4).ref(), "investigate").get(0), Map.of("report", "As described."));
        EngineClock.endCommentWindow(filed.get(4).ref());
        seated = tasks(PANEL, filed.get(4).ref(), "panelDecision").get(0).user();
        // case 5's triage is quinn's: rowan is offered it no longer (the bulk claim tries it all the same)
        Api.Held taken = tasks(List.of("quinn"), filed.get(5).ref(), "triage").get(0);
        as("quinn").post("/api/tasks/" + taken.taskId() + "/claim").then().statusCode(200);
    }

    static JsonPath queue(String user, Map<String, String> query) {
        return as(user).queryParams(query).get("/api/tasks").then().statusCode(200).extract().jsonPath();
    }

    static Map<String, String> q(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    /** The triage tasks rowan holds or is offered among this test's cases (3 and 4 are past triage, 5 is quinn's). */
    static List<String> triageRefs(Predicate<Filed> which) {
        return filed.stream().filter(f -> f.i() < 3 || f.i() > 5).filter(which).map(Filed::ref).sorted().toList();
    }

    static List<String> refs(JsonPath page) {
        return page.getList("items.caseRef", String.class);
    }

    @Test
    void searchFindsReferencesNamesAndNumbersButNeverWhatMembersWrote() {
        fixture();
        Filed ten = filed.get(10);
        JsonPath byRef = queue("rowan", q("q", ten.ref().toLowerCase(Locale.ROOT)));
        assertEquals(1, byRef.getInt("total"));
        assertEquals(ten.ref(), byRef.getString("items[0].caseRef"));
        assertEquals(ten.complainant().name(), byRef.getString("items[0].complainant"));
        assertEquals(ten.respondent().number(), byRef.getString("items[0].respondentNumber"));
        assertEquals(List.of("harassment"), byRef.getList("items[0].clauses.id"));
        assertEquals(3, byRef.getInt("items[0].tier"));
        assertEquals("triage", byRef.getString("items[0].stage"));
        assertEquals(1, byRef.getInt("items[0].pileOn"));

        List<String> ofRespondent2 = triageRefs(f -> f.respondent() == respondents.get(2));
        JsonPath byName = queue("rowan", q("q", "rhea " + word.toLowerCase(Locale.ROOT) + "son2", "sort", "ref"));
        assertEquals(ofRespondent2, refs(byName));
        assertEquals(ofRespondent2.size(), byName.getInt("total"));
        assertEquals(ofRespondent2, refs(queue("rowan", q("q", respondents.get(2).number(), "sort", "ref"))));
        assertEquals(triageRefs(f -> f.complainant() == complainants.get(1)),
                refs(queue("rowan", q("q", complainants.get(1).name(), "sort", "ref", "size", "100"))));
        assertEquals(List.of(filed.get(0).ref()), refs(queue("rowan", q("q", joiner.number()))),
                "a complainant who joined is a party too");

        JsonPath allegation = queue("rowan", q("q", "marmalade" + tag));
        assertEquals(0, allegation.getInt("total"), "what a member wrote is never searched");
        assertEquals(0, queue("rowan", q("q", "branch meeting")).getInt("total"));
    }

    @Test
    void eachFilterNarrowsTheQueue() {
        fixture();
        Map<String, String> mine = q("q", word, "sort", "ref", "size", "100");
        assertEquals(triageRefs(f -> true).size() + ("rowan".equals(investigator) ? 1 : 0),
                queue("rowan", mine).getInt("total"));

        Map<String, String> triage = new HashMap<>(mine);
        triage.put("stage", "triage");
        assertEquals(triageRefs(f -> true), refs(queue("rowan", triage)));
        Map<String, String> investigating = new HashMap<>(mine);
        investigating.put("stage", "investigate");
        assertEquals(List.of(filed.get(3).ref()), refs(queue(investigator, investigating)));

        for (String clause : CLAUSES) {
            Map<String, String> byClause = new HashMap<>(triage);
            byClause.put("clause", clause);
            assertEquals(triageRefs(f -> f.clause().equals(clause)), refs(queue("rowan", byClause)), clause);
            Map<String, String> byTier = new HashMap<>(triage);
            byTier.put("tier", String.valueOf(TIERS.get(clause)));
            JsonPath tiered = queue("rowan", byTier);
            assertEquals(triageRefs(f -> f.clause().equals(clause)), refs(tiered), "tier of " + clause);
            assertTrue(tiered.getList("items.tierLabel", String.class).stream()
                    .allMatch(l -> l.startsWith("Tier " + TIERS.get(clause))));
        }

        Map<String, String> overdue = new HashMap<>(mine);
        overdue.put("overdue", "true");
        JsonPath late = queue("rowan", overdue);
        assertEquals(List.of(filed.get(1).ref(), filed.get(2).ref()).stream().sorted().toList(), refs(late));
        assertTrue(late.getList("items.overdue", Boolean.class).stream().allMatch(b -> b));

        Map<String, String> pileOns = new HashMap<>(mine);
        pileOns.put("pileOn", "yes");
        JsonPath piled = queue("rowan", pileOns);
        assertEquals(List.of(filed.get(0).ref()), refs(piled));
        assertEquals(2, piled.getInt("items[0].pileOn"));

        Map<String, String> held = new HashMap<>(mine);
        held.put("holder", "mine");
        JsonPath yours = queue("rowan", held);
        assertTrue(yours.getList("items.mine", Boolean.class).stream().allMatch(b -> b));
        held.put("holder", "offered");
        JsonPath offered = queue("rowan", held);
        assertTrue(offered.getList("items.claimable", Boolean.class).stream().allMatch(b -> b));
        assertEquals(queue("rowan", mine).getInt("total"), yours.getInt("total") + offered.getInt("total"));
    }

    @Test
    void sortsEachWayAndPagesWithoutOverlap() {
        fixture();
        List<String> all = triageRefs(f -> true);
        assertEquals(all, refs(queue("rowan", q("q", word, "stage", "triage", "sort", "ref", "size", "100"))));
        assertEquals(all.stream().sorted(Comparator.reverseOrder()).toList(), refs(queue("rowan", q("q", word, "stage", "triage", "sort", "-ref", "size", "100"))));

        JsonPath byDue = queue("rowan", q("q", word, "stage", "triage", "size", "100"));
        List<Instant> due = byDue.getList("items.due", String.class).stream().map(Instant::parse).toList();
        assertEquals(due.stream().sorted().toList(), due, "soonest due first by default");
        assertTrue(byDue.getBoolean("items[0].overdue"), "the overdue come first");
        List<Integer> tiers = queue("rowan", q("q", word, "stage", "triage", "sort", "-tier", "size", "100"))
                .getList("items.tier", Integer.class);
        assertEquals(tiers.stream().sorted(Comparator.reverseOrder()).toList(), tiers);
        assertEquals(filed.get(0).ref(), queue("rowan", q("q", word, "sort", "-pileOn")).getString("items[0].caseRef"));

        List<String> paged = new ArrayList<>();
        int pages = 0;
        for (int p = 1; p <= 5; p++) {
            JsonPath page = queue("rowan", q("q", word, "stage", "triage", "sort", "ref", "size", "7", "page", String.valueOf(p)));
            assertEquals(all.size(), page.getInt("total"));
            assertEquals(7, page.getInt("size"));
            assertEquals(p, page.getInt("page"));
            pages = page.getInt("pages");
            paged.addAll(refs(page));
        }
        assertEquals((all.size() + 6) / 7, pages);
        assertEquals(all, paged, "the pages together are the whole answer, once each");
        JsonPath beyond = queue("rowan", q("q", word, "size", "7", "page", "99"));
        assertTrue(refs(beyond).isEmpty());
        assertTrue(beyond.getInt("total") >= all.size());

        for (Map<String, String> bad : List.of(q("page", "0"), q("size", "101"), q("sort", "allegation"),
                q("tier", "x"), q("overdue", "maybe"), q("q", "x".repeat(101)))) {
            as("rowan").queryParams(bad).get("/api/tasks").then().statusCode(400)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void thePageSearchesSortsAndPagesWithLinksThatKeepTheQuestion() {
        fixture();
        Filed f = filed.get(12);
        Pages.as("rowan", () -> {
            String html = page().queryParam("q", word).queryParam("sort", "-ref").queryParam("size", "5").get("/work")
                    .then().statusCode(200).extract().asString();
            assertTrue(html.contains(f.respondent().name()) || html.contains(filed.get(29).respondent().name()));
            assertTrue(html.contains("aria-sort=\"descending\""), "the sorted column says so");
            assertTrue(html.contains("href=\"/work?q=" + word + "&amp;sort=ref&amp;size=5\""), "its header turns it round");
            assertTrue(html.contains("href=\"/work?q=" + word + "&amp;sort=-ref&amp;page=2&amp;size=5\""),
                    "page links keep the question");
            assertTrue(html.contains("Claim selected"));
            assertFalse(html.contains("marmalade"), "the queue shows nothing a member wrote");
            String refused = page().queryParam("size", "500").get("/work").then().statusCode(400).extract().asString();
            assertEquals("Show from 1 to 100 tasks a page.", Pages.fieldError(refused, "size"));
        });
    }

    @Test
    void bulkClaimClaimsEachAndSaysWhichWereTakenFirst() {
        fixture();
        Filed taken = filed.get(5);
        Filed a = filed.get(6);
        Filed b = filed.get(8);
        Api.Held first = tasks(List.of("quinn"), taken.ref(), "triage").get(0);
        String ta = tasks(List.of("rowan"), a.ref(), "triage").get(0).taskId();
        String tb = tasks(List.of("rowan"), b.ref(), "triage").get(0).taskId();
        Pages.as("rowan", () -> {
            String html = page().formParam("_csrf", tokenFrom("/work")).formParam("task", first.taskId())
                    .formParam("task", ta).formParam("task", tb).formParam("q", word).post("/work/claims").then()
                    .statusCode(200).extract().asString();
            assertTrue(html.contains("Claimed 2 of 3"), html);
            assertTrue(html.contains(taken.ref() + "</a>: Someone else claimed it first."), "names the one taken first");
            String none = page().formParam("_csrf", tokenFrom("/work")).post("/work/claims").then().statusCode(400)
                    .extract().asString();
            assertEquals("Tick the tasks you want to claim.", Pages.fieldError(none, "task"));
        });
        JsonPath mine = queue("rowan", q("q", word, "holder", "mine", "stage", "triage", "sort", "ref"));
        assertEquals(List.of(a.ref(), b.ref()).stream().sorted().toList(), refs(mine));
        assertEquals("quinn", queue("quinn", q("q", taken.ref())).getString("items[0].assignee"));
        assertEquals(1, Db.count("SELECT count(*) FROM act_ru_task WHERE id_ = ? AND assignee_ = 'rowan'", ta));
    }

    @Test
    void aPanelMembersQueueNamesNoOne() {
        fixture();
        Filed f = filed.get(4);
        JsonPath byRef = queue(seated, q("q", f.ref()));
        assertEquals(1, byRef.getInt("total"));
        assertTrue(byRef.getBoolean("items[0].blind"));
        assertNull(byRef.get("items[0].complainant"));
        assertNull(byRef.get("items[0].respondentNumber"));
        assertNull(byRef.get("items[0].pileOn"));
        assertEquals(List.of(f.clause()), byRef.getList("items[0].clauses.id"));
        assertEquals(0, queue(seated, q("q", f.respondent().name())).getInt("total"), "no search by name on a blind row");
        assertEquals(0, queue(seated, q("q", f.respondent().number())).getInt("total"));
        String api = as(seated).get("/api/tasks").then().statusCode(200).extract().asString();
        String html = Pages.as(seated, () -> page().queryParam("q", f.ref()).get("/work").then().statusCode(200)
                .extract().asString());
        assertTrue(html.contains(f.ref()), "the case is in the panel member's queue");
        for (String trace : List.of(word, f.respondent().number(), f.complainant().number(), "Rhea", "Cleo")) {
            assertFalse(api.contains(trace), "the API names no one to a panel: " + trace);
            assertFalse(html.contains(trace), "the page names no one to a panel: " + trace);
        }
        assertFalse(html.contains("Complainants</a>"), "nor says how many complained");
    }
}
