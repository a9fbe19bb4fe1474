package dev.warden.cases.legal;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.warden.cases.account.Account;
import dev.warden.cases.casework.Actor;
import dev.warden.cases.casework.CaseQueue;
import dev.warden.cases.casework.EnforcementCase;
import dev.warden.cases.decision.Decision;
import dev.warden.cases.decision.DecisionAction;
import dev.warden.cases.decision.DecisionRequest;
import dev.warden.cases.dsa.DsaStatementFactory;
import dev.warden.cases.evidence.EvidenceKind;
import dev.warden.cases.evidence.EvidenceLedger;
import dev.warden.cases.evidence.verify.PackageVerifier;
import dev.warden.cases.usecase.DecideCase;
import dev.warden.testsupport.WardenOidc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Benchmark, not a unit test (the name keeps it out of the default surefire run); prints figures only,
 * as lines starting with {@code BENCH}:
 * <pre>./mvnw -B -ntp verify -pl case-service -am -DskipITs -Dtest=LegalBenchmark -Dsurefire.failIfNoSpecifiedTests=false | grep BENCH</pre>
 * Bounded: 1,000 statement samples, 500 + 500 whole decisions on 1,200 fresh cases, and one 10,000-item
 * package (about 3 minutes of test time on 2 busy cores). docs/legal.md keeps the figures.
 */
@QuarkusTest
class LegalBenchmark {

    @Inject
    LegalFixtures fixtures;

    @Inject
    DsaStatementFactory statements;

    @Inject
    EvidenceLedger ledger;

    @Inject
    EntityManager em;

    @Inject
    DecideCase decideCase;

    @Inject
    CaseQueue queue;

    /** A reviewer without the senior role: enough to warn or restrict a case they hold. */
    private static final Actor REVIEWER = new Actor("bench-reviewer", false, "warden-cli");

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void statementGenerationAndTenThousandItemExport() throws Exception {
        System.out.printf("BENCH load average at start: %.1f on %d cores%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
        statementGeneration();
        export10k();
    }

    private void statementGeneration() {
        List<UUID> cases = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            cases.add(fixtures.openCase("acc-bench-sor-" + UUID.randomUUID()));
        }
        long[] samples = new long[1000];
        int n = 0;
        for (int round = 0; round < 24; round++) { // the first 4 rounds warm up and are not counted
            for (UUID caseId : cases) {
                boolean counted = round >= 4;
                long[] holder = new long[1];
                try {
                    QuarkusTransaction.requiringNew().run(() -> {
                    EnforcementCase c = EnforcementCase.findById(caseId);
                    Account a = Account.findById(c.accountId);
                    Decision d = persistDecision(c, DecisionAction.RESTRICT, "NON_PERSONAL_USE",
                            "Commercial newsletter through a personal account", Instant.now().plusSeconds(86400 * 7));
                    // as in CaseService: the decision's own ledger item comes first and takes the chain's head lock
                    ledger.append(c.id, EvidenceKind.DECISION, d.id.toString(), d.actor, d.decidedAt,
                            Map.of("action", d.action.name()), null);
                    em.flush();
                    long t0 = System.nanoTime();
                    statements.statementFor(d, c, a); // build + validate + store + ledger item
                    em.flush();
                    holder[0] = System.nanoTime() - t0;
                    QuarkusTransaction.setRollbackOnly(); // leave nothing behind; every sample sees the same case
                    });
                } catch (io.quarkus.narayana.jta.QuarkusTransactionException expected) {
                    // the rollback asked for above
                }
                long took = holder[0];
                if (counted && n < samples.length) {
                    samples[n++] = took;
                }
            }
        }
        Arrays.sort(samples, 0, n);
        cpuOnly(cases.get(0));
        roundTrip();
        breakdown(cases);
        decisionsWithAndWithoutStatement();
        System.out.printf("BENCH statement-of-reasons (build+validate+store+ledger item, in the decision's tx): n=%d p50=%.3f ms p95=%.3f ms p99=%.3f ms max=%.3f ms%n", n,
                samples[n / 2] / 1e6, samples[(int) (n * 0.95)] / 1e6, samples[(int) (n * 0.99)] / 1e6, samples[n - 1] / 1e6);
    }

    /**
     * Whole decisions as a reviewer takes them, committed: each on a fresh case in review, claimed by the
     * reviewer first (not timed), then decided through {@link DecideCase} with its lifecycle and duty
     * checks. RESTRICT (statement of reasons) and WARN (none: warnings are outside the DSA's scope) are
     * taken in turns; the difference is what the statement adds, commit included.
     */
    private void decisionsWithAndWithoutStatement() {
        int perRound = 25;
        int rounds = 24; // the first 4 rounds warm up
        long[] restrict = new long[perRound * rounds];
        long[] warn = new long[perRound * rounds];
        int n = 0;
        for (int round = 0; round < rounds; round++) {
            List<UUID> restrictCases = claimedCases("acc-bench-dec-r-", perRound);
            List<UUID> warnCases = claimedCases("acc-bench-dec-w-", perRound);
            for (int k = 0; k < perRound; k++) {
                long t0 = System.nanoTime();
                decideCase.decide(restrictCases.get(k), new DecisionRequest(DecisionAction.RESTRICT, "NON_PERSONAL_USE",
                        "Sells a newsletter service over the messenger", "P7D"), REVIEWER, null, null);
                long t1 = System.nanoTime();
                decideCase.decide(warnCases.get(k), new DecisionRequest(DecisionAction.WARN, "NON_PERSONAL_USE",
                        "Sells a newsletter service over the messenger", null), REVIEWER, null, null);
                long t2 = System.nanoTime();
                if (round >= 4) {
                    restrict[n] = t1 - t0;
                    warn[n] = t2 - t1;
                    n++;
                }
            }
        }
        Arrays.sort(restrict, 0, n);
        Arrays.sort(warn, 0, n);
        System.out.printf("BENCH whole decision, committed: RESTRICT (with statement) n=%d p50=%.3f ms p99=%.3f ms; "
                + "WARN (no statement) p50=%.3f ms p99=%.3f ms; the statement adds p50 %+.3f ms, p99 %+.3f ms%n", n,
                restrict[n / 2] / 1e6, restrict[(int) (n * 0.99)] / 1e6, warn[n / 2] / 1e6, warn[(int) (n * 0.99)] / 1e6,
                (restrict[n / 2] - warn[n / 2]) / 1e6, (restrict[(int) (n * 0.99)] - warn[(int) (n * 0.99)]) / 1e6);
    }

    /** Fresh cases in review, each claimed by {@link #REVIEWER} as the queue lets a reviewer claim. */
    private List<UUID> claimedCases(String accountPrefix, int count) {
        List<UUID> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID caseId = fixtures.openCase(accountPrefix + UUID.randomUUID());
            queue.assign(caseId, REVIEWER.name(), REVIEWER, null);
            cases.add(caseId);
        }
        return cases;
    }

    /** Where the statement's time goes: the factory's steps, timed one by one (rolled back). */
    private void breakdown(List<UUID> cases) {
        long[][] t = new long[4][500];
        int n = 0;
        for (int round = 0; round < 10; round++) {
            for (UUID caseId : cases) {
                int i = n++;
                try {
                    QuarkusTransaction.requiringNew().run(() -> {
                        EnforcementCase c = EnforcementCase.findById(caseId);
                        Account a = Account.findById(c.accountId);
                        Decision d = persistDecision(c, DecisionAction.BAN, "X", "bench", null);
                        ledger.append(c.id, EvidenceKind.DECISION, d.id.toString(), d.actor, d.decidedAt,
                                Map.of("action", d.action.name()), null);
                        em.flush();
                        long t0 = System.nanoTime();
                        List<dev.warden.cases.signal.SignalRecord> signals = dev.warden.cases.signal.SignalRecord
                                .list("caseId = ?1 order by detectedAt", c.id);
                        long t1 = System.nanoTime();
                        var st = dev.warden.cases.dsa.DsaStatementBuilder.build("warden-" + d.id, d, c, a, signals,
                                List.of("DE"));
                        dev.warden.cases.dsa.DsaStatementValidator.validate(st);
                        long t2 = System.nanoTime();
                        em.createNativeQuery("INSERT INTO dsa_statement (puid, decision_id, case_id, account_id, action, "
                                + "violation, source_type, automated_detection, automated_decision, case_opened_at, decided_at, "
                                + "statement) VALUES (?1, ?2, ?3, ?4, 'BAN', 'X', 'SOURCE_VOLUNTARY', true, true, now(), now(), ?5)")
                                .setParameter(1, "warden-" + d.id).setParameter(2, d.id).setParameter(3, c.id)
                                .setParameter(4, c.accountId).setParameter(5, dev.warden.contracts.json.WardenJson.write(st))
                                .executeUpdate();
                        long t3 = System.nanoTime();
                        ledger.append(c.id, EvidenceKind.STATEMENT_OF_REASONS, "warden-" + d.id, "bench", d.decidedAt,
                                Map.of("statement", st), null);
                        em.flush();
                        long t4 = System.nanoTime();
                        t[0][i] = t1 - t0;
                        t[1][i] = t2 - t1;
                        t[2][i] = t3 - t2;
                        t[3][i] = t4 - t3;
                        QuarkusTransaction.setRollbackOnly();
                    });
                } catch (io.quarkus.narayana.jta.QuarkusTransactionException expected) {
                    // rolled back on purpose
                }
            }
        }
        String[] names = {"read signals", "build+validate", "insert statement", "ledger append+flush"};
        for (int k = 0; k < 4; k++) {
            long[] x = Arrays.copyOf(t[k], n);
            Arrays.sort(x);
            System.out.printf("BENCH breakdown %-20s p50=%.3f ms p99=%.3f ms%n", names[k], x[n / 2] / 1e6,
                    x[(int) (n * 0.99)] / 1e6);
        }
    }

    /** What one database round trip costs on this machine right now, for scale. */
    private void roundTrip() {
        long[] t = new long[1000];
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < t.length; i++) {
                long t0 = System.nanoTime();
                em.createNativeQuery("SELECT 1").getSingleResult();
                t[i] = System.nanoTime() - t0;
            }
        });
        Arrays.sort(t);
        System.out.printf("BENCH one database round trip (SELECT 1): n=%d p50=%.3f ms p99=%.3f ms%n", t.length,
                t[t.length / 2] / 1e6, t[(int) (t.length * 0.99)] / 1e6);
    }

    /** The part without database round trips: mapping and validation. */
    private void cpuOnly(UUID caseId) {
        QuarkusTransaction.requiringNew().run(() -> {
            EnforcementCase c = EnforcementCase.findById(caseId);
            Account a = Account.findById(c.accountId);
            List<dev.warden.cases.signal.SignalRecord> signals = dev.warden.cases.signal.SignalRecord.list("caseId", caseId);
            Decision d = new Decision();
            d.id = UUID.randomUUID();
            d.action = DecisionAction.BAN;
            d.reasonText = "Automatic ban";
            d.automated = true;
            d.decidedAt = Instant.now();
            long[] t = new long[10_000];
            for (int i = 0; i < t.length; i++) {
                long t0 = System.nanoTime();
                var s = dev.warden.cases.dsa.DsaStatementBuilder.build("warden-" + d.id, d, c, a, signals,
                        List.of("DE", "AT", "FR"));
                if (!dev.warden.cases.dsa.DsaStatementValidator.validate(s).isEmpty()) {
                    throw new IllegalStateException("invalid");
                }
                t[i] = System.nanoTime() - t0;
            }
            Arrays.sort(t);
            System.out.printf("BENCH statement build+validate only (no I/O): n=%d p50=%.3f ms p99=%.3f ms%n", t.length,
                    t[t.length / 2] / 1e6, t[(int) (t.length * 0.99)] / 1e6);
        });
    }

    private void export10k() throws Exception {
        UUID caseId = fixtures.openCase("acc-bench-pkg-" + UUID.randomUUID());
        long fillStart = System.nanoTime();
        String text = "Reviewer observation: the account sent the same commercial offer to many non-contacts; "
                .repeat(4);
        for (int batch = 0; batch < 20; batch++) {
            int b = batch;
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i = 0; i < 500; i++) {
                    if (b == 19 && i == 499) {
                        break; // the case's signal is item 1: 10,000 in all
                    }
                    Map<String, Object> content = new LinkedHashMap<>();
                    content.put("author", "bench");
                    content.put("text", text + b + "/" + i);
                    ledger.append(caseId, EvidenceKind.NOTE, null, "bench", Instant.now(), content, null);
                }
            });
        }
        System.out.printf("BENCH ledger fill: 10,000 items appended in %.1f s%n", (System.nanoTime() - fillStart) / 1e9);

        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = mem.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(baseline);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(mem.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        Path file = Files.createTempFile("bench-evidence", ".zip");
        long t0 = System.nanoTime();
        HttpURLConnection http = (HttpURLConnection) URI.create("http://localhost:" + port + "/api/legal/cases/" + caseId
                + "/evidence-package").toURL().openConnection();
        http.setRequestProperty("Authorization", "Bearer " + WardenOidc.token("bench", "legal"));
        long bytes;
        try (InputStream in = http.getInputStream()) {
            bytes = Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        long took = System.nanoTime() - t0;
        sampler.interrupt();
        sampler.join();
        System.out.printf("BENCH export 10,000 items: HTTP %d, %.1f MB in %.2f s; heap used peak %.0f MB "
                + "(baseline %.0f MB after GC, +%.0f MB; whole test JVM: server and client)%n", http.getResponseCode(),
                bytes / 1e6, took / 1e9, peak.get() / 1e6, baseline / 1e6, (peak.get() - baseline) / 1e6);

        long v0 = System.nanoTime();
        PackageVerifier.Report r;
        try (InputStream in = Files.newInputStream(file)) {
            r = PackageVerifier.verify(new java.io.BufferedInputStream(in));
        }
        System.out.printf("BENCH offline verification: intact=%s items=%d in %.2f s%n", r.intact(), r.items(),
                (System.nanoTime() - v0) / 1e9);
        Files.deleteIfExists(file);
    }

    /** A decision row as CaseService writes it, inside the caller's (rolled back) transaction. */
    private static Decision persistDecision(EnforcementCase c, DecisionAction action, String reasonCode,
            String reasonText, Instant restrictedUntil) {
        Decision d = new Decision();
        d.id = UUID.randomUUID();
        d.caseId = c.id;
        d.accountId = c.accountId;
        d.action = action;
        d.reasonCode = reasonCode;
        d.reasonText = reasonText;
        d.actor = "bench";
        d.restrictedUntil = restrictedUntil;
        d.decidedAt = Instant.now();
        d.persist();
        return d;
    }
}
