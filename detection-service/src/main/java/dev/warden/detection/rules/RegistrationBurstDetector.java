package dev.warden.detection.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.warden.contracts.activity.ActivityEvent;
import dev.warden.contracts.activity.ActivityType;
import dev.warden.contracts.signal.DetectionSignal;
import dev.warden.contracts.signal.SignalIds;
import dev.warden.contracts.signal.Violation;
import dev.warden.detection.account.AccountState;
import dev.warden.detection.config.DetectionConfig.RegistrationBurstRule;

/** bulk.registration-burst: a freshly registered account messages many strangers at once. */
final class RegistrationBurstDetector {

    private final RegistrationBurstRule rule;

    RegistrationBurstDetector(RegistrationBurstRule rule) {
        this.rule = rule;
    }

    Optional<DetectionSignal> evaluate(AccountState s, ActivityEvent trigger, Instant now) {
        if (trigger.type() != ActivityType.MESSAGE_SENT || s.registeredAt == null) {
            return Optional.empty();
        }
        Instant at = trigger.occurredAt();
        Duration age = Duration.between(s.registeredAt, at);
        if (age.isNegative() || age.compareTo(rule.maxAccountAge()) > 0) {
            return Optional.empty();
        }
        Long lastFired = s.lastFiredMillis.get(rule.id());
        if (lastFired != null && at.toEpochMilli() - lastFired < rule.cooldown().toMillis()) {
            return Optional.empty();
        }
        // the window ends at the trigger, or later when the trigger arrived out of order
        long end = Math.min(s.watermarkMillis / 1000, at.getEpochSecond() + rule.window().toSeconds() - 1);
        long from = end - rule.window().toSeconds();
        List<AccountState.SecondBucket> inWindow = s.buckets.stream()
                .filter(b -> b.second > from && b.second <= end).toList();
        int messages = inWindow.stream().mapToInt(b -> b.messages).sum();
        int strangers = inWindow.stream().mapToInt(b -> b.nonContactRecipients).sum();
        if (messages < rule.minMessages() || strangers < rule.minNonContactRecipients()) {
            return Optional.empty();
        }
        s.lastFiredMillis.put(rule.id(), at.toEpochMilli());
        Instant windowStart = Instant.ofEpochSecond(inWindow.get(0).second);
        Map<String, Double> features = new LinkedHashMap<>();
        features.put("messagesInWindow", (double) messages);
        features.put("nonContactRecipientsInWindow", (double) strangers);
        features.put("accountAgeSeconds", (double) age.toSeconds());
        List<DetectionSignal.Criterion> criteria = List.of(
                new DetectionSignal.Criterion("accountAgeSeconds", "<=", rule.maxAccountAge().toSeconds(), age.toSeconds()),
                new DetectionSignal.Criterion("messagesInWindow", ">=", rule.minMessages(), messages),
                new DetectionSignal.Criterion("nonContactRecipientsInWindow", ">=", rule.minNonContactRecipients(), strangers));
        String summary = String.format("%d messages to %d non-contacts within %d s, %d s after registration",
                messages, strangers, rule.window().toSeconds(), age.toSeconds());
        return Optional.of(new DetectionSignal(SignalIds.of(trigger.accountId(), rule.id(), windowStart),
                trigger.accountId(), Violation.BULK_MESSAGING, rule.score(), rule.id(), rule.version(),
                new DetectionSignal.Window(windowStart, Instant.ofEpochSecond(end + 1)), features, criteria, List.copyOf(s.sampleEventIds),
                new DetectionSignal.AccountContext(s.accountType, s.clientType, s.country, s.registeredAt,
                        s.contactEmail, s.locale),
                summary, at, now));
    }
}
