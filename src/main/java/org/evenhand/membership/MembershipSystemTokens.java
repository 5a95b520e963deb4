package org.evenhand.membership;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.TenantResolver;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Base64;

/**
 * Sends the membership system's bearer tokens to the OIDC tenant made for them (decision 0039). The
 * API's own tenant accepts only tokens issued to evenhand-web ({@code azp}, decision 0019); the
 * membership system signs in as its own service client, so on {@code /api/membership/} alone a token
 * whose {@code azp} claims that client is validated by the tenant {@value #TENANT}, which requires
 * exactly that {@code azp} and Evenhand's audience and checks the signature as any tenant does. The
 * claim is only read here to choose the tenant, never trusted. Elsewhere, and for every other token,
 * the tenant is chosen by path as before, so the service client's token is refused everywhere else.
 */
@ApplicationScoped
public class MembershipSystemTokens implements TenantResolver {

    /**
     * Not a word any path holds: Quarkus also picks a tenant whose id is a segment of the request's path
     * (a tenant "membership" would have taken /manager/membership).
     */
    static final String TENANT = "membership-system";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    MembershipConfig config;

    @Override
    public String resolve(RoutingContext context) {
        if (!context.normalizedPath().startsWith("/api/membership/")) {
            return null;
        }
        String authorization = context.request().getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return config.clientId().equals(authorisedParty(authorization.substring(7).strip())) ? TENANT : null;
    }

    /** The token's {@code azp}, unverified; null if it is not a JWT that has one. */
    static String authorisedParty(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[1].length() > 16_384) {
            return null;
        }
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            JsonNode azp = claims == null ? null : claims.get("azp");
            return azp != null && azp.isTextual() ? azp.asText() : null;
        } catch (IllegalArgumentException | java.io.IOException e) {
            return null;
        }
    }
}
