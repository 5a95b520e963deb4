package org.evenhand.crypto;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "evenhand.crypto")
public interface CryptoConfig {

    /** 32 random bytes, base64: wraps every case key. From the environment (EVENHAND_MASTER_KEY), never the repo. */
    String masterKey();

    /** How many unwrapped case keys to keep in memory. */
    @WithDefault("10000")
    int cachedKeys();
}
