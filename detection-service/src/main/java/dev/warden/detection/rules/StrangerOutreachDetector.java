package dev.warden.detection.rules;

import java.util.Map;
import java.util.Optional;

import dev.warden.contracts.activity.ActivityEvent;
import dev.warden.contracts.activity.ActivityType;
import dev.warden.contracts.signal.Violation;
import dev.warden.detection.account.AccountState;
import dev.warden.detection.features.Features;

/**
 * bulk.stranger-outreach: sustained one-way messaging to non-contacts over the hour — the slow-drip
 * spammer who stays under per-minute limits. Not conclusive on its own: goes to review.
 */
final class StrangerOutreachDetector implements Detector {

    static final String ID = "bulk.stranger-outreach";

    private static final RuleDefinition DEFAULTS = new RuleDefinition(ID, 1, Violation.BULK_MESSAGING, true, 0.9,
            6 * 3600, Map.of(
            "minMessagesLastHour", 40.0,
            "minNonContactRecipientsLastHour", 40.0,
            "minNonContactShare", 0.9,
            "maxReplyShare", 0.05),
            Map.of("reportedByOthers", 0.03),
            "Sustained one-way messaging to non-contacts over an hour, without replies");

    @Override
    public RuleDefinition defaults() {
        return DEFAULTS;
    }

    @Override
    public Optional<Finding> evaluate(ActivityEvent trigger, AccountState s, Features f, RuleDefinition rule) {
        if (trigger.type() != ActivityType.MESSAGE_SENT || f.business()
                || f.messagesLastHour() < rule.threshold("minMessagesLastHour")) {
            return Optional.empty();
        }
        Check check = new Check()
                .atLeast("messagesLastHour", f.messagesLastHour(), rule.threshold("minMessagesLastHour"))
                .atLeast("nonContactRecipientsLastHour", f.nonContactRecipientsLastHour(),
                        rule.threshold("minNonContactRecipientsLastHour"))
                .atLeast("nonContactShare", f.nonContactShare(), rule.threshold("minNonContactShare"))
                .atMost("replyShare", f.replyShare(), rule.threshold("maxReplyShare"));
        if (!check.passed()) {
            return Optional.empty();
        }
        double score = rule.score() + (f.distinctReporters() > 0 ? rule.weight("reportedByOthers") : 0);
        String summary = String.format("%d messages to %d non-contacts (%.0f%% of recipients) in the last hour, %.0f%% replies",
                f.messagesLastHour(), f.nonContactRecipientsLastHour(), 100 * f.nonContactShare(), 100 * f.replyShare());
        return Optional.of(new Finding(check.criteria, Detector.capped(score), summary, f.hourWindowStartMillis(),
                f.atMillis()));
    }
}
