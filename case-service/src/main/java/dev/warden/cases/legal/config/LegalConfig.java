package dev.warden.cases.legal.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "warden.legal")
public interface LegalConfig {

    Retention retention();

    interface Retention {
        /** How long a closed case is kept before its personal data is erased (GDPR data minimisation). */
        @WithDefault("P365D")
        Duration closedCaseRetention();

        /** How often the retention job runs (RetentionJob's schedule reads this key). */
        @WithDefault("1h")
        Duration interval();

        /** Whether the scheduled runs erase anything; off in tests, which run the job themselves. */
        @WithDefault("true")
        boolean enabled();

        /** Most cases erased per run, so one run never holds a long transaction. */
        @WithDefault("100")
        int batchSize();
    }
}
