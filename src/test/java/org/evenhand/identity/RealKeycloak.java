package org.evenhand.identity;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.evenhand.testing.MailServer;
import org.evenhand.testing.TestMasterKey;

/**
 * Test profile that validates tokens against the real Keycloak started by scripts/keycloak.sh
 * (Maven starts it before the tests), with the realm from src/main/keycloak.
 */
public class RealKeycloak implements QuarkusTestProfile {

    public static final String URL = System.getenv().getOrDefault("EVENHAND_OIDC_URL",
            "http://127.0.0.1:" + System.getenv().getOrDefault("KEYCLOAK_PORT", "8180") + "/realms/evenhand");
    /** The production realm as shipped, imported next to the demo realm under this name (scripts/keycloak.sh). */
    public static final String PRODUCTION_CHECK_URL = URL.replaceFirst("/realms/[^/]+/?$", "/realms/evenhand-production-check");
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(MailServer.class), new TestResourceEntry(TestMasterKey.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.oidc.auth-server-url", URL, "quarkus.oidc.client-id", "evenhand-web",
                "quarkus.oidc.credentials.secret", secret("EVENHAND_OIDC_SECRET"),
                // members' Keycloak users are provisioned for real (MembershipKeycloakEndToEndTest)
                "evenhand.membership.provisioning.client-secret", secret("EVENHAND_PROVISIONING_SECRET"));
    }

    /** An access token from Keycloak's token endpoint (password grant, demo users). */
    public static String token(String user) {
        return CACHE.computeIfAbsent(user, u -> given().formParams(Map.of("grant_type", "password", "client_id",
                "evenhand-web", "client_secret", secret("EVENHAND_OIDC_SECRET"), "username", u, "password",
                secret("EVENHAND_DEMO_PASSWORD"), "scope", "openid"))
                .post(URL + "/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token"));
    }

    /**
     * An access token the demo realm issues to its public client admin-cli for this demo user (password
     * grant): a real token from the right issuer, but not issued for Evenhand (no evenhand-web audience).
     */
    public static String adminCliToken(String user) {
        return given().formParams(Map.of("grant_type", "password", "client_id", "admin-cli", "username", user,
                "password", secret("EVENHAND_DEMO_PASSWORD"))).post(URL + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    public static void forgetTokens() {
        CACHE.clear();
    }

    /** Reads a value from the environment or from the secrets file scripts/secrets.sh keeps outside the repo. */
    public static String secret(String name) {
        String value = System.getenv(name);
        if (value != null && !value.isBlank()) {
            return value;
        }
        String dir = System.getenv().getOrDefault("EVENHAND_CONFIG_DIR", System.getProperty("user.home") + "/.config/evenhand");
        Map<String, String> values = new HashMap<>();
        try {
            for (String line : Files.readAllLines(Path.of(dir, "secrets.env"))) {
                String l = line.strip().replaceFirst("^export\\s+", "");
                int eq = l.indexOf('=');
                if (!l.startsWith("#") && eq > 0) {
                    values.put(l.substring(0, eq), l.substring(eq + 1).replaceAll("^['\"]|['\"]$", ""));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("no " + name + " in the environment and no secrets file in " + dir
                    + " (scripts/keycloak.sh start creates it)", e);
        }
        if (!values.containsKey(name)) {
            throw new IllegalStateException(name + " missing from " + dir + "/secrets.env");
        }
        return values.get(name);
    }
}
