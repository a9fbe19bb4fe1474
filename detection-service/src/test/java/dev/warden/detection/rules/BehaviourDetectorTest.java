package dev.warden.detection.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.warden.contracts.activity.ActivityEvent;
import dev.warden.contracts.activity.ActivityType;
import dev.warden.contracts.activity.ChatType;
import dev.warden.contracts.signal.Violation;
import dev.warden.detection.account.AccountState;
import dev.warden.detection.features.FeatureUpdater;
import dev.warden.detection.features.Features;

class BehaviourDetectorTest {

    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void versionsTakingTurnsEachReadTheirOwnThresholds() {
        RuleDefinition live = rule(1, 5);
        BehaviourDetector detector = new BehaviourDetector(live, BehaviourDetector.Scale.HOUR, "%s messages",
                BehaviourDetector.Criterion.atLeast("messagesLastHour", Features::messagesLastHour, "minMessages"));
        AccountState state = new AccountState();
        ActivityEvent last = null;
        for (int i = 0; i < 10; i++) {
            last = message(AT.plusSeconds(i));
            FeatureUpdater.apply(state, last, 300_000, 10);
        }
        Features features = Features.of(state, last.occurredAt().toEpochMilli());
        RuleDefinition shadow = rule(2, 50);
        RuleDefinition third = rule(3, 20);
        // live and shadow alternate as the shadow branch makes them; a third version then takes a slot of its own
        for (RuleDefinition r : new RuleDefinition[] {live, shadow, live, shadow, third, shadow, live, third}) {
            boolean fires = detector.evaluate(last, state, features, r).isPresent();
            assertEquals(10 >= r.threshold("minMessages"), fires, "version " + r.version());
        }
    }

    private static RuleDefinition rule(int version, double minMessages) {
        return BehaviourDetector.definition("test.messages", version, Violation.BULK_MESSAGING, 0.5, 0,
                Map.of("minMessages", minMessages), "at least so many messages in the hour");
    }

    private static ActivityEvent message(Instant at) {
        return ActivityEvent.builder(UUID.randomUUID().toString(), "acc-1", ActivityType.MESSAGE_SENT, at)
                .chatType(ChatType.DIRECT).recipientCount(1).recipientsInContacts(0).build();
    }
}
