package org.evenhand.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/** A random master key for the test JVM (one per run, shared by every profile), never a key in the repo. */
public class TestMasterKey implements QuarkusTestResourceLifecycleManager {

    static final String KEY;

    static {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        KEY = Base64.getEncoder().encodeToString(key);
    }

    @Override
    public Map<String, String> start() {
        return Map.of("evenhand.crypto.master-key", KEY);
    }

    @Override
    public void stop() {
    }
}
