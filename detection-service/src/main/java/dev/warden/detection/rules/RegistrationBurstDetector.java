package dev.warden.detection.rules;

import java.util.Map;
import java.util.Optional;

import dev.warden.contracts.activity.ActivityEvent;
import dev.warden.contracts.activity.ActivityType;
import dev.warden.contracts.signal.Violation;
import dev.warden.detection.account.AccountState;
import dev.warden.detection.account.AccountState.Second;
import dev.warden.detection.account.Buckets;
import dev.warden.detection.config.DetectionConfig.RegistrationBurstRule;
import dev.warden.detection.features.Features;

/**
 * bulk.registration-burst: a freshly registered account messages many strangers at once ("registered
 * five minutes ago, tried to send 100 messages in 15 seconds"). Conclusive: warrants an immediate ban.
 */
final class RegistrationBurstDetector implements Detector {

    static final String ID = "bulk.registration-burst";
    /** Second buckets are kept this long (see FeatureUpdater), so the window cannot be longer. */
    static final double MAX_WINDOW_SECONDS = 120;

    private final RuleDefinition defaults;

    RegistrationBurstDetector(RegistrationBurstRule config) {
        this.defaults = new RuleDefinition(ID, config.version(), Violation.BULK_MESSAGING, true, config.score(),
                config.cooldown().toSeconds(), Map.of(
                        "maxAccountAgeSeconds", (double) config.maxAccountAge().toSeconds(),
                        "windowSeconds", (double) config.window().toSeconds(),
                        "minMessages", (double) config.minMessages(),
                        "minNonContactRecipients", (double) config.minNonContactRecipients()),
                Map.of(), "A young account sends many messages to non-contacts within a short window");
    }

    @Override
    public RuleDefinition defaults() {
        return defaults;
    }

    @Override
    public Optional<Finding> evaluate(ActivityEvent trigger, AccountState s, Features f, RuleDefinition rule) {
        if (trigger.type() != ActivityType.MESSAGE_SENT || s.registeredAtMillis == 0) {
            return Optional.empty();
        }
        long at = trigger.occurredAt().toEpochMilli();
        long ageSeconds = (at - s.registeredAtMillis) / 1000;
        if (ageSeconds < 0 || ageSeconds > rule.threshold("maxAccountAgeSeconds")) {
            return Optional.empty();
        }
        long window = (long) rule.threshold("windowSeconds");
        // the window ends at the trigger, or later when the trigger arrived out of order
        long end = Math.min(Math.floorDiv(s.watermarkMillis, 1000), Math.floorDiv(at, 1000) + window - 1);
        long from = end - window;
        int messages = 0;
        int strangers = 0;
        long first = -1;
        Buckets seconds = s.seconds;
        for (int i = 0; i < seconds.size(); i++) {
            long second = seconds.key(i);
            if (second > from && second <= end) {
                messages += seconds.count(i, Second.MESSAGES);
                strangers += seconds.count(i, Second.NON_CONTACT_RECIPIENTS);
                if (first < 0) {
                    first = second;
                }
            }
        }
        Check check = new Check()
                .atMost("accountAgeSeconds", ageSeconds, rule.threshold("maxAccountAgeSeconds"))
                .atLeast("messagesInWindow", messages, rule.threshold("minMessages"))
                .atLeast("nonContactRecipientsInWindow", strangers, rule.threshold("minNonContactRecipients"));
        if (!check.passed()) {
            return Optional.empty();
        }
        String summary = String.format("%d messages to %d non-contacts within %d s, %d s after registration",
                messages, strangers, window, ageSeconds);
        return Optional.of(new Finding(check.criteria, Detector.capped(rule.score()), summary, first * 1000,
                (end + 1) * 1000));
    }
}
