package dev.warden.detection.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.warden.contracts.activity.ActivityEvent;
import dev.warden.contracts.activity.ActivityEventParser;
import dev.warden.contracts.activity.ParseResult;
import dev.warden.contracts.json.WardenJson;
import dev.warden.detection.account.AccountState;
import dev.warden.detection.account.AccountStateSerde;
import dev.warden.detection.config.DetectionConfig;
import dev.warden.detection.features.FeatureUpdater;
import dev.warden.detection.rules.Detector;
import dev.warden.detection.rules.RuleCatalog;
import dev.warden.detection.rules.RuleDefinition;
import dev.warden.detection.rules.Verdict;
import dev.warden.simulator.Scenario;
import dev.warden.simulator.TrafficGenerator;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Benchmark, not a test: prints figures, asserts nothing about time. Not matched by surefire's default includes:
 * {@code ./mvnw -B verify -pl detection-service -am -DskipITs -Dtest=DetectorCpuBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * <p>
 * What Warden's own per-event work costs without Kafka: the scenario of {@link DetectionBenchmark}, its records
 * as bytes in memory, through the detector's steps on one thread, in four cumulative levels: parse; + fold
 * into the account's state (replay guard, buckets, intervals, fingerprints); + the feature snapshot and every
 * rule at its built-in version, with the detector's cooldown and silence; + the write-behind (each changed
 * account serialised once per {@value #COMMIT_EVERY} events, as a commit would). A fifth level writes the state
 * after every event instead: production traffic, many accounts with a few messages a minute each, comes near that,
 * since an account seldom sends twice between two commits. No broker shares the cores and
 * no Kafka Streams code runs, so passes agree far better than the broker benchmark's: this is the figure to
 * compare code changes by. Left out: Kafka Streams, the campaign path, the erasure check, signal JSON.
 */
class DetectorCpuBenchmark {

    private static final Instant START = Instant.parse("2026-11-20T00:00:00Z");
    static final int COMMIT_EVERY = 20_000;
    private static final String[] LEVELS = {"parse", "+ state fold", "+ features and rules", "+ write-behind",
        "features and rules, every event written"};
    private static final int EVERY_EVENT = 4;

    /** Results kept, so the JIT cannot drop the work. */
    static long sink;

    @Test
    void run() throws Exception {
        int accounts = Integer.getInteger("bench.accounts", 3000);
        long seed = Long.getLong("bench.seed", 42);
        int passes = Math.max(4, Integer.getInteger("bench.passes", 12));
        List<byte[]> events = new ArrayList<>();
        new TrafficGenerator(Scenario.defaults(seed, accounts, START)).generate(
                e -> events.add(WardenJson.write(e).getBytes(StandardCharsets.UTF_8)), label -> {
                });
        DetectionConfig config = new SmallRyeConfigBuilder().withMapping(DetectionConfig.class).build()
                .getConfigMapping(DetectionConfig.class);
        Instant now = START.plus(Duration.ofDays(1));
        ActivityEventParser parser = new ActivityEventParser(config.maxFutureSkew());
        List<Detector> detectors = new ArrayList<>();
        new RuleCatalog(config).detectors().forEach(detectors::add);
        List<RuleDefinition> inForce = detectors.stream().map(Detector::defaults).toList();
        System.out.printf("%n[cpu-bench] %s", ProductionJvm.describe());
        System.out.printf("%n[cpu-bench] %d events of %d accounts (seed %d), one thread, no Kafka; %d passes per level, "
                + "interleaved; steady = passes 4-%d%n", events.size(), accounts, seed, passes, passes);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        List<List<Double>> steady = new ArrayList<>();
        long serialised = 0;
        long serialisedEveryEvent = 0;
        for (int level = 0; level < LEVELS.length; level++) {
            steady.add(new ArrayList<>());
        }
        String jfr = System.getProperty("bench.jfr"); // -Dbench.jfr=/tmp/detector.jfr profiles passes 4 to the last
        jdk.jfr.Recording recording = null;
        for (int pass = 1; pass <= passes; pass++) {
            if (pass == 4 && jfr != null && !jfr.isBlank()) {
                recording = new jdk.jfr.Recording();
                recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
                recording.setDestination(java.nio.file.Path.of(jfr));
                recording.start();
            }
            StringBuilder line = new StringBuilder();
            for (int level = 0; level < LEVELS.length; level++) {
                long cpu0 = mx.getCurrentThreadCpuTime();
                long[] counts = pass(events, parser, now, config, detectors, inForce, level);
                long findings = counts[0];
                if (level == 3) {
                    serialised = counts[1];
                } else if (level == EVERY_EVENT) {
                    serialisedEveryEvent = counts[1];
                }
                double micros = (mx.getCurrentThreadCpuTime() - cpu0) / 1e3 / events.size();
                line.append(String.format("%s %.3f µs%s; ", LEVELS[level], micros,
                        level >= 2 ? " (" + findings + " findings)" : ""));
                if (pass > 3) {
                    steady.get(level).add(micros);
                }
            }
            System.out.printf("[cpu-bench] pass %d: %s%n", pass, line.substring(0, line.length() - 2));
        }
        if (recording != null) {
            recording.stop();
            recording.close();
            System.out.printf("[cpu-bench] JFR recording of passes 4-%d: %s%n", passes, jfr);
        }
        StringBuilder summary = new StringBuilder();
        for (int level = 0; level < EVERY_EVENT; level++) {
            List<Double> v = steady.get(level);
            summary.append(String.format("%s %.3f µs (%.3f-%.3f); ", LEVELS[level], DetectionBenchmark.median(v),
                    v.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                    v.stream().mapToDouble(Double::doubleValue).max().orElse(0)));
        }
        System.out.printf("[cpu-bench] steady medians per event (range): %s%n", summary.substring(0, summary.length() - 2));
        System.out.printf("[cpu-bench] Warden's own work per event above parsing: %.3f µs%n",
                DetectionBenchmark.median(steady.get(3)) - DetectionBenchmark.median(steady.get(0)));
        double writeBehind = DetectionBenchmark.median(steady.get(3)) - DetectionBenchmark.median(steady.get(2));
        System.out.printf("[cpu-bench] write-behind: %d states serialised per pass, %.2f µs each (%.3f µs per event)%n",
                serialised, writeBehind * events.size() / Math.max(1, serialised), writeBehind);
        double everyEvent = DetectionBenchmark.median(steady.get(EVERY_EVENT)) - DetectionBenchmark.median(steady.get(2));
        System.out.printf("[cpu-bench] every event written: %d states serialised per pass, %.2f µs each (%.3f µs per event; "
                + "steady median %.3f µs per event)%n", serialisedEveryEvent,
                everyEvent * events.size() / Math.max(1, serialisedEveryEvent), everyEvent,
                DetectionBenchmark.median(steady.get(EVERY_EVENT)));
    }

    /** One pass over every event, up to {@code level}; returns the findings emitted and the states serialised. */
    private static long[] pass(List<byte[]> events, ActivityEventParser parser, Instant now, DetectionConfig config,
            List<Detector> detectors, List<RuleDefinition> inForce, int level) {
        Map<String, AccountState> states = new HashMap<>();
        Set<String> dirty = new HashSet<>();
        long grace = config.lateEventGrace().toMillis();
        long findings = 0;
        long serialised = 0;
        int sinceCommit = 0;
        for (byte[] bytes : events) {
            ParseResult result = parser.parse(bytes, now);
            if (level == 0 || !(result instanceof ParseResult.Accepted accepted)) {
                sink += result instanceof ParseResult.Accepted ? 1 : 0;
                continue;
            }
            ActivityEvent e = accepted.event();
            AccountState state = states.computeIfAbsent(e.accountId(), id -> new AccountState());
            long at = e.occurredAt().toEpochMilli();
            if (!state.remember(e.eventId(), at, grace)) {
                continue;
            }
            boolean counted = FeatureUpdater.apply(state, e, grace, config.sampleEventIds());
            if (level >= 2 && counted) { // the levels above 2 all evaluate the rules
                findings += Verdict.of(state, e, detectors, inForce, config.conclusiveScore()).fired().size();
            }
            if (level == EVERY_EVENT) {
                sink += AccountStateSerde.write(state).length;
                serialised++;
            } else if (level == 3) {
                dirty.add(e.accountId());
                if (++sinceCommit == COMMIT_EVERY) {
                    for (String id : dirty) {
                        sink += AccountStateSerde.write(states.get(id)).length;
                        serialised++;
                    }
                    dirty.clear();
                    sinceCommit = 0;
                }
            }
        }
        sink += states.size();
        return new long[] {findings, serialised};
    }
}
