package org.evenhand.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.UUID;
import org.evenhand.testing.Db;
import org.junit.jupiter.api.Test;

/** Sealing, tamper detection and crypto-shredding, against the real key table. */
@QuarkusTest
class CaseVaultTest {

    @Inject
    CaseVault vault;
    @Inject
    CryptoConfig config;

    String newCaseKey() {
        String ref = "TEST-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> vault.createKey(ref));
        return ref;
    }

    @Test
    void sealedTextRoundTripsAndDiffersEachTime() {
        String ref = newCaseKey();
        String a = vault.seal(ref, "the allegation");
        String b = vault.seal(ref, "the allegation");
        assertNotEquals(a, b, "a fresh IV per value");
        assertEquals("the allegation", vault.open(ref, a));
        byte[] file = new byte[100_000];
        new java.util.Random(7).nextBytes(file);
        assertArrayEquals(file, vault.openBytes(ref, vault.sealBytes(ref, file)));
    }

    @Test
    void anyFlippedByteIsDetected() {
        String ref = newCaseKey();
        byte[] sealed = vault.sealBytes(ref, "evidence".getBytes());
        for (int i = 0; i < sealed.length; i++) {
            byte[] copy = sealed.clone();
            copy[i] ^= 0x01;
            assertThrows(IntegrityException.class, () -> vault.openBytes(ref, copy), "byte " + i);
        }
    }

    @Test
    void afterShreddingNothingDecryptsEvenWithTheMasterKey() {
        String ref = newCaseKey();
        byte[] sealed = vault.sealBytes(ref, "evidence about a member".getBytes());
        QuarkusTransaction.requiringNew().run(() -> vault.shred(ref));
        assertEquals(null, Db.value("SELECT wrapped_key FROM case_keys WHERE case_ref = ?", ref));
        assertThrows(ErasedException.class, () -> vault.openBytes(ref, sealed));
        assertTrue(vault.isErased(ref));
        Sealer master = new Sealer(Base64.getDecoder().decode(config.masterKey()), Sealer.MASTER_KEY_ITERATIONS);
        assertThrows(IntegrityException.class, () -> master.open(sealed),
                "the master key only wraps case keys; it cannot open case data");
    }

    @Test
    void aKeyReadWhileTheShredIsUncommittedIsNotKeptAfterTheCommit() {
        String ref = newCaseKey();
        byte[] sealed = vault.sealBytes(ref, "read while being erased".getBytes());
        QuarkusTransaction.requiringNew().run(() -> {
            vault.shred(ref);
            // another request, before the shred commits, still sees the key row and opens the item
            byte[] seen = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> QuarkusTransaction.requiringNew().call(() -> vault.openBytes(ref, sealed))).join();
            assertArrayEquals("read while being erased".getBytes(), seen);
        });
        assertThrows(ErasedException.class, () -> vault.openBytes(ref, sealed),
                "once the shred has committed, no key cached by that earlier read may open the item");
    }

    @Test
    void wrappedKeysAreNotTheKeys() {
        String ref = newCaseKey();
        byte[] wrapped = (byte[]) Db.value("SELECT wrapped_key FROM case_keys WHERE case_ref = ?", ref);
        assertEquals(1 + 1 + 16 + 48 + 32, wrapped.length, "wrap format + version + IV + AES of 32 bytes + MAC");
        assertEquals(CaseVault.WRAP_V2, wrapped[0]);
    }

    @Test
    void keysWrappedTheOldWayStillOpen() {
        String ref = newCaseKey();
        byte[] sealed = vault.sealBytes(ref, "written before the wrap format changed".getBytes());
        // re-wrap the case's key as keys were wrapped before V7: sealed straight under the master key
        byte[] caseKey = vault.unwrap((byte[]) Db.value("SELECT wrapped_key FROM case_keys WHERE case_ref = ?", ref));
        Sealer master = new Sealer(Base64.getDecoder().decode(config.masterKey()), Sealer.MASTER_KEY_ITERATIONS);
        Db.update("UPDATE case_keys SET wrapped_key = ? WHERE case_ref = ?", master.seal(caseKey), ref);
        assertArrayEquals(caseKey, vault.unwrap((byte[]) Db.value("SELECT wrapped_key FROM case_keys WHERE case_ref = ?", ref)));
        assertArrayEquals("written before the wrap format changed".getBytes(), vault.openBytes(ref, sealed));
    }
}
