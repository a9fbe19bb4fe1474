package dev.warden.detection.rules;

import java.util.Map;
import java.util.Optional;

import dev.warden.contracts.activity.ActivityEvent;
import dev.warden.contracts.activity.ActivityType;
import dev.warden.contracts.signal.Violation;
import dev.warden.detection.account.AccountState;
import dev.warden.detection.features.FeatureUpdater;
import dev.warden.detection.features.Features;

/** reported.distinct-reporters: several different accounts reported this one within a week. Review only. */
final class DistinctReportersDetector implements Detector {

    static final String ID = "reported.distinct-reporters";

    private static final RuleDefinition DEFAULTS = new RuleDefinition(ID, 1, Violation.USER_REPORTED, true, 0.6,
            7 * 24 * 3600, Map.of(
            "minDistinctReporters", 3.0),
            Map.of(),
            "Reports from several distinct accounts within seven days");

    @Override
    public RuleDefinition defaults() {
        return DEFAULTS;
    }

    @Override
    public Optional<Finding> evaluate(ActivityEvent trigger, AccountState s, Features f, RuleDefinition rule) {
        if (trigger.type() != ActivityType.USER_REPORT) {
            return Optional.empty();
        }
        Check check = new Check().atLeast("distinctReporters", f.distinctReporters(),
                rule.threshold("minDistinctReporters"));
        if (!check.passed()) {
            return Optional.empty();
        }
        long earliest = s.reporters.stream().mapToLong(r -> r.atMillis).min().orElse(f.atMillis());
        String summary = String.format("reported by %d distinct accounts within 7 days", f.distinctReporters());
        return Optional.of(new Finding(check.criteria, Detector.capped(rule.score()), summary,
                Math.max(earliest, f.atMillis() - FeatureUpdater.REPORT_MILLIS), f.atMillis()));
    }
}
