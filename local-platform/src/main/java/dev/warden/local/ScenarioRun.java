package dev.warden.local;

import static dev.warden.local.Endpoints.conf;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.apache.kafka.clients.producer.ProducerConfig;

import dev.warden.contracts.Topics;
import dev.warden.contracts.activity.ActivityEvent;
import dev.warden.contracts.json.WardenJson;
import dev.warden.local.PlatformState.Counts;
import dev.warden.simulator.EventSink;
import dev.warden.simulator.Label;
import dev.warden.simulator.Pacer;
import dev.warden.simulator.Persona;
import dev.warden.simulator.Scenario;
import dev.warden.simulator.TrafficGenerator;
import dev.warden.testsupport.KafkaPrincipal;

/**
 * The simulator's default scenario (same population and behaviour every run for a seed), one hour of event
 * time ending now, with a run prefix so that each run's account ids, and so its cases, are fresh. Sent as
 * the messaging platform's own Kafka principal, at the simulator's pacing and through its Kafka sink; then
 * followed through the services' databases until bans and mails settle. Writes the labels (ground truth)
 * and a properties file for the launcher's summary and the smoke checks.
 */
final class ScenarioRun {

    private ScenarioRun() {
    }

    static void run() throws Exception {
        String run = conf("run", Long.toString(System.currentTimeMillis() / 1000 % 100_000_000, 36));
        Path out = Path.of(conf("out", ".warden/run/scenario.properties"));
        Path labelsFile = Path.of(conf("labels", out.resolveSibling("labels.jsonl").toString()));
        long seed = Long.parseLong(conf("seed", "42"));
        int accounts = Integer.parseInt(conf("scenario.accounts", "3000"));
        Duration span = Duration.parse(conf("scenario.duration", "PT1H"));
        Duration settle = Duration.ofSeconds(Long.parseLong(conf("settle.seconds", "150")));
        boolean tty = Boolean.parseBoolean(conf("tty", Boolean.toString(System.console() != null)));

        Scenario scenario = Scenario.defaults(seed, accounts, Instant.now().minus(span)).withDuration(span).withRun(run);
        List<ActivityEvent> events = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        new TrafficGenerator(scenario).generate(events::add, labels::add);
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (BufferedWriter w = Files.newBufferedWriter(labelsFile)) {
            for (Label l : labels) {
                EventSink.line(w, WardenJson.write(l));
            }
        }
        Map<Persona, Long> byPersona = new TreeMap<>();
        labels.forEach(l -> byPersona.merge(l.persona(), 1L, Long::sum));
        System.out.printf("scenario run %s (simulator, seed %d): %d accounts %s, %d events over %s of event time; labels in %s%n",
                run, seed, accounts, byPersona, events.size(), span, labelsFile);

        Progress progress = new Progress(tty, events.size(), System.out);
        try (PlatformState platform = new PlatformState(scenario.accountId(0).replaceAll("-0$", "-%"))) {
            long sent = send(events, progress, platform);
            Counts c = follow(platform, settle, sent, progress);
            BanQuality quality = BanQuality.of(labels, platform.banned());
            System.out.print(quality.render());
            if (c.cases() > c.bans()) {
                System.out.printf("review queue: %d open cases without automatic ban (below the auto-ban level)%n",
                        c.cases() - c.bans());
            }
            Properties result = new Properties();
            result.setProperty("run", run);
            result.setProperty("events", Long.toString(sent));
            result.setProperty("signals", Long.toString(c.signals()));
            result.setProperty("cases", Long.toString(c.cases()));
            result.setProperty("bans", Long.toString(c.bans()));
            result.setProperty("mails", Long.toString(c.mailsSent()));
            result.setProperty("precision", String.format(Locale.ROOT, "%.2f", quality.precision()));
            result.setProperty("recall", String.format(Locale.ROOT, "%.2f", quality.recall()));
            platform.examples(result);
            try (BufferedWriter w = Files.newBufferedWriter(out)) {
                result.store(w, "last scenario run (deploy/local/warden)");
            }
        }
    }

    /** Sends every event at the configured rate; returns how many the broker acknowledged. */
    private static long send(List<ActivityEvent> events, Progress progress, PlatformState platform) throws Exception {
        Properties client = Endpoints.kafkaClient(KafkaPrincipal.PLATFORM);   // may write activity, nothing that decides
        client.put(ProducerConfig.ACKS_CONFIG, "all");
        client.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        client.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "20000");
        client.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "60000");
        Pacer pacer = new Pacer(Double.parseDouble(conf("rate", "5000")));
        EventSink.ToKafka sink = new EventSink.ToKafka(client, Topics.ACTIVITY);
        try (sink) {
            for (ActivityEvent e : events) {
                pacer.next();
                sink.accept(e);
                if (progress.due(System.nanoTime())) {
                    progress.print(sink.acknowledged(), platform.counts(), false);
                }
            }
        } catch (IOException e) {
            throw new Failure(e.getMessage());
        }
        return sink.acknowledged();
    }

    /** Follows the chain until bans and mails stop moving, or the settle time is over. */
    private static Counts follow(PlatformState platform, Duration settle, long sent, Progress progress) throws Exception {
        long deadline = System.nanoTime() + settle.toNanos();
        Settling settling = new Settling(Duration.ofSeconds(20).toNanos());
        Counts c = platform.counts();
        while (System.nanoTime() < deadline) {
            c = platform.counts();
            long now = System.nanoTime();
            if (progress.due(now)) {
                progress.print(sent, c, false);
            }
            if (settling.settled(c, now)) {
                break;
            }
            Thread.sleep(1_000);
        }
        progress.print(sent, c, true);
        return c;
    }
}
