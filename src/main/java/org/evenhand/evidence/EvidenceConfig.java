package org.evenhand.evidence;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "evenhand.evidence")
public interface EvidenceConfig {

    /** Largest file a party may upload (bytes). */
    @WithDefault("10485760")
    long maxFileBytes();

    /** The consent notice in force; a submission must cite it. */
    @WithDefault("evidence-consent-2026.1")
    String consentNoticeVersion();
}
