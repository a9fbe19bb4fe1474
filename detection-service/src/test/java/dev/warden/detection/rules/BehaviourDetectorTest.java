package dev.warden.detection.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.warden.contracts.activity.ActivityEvent;
import dev.warden.contracts.activity.ActivityType;
import dev.warden.contracts.activity.ChatType;
import dev.warden.contracts.json.WardenJson;
import dev.warden.contracts.signal.Violation;
import dev.warden.detection.account.AccountState;
import dev.warden.detection.features.FeatureUpdater;
import dev.warden.detection.features.Features;
import dev.warden.detection.store.MapStore;

class BehaviourDetectorTest {

    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void versionsTakingTurnsEachReadTheirOwnThresholds() {
        RuleDefinition live = rule(1, 5);
        BehaviourDetector detector = detector(live);
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

    @Test
    void aLiveAndAShadowVersionTakingTurnsAreCompiledOnceEach() {
        AtomicInteger lookUps = new AtomicInteger();
        RuleDefinition live = counted(1, 5, lookUps);
        RuleDefinition shadow = counted(2, 50, lookUps);
        BehaviourDetector detector = detector(live);
        AccountState state = new AccountState();
        ActivityEvent last = message(AT);
        FeatureUpdater.apply(state, last, 300_000, 10);
        Features features = Features.of(state, AT.toEpochMilli());
        detector.evaluate(last, state, features, live);
        detector.evaluate(last, state, features, shadow);
        int compiled = lookUps.get();
        for (int i = 0; i < 10; i++) {
            detector.evaluate(last, state, features, i % 2 == 0 ? live : shadow);
        }
        assertEquals(2, compiled, "one threshold each");
        assertEquals(compiled, lookUps.get(), "no threshold read again while the two take turns");
    }

    @Test
    void tasksReadingTheSameStoredRuleHoldTheSameDefinition() {
        RuleDefinition stored = rule(7, 12);
        Map<String, String> topic = Map.of(stored.id(), WardenJson.write(new RuleRecord(stored, RuleStatus.ACTIVE,
                "reviewer", AT, null, null)));
        RuleChanges changes = new RuleChanges();
        Detector detector = detector(rule(1, 5));
        RuleDefinition task1 = new RuleBook(store(topic), changes).rule(detector);
        RuleDefinition task2 = new RuleBook(store(topic), changes).rule(detector);
        assertEquals(stored, task1);
        // one object, so what a detector derives from it by identity serves every task
        assertSame(task1, task2);
    }

    private static BehaviourDetector detector(RuleDefinition defaults) {
        return new BehaviourDetector(defaults, BehaviourDetector.Scale.HOUR, "%s messages",
                BehaviourDetector.Criterion.atLeast("messagesLastHour", Features::messagesLastHour, "minMessages"));
    }

    /** A definition whose threshold map counts its look-ups: each one is a compile. */
    private static RuleDefinition counted(int version, double minMessages, AtomicInteger lookUps) {
        Map<String, Double> thresholds = new HashMap<>(Map.of("minMessages", minMessages)) {
            @Override
            public Double get(Object key) {
                lookUps.incrementAndGet();
                return super.get(key);
            }
        };
        return BehaviourDetector.definition("test.messages", version, Violation.BULK_MESSAGING, 0.5, 0, thresholds,
                "at least so many messages in the hour");
    }

    /** The rules topic as the global store holds it: rule id → record JSON. */
    private static MapStore<String> store(Map<String, String> records) {
        MapStore<String> store = new MapStore<>(RuleBook.STORE);
        store.map.putAll(records);
        return store;
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
