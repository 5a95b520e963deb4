package org.evenhand.testing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Drives the API over HTTP as the demo users, with signed tokens carrying their realm roles. */
public final class Api {

    public static final List<String> CASEWORKERS = List.of("casey", "quinn", "rowan");
    public static final List<String> PANEL = List.of("pat", "pam", "pete", "paula", "percy", "piper", "prue", "penn");
    static final Map<String, Set<String>> ROLES = Map.ofEntries(
            Map.entry("nora", Set.of("member", "nec")), Map.entry("nell", Set.of("nec")), Map.entry("dara", Set.of("dpo")),
            Map.entry("mona", Set.of("manager")));

    private Api() {
    }

    public static Set<String> rolesOf(String user) {
        if (ROLES.containsKey(user)) {
            return ROLES.get(user);
        }
        if (CASEWORKERS.contains(user)) {
            return Set.of("caseworker");
        }
        return PANEL.contains(user) ? Set.of("panel") : Set.of("member");
    }

    private static final java.util.function.Function<String, String> MINTED =
            user -> TestOidcServer.accessToken(user, rolesOf(user));
    private static java.util.function.Function<String, String> tokens = MINTED;

    /** Where tokens come from: minted by the test OIDC server, or (end-to-end) issued by Keycloak. */
    public static void useTokens(java.util.function.Function<String, String> source) {
        tokens = source == null ? MINTED : source;
    }

    public static String token(String user) {
        return tokens.apply(user);
    }

    public static RequestSpecification as(String user) {
        return given().auth().oauth2(token(user)).contentType(ContentType.JSON);
    }

    /**
     * Files a complaint and waits until its process has taken it up (intake acknowledges first and
     * the starter starts the process behind it, within milliseconds), so that the triage task is there.
     */
    public static String file(String complainant, String respondentNumber, LocalDate conductDate, List<String> clauses,
            String allegation) {
        String ref = as(complainant).body(Map.of("respondentMembershipNumber", respondentNumber, "conductDate",
                conductDate.toString(), "clauses", clauses, "allegation", allegation))
                .post("/api/complaints").then().statusCode(201).extract().path("ref");
        awaitStarted(complainant, ref);
        return ref;
    }

    /** Waits until the case's process has started (its stage is no longer "received"). */
    public static void awaitStarted(String complainant, String ref) {
        await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10)).atMost(Duration.ofSeconds(30))
                .until(() -> !"received".equals(as(complainant).get("/api/me/cases/" + ref).then().statusCode(200)
                        .extract().path("stage.step")));
    }

    /** The open task of this kind on the case, and who holds or may claim it (waits briefly for it). */
    public record Held(String user, String taskId) {
    }

    public static List<Held> tasks(List<String> users, String ref, String kind) {
        List<Held> found = new ArrayList<>();
        for (String u : users) {
            JsonPath tasks = as(u).queryParam("q", ref).queryParam("size", "100").get("/api/tasks").then().statusCode(200)
                    .extract().jsonPath();
            List<Map<String, Object>> list = tasks.getList("items");
            for (Map<String, Object> t : list) {
                if (ref.equals(t.get("caseRef")) && kind.equals(t.get("kind"))) {
                    found.add(new Held(u, (String) t.get("id")));
                }
            }
        }
        return found;
    }

    public static Held claimed(List<String> users, String ref, String kind) {
        Held h = tasks(users, ref, kind).get(0);
        as(h.user()).post("/api/tasks/" + h.taskId() + "/claim").then().statusCode(200);
        return h;
    }

    public static void complete(Held h, Object body) {
        as(h.user()).body(body).post("/api/tasks/" + h.taskId() + "/complete").then().statusCode(204);
    }

    public static JsonPath myCase(String member, String ref) {
        return as(member).get("/api/me/cases/" + ref).then().statusCode(200).extract().jsonPath();
    }

    public static void awaitLetter(String address, String subjectContains) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !MailServer.lettersTo(address, subjectContains).isEmpty());
    }
}
