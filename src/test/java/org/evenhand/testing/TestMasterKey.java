package org.evenhand.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * A random master key for the test JVM, never a key in the repo. Kept in a JVM-wide system
 * property because each Quarkus restart (another test profile) loads this class afresh, and the
 * database still holds case keys wrapped under the first one.
 */
public class TestMasterKey implements QuarkusTestResourceLifecycleManager {

    private static final String PROPERTY = "evenhand.test.master-key";

    @Override
    public Map<String, String> start() {
        synchronized (System.class) {
            if (System.getProperty(PROPERTY) == null) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                System.setProperty(PROPERTY, Base64.getEncoder().encodeToString(key));
            }
        }
        return Map.of("evenhand.crypto.master-key", System.getProperty(PROPERTY));
    }

    @Override
    public void stop() {
    }
}
