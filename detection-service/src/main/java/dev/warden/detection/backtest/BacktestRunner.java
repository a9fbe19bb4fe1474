package dev.warden.detection.backtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import dev.warden.contracts.Topics;
import dev.warden.contracts.enforcement.EnforcementEvent;
import dev.warden.contracts.json.WardenJson;
import dev.warden.contracts.signal.DetectionSignal;
import dev.warden.detection.topology.ActivityTopology;
import dev.warden.detection.config.DetectionConfig;
import dev.warden.detection.rules.RuleDefinition;
import dev.warden.detection.rules.RulePublisher;
import dev.warden.detection.rules.RuleRecord;
import dev.warden.detection.rules.RuleStatus;
import dev.warden.detection.rules.RulesAdminConfig;
import dev.warden.detection.rules.signals.SignalReader;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.common.annotation.Identifier;

/**
 * Runs one backtest: the production topology, built again, as a Kafka Streams application of its own
 * ({@code warden-detection-backtest-<id>}) whose consumer group starts at the activity of {@code from},
 * with its own rules, signals and DLQ topics. Its state stores, repartition and changelog topics carry
 * its own application id, so production state, production signals and production metrics are never
 * touched. It is done when its group has committed past the activity that existed at the start and
 * past everything in its repartition topics; then its signals are read and every trace is deleted.
 */
@ApplicationScoped
public class BacktestRunner {

    private static final Logger LOG = Logger.getLogger(BacktestRunner.class);
    static final String APPLICATION_PREFIX = "warden-detection-backtest-";

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    @Inject
    Config mpConfig;

    @Inject
    DetectionConfig detection;

    @Inject
    RulesAdminConfig admin;

    @Inject
    RulePublisher publisher;

    @Inject
    SignalReader reader;

    @Inject
    Clock clock;

    /** How many hours of activity the topic retains; infinite retention answers Long.MAX_VALUE. */
    public long retainedHours() {
        try (Admin a = Admin.create(kafka)) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.ACTIVITY);
            String ms = a.describeConfigs(List.of(topic)).all().get().get(topic)
                    .get(TopicConfig.RETENTION_MS_CONFIG).value();
            long retention = Long.parseLong(ms);
            return retention < 0 ? Long.MAX_VALUE : retention / 3_600_000L;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the activity topic's retention", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public BacktestReport run(UUID id, List<RuleDefinition> ruleSet, String actor, Instant from, Instant to,
            List<BacktestRequest.Label> labels) throws InterruptedException {
        String app = APPLICATION_PREFIX + id;
        String prefix = "warden.backtest." + id + ".";
        RunTopics names = new RunTopics(prefix + "rules", prefix + "signals", prefix + "dlq");
        KafkaStreams streams = null;
        Path stateDir = null;
        try (Admin a = Admin.create(kafka)) {
            List<TopicPartition> activity = partitions(a, Topics.ACTIVITY);
            create(a, names, activity.size());
            for (RuleDefinition rule : ruleSet) {
                RuleRecord r = new RuleRecord(rule, RuleStatus.ACTIVE, actor, to, null, null);
                publisher.publish(names.rules(), r.key(), WardenJson.write(r));
            }
            Map<TopicPartition, Long> end = offsets(a, activity, OffsetSpec.latest());
            Map<TopicPartition, Long> start = offsets(a, activity, OffsetSpec.forTimestamp(from.toEpochMilli()));
            Map<TopicPartition, OffsetAndMetadata> initial = new HashMap<>();
            activity.forEach(p -> initial.put(p, new OffsetAndMetadata(start.get(p) < 0 ? end.get(p) : start.get(p))));
            a.alterConsumerGroupOffsets(app, initial).all().get();

            stateDir = Files.createTempDirectory("warden-backtest");
            streams = new KafkaStreams(new ActivityTopology().buildTopology(detection, clock, new SimpleMeterRegistry(),
                    new ActivityTopology.TopicNames(Topics.ACTIVITY, names.dlq(), names.signals(), names.rules(), null)),
                    properties(app, stateDir));
            streams.start();
            awaitDone(a, streams, app, end);
            List<DetectionSignal> signals = reader.read(names.signals(), from, to);
            Labels truth = labels == null || labels.isEmpty() ? reviewerLabels(from, to) : Labels.fromRequest(labels);
            return new Scoring(truth).report(app, from, to, ruleSet, signals);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused a backtest step: " + e.getCause().getMessage(), e.getCause());
        } catch (IOException e) {
            throw new IllegalStateException("no temporary directory for the backtest's state", e);
        } finally {
            cleanUp(streams, app, names, stateDir);
        }
    }

    /** Reviewers' decisions of the period; a record that is not an enforcement event is skipped. */
    private Labels reviewerLabels(Instant from, Instant to) {
        List<EnforcementEvent> events = new ArrayList<>();
        for (String json : reader.values(Topics.ENFORCEMENT, from, to)) {
            try {
                events.add(WardenJson.read(json, EnforcementEvent.class));
            } catch (IllegalArgumentException e) {
                LOG.debugf("backtest: skipped a record of %s that is not an enforcement event", Topics.ENFORCEMENT);
            }
        }
        return ReviewerLabels.of(events);
    }

    private record RunTopics(String rules, String signals, String dlq) {
    }

    private void awaitDone(Admin a, KafkaStreams streams, String app, Map<TopicPartition, Long> activityEnd)
            throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + admin.backtest().timeout().toNanos();
        while (!caughtUp(a, app, activityEnd)) {
            KafkaStreams.State state = streams.state();
            if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.NOT_RUNNING) {
                throw new IllegalStateException("the backtest's stream application stopped: " + state);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not done after " + admin.backtest().timeout());
            }
            Thread.sleep(admin.backtest().progressInterval().toMillis()); // Kafka offers no progress callback
        }
    }

    /**
     * Committed offsets first, end offsets after: anything a repartition topic received was produced before
     * the commit of the input that caused it, so committed >= end everywhere means nothing is left in flight.
     */
    private boolean caughtUp(Admin a, String app, Map<TopicPartition, Long> activityEnd)
            throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetAndMetadata> committed = a.listConsumerGroupOffsets(app)
                .partitionsToOffsetAndMetadata().get();
        for (var e : activityEnd.entrySet()) {
            if (position(committed, e.getKey()) < e.getValue()) {
                return false;
            }
        }
        Set<String> repartition = a.listTopics().names().get().stream()
                .filter(t -> t.startsWith(app) && t.endsWith("-repartition")).collect(Collectors.toSet());
        List<TopicPartition> internal = new ArrayList<>();
        for (String t : repartition) {
            internal.addAll(partitions(a, t));
        }
        for (var e : offsets(a, internal, OffsetSpec.latest()).entrySet()) {
            if (position(committed, e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static long position(Map<TopicPartition, OffsetAndMetadata> committed, TopicPartition p) {
        OffsetAndMetadata o = committed.get(p);
        return o == null ? 0 : o.offset();
    }

    private Properties properties(String app, Path stateDir) {
        Properties p = new Properties();
        // what production's Kafka Streams gets (kafka-streams.*), plus the client security settings
        for (String name : mpConfig.getPropertyNames()) {
            if (name.startsWith("kafka-streams.")) {
                mpConfig.getOptionalValue(name, String.class).ifPresent(v -> p.put(name.substring("kafka-streams.".length()), v));
            }
        }
        kafka.forEach((k, v) -> {
            if (k.startsWith("security.") || k.startsWith("sasl.") || k.startsWith("ssl.")) {
                p.put(k, v);
            }
        });
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.get("bootstrap.servers"));
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, app);
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "1");
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "200");
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        return p;
    }

    private static void create(Admin a, RunTopics names, int partitions) throws InterruptedException, ExecutionException {
        a.createTopics(List.of(
                new NewTopic(names.rules(), Optional.of(1), Optional.empty()).configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
                        TopicConfig.CLEANUP_POLICY_COMPACT)),
                new NewTopic(names.signals(), Optional.of(partitions), Optional.empty()),
                new NewTopic(names.dlq(), Optional.of(1), Optional.empty()))).all().get();
    }

    private static List<TopicPartition> partitions(Admin a, String topic) throws InterruptedException, ExecutionException {
        return a.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private static Map<TopicPartition, Long> offsets(Admin a, List<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, ExecutionException {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> query = new HashMap<>();
        partitions.forEach(p -> query.put(p, spec));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> found = a.listOffsets(query).all().get();
        Map<TopicPartition, Long> offsets = new HashMap<>();
        found.forEach((p, info) -> offsets.put(p, info.offset()));
        return offsets;
    }

    /** Best effort: the stream application, its local state, its topics (own and internal) and its group. */
    private void cleanUp(KafkaStreams streams, String app, RunTopics names, Path stateDir) {
        if (streams != null) {
            // leave the group at once: a group with a member left in it cannot be deleted
            streams.close(new KafkaStreams.CloseOptions().leaveGroup(true).timeout(java.time.Duration.ofSeconds(30)));
            streams.cleanUp();
        }
        if (stateDir != null) {
            try (Stream<Path> files = Files.walk(stateDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                LOG.warnf("backtest %s: could not delete its state directory %s", app, stateDir);
            }
        }
        try (Admin a = Admin.create(kafka)) {
            Set<String> topics = a.listTopics().names().get().stream()
                    .filter(t -> t.startsWith(app) || t.equals(names.rules()) || t.equals(names.signals())
                            || t.equals(names.dlq()))
                    .collect(Collectors.toSet());
            a.deleteTopics(topics).all().get();
            // the stream thread's member may still be registered after close: remove it, then the group
            try {
                a.removeMembersFromConsumerGroup(app, new RemoveMembersFromConsumerGroupOptions()).all().get();
            } catch (ExecutionException e) {
                LOG.debugf("backtest %s: no members to remove: %s", app, e.getCause().getMessage());
            }
            a.deleteConsumerGroups(List.of(app)).all().get();
        } catch (ExecutionException | RuntimeException e) {
            LOG.warnf("backtest %s: could not remove all its topics and its group: %s", app, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
