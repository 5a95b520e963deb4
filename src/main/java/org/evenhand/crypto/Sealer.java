package org.evenhand.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jasypt.encryption.pbe.StandardPBEByteEncryptor;
import org.jasypt.exceptions.EncryptionOperationNotPossibleException;
import org.jasypt.iv.RandomIvGenerator;
import org.jasypt.salt.ByteArrayFixedSaltGenerator;

/**
 * Authenticated encryption under one key: Jasypt AES-256 (PBE with HMAC-SHA512 key derivation,
 * CBC, a random IV per message) followed by an HMAC-SHA256 over the ciphertext, checked before
 * anything is decrypted. The salt is fixed per key. The JDK's PBES2 cipher re-runs the key
 * derivation on every initialisation, i.e. on every message (a fresh IV each time), so the
 * iteration count decides the cost per field: the keys here are uniformly random 256-bit
 * values, not passwords, and stretching adds nothing to their strength, so data keys use a
 * single iteration (about 1 ms per field at 1000). See docs/decisions/0005.
 */
final class Sealer {

    static final String ALGORITHM = "PBEWITHHMACSHA512ANDAES_256";
    private static final int MAC_LENGTH = 32;
    private static final byte VERSION = 1;

    private final StandardPBEByteEncryptor encryptor = new StandardPBEByteEncryptor();
    private final SecretKeySpec macKey;

    static final int DATA_KEY_ITERATIONS = 1;
    static final int MASTER_KEY_ITERATIONS = 1000;

    Sealer(byte[] key) {
        this(key, DATA_KEY_ITERATIONS);
    }

    Sealer(byte[] key, int iterations) {
        if (key.length != 32) {
            throw new IllegalArgumentException("keys are 32 bytes");
        }
        encryptor.setAlgorithm(ALGORITHM);
        encryptor.setPasswordCharArray(Base64.getEncoder().encodeToString(key).toCharArray());
        encryptor.setSaltGenerator(new ByteArrayFixedSaltGenerator(Arrays.copyOf(derive(key, "salt"), 16)));
        encryptor.setIvGenerator(new RandomIvGenerator());
        encryptor.setKeyObtentionIterations(iterations);
        encryptor.initialize();
        macKey = new SecretKeySpec(derive(key, "mac"), "HmacSHA256");
    }

    byte[] seal(byte[] plain) {
        byte[] ct = encryptor.encrypt(plain);
        ByteBuffer out = ByteBuffer.allocate(1 + ct.length + MAC_LENGTH);
        out.put(VERSION).put(ct).put(mac(VERSION, ct));
        return out.array();
    }

    byte[] open(byte[] sealed) {
        if (sealed.length < 1 + 16 + MAC_LENGTH || sealed[0] != VERSION) {
            throw new IntegrityException("stored ciphertext has an unknown format");
        }
        byte[] ct = Arrays.copyOfRange(sealed, 1, sealed.length - MAC_LENGTH);
        byte[] tag = Arrays.copyOfRange(sealed, sealed.length - MAC_LENGTH, sealed.length);
        if (!MessageDigest.isEqual(tag, mac(sealed[0], ct))) {
            throw new IntegrityException("stored ciphertext failed its integrity check (altered or corrupted)");
        }
        try {
            return encryptor.decrypt(ct);
        } catch (EncryptionOperationNotPossibleException e) {
            throw new IntegrityException("stored ciphertext could not be decrypted");
        }
    }

    String sealText(String plain) {
        return Base64.getEncoder().encodeToString(seal(plain.getBytes(StandardCharsets.UTF_8)));
    }

    String openText(String sealed) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(sealed);
        } catch (IllegalArgumentException e) {
            throw new IntegrityException("stored ciphertext is not valid base64");
        }
        return new String(open(bytes), StandardCharsets.UTF_8);
    }

    private byte[] mac(byte version, byte[] ct) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(macKey);
            mac.update(version);
            return mac.doFinal(ct);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] derive(byte[] key, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(("evenhand/" + purpose).getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
