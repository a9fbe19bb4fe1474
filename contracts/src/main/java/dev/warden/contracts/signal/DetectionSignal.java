package dev.warden.contracts.signal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One record of {@code warden.signals.v1}: a rule fired for an account, with everything a reviewer
 * needs to understand why. {@link #signalId()} is derived from (account, rule, window), so a replay
 * yields the same id and consumers deduplicate on it.
 */
public record DetectionSignal(
        String signalId,
        String accountId,
        Violation violation,
        double score,
        String ruleId,
        int ruleVersion,
        Window window,
        Map<String, Double> features,
        List<Criterion> criteria,
        List<String> sampleEventIds,
        AccountContext account,
        String summary,
        Instant triggeredAt,
        Instant detectedAt) {

    /** The same signal without the account's contact data (address, locale): for an account erased since. */
    public DetectionSignal withoutContact() {
        AccountContext a = account == null ? null : new AccountContext(account.accountType(), account.clientType(),
                account.country(), account.registeredAt(), null, null);
        return new DetectionSignal(signalId, accountId, violation, score, ruleId, ruleVersion, window, features, criteria,
                sampleEventIds, a, summary, triggeredAt, detectedAt);
    }

    /** The event-time window the features were computed over. */
    public record Window(Instant start, Instant end) {
    }

    /** One condition of the rule: the feature's value and the threshold it was compared with. */
    public record Criterion(String feature, String operator, double threshold, double value) {
    }

    /** What detection knew of the account when the signal fired. */
    public record AccountContext(
            String accountType,
            String clientType,
            String country,
            Instant registeredAt,
            String contactEmail,
            String locale) {
    }
}
