package dev.warden.detection.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

import dev.warden.contracts.Topics;
import dev.warden.contracts.json.WardenJson;
import dev.warden.contracts.signal.DetectionSignal;
import dev.warden.detection.account.AccountState;
import dev.warden.detection.account.AccountStateSerde;
import dev.warden.detection.topology.ActivityTopology;
import dev.warden.detection.config.DetectionConfig;
import dev.warden.simulator.Label;
import dev.warden.simulator.Persona;
import dev.warden.simulator.QualityReport;
import dev.warden.simulator.Scenario;
import dev.warden.simulator.TrafficGenerator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Quality of detection per violation and per family, on the real topology (TopologyTestDriver: signals are a
 * function of the event stream, see EventTimeDeterminismTest, so the driver gives the broker's answer):
 * <ul>
 * <li><b>tuned</b>: the default scenario the first rules were written with (seed 42, one hour);</li>
 * <li><b>leave-one-family-out</b>: a day of the adversarial and of the evasion mix, dev range, seed 42. The rules
 * have no fitted parameters; every family with "tuned = no" was written after the rules were committed and
 * scored with them unchanged, so each of them is out of the rules' sample;</li>
 * <li><b>held-out</b>: both mixes with another seed and the wider held-out parameter range, never used while
 * writing or adjusting rules. Each held-out seed is spent once it has been seen: 4242 before the first round of
 * adjustments, 9001 before the second (docs/detection.md); since then 27182 is the held-out seed.</li>
 * </ul>
 * Prints the tables and asserts the one hard requirement: no legitimate account at auto-ban level.
 * {@code ./mvnw -B verify -pl detection-service -am -DskipITs -Dtest=DetectionQualityTest -Dsurefire.failIfNoSpecifiedTests=false}
 * Options: -Dquality.accounts=600 (per day-long scenario), -Dquality.default-accounts=1000,
 * -Dquality.held-out-seed=27182.
 */
class DetectionQualityTest {

    private static final Instant START = Instant.parse("2026-11-20T00:00:00Z");
    private static final long HELD_OUT_SEED = Long.getLong("quality.held-out-seed", 27182);

    @Test
    void printsQualityPerFamilyAndNoLegitimateAccountReachesAutoBan() throws IOException {
        int accounts = Integer.getInteger("quality.accounts", 600);
        List<Scenario> scenarios = List.of(
                Scenario.defaults(42, Integer.getInteger("quality.default-accounts", 1000), START),
                day(42, accounts, Scenario.adversarialMix(), Scenario.Ranges.DEV),
                day(42, accounts, Scenario.evasionMix(), Scenario.Ranges.DEV),
                day(HELD_OUT_SEED, accounts, Scenario.adversarialMix(), Scenario.Ranges.HELD_OUT),
                day(HELD_OUT_SEED, accounts, Scenario.evasionMix(), Scenario.Ranges.HELD_OUT));
        List<String> names = List.of("tuned: default mix, seed 42, 1 h",
                "leave-one-family-out: adversarial mix, seed 42, dev range, 24 h",
                "leave-one-family-out: evasion mix, seed 42, dev range, 24 h",
                "held-out: adversarial mix, seed " + HELD_OUT_SEED + ", held-out range, 24 h",
                "held-out: evasion mix, seed " + HELD_OUT_SEED + ", held-out range, 24 h");
        for (int i = 0; i < scenarios.size(); i++) {
            QualityReport report = run(scenarios.get(i), names.get(i));
            assertThat(report.legitimateAtAutoBanLevel()).as(names.get(i)).isZero();
        }
    }

    private static Scenario day(long seed, int accounts, Map<Persona, Double> mix, Scenario.Ranges ranges) {
        return Scenario.defaults(seed, accounts, START).withDuration(Duration.ofHours(24)).withMix(mix)
                .withRanges(ranges);
    }

    private static QualityReport run(Scenario scenario, String name) throws IOException {
        DetectionConfig config = new SmallRyeConfigBuilder().withMapping(DetectionConfig.class).build()
                .getConfigMapping(DetectionConfig.class);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "quality");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("quality").toString());
        Clock clock = Clock.fixed(START.plus(Duration.ofDays(3)), ZoneOffset.UTC);
        List<Label> labels = new ArrayList<>();
        long[] events = {0};
        long t0 = System.nanoTime();
        QualityReport report;
        long stateBytes = 0;
        long stateMax = 0;
        long stateCount = 0;
        try (TopologyTestDriver driver = new TopologyTestDriver(
                new ActivityTopology().buildTopology(config, clock, new SimpleMeterRegistry(),
                        ActivityTopology.TopicNames.WARDEN, true), props)) {
            TestInputTopic<String, String> in = driver.createInputTopic(Topics.ACTIVITY, new StringSerializer(),
                    new StringSerializer());
            TestOutputTopic<String, String> out = driver.createOutputTopic(Topics.SIGNALS, new StringDeserializer(),
                    new StringDeserializer());
            new TrafficGenerator(scenario).generate(e -> {
                in.pipeInput(e.accountId(), WardenJson.write(e), e.occurredAt());
                events[0]++;
            }, labels::add);
            report = new QualityReport(labels);
            for (String v : out.readValuesToList()) {
                report.add(WardenJson.read(v, DetectionSignal.class));
            }
            KeyValueStore<String, AccountState> store = driver.getKeyValueStore(ActivityTopology.ACCOUNT_STORE);
            try (KeyValueIterator<String, AccountState> it = store.all()) {
                while (it.hasNext()) {
                    var kv = it.next();
                    long size = kv.key.length() + AccountStateSerde.write(kv.value).length;
                    stateBytes += size;
                    stateMax = Math.max(stateMax, size);
                    stateCount++;
                }
            }
        }
        System.out.printf("%n[quality] %s: %d accounts, %d events, %.1f s%n", name, scenario.accounts(), events[0],
                (System.nanoTime() - t0) / 1e9);
        System.out.print(report.render());
        System.out.printf("account-state at the end: %d accounts, %d bytes avg, %d max (key + value)%n", stateCount,
                stateCount == 0 ? 0 : stateBytes / stateCount, stateMax);
        return report;
    }
}
