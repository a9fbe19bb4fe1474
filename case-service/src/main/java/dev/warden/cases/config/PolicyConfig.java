package dev.warden.cases.config;

import java.time.Duration;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The first enforcement policy: conclusive bulk/bot signals on private accounts are banned at once. */
@ConfigMapping(prefix = "warden.policy")
public interface PolicyConfig {

    AutoBan autoBan();

    /** How long after a decision the account holder may appeal. */
    @WithDefault("P30D")
    Duration appealWindow();

    interface AutoBan {
        @WithDefault("ban-conclusive-bulk")
        String ruleId();

        @WithDefault("1")
        int version();

        @WithDefault("0.95")
        double minScore();

        @WithDefault("BULK_MESSAGING,AUTOMATED_BEHAVIOR")
        Set<String> violations();
    }
}
