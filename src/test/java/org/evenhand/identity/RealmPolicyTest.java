package org.evenhand.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The production realm file (src/main/keycloak/evenhand-realm.json) keeps its sign-in policy: every
 * staff role, including any added later, takes a second factor; brute-force protection is on; staff
 * get no token by password grant; Evenhand's client alone puts Evenhand's audience in tokens. The
 * demo realm derived from it relaxes only what docs/decisions/0019 says. StaffSecondFactorEndToEndTest
 * proves the same against the running Keycloak.
 */
class RealmPolicyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PRODUCTION = Path.of("src/main/keycloak/evenhand-realm.json");

    @Test
    void everyStaffRoleIncludesTheStaffRole() throws Exception {
        JsonNode realm = JSON.readTree(PRODUCTION.toFile());
        Set<String> realmRoles = new HashSet<>();
        for (JsonNode role : realm.path("roles").path("realm")) {
            String name = role.path("name").asText();
            realmRoles.add(name);
            boolean staff = texts(role.path("composites").path("realm")).contains("staff");
            if (name.equals(Roles.MEMBER) || name.equals("staff") || name.equals(Roles.MEMBERSHIP_SYNC)) {
                assertFalse(staff, name + " must not include staff");
            } else {
                assertTrue(staff, "realm role " + name + " must be a composite including staff (second factor)");
            }
        }
        for (Field f : Roles.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                assertTrue(realmRoles.contains((String) f.get(null)), "role " + f.get(null) + " is in the realm");
            }
        }
    }

    @Test
    void staffSignInWithAOneTimeCodeAndNeverByPasswordGrant() throws IOException {
        JsonNode realm = JSON.readTree(PRODUCTION.toFile());
        List<String> browser = steps(realm, realm.path("browserFlow").asText());
        assertEquals(List.of("auth-cookie:ALTERNATIVE", "evenhand browser forms:ALTERNATIVE"), browser);
        assertEquals(List.of("auth-username-password-form:REQUIRED", "staff second factor:CONDITIONAL"),
                steps(realm, "evenhand browser forms"));
        assertEquals(List.of("conditional-user-role[staff]:REQUIRED", "auth-otp-form:REQUIRED"),
                steps(realm, "staff second factor"));
        assertEquals(List.of("direct-grant-validate-username:REQUIRED", "direct-grant-validate-password:REQUIRED",
                "staff refused (direct grant):CONDITIONAL"), steps(realm, realm.path("directGrantFlow").asText()));
        assertEquals(List.of("conditional-user-role[staff]:REQUIRED", "deny-access-authenticator:REQUIRED"),
                steps(realm, "staff refused (direct grant)"));
        assertFalse(client(realm).path("directAccessGrantsEnabled").asBoolean(true), "no password grant on evenhand-web");
        assertTrue(realm.path("bruteForceProtected").asBoolean());
        assertFalse(realm.path("permanentLockout").asBoolean(true));
        assertTrue(realm.path("failureFactor").asInt() <= 10);
        assertEquals("totp", realm.path("otpPolicyType").asText());
        assertFalse(realm.path("otpPolicyCodeReusable").asBoolean(true));
        for (JsonNode user : realm.path("users")) {
            assertTrue(user.hasNonNull("serviceAccountClientId"), "no people in the realm, only service accounts"
                    + " (demo users are in demo-users.json): " + user.path("username").asText());
        }
    }

    /**
     * The two service clients of the membership sync (decision 0039) hold only what they need: the membership
     * system's account the role membership-sync and nothing else, its client no way for a person to sign in;
     * Evenhand's provisioning account the management of users and nothing else. No person holds membership-sync.
     */
    @Test
    void theServiceAccountsHoldOnlyWhatTheyNeed() throws IOException {
        JsonNode realm = JSON.readTree(PRODUCTION.toFile());
        JsonNode membership = client(realm, "evenhand-membership");
        for (JsonNode c : List.of(membership, client(realm, "evenhand-provisioning"))) {
            assertTrue(c.path("serviceAccountsEnabled").asBoolean(), c.path("clientId").asText());
            assertFalse(c.path("publicClient").asBoolean(true));
            assertFalse(c.path("standardFlowEnabled").asBoolean(true), "nobody signs in through " + c.path("clientId"));
            assertFalse(c.path("directAccessGrantsEnabled").asBoolean(true));
            assertFalse(c.path("implicitFlowEnabled").asBoolean(true));
            assertTrue(c.path("secret").asText().matches("\\$\\{EVENHAND_[A-Z_]+}"), "secret from the environment");
        }
        JsonNode sync = serviceAccount(realm, "evenhand-membership");
        assertEquals(Set.of(Roles.MEMBERSHIP_SYNC), texts(sync.path("realmRoles")));
        assertTrue(sync.path("clientRoles").isMissingNode());
        assertFalse(membership.path("fullScopeAllowed").asBoolean(true), "its tokens carry only the roles mapped to it");
        JsonNode provisioning = serviceAccount(realm, "evenhand-provisioning");
        assertTrue(texts(provisioning.path("realmRoles")).isEmpty());
        List<String> clients = new ArrayList<>();
        provisioning.path("clientRoles").fieldNames().forEachRemaining(clients::add);
        assertEquals(List.of("realm-management"), clients);
        assertTrue(Set.of("manage-users", "view-users", "query-users")
                .containsAll(texts(provisioning.path("clientRoles").path("realm-management"))));
        for (JsonNode user : JSON.readTree(Path.of("src/main/keycloak/demo-users.json").toFile())) {
            assertFalse(texts(user.path("realmRoles")).contains(Roles.MEMBERSHIP_SYNC), user.path("username").asText());
        }
    }

    private static JsonNode serviceAccount(JsonNode realm, String clientId) {
        return StreamSupport.stream(realm.path("users").spliterator(), false)
                .filter(u -> clientId.equals(u.path("serviceAccountClientId").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no service account for " + clientId));
    }

    @Test
    void onlyEvenhandsClientAddsItsAudience() throws IOException {
        JsonNode realm = JSON.readTree(PRODUCTION.toFile());
        List<String> audiences = new ArrayList<>();
        for (JsonNode mapper : client(realm).path("protocolMappers")) {
            if (mapper.path("protocolMapper").asText().equals("oidc-audience-mapper")) {
                audiences.add(mapper.path("config").path("included.client.audience").asText());
                assertEquals("true", mapper.path("config").path("access.token.claim").asText());
            }
        }
        assertEquals(List.of("evenhand-web"), audiences);
        // besides, only the membership system's service client, whose tokens Evenhand's API takes on
        // /api/membership/ alone (decision 0039); no other client adds any audience
        List<String> adding = new ArrayList<>();
        for (JsonNode c : realm.path("clients")) {
            for (JsonNode mapper : c.path("protocolMappers")) {
                if (mapper.path("protocolMapper").asText().equals("oidc-audience-mapper")) {
                    adding.add(c.path("clientId").asText() + "->" + mapper.path("config").path("included.client.audience").asText());
                }
            }
        }
        assertEquals(List.of("evenhand-web->evenhand-web", "evenhand-membership->evenhand-web"), adding);
        // not through a client scope (shared with other clients such as admin-cli)
        for (JsonNode scope : realm.path("clientScopes")) {
            for (JsonNode mapper : scope.path("protocolMappers")) {
                assertFalse(mapper.path("protocolMapper").asText().equals("oidc-audience-mapper"), scope.toString());
            }
        }
    }

    @Test
    void theDemoRealmRelaxesOnlyWhatItSays() throws Exception {
        assumeTrue(jq(), "jq not installed (scripts/keycloak.sh needs it)");
        ObjectNode production = (ObjectNode) JSON.readTree(PRODUCTION.toFile());
        ObjectNode demo = (ObjectNode) JSON.readTree(derive("src/main/keycloak/demo-realm.jq"));
        assertEquals("evenhand", demo.path("realm").asText());
        com.fasterxml.jackson.databind.node.ArrayNode users = production.path("users").deepCopy();
        users.addAll((com.fasterxml.jackson.databind.node.ArrayNode) JSON.readTree(
                Path.of("src/main/keycloak/demo-users.json").toFile()));
        assertEquals(users, demo.path("users"), "the realm's service accounts, then the demo users");
        assertEquals("DISABLED", step(demo, "evenhand browser forms", "staff second factor").path("requirement").asText());
        assertEquals("DISABLED", step(demo, "evenhand direct grant", "staff refused (direct grant)").path("requirement").asText());
        assertTrue(client(demo).path("directAccessGrantsEnabled").asBoolean());
        for (ObjectNode realm : List.of(production, demo)) {
            realm.remove(List.of("displayName", "users"));
            ((ObjectNode) step(realm, "evenhand browser forms", "staff second factor")).remove("requirement");
            ((ObjectNode) step(realm, "evenhand direct grant", "staff refused (direct grant)")).remove("requirement");
            ((ObjectNode) client(realm)).remove(List.of("directAccessGrantsEnabled", "redirectUris", "attributes"));
        }
        assertEquals(production, demo, "the demo realm is the production realm but for the stated relaxations");
        JsonNode check = JSON.readTree(derive("src/test/keycloak/production-check-realm.jq"));
        assertEquals("evenhand-production-check", check.path("realm").asText());
        assertFalse(client(check).path("directAccessGrantsEnabled").asBoolean(true));
        assertEquals("REQUIRED", step(check, "staff second factor", null).path("requirement").asText());
    }

    @Test
    void oneTimeCodesFollowRfc6238() {
        byte[] key = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);   // RFC 6238 appendix B, SHA-1
        assertEquals("94287082", Totp.at(key, 59, 8));
        assertEquals("07081804", Totp.at(key, 1111111109, 8));
        assertEquals("005924", Totp.at(key, 1234567890, 6));
    }

    private static JsonNode client(JsonNode realm) {
        return client(realm, "evenhand-web");
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        return StreamSupport.stream(realm.path("clients").spliterator(), false)
                .filter(c -> c.path("clientId").asText().equals(clientId)).findFirst()
                .orElseThrow(() -> new AssertionError("no client " + clientId));
    }

    private static JsonNode flow(JsonNode realm, String alias) {
        return StreamSupport.stream(realm.path("authenticationFlows").spliterator(), false)
                .filter(f -> f.path("alias").asText().equals(alias)).findFirst()
                .orElseThrow(() -> new AssertionError("no flow " + alias));
    }

    /** The execution of flow {@code alias} that runs sub-flow {@code sub} (or, with null, its last step). */
    private static JsonNode step(JsonNode realm, String alias, String sub) {
        JsonNode found = null;
        for (JsonNode e : flow(realm, alias).path("authenticationExecutions")) {
            if (sub == null || sub.equals(e.path("flowAlias").asText())) {
                found = e;
            }
        }
        assertTrue(found != null, alias + " runs " + sub);
        return found;
    }

    /** A flow's steps in order, as "authenticator[role]:REQUIREMENT" or "sub-flow:REQUIREMENT". */
    private static List<String> steps(JsonNode realm, String alias) {
        List<String> steps = new ArrayList<>();
        for (JsonNode e : flow(realm, alias).path("authenticationExecutions")) {
            String what = e.path("authenticatorFlow").asBoolean() ? e.path("flowAlias").asText() : e.path("authenticator").asText();
            if (e.has("authenticatorConfig")) {
                JsonNode config = StreamSupport.stream(realm.path("authenticatorConfig").spliterator(), false)
                        .filter(c -> c.path("alias").asText().equals(e.path("authenticatorConfig").asText())).findFirst()
                        .orElseThrow().path("config");
                if (config.has("condUserRole")) {
                    assertNull(config.get("negate").asText().equals("true") ? "negated" : null);
                    what += "[" + config.path("condUserRole").asText() + "]";
                }
            }
            steps.add(what + ":" + e.path("requirement").asText());
        }
        return steps;
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> out = new HashSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static boolean jq() {
        try {
            return new ProcessBuilder("jq", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** A realm derived from the production realm by one of the jq programs scripts/keycloak.sh uses. */
    private static String derive(String program) throws IOException, InterruptedException {
        Process jq = new ProcessBuilder("jq", "--slurpfile", "users", "src/main/keycloak/demo-users.json", "-f", program,
                PRODUCTION.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(jq.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, jq.waitFor(), "jq -f " + program);
        return out;
    }
}
