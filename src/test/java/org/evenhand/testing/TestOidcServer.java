package org.evenhand.testing;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Quarkus' WireMock OIDC server for the fast suite: it serves keys and discovery, and the
 * tests mint signed tokens with roles. The end-to-end suite uses the real Keycloak instead.
 * Minted tokens are shaped like Keycloak's for Evenhand: {@code aud} holds {@link #AUDIENCE}
 * (the realm's audience mapper on the client evenhand-web puts it there) and {@code azp} the client.
 */
public class TestOidcServer extends OidcWiremockTestResource {

    /** The audience Evenhand's tokens carry (src/main/keycloak/evenhand-realm.json, mapper on evenhand-web). */
    public static final String AUDIENCE = "evenhand-web";
    private static final String SUBJECT = "123456";

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        String url = config.getOrDefault("keycloak.url", System.getProperty("keycloak.url"));
        config.put("quarkus.oidc.auth-server-url", url + "/realms/quarkus/");
        config.put("quarkus.oidc.client-id", "quarkus-web-app");
        config.put("quarkus.oidc.credentials.secret", "secret");
        return config;
    }

    /** An access token issued to Evenhand's client for this user with these realm roles. */
    public static String accessToken(String user, Set<String> roles) {
        return OidcWiremockTestResource.generateJwtToken(user, roles, SUBJECT, "Bearer", Set.of(AUDIENCE),
                Map.of("azp", AUDIENCE));
    }

    /**
     * A token signed by the same server, for the same user and roles, but issued to another client
     * of the realm: {@code azp} is that client and {@code aud} holds only the given audiences (none,
     * like Keycloak's admin-cli tokens, when empty). Evenhand must refuse it.
     */
    public static String foreignToken(String user, Set<String> roles, String clientId, String... audiences) {
        return OidcWiremockTestResource.generateJwtToken(user, roles, SUBJECT, "Bearer", Set.of(audiences),
                Map.of("azp", clientId));
    }
}
