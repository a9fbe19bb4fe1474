package dev.warden.cases.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How long a case may wait for a reviewer, by priority band: the case's due date is the time it
 * (re)entered the queue plus this. More at stake (higher priority) means less time.
 */
@ConfigMapping(prefix = "warden.cases.review-deadline")
public interface ReviewDeadlineConfig {

    /** Priority from which a case is urgent. */
    @WithDefault("80")
    int urgentFromPriority();

    @WithDefault("PT4H")
    Duration urgent();

    /** Priority from which a case is normal; below it, low. */
    @WithDefault("40")
    int normalFromPriority();

    @WithDefault("PT24H")
    Duration normal();

    @WithDefault("PT72H")
    Duration low();

    default Duration forPriority(int priority) {
        return priority >= urgentFromPriority() ? urgent() : priority >= normalFromPriority() ? normal() : low();
    }
}
