package org.evenhand.privacy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Retention schedule and data-subject deadlines (ISO-8601 durations). */
@ConfigMapping(prefix = "evenhand.privacy")
public interface PrivacyConfig {

    /** Dismissed and not-upheld cases: evidence and case text destroyed this long after closing. */
    @WithDefault("P6M")
    String destroyAfter();

    /** Upheld cases: kept this long after closing, then anonymised. */
    @WithDefault("P6Y")
    String anonymiseAfter();

    /** The DPO is warned this long before retention is applied. */
    @WithDefault("P30D")
    String warnBefore();

    /** Erasure is refused under the legal-claims exception for cases open or closed within this period. */
    @WithDefault("P6M")
    String legalClaimsWindow();

    /** Time to answer a subject access or erasure request (UK GDPR Art. 12(3)). */
    @WithDefault("P1M")
    String responseDeadline();
}
