package dev.warden.cases.evidence;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "warden.evidence")
public interface EvidenceConfig {

    /** Largest capture (screenshot, saved page) accepted with off-platform evidence. */
    @WithDefault("2097152")
    int maxCaptureBytes();

    /** Items read per database round trip while a package streams. */
    @WithDefault("500")
    int exportPageSize();
}
