package org.evenhand.identity;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

@ConfigMapping(prefix = "evenhand.seeds")
public interface SeedConfig {

    /** Directory holding members.csv and handlers.csv; empty means load nothing. */
    Optional<String> directory();
}
