package dev.warden.detection.rules;

import java.util.Map;
import java.util.Optional;

import dev.warden.contracts.activity.ActivityEvent;
import dev.warden.contracts.activity.ActivityType;
import dev.warden.contracts.signal.Violation;
import dev.warden.detection.account.AccountState;
import dev.warden.detection.features.Features;

/**
 * nonpersonal.promotional-broadcast: a commercial newsletter run through a personal account and client —
 * identical content fanned out to many non-contacts, nobody answered.
 */
final class PromotionalBroadcastDetector implements Detector {

    static final String ID = "nonpersonal.promotional-broadcast";

    private static final RuleDefinition DEFAULTS = new RuleDefinition(ID, 1, Violation.NON_PERSONAL_USE, true, 0.85,
            24 * 3600, Map.of(
            "minRepeats", 3.0,
            "minRepeatedNonContactRecipients", 150.0,
            "minFanoutShare", 0.5,
            "maxReplyShare", 0.05),
            Map.of(),
            "Identical content broadcast to many non-contacts from a personal account, no replies");

    @Override
    public RuleDefinition defaults() {
        return DEFAULTS;
    }

    @Override
    public Optional<Finding> evaluate(ActivityEvent trigger, AccountState s, Features f, RuleDefinition rule) {
        if (trigger.type() != ActivityType.MESSAGE_SENT || f.business()
                || f.topFingerprintMessages() < rule.threshold("minRepeats")) {
            return Optional.empty();
        }
        Check check = new Check()
                .atLeast("topFingerprintMessages", f.topFingerprintMessages(), rule.threshold("minRepeats"))
                .atLeast("topFingerprintNonContactRecipients", f.topFingerprintNonContactRecipients(),
                        rule.threshold("minRepeatedNonContactRecipients"))
                .atLeast("fanoutShare", f.fanoutShare(), rule.threshold("minFanoutShare"))
                .atMost("replyShare", f.replyShare(), rule.threshold("maxReplyShare"));
        if (!check.passed()) {
            return Optional.empty();
        }
        String summary = String.format("identical content sent %d times to %d non-contacts from a personal account, %.0f%% replies",
                f.topFingerprintMessages(), f.topFingerprintNonContactRecipients(), 100 * f.replyShare());
        return Optional.of(new Finding(check.criteria, Detector.capped(rule.score()), summary, f.hourWindowStartMillis(),
                f.atMillis()));
    }
}
