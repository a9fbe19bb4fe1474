package dev.warden.cases.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.warden.cases.Signals;
import dev.warden.cases.decision.Decision;
import dev.warden.contracts.Topics;
import dev.warden.testsupport.KafkaTestClient;
import dev.warden.testsupport.WardenOidc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Benchmark, not a test (surefire does not pick up *Bench classes): seeds 100k cases, then drives the
 * queue query and the case detail at a fixed open-loop rate with a real signed token and prints
 * p50/p99; then measures signal-to-decision latency of automatic bans through Kafka. Bounded to
 * well under two minutes. Run:
 * {@code ./mvnw -B verify -pl case-service -am -DskipITs -Dtest=CaseLatencyBench -Dsurefire.failIfNoSpecifiedTests=false}
 * Knobs: -Dbench.cases=100000 -Dbench.rate=200 -Dbench.seconds=20 -Dbench.signals=200
 */
@QuarkusTest
class CaseLatencyBench {

    @Inject
    EntityManager em;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void measure() throws Exception {
        int cases = Integer.getInteger("bench.cases", 100_000);
        int rate = Integer.getInteger("bench.rate", 200);
        int seconds = Integer.getInteger("bench.seconds", 20);
        int signals = Integer.getInteger("bench.signals", 200);

        long t0 = System.nanoTime();
        List<UUID> ids = seed(cases);
        System.out.printf("[bench] seeded %d cases in %d ms%n", cases, (System.nanoTime() - t0) / 1_000_000);

        String token = WardenOidc.token("bench", "reviewer");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String base = "http://localhost:" + port;
        // warm-up, not measured
        run(http, token, base, ids, 50, 5);
        Map<String, List<Long>> lat = run(http, token, base, ids, rate, seconds);
        lat.forEach((name, l) -> print(name, l, rate, seconds));

        signalToDecision(signals);
    }

    private List<UUID> seed(int n) {
        QuarkusTransaction.requiringNew().timeout(600).run(() -> {
            em.createNativeQuery("INSERT INTO account (id, account_type, status, created_at, updated_at) "
                    + "SELECT 'bench-' || g, CASE WHEN g % 5 = 0 THEN 'BUSINESS' ELSE 'PRIVATE' END, 'ACTIVE', now(), now() "
                    + "FROM generate_series(1, ?1) g ON CONFLICT DO NOTHING").setParameter(1, n).executeUpdate();
            em.createNativeQuery("INSERT INTO enforcement_case (id, account_id, status, priority, max_score, "
                    + "primary_violation, opened_at, updated_at, version) SELECT gen_random_uuid(), 'bench-' || g, "
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

    /** Open loop: requests start on schedule whatever the previous ones do, half queue pages, half case details. */
    private Map<String, List<Long>> run(HttpClient http, String token, String base, List<UUID> ids, int rate,
            int seconds) throws Exception {
        Map<String, List<Long>> lat = new ConcurrentHashMap<>();
        lat.put("queue", Collections.synchronizedList(new ArrayList<>()));
        lat.put("detail", Collections.synchronizedList(new ArrayList<>()));
        AtomicInteger errors = new AtomicInteger();
        ConcurrentLinkedQueue<CompletableFuture<?>> inflight = new ConcurrentLinkedQueue<>();
        String[] queues = { "/api/cases?status=NEW&size=50", "/api/cases?status=NEW&violation=BULK_MESSAGING&size=50",
                "/api/cases?status=NEW&accountType=BUSINESS&minScore=0.5&size=50", "/api/cases?status=NEW&page=3&size=50" };
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        int total = rate * seconds;
        for (int i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            boolean queue = i % 2 == 0;
            String path = queue ? queues[(i / 2) % queues.length] : "/api/cases/" + ids.get(i % ids.size());
            HttpRequest req = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(10)).GET().build();
            long sent = System.nanoTime();
            inflight.add(http.sendAsync(req, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                if (e != null || r.statusCode() != 200) {
                    if (errors.incrementAndGet() <= 3) {
                        System.out.printf("[bench] failed %s: %s%n", path, e != null ? e : "HTTP " + r.statusCode());
                    }
                }
                lat.get(queue ? "queue" : "detail").add(System.nanoTime() - sent);
            }));
        }
        CompletableFuture.allOf(inflight.toArray(CompletableFuture[]::new)).handle((r, e) -> null).get();
        if (errors.get() > 0) {
            System.out.printf("[bench] %d requests failed%n", errors.get());
        }
        return lat;
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
        print("signal-to-decision", lat, 20, n / 20);
    }

    private static void print(String name, List<Long> nanos, int rate, int seconds) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            System.out.printf("[bench] %s: no samples%n", name);
            return;
        }
        System.out.printf("[bench] %-18s n=%d (total offered %d req/s over %d s) p50=%.1f ms p99=%.1f ms max=%.1f ms%n",
                name, sorted.size(), rate, seconds, pct(sorted, 0.50), pct(sorted, 0.99),
                sorted.get(sorted.size() - 1) / 1e6);
    }

    private static double pct(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }
}
