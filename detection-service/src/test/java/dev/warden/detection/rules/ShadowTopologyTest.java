package dev.warden.detection.rules;

import static dev.warden.detection.rules.TopologyHarness.T0;
import static dev.warden.detection.rules.TopologyHarness.registered;
import static dev.warden.detection.rules.TopologyHarness.report;
import static dev.warden.detection.rules.TopologyHarness.toContact;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.warden.contracts.Topics;
import dev.warden.contracts.activity.AccountType;
import dev.warden.contracts.activity.ClientType;
import dev.warden.contracts.json.WardenJson;
import dev.warden.contracts.signal.DetectionSignal;

/** The shadow branch of the real topology: what it emits, where, and that the live side never changes. */
class ShadowTopologyTest {

    private static final Instant OLD = T0.minus(Duration.ofDays(100));
    private TopologyHarness h;
    private TestOutputTopic<String, String> shadow;

    @BeforeEach
    void start() {
        h = new TopologyHarness();
        shadow = h.driver.createOutputTopic(Topics.SIGNALS_SHADOW, new StringDeserializer(), new StringDeserializer());
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void aShadowOfAConclusiveRuleFiresOnTheSameEventAsTheLiveVersion() {
        RuleDefinition live = new MachineTimingDetector().defaults();
        putShadow(new RuleDefinition(live.id(), live.version() + 1, live.violation(), true, live.score(),
                live.cooldownSeconds(), live.thresholds(), live.weights(), "same thresholds"), "alice");
        h.send(registered("bot", OLD, AccountType.PRIVATE, ClientType.UNOFFICIAL_CLIENT));
        for (int i = 0; i < 30; i++) {
            h.send(toContact("bot", T0.plusSeconds(60L * i), ClientType.UNOFFICIAL_CLIENT));
        }
        DetectionSignal liveSignal = single(h.signals());
        DetectionSignal shadowSignal = single(shadowSignals());
        assertThat(liveSignal.ruleVersion()).isEqualTo(live.version());
        assertThat(shadowSignal.ruleVersion()).isEqualTo(live.version() + 1);
        assertThat(shadowSignal.signalId()).isEqualTo(liveSignal.signalId());
        assertThat(shadowSignal.triggeredAt()).isEqualTo(liveSignal.triggeredAt());
    }

    @Test
    void aLowerShadowThresholdFiresEarlierOnTheShadowTopicOnly() {
        RuleDefinition live = new DistinctReportersDetector().defaults();
        Map<String, Double> thresholds = new HashMap<>(live.thresholds());
        thresholds.put("minDistinctReporters", 2.0);
        putShadow(new RuleDefinition(live.id(), live.version() + 1, live.violation(), true, live.score(),
                live.cooldownSeconds(), thresholds, live.weights(), "two are enough"), "alice");
        h.send(registered("r", OLD, AccountType.PRIVATE, ClientType.OFFICIAL_APP));
        h.send(report("r", T0, "a"));
        h.send(report("r", T0.plusSeconds(1), "b"));
        assertThat(h.signals()).isEmpty();
        assertThat(single(shadowSignals()).ruleVersion()).isEqualTo(live.version() + 1);

        h.send(report("r", T0.plusSeconds(2), "c"));
        assertThat(single(h.signals()).ruleVersion()).isEqualTo(live.version());
        assertThat(shadowSignals()).as("the shadow's own cooldown holds").isEmpty();
    }

    @Test
    void aShadowRecordWithoutActorNeverRunsAndIsCounted() {
        RuleDefinition live = new DistinctReportersDetector().defaults();
        Map<String, Double> thresholds = new HashMap<>(live.thresholds());
        thresholds.put("minDistinctReporters", 1.0);
        putShadow(new RuleDefinition(live.id(), live.version() + 1, live.violation(), true, live.score(),
                live.cooldownSeconds(), thresholds, live.weights(), "forged"), null);
        h.send(registered("r", OLD, AccountType.PRIVATE, ClientType.OFFICIAL_APP));
        h.send(report("r", T0, "a"));
        assertThat(shadowSignals()).isEmpty();
        assertThat(h.metrics.counter("warden.detection.rules.skipped").count()).isEqualTo(1.0);
    }

    private void putShadow(RuleDefinition rule, String actor) {
        h.rules.pipeInput(RuleRecord.shadowKey(rule.id()),
                WardenJson.write(new RuleRecord(rule, RuleStatus.SHADOW, actor, T0, null, null)));
    }

    private List<DetectionSignal> shadowSignals() {
        return shadow.readValuesToList().stream().map(v -> WardenJson.read(v, DetectionSignal.class)).toList();
    }

    private static DetectionSignal single(List<DetectionSignal> signals) {
        assertThat(signals).hasSize(1);
        return signals.get(0);
    }
}
