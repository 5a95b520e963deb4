package org.evenhand.trail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Who a refused token says it is, as the trail records it (unverified). No Quarkus boot. */
@Tag("fast")
class TokenClaimsTest {

    static String bearer(String claimsJson) {
        Base64.Encoder b = Base64.getUrlEncoder().withoutPadding();
        return "Bearer " + b.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }

    @Test
    void eachRefusedTokenIsDescribedByWhatItClaims() {
        String[][] cases = {
            { null, TokenClaims.NO_TOKEN },
            { "", TokenClaims.NO_TOKEN },
            { "Basic YWxpY2U6cHc=", "unverified: not a bearer token" },
            { "Bearer a.b", "unverified: malformed token" },
            { "Bearer a.!!!.c", "unverified: unreadable token" },
            { bearer("{\"preferred_username\":\"alice\",\"azp\":\"admin-cli\"}"), "unverified: alice via client admin-cli" },
            { bearer("{\"sub\":\"42\",\"azp\":\"account\"}"), "unverified: 42 via client account" },
            // Keycloak 26's admin-cli tokens: no username, no subject, only the session
            { bearer("{\"azp\":\"admin-cli\",\"sid\":\"VoI0zEe\"}"), "unverified: session VoI0zEe via client admin-cli" },
            { bearer("{}"), "unverified: ? via client ?" },
            { bearer("{\"preferred_username\":\"al\\u0000ice\\u202e\",\"azp\":\"x\"}"), "unverified: alice via client x" },
        };
        for (String[] c : cases) {
            assertEquals(c[1], TokenClaims.describe(c[0]), String.valueOf(c[0]));
        }
        String longName = TokenClaims.describe(bearer("{\"preferred_username\":\"" + "x".repeat(500) + "\"}"));
        assertTrue(longName.length() <= 121 && longName.endsWith("…"), longName);
    }
}
