package org.evenhand.membership;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.evenhand.testing.AccessRules;
import org.evenhand.testing.Api;
import org.evenhand.testing.Db;
import org.evenhand.testing.TestOidcServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Membership sync through the API (decision 0039), with tokens minted like Keycloak's: the membership
 * system's own service client is let in on this endpoint only; a dry run stores nothing; a refused file
 * names each bad line and stores nothing; a file with new, changed and lapsed members applied twice gives
 * the same state; a lapsed member keeps their cases but cannot file. The Keycloak side is
 * MembershipKeycloakEndToEndTest's; the drop and the page are MembershipDropAndPageTest's.
 */
@QuarkusTest
class MembershipSyncTest {

    static final String HEADER = "membership_number,display_name,email,clp,region,status\n";

    /** A token Keycloak issues to the membership system's client (client credentials): its own azp, Evenhand's audience. */
    static String systemToken() {
        return TestOidcServer.foreignToken("service-account-evenhand-membership", Set.of("membership-sync"),
                "evenhand-membership", "evenhand-web");
    }

    static Response send(String token, String contentType, String body, String query) {
        var req = given().contentType(contentType).body(body);
        if (token != null) {
            req = req.auth().oauth2(token);
        }
        return req.post("/api/membership/sync" + query);
    }

    static JsonPath apply(String csv) {
        return send(systemToken(), "text/csv", csv, "").then().statusCode(200).extract().jsonPath();
    }

    /** The stored members with these numbers, one line each, and the counts of what a sync writes. */
    static String state(String... numbers) {
        StringBuilder b = new StringBuilder();
        for (String n : numbers) {
            b.append(Db.value("SELECT concat_ws('|', membership_number, username, display_name, email, clp, region, status,"
                    + " joined_on) FROM members WHERE membership_number = ?", n)).append('\n');
        }
        return b.toString();
    }

    @AfterAll
    static void leaveNothingForKeycloak() {
        // the Keycloak-backed boot shares this database: it must not provision this class's members
        Db.update("DELETE FROM keycloak_provisioning");
    }

    @Test
    void theMembershipSystemsOwnTokenIsTakenOnItsEndpointOnly() {
        String csv = HEADER + "M100001,Alice Adeyemi,alice@evenhand.test,Leeds Central,Yorkshire and the Humber,active\n";
        send(systemToken(), "text/csv", csv, "?dryRun=true").then().statusCode(200);
        send(AccessRules.token("mona", "manager"), "text/csv", csv, "?dryRun=true").then().statusCode(200);
        send(AccessRules.token("alice", "member"), "text/csv", csv, "?dryRun=true").then().statusCode(403);
        send(null, "text/csv", csv, "?dryRun=true").then().statusCode(401);
        // the service client's token is not Evenhand's anywhere else, whatever role it carries
        for (String path : List.of("/api/me/cases", "/api/tasks", "/api/escalations", "/api/membership/../me/cases")) {
            given().auth().oauth2(TestOidcServer.foreignToken("service-account-evenhand-membership",
                    Set.of("membership-sync", "member", "caseworker", "manager"), "evenhand-membership", "evenhand-web"))
                    .get(path).then().statusCode(401);
        }
        // on its endpoint: it must carry Evenhand's audience, and the role
        send(TestOidcServer.foreignToken("service-account-evenhand-membership", Set.of("membership-sync"),
                "evenhand-membership"), "text/csv", csv, "?dryRun=true").then().statusCode(401);
        send(TestOidcServer.foreignToken("service-account-evenhand-membership", Set.of("member"), "evenhand-membership",
                "evenhand-web"), "text/csv", csv, "?dryRun=true").then().statusCode(403);
        // another client's token claiming the role is not the membership system's
        send(TestOidcServer.foreignToken("someone", Set.of("membership-sync"), "admin-cli", "evenhand-web"), "text/csv",
                csv, "?dryRun=true").then().statusCode(401);
        given().auth().oauth2(systemToken()).get("/api/membership/syncs").then().statusCode(200);
    }

    @Test
    void aDryRunSaysWhatWouldChangeAndStoresNothing() {
        String before = state("M100001", "M100002", "DR0001") + Db.count("SELECT count(*) FROM membership_syncs")
                + Db.count("SELECT count(*) FROM keycloak_provisioning") + Db.count("SELECT count(*) FROM members");
        String csv = HEADER
                + "M100001,Alice Adeyemi,alice@evenhand.test,Leeds Central,Yorkshire and the Humber,active\n"
                + "M100002,Bob Brennan,bob.brennan@evenhand.test,Bristol East,South West,active\n"
                + "DR0001,Dry Run,dry@evenhand.test,Hove,South East,active\n"
                + "M100003,Carol Chowdhury,carol@evenhand.test,Leeds Central,Yorkshire and the Humber,lapsed\n";
        JsonPath r = send(systemToken(), "text/csv", csv, "?dryRun=true&mode=upsert").then().statusCode(200).extract()
                .jsonPath();
        assertEquals(true, r.getBoolean("dryRun"));
        assertNull(r.get("syncId"));
        assertEquals(List.of(4, 1, 1, 1, 0, 1), List.of(r.getInt("records"), r.getInt("created"), r.getInt("updated"),
                r.getInt("lapsed"), r.getInt("reactivated"), r.getInt("unchanged")));
        assertEquals(List.of("M100002", "DR0001", "M100003"), r.getList("changes.membershipNumber"));
        assertEquals(List.of("updated", "created", "lapsed"), r.getList("changes.change"));
        assertEquals(List.of("email", "clp"), r.getList("changes[0].fields"));
        String after = state("M100001", "M100002", "DR0001") + Db.count("SELECT count(*) FROM membership_syncs")
                + Db.count("SELECT count(*) FROM keycloak_provisioning") + Db.count("SELECT count(*) FROM members");
        assertEquals(before, after, "a dry run stores nothing");
        assertEquals("active", Db.value("SELECT status FROM members WHERE membership_number = 'M100003'"));
    }

    @Test
    void aRefusedFileNamesEachBadLineAndStoresNothing() {
        long members = Db.count("SELECT count(*) FROM members");
        String csv = HEADER
                + "BAD0001,Good Row,good@evenhand.test,Hove,South East,active\n"
                + "BAD0002,Bad Email,not-an-email,Hove,South East,active\n"
                + "\n"
                + "BAD0003,Bad Status,b3@evenhand.test,Hove,South East,gone\n"
                + "BAD0001,Twice,twice@evenhand.test,Hove,South East,active\n"
                + "BAD0004,Too,Few\n"
                + "\"BAD 0005\",\"" + "N".repeat(201) + "\",,,South East,active\n";
        JsonPath p = send(systemToken(), "text/csv", csv, "").then().statusCode(400)
                .contentType("application/problem+json").extract().jsonPath();
        assertEquals(List.of(3, 5, 6, 7, 8, 8, 8), p.getList("errors.line"));
        assertEquals(List.of("email", "status", "membership_number", "line", "membership_number", "display_name", "clp"),
                p.getList("errors.field"));
        assertTrue(p.getString("errors[2].message").contains("already given at line 2"), p.prettify());
        assertTrue(p.getString("detail").contains("7 records are refused; nothing was changed"), p.getString("detail"));
        assertEquals(members, Db.count("SELECT count(*) FROM members"), "nothing stored, not even the good row");
        assertEquals(0, Db.count("SELECT count(*) FROM members WHERE membership_number = 'BAD0001'"));

        JsonPath header = send(systemToken(), "text/csv", "membership_number,name,email,clp,region\nX1,a,,b,c\n", "")
                .then().statusCode(400).extract().jsonPath();
        assertEquals(1, header.getInt("errors[0].line"));
        assertTrue(header.getString("errors[0].message").contains("Missing: display_name, status"), header.prettify());
        assertTrue(header.getString("errors[0].message").contains("Not known: name"));
        send(systemToken(), "text/csv", HEADER, "").then().statusCode(400);
        send(systemToken(), "text/csv", "", "").then().statusCode(400);

        JsonPath json = send(systemToken(), "application/json", """
                {"members": [{"membershipNumber": "BAD0006", "displayName": "J Son", "email": null, "clp": "Hove",
                  "region": "South East", "status": "active"},
                 {"membershipNumber": "BAD0007", "displayName": "", "email": "x@", "clp": "Hove",
                  "region": "South East", "status": "active", "joinedOn": "2999-01-01"}]}""", "").then().statusCode(400)
                .extract().jsonPath();
        assertEquals(List.of("members[1].displayName", "members[1].email", "members[1].joinedOn"), json.getList("errors.field"));
        assertEquals(0, Db.count("SELECT count(*) FROM members WHERE membership_number = 'BAD0006'"));

        send(systemToken(), "text/csv", HEADER + "BAD0008,A B,,Hove,South East,active\n", "?dryRun=yes").then().statusCode(400);
        send(systemToken(), "text/csv", HEADER + "BAD0008,A B,,Hove,South East,active\n", "?mode=partial").then().statusCode(400);
        // a full file that leaves out nearly everyone is a truncated file: refused, not applied
        JsonPath full = send(systemToken(), "text/csv", HEADER + "BAD0008,A B,,Hove,South East,active\n", "?mode=full")
                .then().statusCode(400).extract().jsonPath();
        assertEquals("mode", full.getString("errors[0].field"));
        assertTrue(full.getString("errors[0].message").contains("active members only because the file leaves them out"));
        assertEquals(members, Db.count("SELECT count(*) FROM members"));
        assertEquals(0, Db.count("SELECT count(*) FROM members WHERE status = 'lapsed' AND membership_number LIKE 'M1000%'"));
    }

    @Test
    void aFileWithNewChangedAndLapsedMembersAppliedTwiceGivesTheSameState() {
        JsonPath first = apply(HEADER
                + "MS1001,Moira Stewart,moira@evenhand.test,Cardiff North,Wales,active\n"
                + "MS1002,Lapsing Larry,larry@evenhand.test,Cardiff North,Wales,active\n"
                + "MS1003,Steady Sam,sam@evenhand.test,Swansea West,Wales,active\n");
        assertEquals(3, first.getInt("created"));
        // Larry files a complaint while a member
        String ref = Api.file("ms1002", "MS1003", LocalDate.of(2026, 6, 1), List.of("harassment"),
                "Messages to me every night about the branch vote after I asked them to stop writing to me.");

        String second = HEADER
                + "MS1004,New Nia,nia@evenhand.test,Cardiff North,Wales,active\n"
                + "ms1001,Moira Stewart,Moira.Stewart@Evenhand.test,Cardiff Central,Wales,active\n"
                + "MS1001,Moira Stewart,Moira.Stewart@Evenhand.test,Cardiff Central,Wales,active\n"
                + "MS1002,Lapsing Larry,larry@evenhand.test,Cardiff North,Wales,lapsed\n"
                + "MS1003,Steady Sam,sam@evenhand.test,Swansea West,Wales,active\n";
        JsonPath once = apply(second);
        assertEquals(List.of(5, 2, 1, 1, 1), List.of(once.getInt("records"), once.getInt("created"), once.getInt("updated"),
                once.getInt("lapsed"), once.getInt("unchanged")));
        String afterOnce = state("MS1001", "ms1001", "MS1002", "MS1003", "MS1004");
        long trailOnce = Db.count("SELECT count(*) FROM trail_log WHERE detail LIKE 'member MS100%' OR detail LIKE 'member ms100%'");
        JsonPath twice = apply(second);
        assertEquals(afterOnce, state("MS1001", "ms1001", "MS1002", "MS1003", "MS1004"), "the same state");
        assertEquals(5, twice.getInt("unchanged"));
        assertEquals(List.of(), twice.getList("changes"));
        assertEquals(once.getString("digest"), twice.getString("digest"));
        assertEquals(trailOnce, Db.count("SELECT count(*) FROM trail_log WHERE detail LIKE 'member MS100%'"
                + " OR detail LIKE 'member ms100%'"), "nothing changed, nothing on the trail but the sync itself");

        assertEquals("MS1001|ms1001|Moira Stewart|moira.stewart@evenhand.test|Cardiff Central|Wales|active",
                afterOnce.lines().findFirst().orElseThrow().replaceFirst("\\|\\d{4}-\\d\\d-\\d\\d$", ""));
        // "ms1001" is another member for the membership system, but cannot have the login ms1001 too
        assertNull(Db.value("SELECT username FROM members WHERE membership_number = 'ms1001'"));
        assertEquals("lapsed", Db.value("SELECT status FROM members WHERE membership_number = 'MS1002'"));
        assertEquals(1, Db.count("SELECT count(*) FROM trail_log WHERE action = 'member-lapsed' AND detail LIKE 'member MS1002 %'"));
        assertEquals(1, Db.count("SELECT count(*) FROM trail_log WHERE action = 'member-updated'"
                + " AND detail LIKE 'member MS1001 fields email,clp sync %'"));
        assertEquals(0, Db.count("SELECT count(*) FROM trail_log WHERE detail LIKE '%moira%' OR detail LIKE '%Cardiff%'"),
                "no personal data on the trail beyond membership numbers");
        // every member with a login waits for Keycloak (MembershipKeycloakEndToEndTest provisions them for real)
        assertEquals(4, Db.count("SELECT count(*) FROM keycloak_provisioning k JOIN members m ON m.id = k.member_id"
                + " WHERE m.membership_number IN ('MS1001', 'MS1002', 'MS1003', 'MS1004')"));

        // a lapsed member keeps their case, and cannot file a new one
        Api.as("ms1002").get("/api/me/cases/" + ref).then().statusCode(200);
        Api.as("ms1002").body(Map.of("respondentMembershipNumber", "MS1003", "conductDate", "2026-06-02", "clauses",
                List.of("harassment"), "allegation", "More messages the next night about the vote, after I asked again."))
                .post("/api/complaints").then().statusCode(403).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("membership has lapsed"));
        // and is a member again when the membership system says so
        JsonPath back = apply(HEADER + "MS1002,Lapsing Larry,larry@evenhand.test,Cardiff North,Wales,active\n");
        assertEquals(1, back.getInt("reactivated"));
        assertNotNull(back.get("syncId"));
    }

    @Test
    void aFullSyncLapsesTheActiveMembersTheFileLeavesOutAndNobodyElse() throws Exception {
        apply(HEADER + "FS1001,Full Fay,fay@evenhand.test,Newport West,Wales,active\n");
        StringBuilder all = new StringBuilder(HEADER);
        java.io.StringWriter out = new java.io.StringWriter();
        try (var printer = new org.apache.commons.csv.CSVPrinter(out, org.apache.commons.csv.CSVFormat.DEFAULT);
                var c = io.quarkus.arc.Arc.container().instance(io.agroal.api.AgroalDataSource.class).get().getConnection();
                var rs = c.createStatement().executeQuery("SELECT membership_number, display_name, email, clp, region,"
                        + " status FROM members WHERE membership_number <> 'FS1001' ORDER BY id")) {
            while (rs.next()) {
                printer.printRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6));
            }
        }
        all.append(out);
        String before = Db.value("SELECT string_agg(membership_number || status, ',' ORDER BY id) FROM members"
                + " WHERE membership_number <> 'FS1001'").toString();
        JsonPath dry = send(systemToken(), "text/csv", all.toString(), "?mode=full&dryRun=true").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("FS1001"), dry.getList("changes.membershipNumber"));
        assertEquals(List.of(true), dry.getList("changes.absent"));
        JsonPath full = send(systemToken(), "text/csv", all.toString(), "?mode=full").then().statusCode(200).extract()
                .jsonPath();
        assertEquals(1, full.getInt("lapsed"));
        assertEquals(full.getInt("records"), full.getInt("unchanged"));
        assertEquals("lapsed", Db.value("SELECT status FROM members WHERE membership_number = 'FS1001'"));
        assertEquals(before, Db.value("SELECT string_agg(membership_number || status, ',' ORDER BY id) FROM members"
                + " WHERE membership_number <> 'FS1001'").toString());
        assertEquals(1, Db.count("SELECT count(*) FROM trail_log WHERE action = 'member-lapsed'"
                + " AND detail LIKE 'member FS1001 fields status (absent from a full sync)%'"));
    }
}
