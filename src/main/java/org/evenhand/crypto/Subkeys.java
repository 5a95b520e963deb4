package org.evenhand.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keys for other purposes, derived from the master key (HMAC-SHA256 over a purpose label, the
 * expand step of HKDF with a uniformly random key), so no second secret has to be managed and no
 * derived key can be turned back into the master key or into another purpose's key.
 */
@ApplicationScoped
public class Subkeys {

    @Inject
    CryptoConfig config;

    /** 32 bytes for this purpose, the same on every node and across restarts. */
    public byte[] forPurpose(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(config.masterKey().strip()), "HmacSHA256"));
            mac.update(("evenhand subkey v1:" + purpose).getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(new byte[] { 1 });
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
