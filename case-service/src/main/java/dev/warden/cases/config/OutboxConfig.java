package dev.warden.cases.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "warden.outbox")
public interface OutboxConfig {

    /** How often the relay looks for unpublished events (read by the scheduler expression). */
    @WithDefault("250ms")
    String interval();

    /** Most events published per relay run. */
    @WithDefault("200")
    int batchSize();

    /** How long the relay waits for the broker to acknowledge one event before it gives up the run. */
    @WithDefault("PT10S")
    Duration sendTimeout();
}
