package dev.warden.detection.bench;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.junit.jupiter.api.Test;

import dev.warden.contracts.Topics;
import dev.warden.contracts.activity.ActivityEvent;
import dev.warden.contracts.activity.ActivityEventParser;
import dev.warden.contracts.json.WardenJson;
import dev.warden.contracts.signal.DetectionSignal;
import dev.warden.detection.ServiceStreamsConfig;
import dev.warden.detection.TopologyProgress;
import dev.warden.detection.account.AccountState;
import dev.warden.detection.account.AccountStateSerde;
import dev.warden.detection.campaign.CampaignTracker;
import dev.warden.detection.topology.ActivityTopology;
import dev.warden.detection.config.DetectionConfig;
import dev.warden.simulator.Label;
import dev.warden.simulator.QualityReport;
import dev.warden.simulator.Scenario;
import dev.warden.simulator.Simulator;
import dev.warden.simulator.TrafficGenerator;
import dev.warden.testsupport.ActivityEvents;
import dev.warden.testsupport.KafkaBrokerProcess;
import dev.warden.testsupport.WardenKafka;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Benchmark, not a test: prints figures, asserts nothing about time. Not matched by surefire's default
 * includes; run it explicitly (docs/detection.md):
 * {@code ./mvnw -B verify -pl detection-service -am -DskipITs -Dtest=DetectionBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * Options: -Dbench.accounts=3000 -Dbench.seed=42 -Dbench.bursts=40 -Dbench.passes=8 -Dbench.broker=in-jvm.
 * One broker (in a JVM of its own unless in-jvm), one topic: the simulator's default scenario is produced once, then
 * read by a plain KafkaConsumer (bytes only, and bytes + contract parsing), then processed by the detection topology.
 * The consumers are timed from their first record to the last one, the topology and the Kafka Streams floors from
 * their first record once every task is restored; in several passes: a first pass (cold JIT) and further passes of
 * each reader (new consumer group / new application id with empty state) once the code is compiled.
 */
class DetectionBenchmark {

    /** The broker's own JVM; null when it runs in this one. */
    private static KafkaBrokerProcess broker;

    @Test
    void run() throws Exception {
        int accounts = Integer.getInteger("bench.accounts", 3000);
        long seed = Long.getLong("bench.seed", 42);
        // the broker in a JVM of its own, as deployed; -Dbench.broker=in-jvm puts it in this one, as the tests have it
        boolean ownJvm = !"in-jvm".equals(System.getProperty("bench.broker"));
        broker = ownJvm ? KafkaBrokerProcess.start(List.of("-Xmx1g")) : null;
        String bootstrap = WardenKafka.bootstrapServers();
        System.out.printf("%n[bench] start: load average %s, %d cores%n", loadAverage(),
                Runtime.getRuntime().availableProcessors());
        if (ownJvm) {
            System.out.printf("[bench] broker: a JVM of its own (pid %d), on the same cores%n", broker.pid());
        } else {
            System.out.printf("[bench] DIAGNOSTIC: broker in the benchmark JVM (-Dbench.broker=in-jvm)%n");
        }
        System.out.printf("[bench] %s%n", ProductionJvm.describe());
        streamsOverrides().forEach((key, value) ->
                System.out.printf("[bench] DIAGNOSTIC: %s=%s instead of the production setting%n", key, value));
        if (!topicNames().equals(ActivityTopology.TopicNames.WARDEN)) {
            System.out.printf("[bench] DIAGNOSTIC: the topology without %s, not the production topology%n",
                    System.getProperty("bench.without"));
        }

        // 1. produce the scenario once
        Scenario scenario = Scenario.defaults(seed, accounts, Instant.now().minus(Duration.ofMinutes(61)));
        List<Label> labels = new ArrayList<>();
        long produced;
        long t0 = System.nanoTime();
        java.util.concurrent.atomic.AtomicLong acked = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong failed = new java.util.concurrent.atomic.AtomicLong();
        try (KafkaProducer<String, String> producer = producer(bootstrap)) {
            new TrafficGenerator(scenario).generate(e -> producer.send(
                    new ProducerRecord<>(Topics.ACTIVITY, e.accountId(), WardenJson.write(e)),
                    (meta, error) -> (error == null ? acked : failed).incrementAndGet()), labels::add);
            producer.flush();
        }
        produced = acked.get(); // what is on the topic: both readers wait for exactly this many
        if (failed.get() > 0) {
            System.out.printf("[bench] WARNING: %d sends failed (overloaded broker?); figures of this run are suspect%n",
                    failed.get());
        }
        System.out.printf("%n[bench] produced %d events of %d accounts in %.1f s%n", produced, accounts,
                (System.nanoTime() - t0) / 1e9);

        // 2. plain consumer: bytes, then bytes + contract parsing (what any reader of the topic must do)
        double rawRate = consume(bootstrap, produced, false, "first pass");
        double parseRate = consume(bootstrap, produced, true, "first pass");

        // 3. the topology on the same topic, production configuration
        DetectionConfig config = new SmallRyeConfigBuilder().withMapping(DetectionConfig.class).build()
                .getConfigMapping(DetectionConfig.class);
        TopologyRun cold = runTopology(bootstrap, produced, config, "first pass", false);
        cold.streams().close(Duration.ofSeconds(10));
        System.out.printf("[bench] ratio, first pass (cold JIT), topology (%s) / plain consumer (1 KafkaConsumer): "
                + "%.3f (bytes only), %.3f (with parsing)%n", cold.threadsLabel(), cold.rate() / rawRate,
                cold.rate() / parseRate);

        // further passes of each reader over the same topic in the same JVM (new consumer group, new application id
        // and empty state): the JIT compiles the much larger topology over several passes (its compiler threads' CPU
        // is printed per pass) and a pass now and then runs slower while it recompiles; the steady state is the
        // median of the passes after the first three, and that is what the floors are compared with
        int passes = Math.max(4, Integer.getInteger("bench.passes", 8));
        int warmup = 3;
        double rawWarm = 0;
        TopologyRun warm = null;
        List<Double> steadyRates = new ArrayList<>();
        List<Double> steadyCpu = new ArrayList<>();
        for (int i = 2; i <= passes; i++) {
            String pass = passName(i);
            if (warm != null) {
                warm.streams().close(Duration.ofSeconds(10));
            }
            rawWarm = consume(bootstrap, produced, false, pass);
            double parseWarm = consume(bootstrap, produced, true, pass);
            warm = runTopology(bootstrap, produced, config, pass, i == passes && System.getProperty("bench.jfr") != null);
            System.out.printf("[bench] ratio, %s (warm JIT), topology (%s) / plain consumer (1 KafkaConsumer): "
                    + "%.3f (bytes only), %.3f (with parsing)%n", pass, warm.threadsLabel(), warm.rate() / rawWarm,
                    warm.rate() / parseWarm);
            if (i > warmup) {
                steadyRates.add(warm.rate());
                steadyCpu.add(warm.cpuMicrosPerEvent());
            }
        }
        KafkaStreams streams = warm.streams();
        double steadyRate = median(steadyRates);
        System.out.printf("[bench] topology, steady state (passes %d-%d): median %.0f events/s, median stream-thread "
                + "CPU per event %.2f µs (per pass: %s events/s; %s µs)%n", warmup + 1, passes, steadyRate,
                median(steadyCpu), joined(steadyRates, "%.0f"), joined(steadyCpu, "%.2f"));
        // recompilation and the broker on the same cores only ever add CPU, so the lowest pass is the nearest to the
        // topology's own cost; a little low, as a faster pass also commits (and writes its state behind) less often
        System.out.printf("[bench] topology, lowest steady pass: %.2f µs of stream-thread CPU per event%n",
                steadyCpu.stream().mapToDouble(Double::doubleValue).min().orElseThrow());
        // the floors, three of each, interleaved: they move from run to run as much as the topology does
        List<Floor> floors = new ArrayList<>();
        List<Floor> parsings = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            floors.add(streamsFloor(bootstrap, produced, false));
            parsings.add(streamsFloor(bootstrap, produced, true)); // what any topology that must check its input costs
        }
        double floor = median(floors.stream().map(Floor::rate).toList());
        double parsing = median(parsings.stream().map(Floor::rate).toList());
        System.out.printf("[bench] Kafka Streams floor (source -> no-op, production config, no state), median of 3 "
                + "after the passes: %.0f events/s = %.3f of the plain consumer (bytes only); the topology reaches %.3f "
                + "of this floor%n", floor, floor / rawWarm, steadyRate / floor);
        System.out.printf("[bench]   floor's stream-thread CPU per event: median %.2f µs (%s)%n",
                median(floors.stream().map(Floor::cpuMicrosPerEvent).toList()),
                joined(floors.stream().map(Floor::cpuMicrosPerEvent).toList(), "%.2f"));
        System.out.printf("[bench] Kafka Streams + contract parsing only (source -> parse, no state, no rules), median of "
                + "3: %.0f events/s = %.3f of the floor, stream-thread CPU per event median %.2f µs (%s); the topology "
                + "reaches %.3f of it%n", parsing, parsing / floor,
                median(parsings.stream().map(Floor::cpuMicrosPerEvent).toList()),
                joined(parsings.stream().map(Floor::cpuMicrosPerEvent).toList(), "%.2f"), steadyRate / parsing);

        // 4. quality of the signals of the scenario
        Thread.sleep(3000);
        QualityReport report = new QualityReport(labels); // ignores signals of unlabelled accounts (bench bots)
        Simulator.readSignals(WardenKafka.adminProperties(), Topics.SIGNALS, Duration.ofSeconds(5), report);
        System.out.printf("[bench] quality of the default scenario (seed %d, %d accounts):%n%s", seed, accounts,
                report.render());

        // 5. state size per active account
        long bytes = 0;
        long count = 0;
        long max = 0;
        try (KeyValueIterator<String, AccountState> it = streams.store(StoreQueryParameters.fromNameAndType(
                ActivityTopology.ACCOUNT_STORE, QueryableStoreTypes.<String, AccountState>keyValueStore())).all()) {
            while (it.hasNext()) {
                KeyValue<String, AccountState> kv = it.next();
                int size = AccountStateSerde.write(kv.value).length + kv.key.length();
                bytes += size;
                max = Math.max(max, size);
                count++;
            }
        }
        System.out.printf("[bench] account-state store: %d accounts, %.0f bytes per account on average (key + value), max %d%n",
                count, (double) bytes / Math.max(1, count), max);

        // 6. detection latency: fresh bots in real time, event time of the trigger → signal read from the topic
        int bursts = Integer.getInteger("bench.bursts", 40);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        Set<String> bots = ConcurrentHashMap.newKeySet();
        Thread reader = new Thread(() -> latencyReader(bootstrap, bots, latencies, bursts));
        reader.start();
        try (KafkaProducer<String, String> producer = producer(bootstrap)) {
            for (int i = 0; i < bursts; i++) {
                String bot = "bench-bot-" + UUID.randomUUID();
                bots.add(bot);
                Instant now = Instant.now();
                producer.send(new ProducerRecord<>(Topics.ACTIVITY, bot,
                        WardenJson.write(ActivityEvents.registered(bot, now.minusSeconds(60), null, null))));
                for (int m = 0; m < 20; m++) { // 20 broadcasts to 3 strangers each, 50 ms apart, stamped when sent
                    ActivityEvent e = ActivityEvents.broadcast(bot, Instant.now(), 3);
                    producer.send(new ProducerRecord<>(Topics.ACTIVITY, bot, WardenJson.write(e)));
                    Thread.sleep(50);
                }
            }
        }
        reader.join(30_000);
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        if (!sorted.isEmpty()) {
            System.out.printf("[bench] detection latency over %d bursts: p50 %d ms, p99 %d ms, max %d ms%n", sorted.size(),
                    sorted.get(sorted.size() / 2), sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1)),
                    sorted.get(sorted.size() - 1));
        }
        streams.close(Duration.ofSeconds(10));
    }

    /**
     * The service's topics, or, for a diagnosis only, without the erasure or the shadow branch
     * ({@code -Dbench.without=erasures,shadow}): what each costs per event. Not the production topology.
     */
    private static ActivityTopology.TopicNames topicNames() {
        Set<String> without = Set.of(System.getProperty("bench.without", "").split(","));
        ActivityTopology.TopicNames w = ActivityTopology.TopicNames.WARDEN;
        return new ActivityTopology.TopicNames(w.activity(), w.dlq(), w.signals(), w.rules(),
                without.contains("shadow") ? null : w.shadowSignals(), without.contains("erasures") ? null : w.erasures());
    }

    /** For a diagnosis only: {@code -Dbench.streams.max.task.idle.ms=-1} overrides one Kafka Streams setting. */
    private static Map<String, String> streamsOverrides() {
        return System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("bench.streams."))
                .collect(java.util.stream.Collectors.toMap(k -> k.substring("bench.streams.".length()), System::getProperty));
    }

    /** The service's Kafka Streams settings, then any diagnostic {@code bench.streams.*} override. */
    static Properties productionStreamsConfig() {
        Properties props = ServiceStreamsConfig.production();
        props.putAll(streamsOverrides());
        return props;
    }

    private static String passName(int i) {
        return switch (i) {
            case 2 -> "second pass";
            case 3 -> "third pass";
            case 4 -> "fourth pass";
            default -> "pass " + i;
        };
    }

    /** The 1/5/15-minute load average (Linux), so noisy figures can be read in context. */
    private static String loadAverage() {
        try {
            String[] f = Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException | RuntimeException e) {
            return String.format("%.2f (1 min)", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage());
        }
    }

    private record Floor(double rate, double cpuMicrosPerEvent) {
    }

    /**
     * What Kafka Streams itself costs: the same source and configuration, a processor that only counts
     * ({@code parse}: that first runs the contract parser on each value, as the topology's validator must).
     */
    private static Floor streamsFloor(String bootstrap, long produced, boolean parse) throws Exception {
        Properties props = productionStreamsConfig();
        String applicationId = "warden-bench-floor-" + UUID.randomUUID();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.putAll(WardenKafka.adminProperties());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("warden-bench").toString());
        java.util.concurrent.atomic.AtomicLong count = new java.util.concurrent.atomic.AtomicLong();
        ActivityEventParser parser = new ActivityEventParser(Duration.ofMinutes(5));
        org.apache.kafka.streams.StreamsBuilder builder = new org.apache.kafka.streams.StreamsBuilder();
        builder.stream(Topics.ACTIVITY, org.apache.kafka.streams.kstream.Consumed.with(
                org.apache.kafka.common.serialization.Serdes.ByteArray(), org.apache.kafka.common.serialization.Serdes.ByteArray()))
                .foreach((k, v) -> {
                    if (parse) {
                        parser.parse(v, Instant.now());
                    }
                    count.incrementAndGet();
                });
        try (KafkaStreams streams = new KafkaStreams(builder.build(), props)) {
            streams.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while ((count.get() == 0 || streams.state() != KafkaStreams.State.RUNNING) && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            long before = count.get();
            long s0 = System.nanoTime();
            Map<String, Long> cpu0 = streamThreadCpu(applicationId);
            while (count.get() < produced && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            long events = Math.max(1, count.get() - before);
            double rate = events / ((System.nanoTime() - s0) / 1e9);
            awaitCommitted(applicationId, List.of(Topics.ACTIVITY), deadline); // the same window as the topology's
            long cpu = streamThreadsSince(cpu0, streamThreadCpu(applicationId));
            return new Floor(rate, cpu / 1e3 / events);
        }
    }

    private record TopologyRun(KafkaStreams streams, double rate, String threadsLabel, double cpuMicrosPerEvent) {
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String joined(List<Double> values, String format) {
        return String.join(" / ", values.stream().map(v -> String.format(format, v)).toList());
    }

    private static TopologyRun runTopology(String bootstrap, long produced, DetectionConfig config, String pass,
            boolean profile) throws Exception {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        // exactly the service's production Kafka Streams settings (application.properties, no profile),
        // only the application id, bootstrap servers and state directory are the benchmark's own
        Properties props = productionStreamsConfig();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "warden-bench-" + UUID.randomUUID());
        props.putAll(WardenKafka.adminProperties());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("warden-bench").toString());
        int threads = Integer.parseInt(props.getProperty(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "1"));
        String threadsLabel = threads + " stream thread" + (threads == 1 ? "" : "s");
        System.out.printf("[bench] topology configuration (production, from application.properties): %s%n",
                new java.util.TreeMap<>(props));
        KafkaStreams streams = new KafkaStreams(new ActivityTopology().buildTopology(config, Clock.systemUTC(), metrics,
                topicNames()),
                props);
        streams.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        // timed from the first record processed once every task is restored: group join, internal-topic creation
        // and restoring are not throughput (a stream thread spins while any of its tasks restores, "Restoring")
        long started = System.nanoTime();
        while ((processed(metrics) == 0 || streams.state() != KafkaStreams.State.RUNNING) && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        double before = processed(metrics);
        long startupNanos = streamThreadsSince(Map.of(), streamThreadCpu(props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG)));
        double restoredAfter = (System.nanoTime() - started) / 1e9;
        String jfr = System.getProperty("bench.jfr"); // -Dbench.jfr=/tmp/topology.jfr profiles the last topology pass
        jdk.jfr.Recording recording = null;
        if (profile && jfr != null && !jfr.isBlank()) {
            recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
            // a steady-state pass takes 2-3 s; native samples show time in RocksDB's JNI calls
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
            recording.enable("jdk.NativeMethodSample").withPeriod(Duration.ofMillis(1));
            recording.setDestination(java.nio.file.Path.of(jfr));
            recording.start(); // the window the CPU figures cover: the clients' SASL logins come before it
        }
        long s0 = System.nanoTime();
        long cpu0 = processCpuNanos();
        long brokerCpu0 = broker == null ? 0 : processCpuNanos(broker.pid());
        Map<String, Long> jvmCpu0 = jvmThreadCpu();
        Map<String, Long> threadCpu0 = streamThreadCpu(props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG));
        Map<String, Long> threadUser0 = streamThreadCpu(props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG), true);
        long rssPeak = 0;
        long heapPeak = 0;
        while (processed(metrics) < produced && System.nanoTime() < deadline) {
            Thread.sleep(20);
            rssPeak = Math.max(rssPeak, rssBytes());
            heapPeak = Math.max(heapPeak, heapUsed());
        }
        double seconds = (System.nanoTime() - s0) / 1e9;
        double events = Math.max(1, processed(metrics) - before);
        double rate = events / seconds;
        String applicationId = props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
        awaitCommitted(applicationId, TopologyProgress.inputs(applicationId, Topics.ACTIVITY), deadline);
        double committedAfter = (System.nanoTime() - s0) / 1e9 - seconds;
        long cpuNanos = processCpuNanos() - cpu0;
        if (recording != null) {
            recording.stop();
            recording.close();
            System.out.printf("[bench] JFR recording of this topology pass: %s%n", jfr);
        }
        StringBuilder perThread = new StringBuilder();
        streamThreadCpu(props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG)).forEach((name, nanos) -> perThread
                .append(String.format("%s %.2f s, ", name, (nanos - threadCpu0.getOrDefault(name, 0L)) / 1e9)));
        System.out.printf("[bench] topology (%s), %s: %d events in %.2f s = %.0f events/s%n", threadsLabel, pass,
                (long) events, seconds, rate);
        System.out.printf("[bench]   timed from every task restored, %.2f s after start: %d events before it, stream thread "
                + "%.2f s until then (log-in, restoring, those events)%n", restoredAfter, (long) before, startupNanos / 1e9);
        System.out.printf("[bench]   every input committed to its end %.2f s after the last event: the CPU figures run to there%n",
                committedAfter);
        System.out.printf("[bench]   CPU during it: the benchmark JVM (%sJIT, clients, streams) %.2f s%s; %s%n",
                broker == null ? "broker, " : "", cpuNanos / 1e9,
                broker == null ? "" : String.format(", the broker's JVM %.2f s", (processCpuNanos(broker.pid()) - brokerCpu0) / 1e9),
                perThread.length() == 0 ? "-" : perThread.substring(0, perThread.length() - 2));
        Map<String, Long> jvmCpu = jvmThreadCpu();
        System.out.printf("[bench]   of which JIT compiler threads %.2f s, GC threads %.2f s (Linux thread CPU)%n",
                (jvmCpu.getOrDefault("JIT", 0L) - jvmCpu0.getOrDefault("JIT", 0L)) / 1e9,
                (jvmCpu.getOrDefault("GC", 0L) - jvmCpu0.getOrDefault("GC", 0L)) / 1e9);
        long streamThreadNanos = streamThreadsSince(threadCpu0,
                streamThreadCpu(props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG)));
        long streamThreadUserNanos = streamThreadsSince(threadUser0,
                streamThreadCpu(props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG), true));
        System.out.printf("[bench]   stream-thread CPU per event: %.2f µs (%.2f s for %d events; user %.2f µs, kernel %.2f µs)%n",
                streamThreadNanos / 1e3 / events, streamThreadNanos / 1e9, (long) events,
                streamThreadUserNanos / 1e3 / events, (streamThreadNanos - streamThreadUserNanos) / 1e3 / events);
        System.gc();
        System.out.printf("[bench]   memory while it ran (the whole benchmark JVM: " + (broker == null ? "broker, " : "")
                + "clients and topology): "
                + "RSS peak %d MB (VmRSS), heap used peak %d MB, heap used after a full GC %d MB (-Xmx %d MB)%n",
                rssPeak >> 20, heapPeak >> 20, heapUsed() >> 20, Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("[bench]   records written to internal topics: %s%n",
                internalTopicRecords(bootstrap, props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG)));
        return new TopologyRun(streams, rate, threadsLabel,
                streamThreadNanos / 1e3 / events);
    }

    /** End offsets summed over partitions: how many records the topology wrote to its repartition topics and changelogs. */
    private static String internalTopicRecords(String bootstrap, String applicationId) {
        List<String> suffixes = List.of("fingerprint-repartition", "campaign-by-account-repartition",
                ActivityTopology.ACCOUNT_STORE + "-changelog", CampaignTracker.STORE + "-changelog",
                CampaignTracker.EVENT_TIME_STORE + "-changelog");
        StringBuilder sb = new StringBuilder();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProps(bootstrap),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            for (String suffix : suffixes) {
                String topic = applicationId + "-" + suffix;
                List<org.apache.kafka.common.TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                        .map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition())).toList();
                long sum = consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
                sb.append(suffix).append(' ').append(sum).append(", ");
            }
        } catch (RuntimeException e) {
            sb.append("(not available: ").append(e.getMessage()).append(")  ");
        }
        return sb.substring(0, sb.length() - 2);
    }

    /** Resident set size of this JVM (Linux /proc/self/status VmRSS), 0 where unavailable. */
    private static long rssBytes() {
        try {
            for (String line : Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux: no figure
        }
        return 0;
    }

    /** CPU nanoseconds of the JVM's own JIT compiler and GC threads (Linux /proc; empty elsewhere). */
    private static Map<String, Long> jvmThreadCpu() {
        Map<String, Long> out = new java.util.HashMap<>();
        try (var tasks = Files.list(java.nio.file.Path.of("/proc/self/task"))) {
            for (java.nio.file.Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim();
                    String group = name.matches("C[12] CompilerThre.*") ? "JIT"
                            : name.startsWith("GC Thread") || name.startsWith("G1 ") ? "GC" : null;
                    if (group == null) {
                        continue;
                    }
                    out.merge(group, statCpuNanos(task.resolve("stat")), Long::sum);
                } catch (java.io.IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux: no breakdown
        }
        return out;
    }

    private static long heapUsed() {
        return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** CPU nanoseconds of another process so far (Linux /proc; 0 elsewhere). */
    private static long processCpuNanos(long pid) {
        try {
            return statCpuNanos(java.nio.file.Path.of("/proc/" + pid + "/stat"));
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
    }

    /** utime + stime of a /proc {@code stat} file (a process's or a thread's), in nanoseconds (USER_HZ 100). */
    private static long statCpuNanos(java.nio.file.Path stat) throws java.io.IOException {
        String text = Files.readString(stat);
        String[] f = text.substring(text.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The stream threads' CPU (not their producers' or the global thread's) between two readings. */
    private static long streamThreadsSince(Map<String, Long> before, Map<String, Long> after) {
        return after.entrySet().stream().filter(e -> e.getKey().matches("StreamThread-\\d+"))
                .mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L)).sum();
    }

    /** CPU nanoseconds used so far by each live thread of this Kafka Streams application (stream threads, their producers). */
    private static Map<String, Long> streamThreadCpu(String applicationId) {
        return streamThreadCpu(applicationId, false);
    }

    /** @param userOnly user-mode CPU only: the rest of a thread's CPU is the kernel's (system calls, page faults) */
    private static Map<String, Long> streamThreadCpu(String applicationId, boolean userOnly) {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        Map<String, Long> out = new java.util.TreeMap<>();
        for (java.lang.management.ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains(applicationId) && info.getThreadName().contains("StreamThread")) {
                String name = info.getThreadName().replaceAll(".*?((Global)?StreamThread(-\\d+(-producer)?)?)$", "$1");
                out.put(name, userOnly ? mx.getThreadUserTime(info.getThreadId()) : mx.getThreadCpuTime(info.getThreadId()));
            }
        }
        return out;
    }

    /**
     * Waits until the application has committed every partition of {@code topics} up to its end. A pass's CPU then
     * includes the commit after its last event, and with it the write-behind of the state that event changed:
     * timed only to the last event, a pass that ended before the first commit (a second after start) left out all
     * of its state writes and looked cheaper than one that did not.
     */
    private static void awaitCommitted(String applicationId, List<String> topics, long deadline) throws Exception {
        try (org.apache.kafka.clients.admin.Admin admin = WardenKafka.admin()) {
            while (System.nanoTime() < deadline && !TopologyProgress.committedToEnd(admin, applicationId, topics)) {
                Thread.sleep(20);
            }
        }
    }

    private static double processed(SimpleMeterRegistry metrics) {
        double accepted = metrics.find("warden.activity.accepted").counters().stream().mapToDouble(c -> c.count()).sum();
        double rejected = metrics.find("warden.activity.rejected").counters().stream().mapToDouble(c -> c.count()).sum();
        return accepted + rejected;
    }

    private static double consume(String bootstrap, long expected, boolean parse, String pass) {
        ActivityEventParser parser = new ActivityEventParser(Duration.ofMinutes(5));
        Properties p = consumerProps(bootstrap);
        long n = 0;
        long t0 = 0;
        long t1;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.ACTIVITY));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (n < expected && System.nanoTime() < deadline) {
                var records = consumer.poll(Duration.ofMillis(100));
                if (t0 == 0 && !records.isEmpty()) {
                    t0 = System.nanoTime(); // timed from the first record, like the topology
                }
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    n++;
                    if (parse) {
                        parser.parse(r.value(), Instant.now());
                    }
                }
            }
            t1 = System.nanoTime(); // to the last record: leaving the group on close() is not reading
        }
        double secs = (t1 - t0) / 1e9;
        System.out.printf("[bench] plain KafkaConsumer%s, %s: %d events in %.2f s = %.0f events/s%n",
                parse ? " + contract parsing" : " (bytes only)", pass, n, secs, n / secs);
        return n / secs;
    }

    private static Properties consumerProps(String bootstrap) {
        Properties p = WardenKafka.adminProperties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return p;
    }

    private static void latencyReader(String bootstrap, Set<String> bots, List<Long> latencies, int expected) {
        Properties p = consumerProps(bootstrap);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.SIGNALS));
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (latencies.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(10))) {
                    long received = System.currentTimeMillis();
                    if (bots.contains(r.key())) {
                        DetectionSignal s = WardenJson.read(r.value(), DetectionSignal.class);
                        latencies.add(received - s.triggeredAt().toEpochMilli());
                    }
                }
            }
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        Properties p = WardenKafka.adminProperties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

}
