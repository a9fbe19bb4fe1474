package dev.warden.detection.rules;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Rule administration: how long a write waits to be in force, shadow comparisons and backtests. */
@ConfigMapping(prefix = "warden.detection.rules-admin")
public interface RulesAdminConfig {

    /** A PUT or promotion answers 503 if this instance has not applied the written version by then. */
    @WithDefault("PT10S")
    Duration applyTimeout();

    /** How many account ids a shadow comparison lists per bucket (the counts are always complete). */
    @WithDefault("20")
    int comparisonSamples();

    Backtest backtest();

    interface Backtest {
        /** A backtest still running after this is stopped and reported FAILED. */
        @WithDefault("PT30M")
        Duration timeout();

        /** How often the runner compares the backtest's committed offsets with the ends of its input topics. */
        @WithDefault("PT0.5S")
        Duration progressInterval();

        /** Kept in memory on the instance that ran them; the oldest finished ones are dropped beyond this. */
        @WithDefault("20")
        int keep();

        @WithDefault("100000")
        int maxLabels();
    }
}
