package org.evenhand.privacy;

import static org.evenhand.testing.Pages.as;
import static org.evenhand.testing.Pages.fieldError;
import static org.evenhand.testing.Pages.page;
import static org.evenhand.testing.Pages.tokenFrom;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.evenhand.testing.Api;
import org.evenhand.testing.Db;
import org.evenhand.web.Formats;
import org.junit.jupiter.api.Test;

/**
 * The DPO's pages (issue 17; the review steps of issue 15): finding a member by name or number,
 * recording a request that came by post, the request history that stays once answered, and marking
 * a request answered only through a review step; a member's own request has a review step too.
 */
@QuarkusTest
class DpoRequestPagesTest {

    static SubjectAccessPackTest.Person person(String first, String last) {
        return SubjectAccessPackTest.person(first, last);
    }

    static long requestsOf(String number, String table) {
        return Db.count("SELECT count(*) FROM " + table + " r JOIN members m ON m.id = r.member_id"
                + " WHERE m.membership_number = ?", number);
    }

    @Test
    void theDpoFindsAMemberByNameAndByMembershipNumber() {
        SubjectAccessPackTest.Person p = person("Bethan", "Bowen");
        String surname = p.name().split(" ")[1];
        as("dara", () -> {
            for (String q : java.util.List.of("Bethan Bow", p.number(), p.number().toLowerCase())) {
                String html = page().queryParam("q", q).get("/dpo/members").then().statusCode(200).extract().asString();
                assertTrue(html.contains("href=\"/dpo/members/" + p.number() + "\"") && html.contains(p.name()),
                        "found by " + q + ":\n" + html);
            }
            String none = page().queryParam("q", "Nobody Atall-" + p.number()).get("/dpo/members").then().statusCode(200)
                    .extract().asString();
            assertTrue(none.contains("No member found"), none);
            String tooShort = page().queryParam("q", "B").get("/dpo/members").then().statusCode(400).extract().asString();
            assertNotNull(fieldError(tooShort, "q"), "a search of one letter is refused next to the field");
            // the overview has the search box
            page().get("/dpo").then().statusCode(200).body(containsString("action=\"/dpo/members\""));
        });
        Api.as("dara").queryParam("q", surname).get("/api/privacy/members").then().statusCode(200)
                .body("membershipNumber", hasItem(p.number()));
        Api.as("dara").queryParam("q", p.number()).get("/api/privacy/members").then().statusCode(200)
                .body("displayName", hasItem(p.name()));
        Api.as("dara").queryParam("q", "x").get("/api/privacy/members").then().statusCode(400)
                .contentType("application/problem+json");
        as("alice", () -> page().queryParam("q", surname).get("/dpo/members").then().statusCode(403));
    }

    @Test
    void aRequestByPostIsRecordedAsSuchAndMarkedAnsweredOnlyAfterTheReview() {
        SubjectAccessPackTest.Person p = person("Osian", "Owen");
        LocalDate arrived = LocalDate.now(ZoneId.of("Europe/London")).minusDays(3);
        String memberPage = "/dpo/members/" + p.number();
        as("dara", () -> {
            String token = tokenFrom(memberPage);
            // refused: erasure without the member's words; a letter from the future; no kind; nothing stored
            String html = page().formParam("_csrf", token).formParam("kind", "erasure")
                    .formParam("receivedOn", arrived.plusDays(10).toString()).post(memberPage + "/requests").then()
                    .statusCode(400).extract().asString();
            assertTrue(fieldError(html, "statement").contains("in their words"), fieldError(html, "statement"));
            assertTrue(fieldError(html, "receivedOn").contains("future"), fieldError(html, "receivedOn"));
            html = page().formParam("_csrf", token).formParam("receivedOn", "not a date").formParam("statement", "x")
                    .post(memberPage + "/requests").then().statusCode(400).extract().asString();
            assertNotNull(fieldError(html, "kind"));
            assertNotNull(fieldError(html, "receivedOn"));
            assertTrue(html.contains(">x</textarea>"), "what was typed is kept");
            assertEquals(0, requestsOf(p.number(), "subject_access_requests") + requestsOf(p.number(), "erasure_requests"));

            page().formParam("_csrf", token).formParam("kind", "access").formParam("receivedOn", arrived.toString())
                    .post(memberPage + "/requests").then().statusCode(303)
                    .header("Location", endsWith(memberPage + "?done=recorded#history"));
        });
        assertEquals(1, requestsOf(p.number(), "subject_access_requests"));
        long id = ((Number) Db.value("SELECT r.id FROM subject_access_requests r JOIN members m ON m.id = r.member_id"
                + " WHERE m.membership_number = ?", p.number())).longValue();
        assertEquals("post", Db.value("SELECT received_via FROM subject_access_requests WHERE id = ?", id));
        assertEquals("dara", Db.value("SELECT recorded_by FROM subject_access_requests WHERE id = ?", id));
        assertEquals(arrived.toString(), Db.value("SELECT to_char(requested_at AT TIME ZONE 'Europe/London', 'YYYY-MM-DD')"
                + " FROM subject_access_requests WHERE id = ?", id), "received on the day the letter arrived");
        assertEquals(arrived.plusMonths(1).toString(), Db.value("SELECT to_char(due_at AT TIME ZONE 'Europe/London',"
                + " 'YYYY-MM-DD') FROM subject_access_requests WHERE id = ?", id), "due one month after it arrived");
        assertEquals(1L, Db.count("SELECT count(*) FROM trail_log WHERE actor = 'dara' AND action = 'subject-access-recorded'"
                + " AND detail LIKE ?", "request " + id + " %"));

        as("dara", () -> {
            String history = page().get(memberPage).then().statusCode(200).extract().asString();
            assertTrue(history.contains("By post, recorded by dara"), history);
            assertTrue(history.contains("href=\"/dpo/subject-access-requests/" + id + "\""), "a way to the review");
            String review = page().get("/dpo/subject-access-requests/" + id).then().statusCode(200).extract().asString();
            assertTrue(review.contains("Check what will be recorded"), review);
            assertTrue(review.contains(p.name()) && review.contains("by post") && review.contains("Answered by"), review);
            assertTrue(review.contains("The names of the staff") || review.contains("Nothing: the pack leaves nothing out"),
                    "what the pack withholds is shown before it is recorded");
            String token = org.evenhand.testing.Pages.token(review);
            // without the box ticked: the review again, with the reason, and nothing recorded
            String refused = page().formParam("_csrf", token).post("/dpo/subject-access-requests/" + id + "/fulfil").then()
                    .statusCode(400).extract().asString();
            assertTrue(fieldError(refused, "confirm").contains("Tick the box"), fieldError(refused, "confirm"));
            assertNull(Db.value("SELECT fulfilled_at FROM subject_access_requests WHERE id = ?", id), "nothing recorded");
            page().formParam("_csrf", token).formParam("confirm", "yes").post("/dpo/subject-access-requests/" + id + "/fulfil")
                    .then().statusCode(303).header("Location", endsWith(memberPage + "?done=answered#history"));
            assertEquals("dara", Db.value("SELECT fulfilled_by FROM subject_access_requests WHERE id = ?", id));
            // answered twice: the review is gone (404), nothing changes
            page().formParam("_csrf", token).formParam("confirm", "yes").post("/dpo/subject-access-requests/" + id + "/fulfil")
                    .then().statusCode(404);
            // the history keeps it, answered, by whom and when
            String after = page().queryParam("done", "answered").get(memberPage).then().statusCode(200).extract().asString();
            assertTrue(after.contains("marked as answered"), after);
            assertTrue(after.contains("Answered on " + Formats.date(java.time.Instant.now()) + " by dara"), after);
            String overview = page().get("/dpo").then().statusCode(200).extract().asString();
            assertTrue(overview.contains("Answered lately") && overview.contains(p.name()), "answered requests stay in view");
        });

        // an erasure request by post through the API, and the history over the API
        Api.as("dara").body(Map.of("kind", "erasure", "receivedOn", arrived.toString(), "statement",
                "Please erase my complaints once you no longer need them.")).post("/api/privacy/members/" + p.number()
                        + "/requests").then().statusCode(201).header("Location", containsString("/api/privacy/erasure-requests/"));
        Api.as("dara").body(Map.of("kind", "access", "receivedOn", arrived.plusDays(30).toString()))
                .post("/api/privacy/members/" + p.number() + "/requests").then().statusCode(400)
                .contentType("application/problem+json");
        var h = Api.as("dara").get("/api/privacy/members/" + p.number() + "/requests").then().statusCode(200).extract()
                .jsonPath();
        assertEquals(p.name(), h.getString("displayName"));
        assertEquals(2, h.getList("requests").size());
        assertEquals("access", h.getString("requests.find { it.id == " + id + " && it.kind == 'access' }.kind"));
        assertEquals("dara", h.getString("requests.find { it.kind == 'access' }.answeredBy"));
        assertEquals("post", h.getString("requests.find { it.kind == 'erasure' }.receivedVia"));
        assertNull(h.get("requests.find { it.kind == 'erasure' }.answeredAt"));
    }

    @Test
    void aMembersSubjectAccessRequestIsSentOnlyAfterItsReview() {
        SubjectAccessPackTest.Person p = person("Nia", "Nicholas");
        as(p.login(), () -> {
            page().get("/me/data").then().statusCode(200).body(containsString("href=\"/me/data/access-request\""));
            String review = page().get("/me/data/access-request").then().statusCode(200).extract().asString();
            assertTrue(review.contains("Check your subject access request") && review.contains(p.name())
                    && review.contains(p.number()), review);
            assertTrue(review.contains(Formats.date(java.time.Instant.now().atZone(ZoneId.of("Europe/London"))
                    .plusMonths(1).toInstant())), "the day the answer is due");
            String token = org.evenhand.testing.Pages.token(review);
            String refused = page().formParam("_csrf", token).post("/me/data/access-request").then().statusCode(400)
                    .extract().asString();
            assertTrue(fieldError(refused, "confirm").contains("Tick the box"), fieldError(refused, "confirm"));
            assertEquals(0, requestsOf(p.number(), "subject_access_requests"), "nothing sent without confirming");
            page().formParam("_csrf", token).formParam("confirm", "yes").post("/me/data/access-request").then()
                    .statusCode(303).header("Location", containsString("/me/data?done=access"));
        });
        assertEquals(1, requestsOf(p.number(), "subject_access_requests"));
        assertEquals("online", Db.value("SELECT r.received_via FROM subject_access_requests r JOIN members m"
                + " ON m.id = r.member_id WHERE m.membership_number = ?", p.number()));
    }
}
