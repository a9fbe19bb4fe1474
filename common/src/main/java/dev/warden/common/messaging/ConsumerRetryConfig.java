package dev.warden.common.messaging;

import java.time.Duration;

import org.eclipse.microprofile.config.spi.Converter;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** How a Kafka consumer retries work that failed for a reason the record is not to blame for. */
@ConfigMapping(prefix = "warden.consumer.retry")
public interface ConsumerRetryConfig {

    /** Attempts in all (first included) when the work lost a race with another writer. */
    @WithDefault("6")
    int conflictAttempts();

    /** How long to keep retrying while the database is unreachable before the record is dead-lettered. */
    @WithDefault("10m")
    Duration unavailableFor();

    /**
     * What each retrying channel sets as {@code throttled.unprocessed-record-max-age.ms} (by referring to this
     * key, hence milliseconds): SmallRye closes a consumer whose record waited longer (counted from when it
     * was fetched). Must exceed {@link #unavailableFor()} plus {@link #maxBackoff()}; checked at start-up.
     */
    @WithName("stuck-after-ms")
    @WithDefault("660000")
    @WithConverter(Milliseconds.class)
    Duration stuckAfter();

    /** Reads a whole number of milliseconds, the unit the Kafka connector's setting is in. */
    final class Milliseconds implements Converter<Duration> {
        @Override
        public Duration convert(String value) {
            return Duration.ofMillis(Long.parseLong(value.trim()));
        }
    }

    /** First wait; it doubles per attempt up to {@link #maxBackoff()}; each wait varies by up to half the first. */
    @WithDefault("100ms")
    Duration initialBackoff();

    @WithDefault("5s")
    Duration maxBackoff();
}
