package org.evenhand.trail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Who a refused bearer token says it is, for the trail. The claims are read WITHOUT verifying the
 * token (it was refused), so the entry says "unverified": it records what was presented, not who
 * sent it.
 */
final class TokenClaims {

    static final String NO_TOKEN = "anonymous (no token)";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX = 120;

    private TokenClaims() {
    }

    static String describe(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return NO_TOKEN;
        }
        String token = authorization.strip();
        if (!token.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return "unverified: not a bearer token";
        }
        String[] parts = token.substring(7).strip().split("\\.");
        if (parts.length != 3) {
            return "unverified: malformed token";
        }
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            // admin-cli tokens name no user, only the Keycloak session, which Keycloak's events tie to one
            String user = text(claims, "preferred_username", text(claims, "sub",
                    claims != null && claims.hasNonNull("sid") ? "session " + text(claims, "sid", "?") : "?"));
            String client = text(claims, "azp", "?");
            return clean("unverified: " + user + " via client " + client);
        } catch (IllegalArgumentException | java.io.IOException e) {
            return "unverified: unreadable token";
        }
    }

    private static String text(JsonNode claims, String name, String otherwise) {
        JsonNode v = claims == null ? null : claims.get(name);
        return v == null || !v.isTextual() || v.asText().isBlank() ? otherwise : v.asText();
    }

    private static String clean(String s) {
        String printable = s.codePoints().filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() > MAX ? printable.substring(0, MAX) + "…" : printable;
    }

    static String json(Object value) {
        try {
            return new String(JSON.writeValueAsBytes(value), StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            return "{\"status\":401,\"title\":\"Unauthorized\"}";
        }
    }
}
