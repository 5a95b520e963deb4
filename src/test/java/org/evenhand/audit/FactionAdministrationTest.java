package org.evenhand.audit;

import static org.evenhand.testing.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.evenhand.testing.Db;
import org.evenhand.testing.Pages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Decision 0043 over HTTP: the faction list is seeded from the configuration as version 1; the complaints
 * manager previews and publishes new versions (add, relabel, retire; never delete); bad lists are refused
 * (problem+json, nothing stored); nobody else may; the member's declaration form offers the list in force and
 * a declaration keeps the version it was made under.
 */
@QuarkusTest
class FactionAdministrationTest {

    @AfterEach
    void backToVersionOne() {
        // other tests count on the configured list
        Db.update("DELETE FROM faction_declarations WHERE list_version > 1");
        Db.update("UPDATE faction_consent_events SET list_version = NULL WHERE list_version > 1");
        Db.update("DELETE FROM faction_list_entries WHERE version > 1");
        Db.update("DELETE FROM faction_lists WHERE version > 1");
    }

    static long versions() {
        return Db.count("SELECT count(*) FROM faction_lists");
    }

    static Map<String, Object> list(String notice, Object... factions) {
        return Map.of("noticeVersion", notice, "factions", List.of(factions));
    }

    static Map<String, Object> f(String key, String label, boolean retired) {
        return Map.of("key", key, "label", label, "retired", retired);
    }

    static final Object[] NEXT = {f("left", "Left", false), f("soft-left", "Soft left", true), f("centre", "Centre", false),
            f("right", "Right", false), f("greens", "Green wing", false)};

    @Test
    void versionOneIsTheConfiguredList() {
        JsonPath l = as("mona").get("/api/manager/factions").then().statusCode(200).extract().jsonPath();
        assertEquals(1, l.getInt("current.version"));
        assertEquals("2026-1", l.getString("current.noticeVersion"));
        assertEquals(List.of("left", "soft-left", "centre", "right"), l.getList("current.factions.key"));
        assertEquals("configuration", l.getString("current.publishedBy"));
    }

    @Test
    void nobodyButTheManagerMayReadOrChangeTheList() {
        for (String who : List.of("alice", "casey", "pat", "nora", "dara")) {
            as(who).get("/api/manager/factions").then().statusCode(403);
            as(who).body(list("2027-1", NEXT)).post("/api/manager/factions/versions").then().statusCode(403);
            as(who).body(list("2027-1", NEXT)).post("/api/manager/factions/preview").then().statusCode(403);
        }
        assertEquals(1, versions());
    }

    @Test
    void badListsAreRefusedAndNothingStored() {
        for (String action : List.of("preview", "versions")) {
            as("mona").body(list("2027-1", f("left", "Left", false))).post("/api/manager/factions/" + action).then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString("The faction soft-left is missing"));
            as("mona").body(list("", f("left", "", false))).post("/api/manager/factions/" + action).then()
                    .statusCode(400).body("errors.field", equalTo(List.of("noticeVersion", "factions[0].label",
                            "factions", "factions", "factions")));
            as("mona").body("{\"factions\": 3}").post("/api/manager/factions/" + action).then().statusCode(400)
                    .contentType("application/problem+json");
        }
        as("mona").body(list("2026-1", f("left", "Left", false), f("soft-left", "Soft left", false),
                f("centre", "Centre", false), f("right", "Right", false))).post("/api/manager/factions/versions").then()
                .statusCode(409);
        assertEquals(1, versions());
    }

    @Test
    void theManagerPublishesAndTheMembersFormOffersTheNewList() {
        JsonPath preview = as("mona").body(list("2027-1", NEXT)).post("/api/manager/factions/preview").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of("left", "centre", "right", "greens", "prefer-not-to-say"), preview.getList("options.value"));
        assertEquals("Green wing", preview.getString("options[3].label"));
        assertEquals(1, versions(), "a preview stores nothing");

        as("mona").body(list("2027-1", NEXT)).post("/api/manager/factions/versions").then().statusCode(201)
                .body("version", equalTo(2)).body("noticeVersion", equalTo("2027-1"));
        assertEquals(1, Db.count("SELECT count(*) FROM trail_log WHERE actor = 'mona' AND action ="
                + " 'faction-list-published' AND detail LIKE ?", "%version 2 (notice 2027-1) replaces version 1: retired"
                + " soft-left; added greens 'Green wing'; notice 2026-1 -> 2027-1%"));

        JsonPath mine = as("erin").get("/api/me/faction").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("left", "centre", "right", "greens", "prefer-not-to-say"), mine.getList("options"));
        assertEquals("2027-1", mine.getString("notice.version"));
        String form = Pages.as("erin", () -> Pages.page().get("/me/fairness").then().statusCode(200).extract().asString());
        assertTrue(form.contains("value=\"greens\"") && form.contains("Green wing") && !form.contains("value=\"soft-left\""),
                form);
        // a retired faction cannot be declared; the new one can, under the version in force
        as("erin").body(Map.of("faction", "soft-left", "consent", true, "noticeVersion", "2027-1"))
                .put("/api/me/faction").then().statusCode(400);
        as("erin").body(Map.of("faction", "greens", "consent", true, "noticeVersion", "2026-1"))
                .put("/api/me/faction").then().statusCode(400).body("detail", containsString("2027-1"));
        as("erin").body(Map.of("faction", "greens", "consent", true, "noticeVersion", "2027-1"))
                .put("/api/me/faction").then().statusCode(200);
        assertEquals(2, ((Number) Db.value("SELECT d.list_version FROM faction_declarations d JOIN members m"
                + " ON m.id = d.member_id WHERE m.username = 'erin'")).intValue());
        as("erin").delete("/api/me/faction").then().statusCode(204);

        String page = Pages.as("mona", () -> Pages.page().get("/manager/factions").then().statusCode(200).extract()
                .asString());
        assertTrue(page.contains("Version 2 is in force") && page.contains("Green wing (<code>greens</code>)"), page);
    }

    @Test
    void theManagersPagePreviewsTheDeclarationForm() {
        String page = "/manager/factions";
        String preview = Pages.as("mona", () -> Pages.page().formParam("_csrf", Pages.tokenFrom(page))
                .formParam("noticeVersion", "2027-1").formParam("factions[0].label", "Left")
                .formParam("factions[1].label", "Soft left").formParam("factions[2].label", "Centre")
                .formParam("factions[3].label", "Right").formParam("factions[4].key", "greens")
                .formParam("factions[4].label", "Green wing").formParam("action", "preview").post(page).then()
                .statusCode(200).extract().asString());
        assertTrue(preview.contains("id=\"preview-greens\"") && preview.contains("Green wing"), preview);
        String refused = Pages.as("mona", () -> Pages.page().formParam("_csrf", Pages.tokenFrom(page))
                .formParam("noticeVersion", "2027-1").formParam("factions[0].label", "")
                .formParam("action", "publish").post(page).then().statusCode(400).extract().asString());
        assertEquals("Give the faction a label members read.", Pages.fieldError(refused, "factions-0--label"));
        assertEquals(1, versions());
        for (String who : List.of("alice", "casey", "pat")) {
            Pages.as(who, () -> Pages.page().get(page).then().statusCode(403));
        }
    }
}
