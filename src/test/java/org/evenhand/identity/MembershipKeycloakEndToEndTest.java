package org.evenhand.identity;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.evenhand.testing.Db;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.UsersResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Membership sync against the real Keycloak (decision 0039): the membership system signs in with its own
 * service client (client credentials) and sends a membership file; applied twice, a file with new, changed
 * and lapsed members gives the same state; Keycloak's users, read back through its admin REST API, match:
 * new members' users created with the role member, changed details copied, a lapsed member's user
 * disabled, none deleted; and a lapsed member's token, issued before they lapsed, cannot file. A member the
 * complaints manager makes a handler (decision 0038) is given the realm role of their pools, loses it when
 * deactivated, and keeps every other role they hold (nec, member).
 */
@QuarkusTest
@TestProfile(RealKeycloak.class)
class MembershipKeycloakEndToEndTest {

    static final List<String> LOGINS = List.of("kc9001", "kc9002", "kc9003", "kc9004", "kc9005");
    static final String HEADER = "membership_number,display_name,email,clp,region,status\n";
    static Keycloak admin;

    @BeforeAll
    static void adminClient() {
        admin = KeycloakBuilder.builder().serverUrl(RealKeycloak.URL.replaceFirst("/realms/.*$", "")).realm("evenhand")
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS).clientId("evenhand-provisioning")
                .clientSecret(RealKeycloak.secret("EVENHAND_PROVISIONING_SECRET")).build();
        deleteTestUsers(); // Keycloak outlives the test database: start from none
    }

    @AfterAll
    static void cleanUp() {
        // the handler added here must never be drawn by other tests' cases
        Db.update("UPDATE handlers SET active = false WHERE username LIKE 'kc900%'");
        deleteTestUsers();
        admin.close();
    }

    static void deleteTestUsers() {
        for (String login : LOGINS) {
            users().searchByUsername(login, true).forEach(u -> users().delete(u.getId()).close());
        }
    }

    static UsersResource users() {
        return admin.realm("evenhand").users();
    }

    static UserRepresentation user(String login) {
        List<UserRepresentation> found = users().searchByUsername(login, true);
        return found.isEmpty() ? null : found.get(0);
    }

    static List<String> realmRoles(UserRepresentation u) {
        return users().get(u.getId()).roles().realmLevel().listAll().stream().map(r -> r.getName()).toList();
    }

    /** A token Keycloak issues to the membership system's own client (client credentials). */
    static String systemToken() {
        return given().formParams(Map.of("grant_type", "client_credentials", "client_id", "evenhand-membership",
                "client_secret", RealKeycloak.secret("EVENHAND_MEMBERSHIP_SECRET")))
                .post(RealKeycloak.URL + "/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
    }

    static io.restassured.response.Response passwordGrant(String login, String password) {
        return given().formParams(Map.of("grant_type", "password", "client_id", "evenhand-web", "client_secret",
                RealKeycloak.secret("EVENHAND_OIDC_SECRET"), "username", login, "password", password, "scope", "openid"))
                .post(RealKeycloak.URL + "/protocol/openid-connect/token");
    }

    static JsonPath apply(String csv) {
        return given().auth().oauth2(systemToken()).contentType("text/csv").body(csv).post("/api/membership/sync").then()
                .statusCode(200).extract().jsonPath();
    }

    static String state() {
        return String.valueOf(Db.value("SELECT string_agg(concat_ws('|', membership_number, username, display_name, email,"
                + " clp, region, status, joined_on), E'\\n' ORDER BY membership_number) FROM members"
                + " WHERE membership_number LIKE 'KC900%'"));
    }

    static void awaitProvisioned() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> Db.count(
                "SELECT count(*) FROM keycloak_provisioning k JOIN members m ON m.id = k.member_id"
                        + " WHERE m.membership_number LIKE 'KC900%'") == 0);
    }

    @Test
    void aHandlerAddedByTheManagerHoldsTheRoleOfTheirPoolsUntilDeactivatedAndKeepsTheirOtherRoles() {
        apply(HEADER + "KC9005,Kes Ellwood,kes.ellwood@evenhand.test,Hove,South East,active\n");
        awaitProvisioned();
        UserRepresentation kes = user("kc9005");
        // a role given in Keycloak by its administrator, which Evenhand never manages
        List<RoleRepresentation> nec = users().get(kes.getId()).roles().realmLevel().listAvailable().stream()
                .filter(r -> "nec".equals(r.getName())).toList();
        users().get(kes.getId()).roles().realmLevel().add(nec);
        assertEquals(List.of("member", "nec"), managedAndOthers(kes));

        long caseworkers = ((Number) Db.value("SELECT min(id) FROM pools WHERE role = 'caseworker'")).longValue();
        given().auth().oauth2(RealKeycloak.token("mona")).contentType(ContentType.JSON).body(Map.of("membershipNumber",
                "KC9005", "pools", List.of(caseworkers), "trainedOn", "2026-01-05", "trainingExpires", "2027-01-05"))
                .post("/api/manager/handlers").then().statusCode(201).body("handler.roles", org.hamcrest.Matchers.equalTo(
                        List.of("caseworker")));
        awaitProvisioned();
        assertEquals(List.of("caseworker", "member", "nec"), managedAndOthers(kes), "added: the role of their pool");
        assertEquals(1, Db.count("SELECT count(*) FROM trail_log WHERE actor = 'keycloak-provisioning'"
                + " AND action = 'keycloak-roles-changed' AND detail = 'member KC9005: +caseworker'"));

        given().auth().oauth2(RealKeycloak.token("mona")).contentType(ContentType.JSON)
                .body(Map.of("reason", "Stepped down from the unit.")).post("/api/manager/handlers/kc9005/deactivation")
                .then().statusCode(200).body("handler.active", org.hamcrest.Matchers.equalTo(false));
        awaitProvisioned();
        assertEquals(List.of("member", "nec"), managedAndOthers(kes), "deactivated: caseworker gone, nec and member kept");
        assertTrue(user("kc9005").isEnabled(), "still a member who may sign in");
        assertEquals(1, Db.count("SELECT count(*) FROM trail_log WHERE actor = 'keycloak-provisioning'"
                + " AND action = 'keycloak-roles-changed' AND detail = 'member KC9005: -caseworker'"));
    }

    /** The user's realm roles, Keycloak's default composite left out, sorted. */
    static List<String> managedAndOthers(UserRepresentation u) {
        return realmRoles(u).stream().filter(r -> !r.startsWith("default-roles")).sorted().toList();
    }

    @Test
    void aMembershipFileAppliedTwiceGivesTheSameStateAndKeycloaksUsersMatch() {
        JsonPath first = apply(HEADER
                + "KC9001,Kay Adebayo,kay.adebayo@evenhand.test,Leeds Central,Yorkshire and the Humber,active\n"
                + "KC9002,Kit Bramley,kit.bramley@evenhand.test,Leeds Central,Yorkshire and the Humber,active\n"
                + "KC9003,Kim Carter,kim.carter@evenhand.test,Bristol West,South West,active\n");
        assertEquals(3, first.getInt("created"));
        awaitProvisioned();
        for (String login : List.of("kc9001", "kc9002", "kc9003")) {
            UserRepresentation u = user(login);
            assertTrue(u != null && u.isEnabled(), login + " exists and may sign in");
            assertTrue(realmRoles(u).contains("member"), login + " holds the role member");
        }
        assertEquals("kay.adebayo@evenhand.test", user("kc9001").getEmail());
        assertEquals("Kay", user("kc9001").getFirstName());
        assertEquals("Adebayo", user("kc9001").getLastName());

        // Kit signs in (a password set as the realm's own password reset would) and files a complaint
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue("kit-test-password-1");
        password.setTemporary(false);
        users().get(user("kc9002").getId()).resetPassword(password);
        String kitsToken = passwordGrant("kc9002", "kit-test-password-1").then().statusCode(200).extract().path("access_token");
        Map<String, Object> complaint = Map.of("respondentMembershipNumber", "KC9003", "conductDate", "2026-05-05",
                "clauses", List.of("harassment"), "allegation",
                "Messages to me every night about the branch vote after I asked them to stop writing.");
        String ref = given().auth().oauth2(kitsToken).contentType(ContentType.JSON).body(complaint).post("/api/complaints")
                .then().statusCode(201).extract().path("ref");

        String second = HEADER
                + "KC9004,Kai Dunmore,kai.dunmore@evenhand.test,Hove,South East,active\n"
                + "KC9001,Kay Adebayo,kay.a@evenhand.test,Leeds East,Yorkshire and the Humber,active\n"
                + "KC9002,Kit Bramley,kit.bramley@evenhand.test,Leeds Central,Yorkshire and the Humber,lapsed\n"
                + "KC9003,Kim Carter,kim.carter@evenhand.test,Bristol West,South West,active\n";
        JsonPath once = apply(second);
        assertEquals(List.of(1, 1, 1, 1), List.of(once.getInt("created"), once.getInt("updated"), once.getInt("lapsed"),
                once.getInt("unchanged")));
        String afterOnce = state();
        awaitProvisioned();
        JsonPath twice = apply(second);
        assertEquals(4, twice.getInt("unchanged"));
        assertEquals(List.of(), twice.getList("changes"));
        assertEquals(afterOnce, state(), "the same file applied twice gives the same state");
        awaitProvisioned();

        // Keycloak's users match the members
        assertTrue(user("kc9004").isEnabled());
        assertTrue(realmRoles(user("kc9004")).contains("member"));
        assertEquals("kay.a@evenhand.test", user("kc9001").getEmail());
        assertTrue(user("kc9001").isEnabled());
        assertEquals(false, user("kc9002").isEnabled(), "the lapsed member's user is disabled, not deleted");
        assertTrue(user("kc9003").isEnabled());
        assertEquals(1, Db.count("SELECT count(*) FROM trail_log WHERE actor = 'keycloak-provisioning'"
                + " AND action = 'keycloak-user-disabled' AND detail = 'member KC9002'"));
        assertEquals(1, Db.count("SELECT count(*) FROM trail_log WHERE actor = 'keycloak-provisioning'"
                + " AND action = 'keycloak-user-created' AND detail = 'member KC9004'"));
        assertEquals(1, Db.count("SELECT count(*) FROM trail_log WHERE actor = 'service-account-evenhand-membership'"
                + " AND action = 'member-lapsed' AND detail LIKE 'member KC9002 %'"));

        // the lapsed member cannot sign in any more, and the token they had cannot file; their case stays
        passwordGrant("kc9002", "kit-test-password-1").then().statusCode(400);
        given().auth().oauth2(kitsToken).contentType(ContentType.JSON).body(complaint).post("/api/complaints").then()
                .statusCode(403).contentType("application/problem+json");
        assertEquals(1, Db.count("SELECT count(*) FROM cases c JOIN members m ON m.id = c.complainant_id"
                + " WHERE c.ref = ? AND m.membership_number = 'KC9002'", ref));
    }
}
