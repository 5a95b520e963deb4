package org.evenhand.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Minted tokens look like the realm's: Evenhand's carry its audience, a foreign client's do not. */
class TestOidcServerTest {

    @Test
    void evenhandTokensCarryItsAudienceAndForeignOnesDoNot() {
        JsonPath own = claims(TestOidcServer.accessToken("casey", Set.of("caseworker")));
        assertEquals(TestOidcServer.AUDIENCE, "evenhand-web");
        assertEquals(List.of("evenhand-web"), audiences(own));
        assertEquals("evenhand-web", own.getString("azp"));
        assertEquals("casey", own.getString("preferred_username"));
        assertEquals(List.of("caseworker"), own.getList("groups"));
        JsonPath foreign = claims(TestOidcServer.foreignToken("alice", Set.of("member"), "admin-cli"));
        assertEquals("admin-cli", foreign.getString("azp"));
        assertEquals(List.of(), audiences(foreign));
        assertEquals(own.getString("iss"), foreign.getString("iss"), "same issuer and key: only aud/azp differ");
        JsonPath other = claims(TestOidcServer.foreignToken("alice", Set.of("member"), "account", "account"));
        assertEquals(List.of("account"), audiences(other));
        assertFalse(audiences(other).contains("evenhand-web"));
    }

    private static JsonPath claims(String jwt) {
        return new JsonPath(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private static List<Object> audiences(JsonPath token) {
        Object aud = token.get("aud");
        return aud == null ? List.of() : aud instanceof List<?> l ? List.copyOf(l) : List.of(aud);
    }
}
