package dev.warden.cases.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "warden.restrictions")
public interface RestrictionsConfig {

    /** How often expired restrictions are lifted (RestrictionExpiry's schedule reads this key). */
    @WithDefault("10s")
    Duration checkInterval();
}
