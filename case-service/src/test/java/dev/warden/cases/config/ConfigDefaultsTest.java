package dev.warden.cases.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import dev.warden.cases.legal.config.LegalConfig;
import dev.warden.common.messaging.ConsumerRetryConfig;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Defaults live in the config mappings only: the scheduler expressions and the channels' settings that
 * refer to a warden.* key get the mapping's default when no properties file sets it.
 */
@QuarkusTest
class ConfigDefaultsTest {

    @Inject
    Config config;

    @Inject
    ConsumerRetryConfig retry;

    @Inject
    LegalConfig legal;

    @Test
    void retryingChannelsWaitAsLongAsTheRetryMappingSays() {
        assertThat(retry.stuckAfter()).isEqualTo(Duration.ofMinutes(11));
        for (String channel : List.of("signals", "notifications", "platform-accounts")) {
            assertThat(config.getValue("mp.messaging.incoming." + channel + ".throttled.unprocessed-record-max-age.ms",
                    Long.class)).as(channel).isEqualTo(retry.stuckAfter().toMillis());
        }
    }

    @Test
    void scheduleKeysNotSetInAnyPropertiesFileResolveToTheMappingDefault() {
        assertThat(legal.retention().interval()).isEqualTo(Duration.ofHours(1));
        // what @Scheduled(every = "${warden.legal.retention.interval}") reads
        assertThat(config.getValue("warden.legal.retention.interval", String.class)).isEqualTo("1h");
    }
}
