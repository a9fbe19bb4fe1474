package dev.warden.detection.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.warden.contracts.activity.ActivityEvent;
import dev.warden.contracts.json.WardenJson;
import dev.warden.contracts.signal.DetectionSignal;
import dev.warden.detection.ServiceStreamsConfig;
import dev.warden.detection.config.DetectionConfig;
import dev.warden.testsupport.ActivityEvents;
import dev.warden.testsupport.KafkaTestClient;
import dev.warden.testsupport.WardenKafka;
import dev.warden.detection.topology.ActivityTopology;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Restart without state loss, on the real broker: the topology runs on its own topics (so the Quarkus
 * app of the other tests does not see these events), an instance counts 9 of 10 burst messages, stops,
 * and its local state directory is deleted. A new instance must restore the window from the changelog:
 * only then does the 10th message cross the threshold. A {@code @QuarkusTest} only to share the JVM's
 * broker: a second broker in another class loader fails SASL authentication (JVM-wide SASL providers).
 */
@QuarkusTest
class StateRestoreTest {

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final ActivityTopology.TopicNames topics = new ActivityTopology.TopicNames("restore-activity-" + suffix,
            "restore-dlq-" + suffix, "restore-signals-" + suffix);
    private final String applicationId = "warden-restore-" + suffix;

    @Test
    void aNewInstanceWithEmptyLocalStateRestoresTheWindowFromTheChangelog() throws Exception {
        WardenKafka.createTopics(Set.of(topics.activity(), topics.dlq(), topics.signals()), WardenKafka.PARTITIONS);
        String account = "acc-restore-" + suffix;
        Instant registered = Instant.now().minusSeconds(120);
        List<ActivityEvent> burst = ActivityEvents.registrationBurst(account, registered, null, null, 10, 5, 60);

        Path firstDir = Files.createTempDirectory("warden-restore-1");
        SimpleMeterRegistry firstMetrics = new SimpleMeterRegistry();
        KafkaStreams first = start(firstDir, firstMetrics);
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            burst.subList(0, 10).forEach(e -> kafka.sendJson(topics.activity(), account, e));
            Awaitility.await().atMost(Duration.ofSeconds(60))
                    .until(() -> firstMetrics.counter("warden.activity.accepted").count() >= 10);
        }
        first.close(Duration.ofSeconds(20)); // commits offsets and flushes the changelog
        deleteRecursively(firstDir);
        assertThat(signals(account, Duration.ofSeconds(1))).as("9 messages: below the threshold").isEmpty();

        KafkaStreams second = start(Files.createTempDirectory("warden-restore-2"), new SimpleMeterRegistry());
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            kafka.sendJson(topics.activity(), account, burst.get(10));
            List<DetectionSignal> signals = signals(account, Duration.ofSeconds(60));
            assertThat(signals).singleElement().satisfies(s ->
                    assertThat(s.features()).containsEntry("messagesInWindow", 10.0));
        } finally {
            second.close(Duration.ofSeconds(20));
        }
    }

    private KafkaStreams start(Path stateDir, SimpleMeterRegistry metrics) {
        DetectionConfig config = new SmallRyeConfigBuilder().withMapping(DetectionConfig.class).build()
                .getConfigMapping(DetectionConfig.class);
        Properties props = ServiceStreamsConfig.production(); // what production runs with, then the test's own
        props.putAll(WardenKafka.adminProperties());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "200");
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, "-1");
        props.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        // the stopped member does not leave the group on close: let the broker drop it quickly
        props.put(StreamsConfig.consumerPrefix("session.timeout.ms"), "6000");
        KafkaStreams streams = new KafkaStreams(new ActivityTopology().buildTopology(config, Clock.systemUTC(), metrics,
                topics), props);
        streams.start();
        return streams;
    }

    private List<DetectionSignal> signals(String account, Duration timeout) {
        return KafkaTestClient.read(topics.signals(), r -> account.equals(r.key()), l -> !l.isEmpty(), timeout).stream()
                .map(r -> WardenJson.read(r.value(), DetectionSignal.class)).toList();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        assertThat(dir).doesNotExist();
    }
}
