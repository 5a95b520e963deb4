package org.evenhand.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Configuration secrets may be stored Jasypt-encrypted (scripts/encrypt-config-value.sh makes them). */
@QuarkusTest
class ConfigEncryptionTest {

    @Test
    void encryptedConfigValuesAreDecryptedAtStart() {
        assertEquals("decrypted from ENC",
                ConfigProvider.getConfig().getValue("evenhand.config-check", String.class));
    }
}
