package org.evenhand.testing;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.HashMap;
import java.util.Map;

/**
 * Quarkus' WireMock OIDC server for the fast suite: it serves keys and discovery, and the
 * tests mint signed tokens with roles. The end-to-end suite uses the real Keycloak instead.
 */
public class TestOidcServer extends OidcWiremockTestResource {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        String url = config.getOrDefault("keycloak.url", System.getProperty("keycloak.url"));
        config.put("quarkus.oidc.auth-server-url", url + "/realms/quarkus/");
        config.put("quarkus.oidc.client-id", "quarkus-web-app");
        config.put("quarkus.oidc.credentials.secret", "secret");
        return config;
    }
}
