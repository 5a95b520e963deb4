package org.evenhand.casework;

import static org.evenhand.testing.Api.CASEWORKERS;
import static org.evenhand.testing.Api.PANEL;
import static org.evenhand.testing.Api.as;
import static org.evenhand.testing.Api.awaitStarted;
import static org.evenhand.testing.Api.claimed;
import static org.evenhand.testing.Api.complete;
import static org.evenhand.testing.Api.tasks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.evenhand.crypto.CaseVault;
import org.evenhand.identity.Member;
import org.evenhand.testing.Api;
import org.evenhand.testing.EngineClock;
import org.evenhand.testing.Statements;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A member's case view and case list cost a fixed number of SQL statements whatever the case's
 * history (issue 18): a decided and appealed pile-on reads no more per view than its kind needs, and
 * more timeline entries, more complainants or more cases add none. Counted on the calling thread
 * (Statements), each view asked twice so that the second-level cache is warm for both counts.
 */
@QuarkusTest
class CaseViewQueriesTest {

    /** The most statements any party's view of any case may take: the case with its parties, and one each for what it shows. */
    static final int MOST_PER_VIEW = 10;
    static final String CLAUSE = "harassment";

    @Inject
    CaseViews views;
    @Inject
    CaseVault vault;

    @AfterEach
    void resetClock() {
        EngineClock.reset();
    }

    @Test
    void aCaseViewTakesTheSameStatementsWhateverTheHistory() {
        String fresh = filed("alice", "https://example.org/posts/view-queries-fresh-" + System.nanoTime());
        Member alice = member("alice");
        List<String> freshView = counted(() -> views.forMember(alice, fresh));
        assertTrue(freshView.size() <= MOST_PER_VIEW, "a fresh case's view: " + freshView);

        String link = "https://example.org/posts/view-queries-" + System.nanoTime();
        String ref = filed("alice", link);
        for (String joiner : List.of("erin", "frank")) {
            assertEquals(ref, as(joiner).body(complaint(link, "I was tagged in the same post: " + ref + "."))
                    .post("/api/complaints").then().statusCode(201).extract().path("ref"), joiner + " joins the case");
        }
        decidedAndAppealed(ref);

        Map<String, List<String>> before = viewsOf(ref);
        System.out.printf("statements per view: a fresh case %d; a decided and appealed pile-on: %s%n", freshView.size(),
                before.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().size()).toList());
        before.forEach((who, statements) -> assertTrue(statements.size() <= MOST_PER_VIEW,
                who + "'s view of a decided and appealed pile-on: " + statements.size() + " " + statements));
        longerHistory(ref);
        Map<String, List<String>> after = viewsOf(ref);
        after.forEach((who, statements) -> assertEquals(before.get(who).size(), statements.size(),
                who + "'s view after 60 more timeline entries and two more complainants: " + before.get(who) + " then "
                        + statements));
    }

    @Test
    void theCaseListTakesTheSameStatementsWhateverTheNumberOfCases() {
        String link = "https://example.org/posts/list-queries-" + System.nanoTime();
        String ref = filed("carol", link);
        as("dan").body(complaint(link, "The same replies were under my posts: " + ref + "."))
                .post("/api/complaints").then().statusCode(201);
        Member dan = member("dan");
        List<String> before = counted(() -> views.casesOf(dan));
        for (int i = 0; i < 3; i++) {
            String more = "https://example.org/posts/list-queries-" + i + "-" + System.nanoTime();
            filed(i == 0 ? "dan" : "carol", more);
            if (i > 0) {
                as("dan").body(complaint(more, "The same replies were under my posts too."))
                        .post("/api/complaints").then().statusCode(201);
            }
        }
        List<String> after = counted(() -> views.casesOf(dan));
        assertEquals(before.size(), after.size(), "the list after three more cases (two joined): " + before + " then " + after);
        assertTrue(after.size() <= 2, "the case list: " + after);
    }

    private Map<String, List<String>> viewsOf(String ref) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String who : List.of("alice", "erin", "bob")) {
            Member reader = member(who);
            out.put(who, counted(() -> views.forMember(reader, ref)));
        }
        return out;
    }

    /** The statements of the second of two calls (the first warms the caches). */
    private static List<String> counted(Supplier<?> view) {
        view.get();
        return Statements.of(view);
    }

    private static Member member(String username) {
        return QuarkusTransaction.requiringNew().call(() -> Member.byUsername(username).orElseThrow());
    }

    private static Map<String, Object> complaint(String link, String allegation) {
        return Map.of("respondentMembershipNumber", "M100002", "conductDate", "2026-06-10", "clauses", List.of(CLAUSE),
                "allegation", allegation, "conductLink", link);
    }

    private static String filed(String complainant, String link) {
        String ref = as(complainant).body(complaint(link, "Replies under every post I made about the housing motion,"
                + " calling me a liar.")).post("/api/complaints").then().statusCode(201).extract().path("ref");
        awaitStarted(complainant, ref);
        return ref;
    }

    private static void decidedAndAppealed(String ref) {
        complete(claimed(CASEWORKERS, ref, "triage"), Map.of("inScope", true, "clauses", List.of(CLAUSE),
                "reasons", "Engages " + CLAUSE + "."));
        as("bob").body(Map.of("statement", "I have nothing to add.")).post("/api/me/cases/" + ref + "/response")
                .then().statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !tasks(CASEWORKERS, ref, "investigate").isEmpty());
        complete(tasks(CASEWORKERS, ref, "investigate").get(0), Map.of("report", "The messages are as described."));
        as("alice").body(Map.of("comment", "I have read the report.")).post("/api/me/cases/" + ref + "/report-comment")
                .then().statusCode(200);
        EngineClock.endCommentWindow(ref);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> tasks(PANEL, ref, "panelDecision").size() == 3);
        for (Api.Held h : tasks(PANEL, ref, "panelDecision")) {
            complete(h, Map.of("findings", List.of(Map.of("clause", CLAUSE, "upheld", true)), "sanction", "formal-warning",
                    "reasons", "Upheld on the messages."));
        }
        as("bob").body(Map.of("grounds", List.of("PERVERSE_FINDING"), "statement", "The replies were about the policy."))
                .post("/api/me/cases/" + ref + "/appeal").then().statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> tasks(PANEL, ref, "hearAppeal").size() == 3);
        for (Api.Held h : tasks(PANEL, ref, "hearAppeal")) {
            complete(h, Map.of("allow", false, "findings", List.of(Map.of("clause", CLAUSE, "upheld", true)),
                    "sanction", "formal-warning", "reasons", "The panel's finding was open to it."));
        }
        assertEquals("CLOSED", Api.myCase("alice", ref).getString("status"), "the appeal was heard and the case closed");
    }

    /** Sixty more timeline entries (to both parties, to each side, to one complainant) and two more complainants. */
    private void longerHistory(String ref) {
        QuarkusTransaction.requiringNew().run(() -> {
            CaseFile c = CaseFile.byRef(ref).orElseThrow();
            Long erin = Member.byUsername("erin").orElseThrow().id;
            for (int i = 0; i < 60; i++) {
                TimelineEntry e = new TimelineEntry();
                e.caseId = c.id;
                e.at = Instant.now();
                e.actor = i % 3 == 0 ? "bob" : i % 3 == 1 ? "alice" : "process";
                e.kind = "note";
                e.summary = vault.seal(ref, "Entry " + i + " of a long history.");
                e.audience = TimelineEntry.Audience.values()[i % 3];
                e.memberId = i % 5 == 0 ? erin : null;
                e.persist();
            }
            for (String more : List.of("carol", "dan")) {
                JoinedComplainant j = new JoinedComplainant();
                j.caseId = c.id;
                j.memberId = Member.byUsername(more).orElseThrow().id;
                j.allegation = vault.seal(ref, "I was tagged too.");
                j.conductDate = c.conductDate;
                j.conductLink = c.conductLink;
                j.definitionVersion = c.definitionVersion;
                j.citedClauses = List.of(CLAUSE);
                j.matchedOn = "link";
                j.filedAt = Instant.now();
                j.persist();
            }
        });
    }
}
