package dev.warden.cases.evidence;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "warden.evidence")
public interface EvidenceConfig {

    /** Largest capture (screenshot, saved page) accepted with off-platform evidence. */
    @WithDefault("2097152")
    int maxCaptureBytes();

    /**
     * Media types a capture may declare; anything else is refused (422). Captures are served back as
     * downloads ({@code Content-Disposition: attachment}, {@code nosniff}), never rendered by the API.
     */
    @WithDefault("image/png,image/jpeg,image/gif,image/webp,application/pdf,text/plain,text/html,message/rfc822,video/mp4")
    java.util.Set<String> captureMediaTypes();

    /** Largest inflated size of one entry of an evidence package sent for verification (413 beyond). */
    @WithDefault("8388608")
    long verifyMaxEntryBytes();

    /** Largest inflated size of a whole evidence package sent for verification (413 beyond). */
    @WithDefault("268435456")
    long verifyMaxTotalBytes();

    /** Most entries an evidence package sent for verification may have (422 beyond). */
    @WithDefault("100000")
    int verifyMaxEntries();

    /** Items read per database round trip while a package streams. */
    @WithDefault("500")
    int exportPageSize();
}
