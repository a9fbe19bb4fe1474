package dev.warden.detection.rules;

import java.util.Optional;

import dev.warden.contracts.activity.ActivityEvent;
import dev.warden.detection.account.AccountState;
import dev.warden.detection.features.Features;

/** One rule's logic. Thresholds come from its {@link RuleDefinition}, which an admin may change at run time. */
public interface Detector {

    /**
     * The built-in definition: used until an admin stores another version. Return a constant: {@link #id()}
     * reads it for every event.
     */
    RuleDefinition defaults();

    Optional<Finding> evaluate(ActivityEvent trigger, AccountState state, Features f, RuleDefinition rule);

    default String id() {
        return defaults().id();
    }

    static double capped(double score) {
        return Math.min(0.99, score);
    }
}
