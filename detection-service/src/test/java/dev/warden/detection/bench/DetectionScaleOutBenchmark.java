package dev.warden.detection.bench;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

import dev.warden.contracts.json.WardenJson;
import dev.warden.contracts.signal.DetectionSignal;
import dev.warden.detection.config.DetectionConfig;
import dev.warden.detection.topology.ActivityTopology;
import dev.warden.simulator.Scenario;
import dev.warden.simulator.TrafficGenerator;
import dev.warden.testsupport.WardenKafka;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Benchmark, not a test: prints figures and differences, asserts nothing. Run it explicitly:
 * {@code ./mvnw -B -ntp verify -pl detection-service -am -DskipITs -Dtest=DetectionScaleOutBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (-Dbench.accounts=3000 -Dbench.seed=42). The default scenario goes to a topic of 6 partitions; then,
 * each with its own application id and signals topic and the production Kafka Streams settings:
 * a single instance (the reference signal ids); the same events in three parts to a second topic, read by
 * one instance, a second added after part one (rebalance), one of them killed while part two is read (its
 * stream thread dies: no commit, no clean close); aggregate throughput of 1 instance, 2 instances and
 * 1 instance with 2 stream threads.
 */
class DetectionScaleOutBenchmark {

    private static final int PARTITIONS = 6;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String activity = "scaleout-activity-" + run;
    private final String control = "scaleout-control-" + run;
    private final String pairActivity = "scaleout-pair-activity-" + run;

    @Test
    void run() throws Exception {
        int accounts = Integer.getInteger("bench.accounts", 3000);
        long seed = Long.getLong("bench.seed", 42);
        String bootstrap = WardenKafka.bootstrapServers();
        WardenKafka.createTopics(Set.of(activity, control, activity + "-dlq"), PARTITIONS);
        List<ProducerRecord<String, String>> events = generate(Scenario.defaults(seed, accounts,
                Instant.now().minus(Duration.ofMinutes(61))));
        long produced = produce(bootstrap, activity, events);
        System.out.printf("%n[scale] produced %d events of %d accounts to %d partitions%n", produced, accounts, PARTITIONS);

        // reference: one instance, start to end
        Instance single = new Instance("single", bootstrap, activity, 1, null);
        single.streams.start();
        awaitNoLag(single.applicationId, activity, Duration.ofMinutes(5));
        single.streams.close(Duration.ofSeconds(20));
        Map<String, Integer> reference = signalIds(bootstrap, single.signals);

        // the same events in three parts to a topic of their own, so that the rebalance and the kill fall
        // mid-stream: part one read by one instance; a second added; part two; one killed while part two is
        // being read; part three
        WardenKafka.createTopics(Set.of(pairActivity), PARTITIONS);
        int third = events.size() / 3;
        AtomicBoolean crashOnce = new AtomicBoolean(true);
        Instance first = new Instance("pair", bootstrap, pairActivity, 1, crashOnce);
        first.streams.start();
        long part1 = produce(bootstrap, pairActivity, events.subList(0, third));
        awaitProcessed(List.of(first), part1);
        Instance second = new Instance(first, bootstrap, crashOnce);
        long added = System.nanoTime();
        second.streams.start();
        awaitRunning(List.of(first, second));
        System.out.printf("[scale] second instance added after %d events; rebalance done in %.1f s%n",
                (long) processed(first.metrics), (System.nanoTime() - added) / 1e9);
        long part2 = produce(bootstrap, pairActivity, events.subList(third, 2 * third));
        awaitProcessed(List.of(first, second), part1 + part2 / 2);
        long atKill = (long) (processed(first.metrics) + processed(second.metrics));
        try (KafkaProducer<String, String> producer = producer(bootstrap)) {
            producer.send(new ProducerRecord<>(control, "c", "crash")); // kills the instance that owns the control task
        }
        long killed = System.nanoTime();
        long part3 = produce(bootstrap, pairActivity, events.subList(2 * third, events.size()));
        awaitNoLag(first.applicationId, pairActivity, Duration.ofMinutes(5));
        System.out.printf("[scale] kill after %d of %d events (parts %d / %d / %d); the survivor caught up in %.1f s%n",
                atKill, part1 + part2 + part3, part1, part2, part3, (System.nanoTime() - killed) / 1e9);
        for (Instance i : List.of(first, second)) {
            System.out.printf("[scale]   %s: state %s, processed %d, restored %d records in %d store partitions, "
                    + "restore time %d ms total, max %d ms%n",
                    i.name, i.streams.state(), (long) processed(i.metrics), i.restoredRecords.get(), i.restoreMillis.size(),
                    i.restoreMillis.values().stream().mapToLong(Long::longValue).sum(),
                    i.restoreMillis.values().stream().mapToLong(Long::longValue).max().orElse(0));
            i.streams.close(Duration.ofSeconds(20));
        }
        Map<String, Integer> pair = signalIds(bootstrap, first.signals);
        Set<String> lost = new HashSet<>(reference.keySet());
        lost.removeAll(pair.keySet());
        Set<String> extra = new HashSet<>(pair.keySet());
        extra.removeAll(reference.keySet());
        long twice = pair.values().stream().filter(n -> n > 1).count();
        System.out.printf("[scale] signal ids: single instance %d, rebalanced + failed-over pair %d; lost %d, not in the "
                + "reference %d, emitted more than once %d (at-least-once: re-processed input re-emits the same id, "
                + "which case-service deduplicates)%n", reference.size(), pair.size(), lost.size(), extra.size(), twice);

        // aggregate throughput: each shape twice, interleaved, so that a change in the machine's load shows
        for (int[] shape : new int[][] {{1, 1}, {2, 1}, {1, 2}, {1, 1}, {2, 1}, {1, 2}}) {
            List<Instance> instances = new ArrayList<>();
            Instance lead = new Instance("throughput", bootstrap, activity, shape[1], null);
            instances.add(lead);
            for (int n = 1; n < shape[0]; n++) {
                instances.add(new Instance(lead, bootstrap, null));
            }
            instances.forEach(i -> i.streams.start());
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (instances.stream().mapToDouble(i -> processed(i.metrics)).sum() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            long s0 = System.nanoTime();
            double total = 0;
            while ((total = instances.stream().mapToDouble(i -> processed(i.metrics)).sum()) < produced
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            double seconds = (System.nanoTime() - s0) / 1e9;
            System.out.printf("[scale] aggregate throughput, %d instance(s) x %d stream thread(s): %.0f events in %.2f s = "
                    + "%.0f events/s%n", shape[0], shape[1], total, seconds, total / seconds);
            instances.forEach(i -> i.streams.close(Duration.ofSeconds(20)));
        }
    }

    /** One KafkaStreams instance of the topology, production settings, its own state directory. */
    private final class Instance {
        final String name;
        final String applicationId;
        final String signals;
        final String source;
        final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        final KafkaStreams streams;
        final AtomicLong restoredRecords = new AtomicLong();
        final Map<String, Long> restoreMillis = new ConcurrentHashMap<>();

        /** @param crashOnce null: never crashes; else the first instance to read "crash" while it is true dies */
        Instance(String name, String bootstrap, String source, int threads, AtomicBoolean crashOnce) throws Exception {
            this(name, "warden-scale-" + name + "-" + UUID.randomUUID().toString().substring(0, 8), bootstrap, source,
                    threads, crashOnce);
        }

        /** Another instance (one stream thread) of {@code other}'s application. */
        Instance(Instance other, String bootstrap, AtomicBoolean crashOnce) throws Exception {
            this(other.name + "-2", other.applicationId, bootstrap, other.source, 1, crashOnce);
        }

        private Instance(String name, String applicationId, String bootstrap, String source, int threads,
                AtomicBoolean crashOnce) throws Exception {
            this.name = name;
            this.source = source;
            this.applicationId = applicationId;
            this.signals = applicationId.replace("warden-scale-", "scaleout-signals-");
            WardenKafka.createTopics(Set.of(signals), PARTITIONS);
            Properties props = DetectionBenchmark.productionStreamsConfig();
            props.putAll(WardenKafka.adminProperties());
            props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
            props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("warden-scale").toString());
            props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, String.valueOf(threads));
            props.put(StreamsConfig.consumerPrefix("session.timeout.ms"), "6000");
            DetectionConfig config = new SmallRyeConfigBuilder().withMapping(DetectionConfig.class).build()
                    .getConfigMapping(DetectionConfig.class);
            Topology topology = new ActivityTopology().buildTopology(config, Clock.systemUTC(), metrics,
                    new ActivityTopology.TopicNames(source, activity + "-dlq", signals));
            topology.addSource("crash-control", new StringDeserializer(), new StringDeserializer(), control);
            topology.addProcessor("crash", () -> new Crash(crashOnce), "crash-control");
            streams = new KafkaStreams(topology, props);
            streams.setUncaughtExceptionHandler(e -> StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
            streams.setGlobalStateRestoreListener(new StateRestoreListener() {
                private final Map<String, Long> started = new ConcurrentHashMap<>();

                @Override
                public void onRestoreStart(TopicPartition partition, String store, long start, long end) {
                    started.put(partition.toString(), System.nanoTime());
                }

                @Override
                public void onBatchRestored(TopicPartition partition, String store, long batchEnd, long restored) {
                    restoredRecords.addAndGet(restored);
                }

                @Override
                public void onRestoreEnd(TopicPartition partition, String store, long total) {
                    Long t0 = started.remove(partition.toString());
                    if (t0 != null) {
                        restoreMillis.put(partition.toString(), (System.nanoTime() - t0) / 1_000_000);
                    }
                }
            });
        }
    }

    /** "crash" on the control topic kills the stream thread that owns the control task, once per pair. */
    private record Crash(AtomicBoolean crashOnce) implements Processor<String, String, Void, Void> {
        @Override
        public void process(Record<String, String> record) {
            if (crashOnce != null && "crash".equals(record.value()) && crashOnce.compareAndSet(true, false)) {
                throw new IllegalStateException("simulated crash of this instance");
            }
        }
    }

    private void awaitNoLag(String applicationId, String topic, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = WardenKafka.admin()) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < PARTITIONS; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            var ends = admin.listOffsets(latest).all().get();
            while (System.nanoTime() < deadline) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                        .partitionsToOffsetAndMetadata().get();
                boolean done = ends.entrySet().stream().allMatch(e -> committed.get(e.getKey()) != null
                        && committed.get(e.getKey()).offset() >= e.getValue().offset());
                if (done) {
                    Thread.sleep(5000); // campaign news travels through two repartitions after the source is read
                    return;
                }
                Thread.sleep(200);
            }
        }
        System.out.printf("[scale] WARNING: %s still lags after %s%n", applicationId, timeout);
    }

    private static void awaitProcessed(List<Instance> instances, long n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (instances.stream().mapToDouble(i -> processed(i.metrics)).sum() < n && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    /** Until every instance is RUNNING with at least one task, i.e. the rebalance that added one is done. */
    private static void awaitRunning(List<Instance> instances) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline && !instances.stream().allMatch(i -> i.streams.state() == KafkaStreams.State.RUNNING
                && i.streams.metadataForLocalThreads().stream().anyMatch(t -> !t.activeTasks().isEmpty()))) {
            Thread.sleep(50);
        }
    }

    private static double processed(SimpleMeterRegistry metrics) {
        return metrics.find("warden.activity.accepted").counters().stream().mapToDouble(c -> c.count()).sum()
                + metrics.find("warden.activity.rejected").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    /** Signal id → how many times it is on the topic. */
    private static Map<String, Integer> signalIds(String bootstrap, String topic) {
        Properties p = WardenKafka.adminProperties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "scale-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, Integer> ids = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long quietSince = System.nanoTime();
            while (System.nanoTime() - quietSince < Duration.ofSeconds(5).toNanos()) {
                var records = consumer.poll(Duration.ofMillis(200));
                if (!records.isEmpty()) {
                    quietSince = System.nanoTime();
                }
                for (ConsumerRecord<String, String> r : records) {
                    ids.merge(WardenJson.read(r.value(), DetectionSignal.class).signalId(), 1, Integer::sum);
                }
            }
        }
        return ids;
    }

    private static List<ProducerRecord<String, String>> generate(Scenario scenario) {
        List<ProducerRecord<String, String>> events = new ArrayList<>();
        new TrafficGenerator(scenario).generate(e -> events.add(
                new ProducerRecord<>("", e.accountId(), WardenJson.write(e))), label -> { });
        return events;
    }

    /** Sends events to topic and returns how many were acknowledged. */
    private static long produce(String bootstrap, String topic, List<ProducerRecord<String, String>> events) {
        AtomicLong acked = new AtomicLong();
        try (KafkaProducer<String, String> producer = producer(bootstrap)) {
            for (ProducerRecord<String, String> e : events) {
                producer.send(new ProducerRecord<>(topic, e.key(), e.value()), (meta, error) -> {
                    if (error == null) {
                        acked.incrementAndGet();
                    }
                });
            }
            producer.flush();
        }
        return acked.get();
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        Properties p = WardenKafka.adminProperties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }
}
