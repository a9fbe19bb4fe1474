package dev.warden.detection.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.warden.contracts.activity.ActivityEvent;
import dev.warden.contracts.json.WardenJson;
import dev.warden.contracts.signal.DetectionSignal;
import dev.warden.detection.ServiceStreamsConfig;
import dev.warden.detection.TopologyProgress;
import dev.warden.detection.config.DetectionConfig;
import dev.warden.simulator.Scenario;
import dev.warden.simulator.TrafficGenerator;
import dev.warden.testsupport.KafkaTestClient;
import dev.warden.testsupport.WardenKafka;
import dev.warden.detection.topology.ActivityTopology;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Signals are a function of the event stream: one recorded simulator stream (a campaign among ordinary
 * traffic, an hour of event time) is processed as a backlog at full speed twice, on the real broker —
 * once on 1 partition by one instance, once on 3 partitions with a restart in the middle that loses the
 * local state — and the two runs must emit exactly the same set of signal ids. Campaign news travels
 * through two repartitions, so in a backlog it reaches most members after their last message.
 * A {@code @QuarkusTest} only to share the JVM's (authenticated) broker.
 */
@QuarkusTest
class EventTimeDeterminismTest {

    private static final Instant START = Instant.parse("2026-11-20T09:00:00Z");
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void oneRecordedStreamGivesTheSameSignalIdsOnOneOrThreePartitionsAndAcrossARestart() throws Exception {
        List<ActivityEvent> events = new ArrayList<>();
        new TrafficGenerator(Scenario.defaults(7, 400, START)).generate(events::add, l -> { });

        Set<String> single = run("one", 1, events, false);
        Set<String> restarted = run("three", 3, events, true);

        assertThat(single).as("the stream has signals of every kind, among them campaign members")
                .anyMatch(id -> id.startsWith("bulk.coordinated-campaign"))
                .anyMatch(id -> id.startsWith("bulk.registration-burst"));
        assertThat(restarted).isEqualTo(single);
    }

    /** @return "ruleId accountId signalId" of every signal emitted */
    private Set<String> run(String name, int partitions, List<ActivityEvent> events, boolean restartHalfway)
            throws Exception {
        ActivityTopology.TopicNames topics = new ActivityTopology.TopicNames(name + "-activity-" + suffix,
                name + "-dlq-" + suffix, name + "-signals-" + suffix);
        String applicationId = "warden-determinism-" + name + "-" + suffix;
        WardenKafka.createTopics(Set.of(topics.activity(), topics.dlq(), topics.signals()), partitions);
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            events.forEach(e -> kafka.sendJson(topics.activity(), e.accountId(), e));
        }
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        KafkaStreams streams = start(applicationId, topics, Files.createTempDirectory("warden-det"), metrics);
        if (restartHalfway) {
            Awaitility.await().atMost(Duration.ofMinutes(2))
                    .until(() -> metrics.counter("warden.activity.accepted").count() >= events.size() / 2.0);
            streams.close(Duration.ofSeconds(20));
            streams = start(applicationId, topics, Files.createTempDirectory("warden-det"), new SimpleMeterRegistry());
        }
        try {
            Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                    .until(() -> caughtUp(applicationId, topics.activity()));
        } finally {
            streams.close(Duration.ofSeconds(20));
        }
        return readAll(topics.signals()).stream().map(r -> WardenJson.read(r.value(), DetectionSignal.class))
                .map(s -> s.ruleId() + " " + s.accountId() + " " + s.signalId()).collect(Collectors.toSet());
    }

    private static KafkaStreams start(String applicationId, ActivityTopology.TopicNames topics, Path stateDir,
            SimpleMeterRegistry metrics) {
        DetectionConfig config = new SmallRyeConfigBuilder().withMapping(DetectionConfig.class).build()
                .getConfigMapping(DetectionConfig.class);
        Properties props = ServiceStreamsConfig.production(); // what production runs with, then the test's own
        props.putAll(WardenKafka.adminProperties());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "200");
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, "-1");
        props.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        props.put(StreamsConfig.consumerPrefix("session.timeout.ms"), "6000");
        KafkaStreams streams = new KafkaStreams(new ActivityTopology().buildTopology(config, Clock.systemUTC(), metrics,
                topics), props);
        streams.start();
        return streams;
    }

    /** Every partition the application reads (source and both repartitions) is committed up to its end. */
    private static boolean caughtUp(String applicationId, String source) throws Exception {
        try (Admin admin = WardenKafka.admin()) {
            return TopologyProgress.committedToEnd(admin, applicationId, TopologyProgress.inputs(applicationId, source));
        }
    }

    private static List<ConsumerRecord<String, String>> readAll(String topic) {
        Properties p = WardenKafka.adminProperties();
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> parts = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> ends = consumer.endOffsets(parts);
            Set<TopicPartition> open = new HashSet<>(parts);
            while (!open.isEmpty()) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
                open.removeIf(tp -> consumer.position(tp) >= ends.get(tp));
            }
        }
        return out;
    }

}
