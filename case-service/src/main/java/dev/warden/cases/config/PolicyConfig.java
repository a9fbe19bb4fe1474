package dev.warden.cases.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Policy settings that are not rules. The rules themselves are versioned data in PostgreSQL
 * (table policy_version, API /api/policy), so they change without a redeploy.
 */
@ConfigMapping(prefix = "warden.policy")
public interface PolicyConfig {

    /** How long after a decision the account holder may appeal. */
    @WithDefault("P30D")
    Duration appealWindow();

    /** Whether a reviewer's ban of a BUSINESS account waits (PROPOSED) for a second reviewer to confirm or reject it. */
    @WithDefault("false")
    boolean businessBanConfirmation();
}
