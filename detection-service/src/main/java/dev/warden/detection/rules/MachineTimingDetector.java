package dev.warden.detection.rules;

import java.util.Map;
import java.util.Optional;

import dev.warden.contracts.activity.ActivityEvent;
import dev.warden.contracts.activity.ActivityType;
import dev.warden.contracts.signal.Violation;
import dev.warden.detection.account.AccountState;
import dev.warden.detection.features.Features;

/**
 * automated.machine-timing: a personal account sends with clockwork regularity (low coefficient of
 * variation of inter-message intervals). Through an unofficial client that is conclusive. Business
 * accounts may automate (business API), so they are out of scope.
 */
final class MachineTimingDetector implements Detector {

    static final String ID = "automated.machine-timing";

    private static final RuleDefinition DEFAULTS = new RuleDefinition(ID, 1, Violation.AUTOMATED_BEHAVIOR, true, 0.9,
            6 * 3600, Map.of(
            "minIntervals", 20.0,
            "maxIntervalCv", 0.1,
            "minMessagesLastHour", 30.0),
            Map.of("unofficialClient", 0.07),
            "Machine-like regular timing of messages from a personal account");

    @Override
    public RuleDefinition defaults() {
        return DEFAULTS;
    }

    @Override
    public Optional<Finding> evaluate(ActivityEvent trigger, AccountState s, Features f, RuleDefinition rule) {
        if (trigger.type() != ActivityType.MESSAGE_SENT || f.business()
                || f.intervals() < rule.threshold("minIntervals")) {
            return Optional.empty();
        }
        Check check = new Check()
                .atLeast("intervals", f.intervals(), rule.threshold("minIntervals"))
                .atMost("intervalCv", f.intervalCv(), rule.threshold("maxIntervalCv"))
                .atLeast("messagesLastHour", f.messagesLastHour(), rule.threshold("minMessagesLastHour"));
        if (!check.passed()) {
            return Optional.empty();
        }
        boolean unofficial = "UNOFFICIAL_CLIENT".equals(f.clientType());
        double score = rule.score() + (unofficial ? rule.weight("unofficialClient") : 0);
        String summary = String.format("%d messages in the last hour at machine-regular intervals (CV %.3f over %d intervals)%s",
                f.messagesLastHour(), f.intervalCv(), f.intervals(), unofficial ? " from an unofficial client" : "");
        return Optional.of(new Finding(check.criteria, Detector.capped(score), summary, f.hourWindowStartMillis(),
                f.atMillis()));
    }
}
