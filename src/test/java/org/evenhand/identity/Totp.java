package org.evenhand.identity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** RFC 6238 time-based one-time codes (HMAC-SHA1, 6 digits, 30 s), as an authenticator app computes them. */
final class Totp {

    private Totp() {
    }

    /** The code for this moment; Keycloak keys the HMAC with its stored secret's UTF-8 bytes. */
    static String now(String secret) {
        return at(secret.getBytes(StandardCharsets.UTF_8), System.currentTimeMillis() / 1000, 6);
    }

    static String at(byte[] key, long epochSeconds, int digits) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(epochSeconds / 30).array());
            int offset = h[h.length - 1] & 0x0f;
            int binary = ((h[offset] & 0x7f) << 24) | ((h[offset + 1] & 0xff) << 16) | ((h[offset + 2] & 0xff) << 8)
                    | (h[offset + 3] & 0xff);
            return String.format("%0" + digits + "d", binary % (int) Math.pow(10, digits));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
