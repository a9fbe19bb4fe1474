package dev.warden.cases.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.warden.cases.Signals;
import dev.warden.cases.readmodel.CaseQueries;
import dev.warden.cases.casework.CaseQueue;
import dev.warden.cases.casework.CaseStatus;
import dev.warden.cases.casework.QueueFilter;
import dev.warden.cases.decision.Decision;
import dev.warden.contracts.Topics;
import dev.warden.testsupport.KafkaTestClient;
import dev.warden.testsupport.WardenOidc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Benchmark, not a test (surefire does not pick up *Bench classes); prints figures only. Seeds 100k cases
 * (two signals each), times the queue and detail service calls one at a time, then drives both endpoints
 * over HTTP with wrk in separate processes (deploy/bench/wrk fetches Debian's package on first use),
 * each at the offered rate at the same time, with a real signed reviewer token; then measures
 * signal-to-decision latency of automatic bans through Kafka. About three minutes. Run:
 * {@code ./mvnw -B verify -pl case-service -am -DskipITs -Dtest=CaseLatencyBench -Dsurefire.failIfNoSpecifiedTests=false}
 * Knobs: -Dbench.cases=100000 -Dbench.rate=200 -Dbench.seconds=30 -Dbench.signals=200
 */
@QuarkusTest
class CaseLatencyBench {

    @Inject
    EntityManager em;

    @Inject
    CaseQueue queue;

    @Inject
    CaseQueries queries;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void measure() throws Exception {
        int cases = Integer.getInteger("bench.cases", 100_000);
        int rate = Integer.getInteger("bench.rate", 200);
        int seconds = Integer.getInteger("bench.seconds", 30);
        int signals = Integer.getInteger("bench.signals", 200);
        System.out.printf("[bench] load average at start: %.2f on %d cores%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());

        long t0 = System.nanoTime();
        List<UUID> ids = seed(cases);
        System.out.printf("[bench] seeded %d cases in %d ms%n", cases, (System.nanoTime() - t0) / 1_000_000);

        serverSide(ids);
        explain();
        overHttp(ids, rate, seconds);
        signalToDecision(signals);
    }

    private List<UUID> seed(int n) {
        QuarkusTransaction.requiringNew().timeout(600).run(() -> {
            em.createNativeQuery("INSERT INTO account (id, account_type, status, created_at, updated_at) "
                    + "SELECT 'bench-' || g, CASE WHEN g % 5 = 0 THEN 'BUSINESS' ELSE 'PRIVATE' END, 'ACTIVE', now(), now() "
                    + "FROM generate_series(1, ?1) g ON CONFLICT DO NOTHING").setParameter(1, n).executeUpdate();
            em.createNativeQuery("INSERT INTO enforcement_case (id, account_id, account_type, status, priority, max_score, "
                    + "primary_violation, opened_at, updated_at, version) SELECT gen_random_uuid(), 'bench-' || g, "
                    + "CASE WHEN g % 5 = 0 THEN 'BUSINESS' ELSE 'PRIVATE' END, "
                    + "CASE WHEN g % 10 < 6 THEN 'NEW' WHEN g % 10 < 8 THEN 'IN_REVIEW' ELSE 'ACTIONED' END, "
                    + "(g * 7919) % 100, ((g * 7919) % 100) / 100.0, "
                    + "(ARRAY['BULK_MESSAGING','AUTOMATED_BEHAVIOR','NON_PERSONAL_USE','USER_REPORTED'])[1 + g % 4], "
                    + "now() - (g || ' seconds')::interval, now(), 0 FROM generate_series(1, ?1) g "
                    + "WHERE NOT EXISTS (SELECT 1 FROM enforcement_case c WHERE c.account_id = 'bench-' || g)")
                    .setParameter(1, n).executeUpdate();
            // every case gets two signals with explanations, as the detail endpoint reads them
            em.createNativeQuery("INSERT INTO signal (id, case_id, account_id, violation, score, rule_id, rule_version, "
                    + "summary, payload, detected_at, received_at) SELECT gen_random_uuid(), c.id, c.account_id, "
                    + "c.primary_violation, c.max_score, 'bench.rule', 1, 'bench signal', "
                    + "jsonb_build_object('signalId', gen_random_uuid(), 'accountId', c.account_id, 'violation', "
                    + "c.primary_violation, 'score', c.max_score, 'ruleId', 'bench.rule', 'ruleVersion', 1, "
                    + "'summary', 'bench signal', 'detectedAt', now(), 'features', jsonb_build_object('messagesInWindow', 100)), "
                    + "now(), now() FROM enforcement_case c CROSS JOIN generate_series(1, 2) "
                    + "WHERE c.account_id LIKE 'bench-%' AND NOT EXISTS (SELECT 1 FROM signal s WHERE s.case_id = c.id)")
                    .executeUpdate();
        });
        em.clear();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("ANALYZE").executeUpdate());
        @SuppressWarnings("unchecked")
        List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT id FROM enforcement_case WHERE account_id LIKE 'bench-%' ORDER BY random() LIMIT 5000")
                .getResultList());
        return ids;
    }

    /** The plans of the queue's common filters: each should read one index in order, no sort of the whole status. */
    private void explain() {
        String base = "SELECT c.* FROM enforcement_case c WHERE c.status IN ('NEW') ";
        String order = " ORDER BY c.priority DESC, c.opened_at, c.id ";
        for (String q : List.of(base + order + "LIMIT 51", base + "AND c.primary_violation = 'BULK_MESSAGING'" + order + "LIMIT 51",
                base + "AND c.account_type = 'BUSINESS' AND c.max_score >= 0.5" + order + "LIMIT 51",
                "SELECT c.* FROM enforcement_case c WHERE c.status IN ('NEW', 'IN_REVIEW') AND c.opened_at <= now() - interval '1 hour'" + order + "LIMIT 51",
                base + order + "OFFSET 150 LIMIT 51")) {
            QuarkusTransaction.requiringNew().run(() -> {
                @SuppressWarnings("unchecked")
                List<Object> plan = em.createNativeQuery("EXPLAIN (ANALYZE, BUFFERS) " + q).getResultList();
                System.out.println("[bench] plan of " + q);
                plan.stream().map(Object::toString).filter(l -> l.contains("Scan") || l.contains("Sort") || l.contains("Execution"))
                        .forEach(l -> System.out.println("[bench]   " + l.trim()));
            });
        }
    }

    /** The service calls behind the two endpoints, one at a time: what a request costs without HTTP and load. */
    private void serverSide(List<UUID> ids) {
        QueueFilter[] filters = {
                new QueueFilter(List.of(CaseStatus.NEW), null, null, null, null, null, null, null, null, null),
                new QueueFilter(List.of(CaseStatus.NEW), "BULK_MESSAGING", null, null, null, null, null, null, null, null),
                new QueueFilter(List.of(CaseStatus.NEW), null, "BUSINESS", null, 0.5, null, null, null, null, null) };
        int[] pages = { 0, 0, 0, 3 };
        for (int round = 0; round < 2; round++) { // round 0 warms up
            List<Long> queueNanos = new ArrayList<>();
            List<Long> detailNanos = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                long s = System.nanoTime();
                queue.list(filters[i % filters.length], pages[i % pages.length], 50);
                queueNanos.add(System.nanoTime() - s);
                s = System.nanoTime();
                queries.detail(ids.get(i % ids.size()));
                detailNanos.add(System.nanoTime() - s);
            }
            if (round == 1) {
                print("server-side queue", queueNanos);
                print("server-side detail", detailNanos);
            }
        }
    }

    /**
     * wrk (deploy/bench/wrk, Debian's package) in processes of its own, queue and detail at once, each at the
     * offered rate, with a real signed reviewer token: a warm-up run, then the measured run.
     */
    private void overHttp(List<UUID> ids, int rate, int seconds) throws Exception {
        Path wrk = repoFile("deploy/bench/wrk");
        Path script = repoFile("deploy/bench/paced.lua");
        Path queuePaths = Files.createTempFile("queue", ".txt");
        Files.write(queuePaths, List.of("/api/cases?status=NEW&size=50", "/api/cases?status=NEW&violation=BULK_MESSAGING&size=50",
                "/api/cases?status=NEW&accountType=BUSINESS&minScore=0.5&size=50", "/api/cases?status=NEW&page=3&size=50",
                "/api/cases?status=NEW&status=IN_REVIEW&olderThan=PT1H&size=50", "/api/cases?violation=NON_PERSONAL_USE&size=20"));
        Path detailPaths = Files.createTempFile("detail", ".txt");
        Files.write(detailPaths, ids.stream().map(id -> "/api/cases/" + id).toList());
        String token = WardenOidc.token("bench", "reviewer");
        String base = "http://localhost:" + port;
        for (String phase : List.of("warm-up", "measured")) {
            int secs = phase.equals("warm-up") ? Math.max(5, seconds / 3) : seconds;
            Process q = wrk(wrk, script, base, queuePaths, rate, token, "queue", secs);
            Process d = wrk(wrk, script, base, detailPaths, rate, token, "detail", secs);
            String qOut = new String(q.getInputStream().readAllBytes());
            String dOut = new String(d.getInputStream().readAllBytes());
            q.waitFor();
            d.waitFor();
            if (phase.equals("measured")) {
                System.out.printf("[bench] over HTTP (wrk, separate processes, queue and detail at once, %d req/s each offered, %d s):%n",
                        rate, secs);
                for (String out : List.of(qOut, dOut)) {
                    out.lines().filter(l -> l.startsWith("WRK") || l.contains("Non-2xx") || l.contains("Socket errors"))
                            .forEach(l -> System.out.println("[bench]   " + l.trim()));
                }
            }
        }
    }

    private static Process wrk(Path wrk, Path script, String base, Path paths, int rate, String token, String label,
            int seconds) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(wrk.toString(), "-t1", "-c16", "-d" + seconds + "s", "-s", script.toString(),
                base, "--", paths.toString(), String.valueOf(rate), token).redirectErrorStream(true);
        pb.environment().put("WRK_LABEL", label);
        return pb.start();
    }

    private static Path repoFile(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
        }
        throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
    }

    private void signalToDecision(int n) throws Exception {
        List<String> accounts = new ArrayList<>();
        Map<String, Instant> sentAt = new ConcurrentHashMap<>();
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            for (int i = 0; i < n; i++) {
                String account = "bench-sig-" + UUID.randomUUID();
                accounts.add(account);
                sentAt.put(account, Instant.now());
                kafka.sendJson(Topics.SIGNALS, account, Signals.conclusiveBulk(account, null));
                Thread.sleep(50); // 20 signals/s
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<Decision> decided;
        do {
            Thread.sleep(500);
            decided = QuarkusTransaction.requiringNew().call(() -> Decision.<Decision>list("accountId in ?1", accounts));
        } while (decided.size() < n && System.nanoTime() < deadline);
        List<Long> lat = new ArrayList<>();
        for (Decision d : decided) {
            lat.add(Duration.between(sentAt.get(d.accountId), d.decidedAt).toNanos());
        }
        System.out.printf("[bench] signal-to-decision: %d of %d signals banned automatically%n", decided.size(), n);
        print("signal-to-decision (20 signals/s)", lat);
    }

    private static void print(String name, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            System.out.printf("[bench] %s: no samples%n", name);
            return;
        }
        System.out.printf("[bench] %-34s n=%d p50=%.2f ms p99=%.2f ms max=%.2f ms%n", name, sorted.size(),
                pct(sorted, 0.50), pct(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
    }

    private static double pct(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }
}
