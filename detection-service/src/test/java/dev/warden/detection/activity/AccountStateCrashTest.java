package dev.warden.detection.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.warden.contracts.activity.ActivityEvent;
import dev.warden.contracts.json.WardenJson;
import dev.warden.contracts.signal.DetectionSignal;
import dev.warden.detection.ServiceStreamsConfig;
import dev.warden.detection.config.DetectionConfig;
import dev.warden.detection.topology.ActivityTopology;
import dev.warden.testsupport.ActivityEvents;
import dev.warden.testsupport.KafkaTestClient;
import dev.warden.testsupport.WardenKafka;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Account state is written behind, at the commit: a crash between two commits must lose nothing that was
 * committed. On the real broker, with commits only when asked for (a control topic the test adds): an
 * instance processes the registration and 4 burst messages, commits, processes 5 more messages, then its
 * stream thread dies (no commit, dirty close). A new instance with an empty state directory restores from
 * the changelog and re-reads the uncommitted input: the 10th message must find all 9 before it, exactly
 * once each. Had the committed state stayed only in memory, the restored account would have lost its
 * registration and first messages, and no signal would come.
 * A {@code @QuarkusTest} only to share the JVM's broker.
 */
@QuarkusTest
class AccountStateCrashTest {

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final ActivityTopology.TopicNames topics = new ActivityTopology.TopicNames("crash-activity-" + suffix,
            "crash-dlq-" + suffix, "crash-signals-" + suffix);
    private final String control = "crash-control-" + suffix;
    private final String applicationId = "warden-crash-" + suffix;

    @Test
    void aCrashBetweenCommitsLosesNoCommittedAccountState() throws Exception {
        WardenKafka.createTopics(Set.of(topics.activity(), topics.dlq(), topics.signals(), control), 1);
        String account = "acc-crash-" + suffix;
        List<ActivityEvent> burst = ActivityEvents.registrationBurst(account, Instant.now().minusSeconds(120), null,
                null, 10, 5, 60);

        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        KafkaStreams first = start(Files.createTempDirectory("warden-crash-1"), metrics, true);
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            burst.subList(0, 5).forEach(e -> kafka.sendJson(topics.activity(), account, e));
            awaitAccepted(metrics, 5);
            kafka.send(control, "c", "commit");
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> committedActivityOffset() == 5);

            burst.subList(5, 10).forEach(e -> kafka.sendJson(topics.activity(), account, e));
            awaitAccepted(metrics, 10);
            kafka.send(control, "c", "crash");
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> first.state() == KafkaStreams.State.ERROR);
        }
        first.close(Duration.ofSeconds(20));
        assertThat(committedActivityOffset()).as("the crash came between two commits").isEqualTo(5);
        assertThat(signals(account, Duration.ofSeconds(1))).as("9 messages: below the threshold").isEmpty();

        KafkaStreams second = start(Files.createTempDirectory("warden-crash-2"), new SimpleMeterRegistry(), false);
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            kafka.sendJson(topics.activity(), account, burst.get(10));
            List<DetectionSignal> signals = signals(account, Duration.ofSeconds(60));
            assertThat(signals).singleElement().satisfies(s ->
                    assertThat(s.features()).containsEntry("messagesInWindow", 10.0));
        } finally {
            second.close(Duration.ofSeconds(20));
        }
    }

    private KafkaStreams start(Path stateDir, SimpleMeterRegistry metrics, boolean crashOnRequest) {
        DetectionConfig config = new SmallRyeConfigBuilder().withMapping(DetectionConfig.class).build()
                .getConfigMapping(DetectionConfig.class);
        Properties props = ServiceStreamsConfig.production(); // what production runs with, then the test's own
        props.putAll(WardenKafka.adminProperties());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "3600000"); // commits only when the control topic asks
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, "-1");
        props.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        props.put(StreamsConfig.consumerPrefix("session.timeout.ms"), "6000");
        Topology topology = new ActivityTopology().buildTopology(config, Clock.systemUTC(), metrics, topics);
        topology.addSource("crash-control", new StringDeserializer(), new StringDeserializer(), control);
        topology.addProcessor("crash-or-commit", () -> new CrashOrCommit(crashOnRequest), "crash-control");
        KafkaStreams streams = new KafkaStreams(topology, props);
        streams.setUncaughtExceptionHandler(e -> StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        streams.start();
        return streams;
    }

    /**
     * "commit": ask Kafka Streams to commit every task now; "crash": kill the stream thread (the restarted
     * instance, which reads the uncommitted "crash" again, ignores it).
     */
    private static final class CrashOrCommit implements Processor<String, String, Void, Void> {
        private final boolean crashOnRequest;
        private ProcessorContext<Void, Void> context;

        CrashOrCommit(boolean crashOnRequest) {
            this.crashOnRequest = crashOnRequest;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            this.context = context;
        }

        @Override
        public void process(Record<String, String> record) {
            if ("crash".equals(record.value())) {
                if (crashOnRequest) {
                    throw new IllegalStateException("simulated crash");
                }
            } else {
                context.commit();
            }
        }
    }

    private long committedActivityOffset() throws Exception {
        try (Admin admin = WardenKafka.admin()) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata()
                    .get().get(new TopicPartition(topics.activity(), 0));
            return committed == null ? -1 : committed.offset();
        }
    }

    private static void awaitAccepted(SimpleMeterRegistry metrics, int n) {
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> metrics.counter("warden.activity.accepted").count() >= n);
    }

    private List<DetectionSignal> signals(String account, Duration timeout) {
        return KafkaTestClient.read(topics.signals(), r -> account.equals(r.key()), l -> !l.isEmpty(), timeout).stream()
                .map(r -> WardenJson.read(r.value(), DetectionSignal.class)).toList();
    }
}
