package org.evenhand.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.evenhand.crypto.Subkeys;

/**
 * Cross-site request forgery protection for the pages' forms: the stateless synchroniser token
 * ("HMAC-based token" in OWASP's cheat sheet). Each form carries
 * {@code issued.HMAC(key, user | Keycloak session | issued)}; a POST is accepted only with a token
 * made for the same user in the same sign-in session within the last {@link #LIFETIME}. A forger on
 * another site can neither read the token (same-origin policy) nor compute one (the key is derived
 * from the master key and never leaves the server). Nothing is stored, so it works across nodes.
 *
 * Quarkus' own quarkus-rest-csrf is not published for this Quarkus version in the registry we
 * build from, and mixing extension versions with the core is not safe.
 */
@ApplicationScoped
public class Csrf {

    /** The form field every page form carries. */
    public static final String FIELD = "_csrf";
    static final Duration LIFETIME = Duration.ofHours(12);
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    @Inject
    Subkeys subkeys;
    @Inject
    ObjectMapper json;

    private SecretKeySpec key;

    @PostConstruct
    void init() {
        key = new SecretKeySpec(subkeys.forPurpose("page-csrf"), "HmacSHA256");
    }

    public String token(SecurityIdentity identity) {
        return token(identity, Instant.now());
    }

    String token(SecurityIdentity identity, Instant at) {
        long issued = at.getEpochSecond();
        return issued + "." + mac(binding(identity), issued);
    }

    public boolean valid(SecurityIdentity identity, String token) {
        if (token == null || identity == null || identity.isAnonymous() || token.length() > 200) {
            return false;
        }
        int dot = token.indexOf('.');
        if (dot < 1) {
            return false;
        }
        long issued;
        try {
            issued = Long.parseLong(token.substring(0, dot));
        } catch (NumberFormatException e) {
            return false;
        }
        Instant at = Instant.ofEpochSecond(issued);
        Instant now = Instant.now();
        if (at.isAfter(now.plus(CLOCK_SKEW)) || at.isBefore(now.minus(LIFETIME))) {
            return false;
        }
        byte[] expected = mac(binding(identity), issued).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
    }

    /** The user and, when signed in through Keycloak, the Keycloak session: a new sign-in means new tokens. */
    private String binding(SecurityIdentity identity) {
        return identity.getPrincipal().getName() + "|" + session(identity);
    }

    private String session(SecurityIdentity identity) {
        IdTokenCredential id = identity.getCredential(IdTokenCredential.class);
        if (id == null || id.getToken() == null) {
            return "";
        }
        String[] parts = id.getToken().split("\\.");
        if (parts.length < 2) {
            return "";
        }
        try {
            JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return claims.path("sid").asText("");
        } catch (java.io.IOException | IllegalArgumentException e) {
            return "";
        }
    }

    private String mac(String binding, long issued) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] out = mac.doFinal((binding + "|" + issued).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
