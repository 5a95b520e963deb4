package org.evenhand.management;

import static io.restassured.RestAssured.given;
import static org.evenhand.testing.Api.as;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.evenhand.testing.Db;
import org.evenhand.testing.TestOidcServer;

/** What the complaints manager's tests share: members of their own, handlers added through the API, the trail. */
final class Manage {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    private Manage() {
    }

    static LocalDate today() {
        return LocalDate.now(LONDON);
    }

    /** A member of our own with a login, in this CLP; returns the login (membership number: its upper case). */
    static String member(String login, String clp) {
        Db.update("INSERT INTO members (membership_number, username, display_name, email, clp, region)"
                + " VALUES (?, ?, ?, ?, ?, 'Wales')", login.toUpperCase(), login, "Member " + login,
                login + "@evenhand.test", clp);
        return login;
    }

    /** A request as this login holding this one realm role (a handler we added signs in with it). */
    static RequestSpecification asRole(String user, String role) {
        return given().auth().oauth2(TestOidcServer.accessToken(user, Set.of(role))).contentType(ContentType.JSON);
    }

    /** The id of the pool with this name. */
    static long pool(String name) {
        return as("mona").get("/api/manager/pools").then().statusCode(200).extract().jsonPath()
                .getLong("find { it.name == '" + name + "' }.id");
    }

    /** Adds the member as a handler in these pools, trained from {@code trained} to {@code expires} (null: untrained). */
    static JsonPath add(String login, List<Long> pools, LocalDate trained, LocalDate expires) {
        Map<String, Object> body = new HashMap<>(Map.of("membershipNumber", login.toUpperCase(), "pools", pools));
        if (trained != null) {
            body.put("trainedOn", trained.toString());
            body.put("trainingExpires", expires.toString());
        }
        return as("mona").body(body).post("/api/manager/handlers").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/manager/handlers/" + login))
                .extract().jsonPath();
    }

    /** The case's open staff tasks as the manager sees them. */
    static List<Map<String, Object>> tasksOf(String ref) {
        return as("mona").queryParam("case", ref).get("/api/manager/tasks").then().statusCode(200).extract().jsonPath()
                .getList("$");
    }

    /** Entries the manager made on the trail with this action whose detail holds this text. */
    static long trail(String action, String detailHolds) {
        return Db.count("SELECT count(*) FROM trail_log WHERE actor = 'mona' AND action = ? AND detail LIKE ?", action,
                "%" + detailHolds + "%");
    }

    /** Staff timeline entries of this kind on the case. */
    static long timeline(String ref, String kind) {
        return Db.count("SELECT count(*) FROM timeline_entries t JOIN cases c ON c.id = t.case_id WHERE c.ref = ?"
                + " AND t.kind = ? AND t.audience = 'staff'", ref, kind);
    }

    /** A complaint from one member about another, started; returns its reference. */
    static String file(String complainant, String respondent, String allegation) {
        String ref = as(complainant).body(Map.of("respondentMembershipNumber", respondent.toUpperCase(), "conductDate",
                today().minusDays(20).toString(), "clauses", List.of("harassment"), "allegation", allegation))
                .post("/api/complaints").then().statusCode(201).extract().path("ref");
        org.evenhand.testing.Api.awaitStarted(complainant, ref);
        return ref;
    }
}
