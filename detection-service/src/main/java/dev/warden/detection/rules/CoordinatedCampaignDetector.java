package dev.warden.detection.rules;

import java.util.Map;
import java.util.Optional;

import dev.warden.contracts.activity.ActivityEvent;
import dev.warden.contracts.activity.ActivityType;
import dev.warden.contracts.signal.Violation;
import dev.warden.detection.account.AccountState;
import dev.warden.detection.features.Features;

/**
 * bulk.coordinated-campaign: the account sends content that many other accounts send to strangers
 * too (cross-account fan-out of one fingerprint). Each account alone stays small; together they are bulk.
 */
final class CoordinatedCampaignDetector implements Detector {

    static final String ID = "bulk.coordinated-campaign";

    private static final RuleDefinition DEFAULTS = new RuleDefinition(ID, 1, Violation.BULK_MESSAGING, true, 0.9,
            6 * 3600, Map.of(
            "minCampaignAccounts", 10.0,
            "minAccountAgeSeconds", 900.0,
            "minMessagesLastHour", 5.0,
            "minNonContactShare", 0.8),
            Map.of(),
            "Many accounts send the same content to non-contacts within an hour");

    @Override
    public RuleDefinition defaults() {
        return DEFAULTS;
    }

    @Override
    public Optional<Finding> evaluate(ActivityEvent trigger, AccountState s, Features f, RuleDefinition rule) {
        if (trigger.type() != ActivityType.MESSAGE_SENT || f.business()
                || f.campaignAccounts() < rule.threshold("minCampaignAccounts")) {
            return Optional.empty();
        }
        // a young account belongs to the registration-burst rule, whose conclusive signal must come alone
        if (f.accountAgeSeconds() >= 0 && f.accountAgeSeconds() < rule.threshold("minAccountAgeSeconds")) {
            return Optional.empty();
        }
        Check check = new Check()
                .atLeast("campaignAccounts", f.campaignAccounts(), rule.threshold("minCampaignAccounts"))
                .atLeast("messagesLastHour", f.messagesLastHour(), rule.threshold("minMessagesLastHour"))
                .atLeast("nonContactShare", f.nonContactShare(), rule.threshold("minNonContactShare"));
        if (!check.passed()) {
            return Optional.empty();
        }
        String summary = String.format("same content as %d other accounts, %d messages to non-contacts (%.0f%%) in the last hour",
                f.campaignAccounts() - 1, f.messagesLastHour(), 100 * f.nonContactShare());
        return Optional.of(new Finding(check.criteria, Detector.capped(rule.score()), summary, f.hourWindowStartMillis(),
                f.atMillis()));
    }
}
