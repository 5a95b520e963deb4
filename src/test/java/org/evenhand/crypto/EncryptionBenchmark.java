package org.evenhand.crypto;

import java.security.SecureRandom;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * bench/encryption.sh: evidence-file encryption throughput against plain JDK AES on the same
 * machine, and the cost of one field decrypt. Prints the figures; asserts nothing.
 */
public final class EncryptionBenchmark {

    public static void main(String[] args) throws Exception {
        int fileMb = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        SecureRandom random = new SecureRandom();
        byte[] key = new byte[32];
        random.nextBytes(key);
        byte[] file = new byte[fileMb * 1024 * 1024];
        random.nextBytes(file);
        Sealer sealer = new Sealer(key);
        Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
        SecretKeySpec aesKey = new SecretKeySpec(key, "AES");
        byte[] iv = new byte[16];

        for (int i = 0; i < 3; i++) { // warm up both paths
            sealer.open(sealer.seal(file));
            random.nextBytes(iv);
            aes.init(Cipher.ENCRYPT_MODE, aesKey, new IvParameterSpec(iv));
            aes.doFinal(file);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            sealer.seal(file);
        }
        double sealSeconds = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            random.nextBytes(iv);
            aes.init(Cipher.ENCRYPT_MODE, aesKey, new IvParameterSpec(iv));
            aes.doFinal(file);
        }
        double aesSeconds = (System.nanoTime() - t0) / 1e9;
        byte[] sealedFile = sealer.seal(file);
        t0 = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            sealer.open(sealedFile);
        }
        double openSeconds = (System.nanoTime() - t0) / 1e9;
        double mb = (double) fileMb * rounds;

        String field = "The panel found that calling a member vermin in a public thread was dehumanising; "
                + "the reply came after a long exchange about the housing motion.";
        String sealedField = sealer.sealText(field);
        int n = 200_000;
        for (int i = 0; i < 20_000; i++) {
            sealer.openText(sealedField);
        }
        t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            sealer.openText(sealedField);
        }
        double perDecryptMicros = (System.nanoTime() - t0) / 1e3 / n;

        System.out.printf(Locale.ROOT, "machine: %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "evidence file encryption (Jasypt AES-256 + HMAC-SHA256): %.0f MB/s%n", mb / sealSeconds);
        System.out.printf(Locale.ROOT, "evidence file decryption (MAC check + Jasypt AES-256):   %.0f MB/s%n", mb / openSeconds);
        System.out.printf(Locale.ROOT, "plain JDK AES-256/CBC encryption, same data:             %.0f MB/s%n", mb / aesSeconds);
        System.out.printf(Locale.ROOT, "ratio (ours / plain AES): %.2f (target >= 0.50)%n", aesSeconds / sealSeconds);
        System.out.printf(Locale.ROOT, "field decrypt (%d-char text, key cached): %.1f µs per field (target well under 100 µs)%n",
                field.length(), perDecryptMicros);
    }
}
