package dev.warden.simulator;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import dev.warden.contracts.Topics;
import dev.warden.contracts.json.WardenJson;
import dev.warden.contracts.signal.DetectionSignal;

/**
 * Command line: {@code generate} writes a labelled population's activity to Kafka or a JSONL file;
 * {@code report} compares signals (topic or JSONL file) with the labels. See docs/detection.md.
 */
public final class Simulator {

    private Simulator() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !(args[0].equals("generate") || args[0].equals("report"))) {
            System.err.println("""
                    usage: java -jar warden-simulator.jar generate [--seed 42] [--accounts 3000] [--duration PT1H]
                                 [--start 2026-01-01T00:00:00Z (default: now minus duration)] [--rate 0 (events/s, 0 = unlimited)]
                                 [--mix default|adversarial|evasion] [--ranges dev|held-out]
                                 [--bootstrap localhost:9092 [--topic warden.activity.v1] [--command-config client.properties] | --events events.jsonl]
                                 [--kafka-property key=value]... (producer/consumer settings, e.g. SASL)
                                 [--labels labels.jsonl] [--run-prefix r1 (fresh account ids sim-r1-<seed>-<n>)]
                           java -jar warden-simulator.jar report --labels labels.jsonl
                                 [--signals signals.jsonl | --bootstrap localhost:9092 [--topic warden.signals.v1] [--idle PT15S] [--command-config client.properties]
                                  [--kafka-property key=value]...]
                    """);
            System.exit(2);
        }
        Map<String, String> opts = options(args);
        if (args[0].equals("generate")) {
            generate(opts);
        } else {
            report(opts);
        }
    }

    static final String KAFKA_PROPERTY = "kafka-property";

    /** {@code --name value} pairs; the repeatable {@code --kafka-property k=v} are joined by newlines. */
    static Map<String, String> options(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected an --option, got " + args[i]);
            }
            String name = args[i].substring(2);
            if (name.equals(KAFKA_PROPERTY)) {
                if (!args[i + 1].contains("=")) {
                    throw new IllegalArgumentException("--kafka-property expects key=value, got " + args[i + 1]);
                }
                opts.merge(name, args[i + 1], (a, b) -> a + "\n" + b);
            } else {
                opts.put(name, args[i + 1]);
            }
        }
        return opts;
    }

    /** The {@code --kafka-property} settings (security protocol, SASL, ...) for every Kafka client. */
    static Properties kafkaProperties(Map<String, String> o) {
        Properties p = new Properties();
        String all = o.get(KAFKA_PROPERTY);
        if (all != null) {
            for (String kv : all.split("\n")) {
                int eq = kv.indexOf('=');
                p.put(kv.substring(0, eq).trim(), kv.substring(eq + 1));
            }
        }
        return p;
    }

    static void generate(Map<String, String> o) throws IOException {
        Duration duration = Duration.parse(o.getOrDefault("duration", "PT1H"));
        Instant start = o.containsKey("start") ? Instant.parse(o.get("start"))
                : Instant.now().minus(duration).minusSeconds(60);
        Scenario scenario = Scenario.defaults(Long.parseLong(o.getOrDefault("seed", "42")),
                Integer.parseInt(o.getOrDefault("accounts", "3000")), start).withDuration(duration)
                .withMix(Scenario.mix(o.getOrDefault("mix", "default")))
                .withRanges(Scenario.Ranges.named(o.getOrDefault("ranges", "dev")))
                .withRun(o.getOrDefault("run-prefix", ""));
        double rate = Double.parseDouble(o.getOrDefault("rate", "0"));
        Path labelsFile = Path.of(o.getOrDefault("labels", "labels.jsonl"));
        AtomicLong count = new AtomicLong();
        Pacer pacer = new Pacer(rate);
        long t0 = System.nanoTime();
        try (BufferedWriter labels = Files.newBufferedWriter(labelsFile, StandardCharsets.UTF_8);
                EventSink sink = o.containsKey("bootstrap")
                        ? new EventSink.ToKafka(clientConfig(o), o.getOrDefault("topic", Topics.ACTIVITY))
                        : new EventSink.ToFile(Path.of(o.getOrDefault("events", "events.jsonl")))) {
            new TrafficGenerator(scenario).generate(e -> {
                pacer.next();
                count.incrementAndGet();
                sink.accept(e);
            }, l -> EventSink.line(labels, WardenJson.write(l)));
        }
        System.out.printf("generated %d events for %d accounts (seed %d, %s from %s) in %.1f s; labels in %s%n",
                count.get(), scenario.accounts(), scenario.seed(), duration, start, (System.nanoTime() - t0) / 1e9,
                labelsFile);
    }

    static void report(Map<String, String> o) throws IOException {
        List<Label> labels = new ArrayList<>();
        readJsonLines(Path.of(o.getOrDefault("labels", "labels.jsonl")), Label.class, labels::add);
        QualityReport report = new QualityReport(labels);
        long signals;
        if (o.containsKey("signals")) {
            signals = readJsonLines(Path.of(o.get("signals")), DetectionSignal.class, report::add);
        } else {
            signals = readSignals(clientConfig(o), o.getOrDefault("topic", Topics.SIGNALS),
                    Duration.parse(o.getOrDefault("idle", "PT15S")), report);
        }
        System.out.printf("%d signals read, %d labelled accounts%n%n", signals, labels.size());
        System.out.print(report.render());
    }

    /**
     * Kafka client settings: {@code --bootstrap}, plus the file of {@code --command-config} (as Kafka's own
     * tools take it) for the broker's authentication, e.g. SASL settings of the {@code platform} principal.
     */
    static Properties clientConfig(Map<String, String> o) throws IOException {
        Properties p = new Properties();
        if (o.containsKey("command-config")) {
            try (BufferedReader in = Files.newBufferedReader(Path.of(o.get("command-config")))) {
                p.load(in);
            }
        }
        p.putAll(kafkaProperties(o));
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, o.getOrDefault("bootstrap", "localhost:9092"));
        return p;
    }

    /** Feeds each non-blank line of a JSONL file, read as {@code type}; returns how many. */
    private static <T> long readJsonLines(Path file, Class<T> type, Consumer<T> sink) throws IOException {
        long n = 0;
        try (BufferedReader in = Files.newBufferedReader(file)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    sink.accept(WardenJson.read(line, type));
                    n++;
                }
            }
        }
        return n;
    }

    /**
     * Reads the signals topic from the beginning into {@code report} until nothing new arrived for {@code idle};
     * returns how many signals were read.
     */
    public static long readSignals(Properties client, String topic, Duration idle, QualityReport report) {
        Properties p = new Properties();
        p.putAll(client);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "warden-simulator-report-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        long n = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(topic));
            long lastNew = System.nanoTime();
            while (System.nanoTime() - lastNew < idle.toNanos()) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    report.add(WardenJson.read(r.value(), DetectionSignal.class));
                    n++;
                    lastNew = System.nanoTime();
                }
            }
        }
        return n;
    }
}
