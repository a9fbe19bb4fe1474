package dev.warden.cases.dsa;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import dev.warden.cases.dsa.config.DsaConfig;
import dev.warden.common.problem.ProblemException;
import dev.warden.contracts.json.WardenJson;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Submits stored statements to the Transparency Database ({@code POST /api/v1/statements}, at most 100 per
 * call) with the platform's bearer token. A puid is never sent again once the database accepted it: each
 * batch is locked (SKIP LOCKED, so instances never send the same batch) while it is sent and marked
 * submitted in the same transaction. If the database reports puids it already has (a crash after it
 * accepted but before we committed), those are marked submitted and the rest is sent again.
 */
@ApplicationScoped
public class DsaSubmissionClient {

    private static final Logger LOG = Logger.getLogger(DsaSubmissionClient.class);

    @Inject
    DsaConfig config;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @RegisterForReflection
    public record Result(int submitted, int alreadyKnown, int batches, int failedBatches, String lastError) {
    }

    /** Submits with the configured base URL and token. */
    public Result submitPending(Instant from, Instant to) {
        String base = config.submission().baseUrl()
                .orElseThrow(() -> ProblemException.conflict("warden.dsa.submission.base-url is not configured"));
        String token = config.submission().token()
                .orElseThrow(() -> ProblemException.conflict("warden.dsa.submission.token is not configured"));
        return submitPending(from, to, URI.create(base), token);
    }

    public Result submitPending(Instant from, Instant to, URI baseUrl, String token) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(config.submission().timeout()).build();
        int submitted = 0;
        int known = 0;
        int batches = 0;
        int failed = 0;
        String lastError = null;
        while (true) {
            BatchOutcome o = QuarkusTransaction.requiringNew().call(() -> sendOneBatch(http, from, to, baseUrl, token));
            if (o == null) {
                break;
            }
            batches++;
            submitted += o.submitted;
            known += o.known;
            if (o.error != null) {
                failed++;
                lastError = o.error;
                break; // the next run continues; nothing was marked that the database did not confirm
            }
        }
        return new Result(submitted, known, batches, failed, lastError);
    }

    private static final class BatchOutcome {
        int submitted;
        int known;
        String error;
    }

    @SuppressWarnings("unchecked")
    private BatchOutcome sendOneBatch(HttpClient http, Instant from, Instant to, URI base, String token) {
        List<Object[]> rows = em.createNativeQuery("SELECT puid, statement FROM dsa_statement WHERE submitted_at IS NULL "
                + "AND decided_at >= ?1 AND decided_at < ?2 ORDER BY decided_at, puid LIMIT " + DsaExport.MAX_BATCH
                + " FOR UPDATE SKIP LOCKED").setParameter(1, from).setParameter(2, to).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        List<String> pending = new ArrayList<>();
        Map<String, String> bodies = new java.util.LinkedHashMap<>();
        for (Object[] r : rows) {
            pending.add((String) r[0]);
            bodies.put((String) r[0], (String) r[1]);
        }
        BatchOutcome out = new BatchOutcome();
        Duration backoff = config.submission().backoff();
        for (int attempt = 1; attempt <= config.submission().maxAttempts() && !pending.isEmpty(); attempt++) {
            String body = "{\"statements\":[" + String.join(",", pending.stream().map(bodies::get).toList()) + "]}";
            HttpRequest req = HttpRequest.newBuilder(base.resolve("/api/v1/statements"))
                    .timeout(config.submission().timeout())
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            try {
                HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
                int status = resp.statusCode();
                if (status == 200 || status == 201) {
                    mark(pending, null);
                    out.submitted += pending.size();
                    pending.clear();
                    out.error = null;
                    break;
                }
                Set<String> existing = existingPuids(resp);
                if (status == 422 && !existing.isEmpty()) {
                    List<String> already = pending.stream().filter(existing::contains).toList();
                    mark(already, "already known to the Transparency Database");
                    out.known += already.size();
                    pending.removeAll(already);
                    out.error = null;
                    attempt--; // not a failure: send the rest at once
                    continue;
                }
                out.error = "HTTP " + status + ": " + abbreviate(resp.body());
                if (status != 429 && status < 500) {
                    break; // our request is wrong; retrying will not help
                }
            } catch (IOException e) {
                out.error = e.getClass().getSimpleName() + ": " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                out.error = "interrupted";
                break;
            }
            LOG.warnf("DSA submission attempt %d of %d failed: %s", attempt, config.submission().maxAttempts(), out.error);
            sleep(backoff);
            backoff = backoff.multipliedBy(2);
        }
        if (out.error != null && !pending.isEmpty()) {
            em.createNativeQuery("UPDATE dsa_statement SET submission_attempts = submission_attempts + 1, last_error = ?2 "
                    + "WHERE puid IN (?1)").setParameter(1, pending).setParameter(2, out.error).executeUpdate();
        }
        return out;
    }

    private void mark(List<String> puids, String note) {
        if (puids.isEmpty()) {
            return;
        }
        em.createNativeQuery("UPDATE dsa_statement SET submitted_at = ?2, submission_attempts = submission_attempts + 1, "
                + "last_error = ?3 WHERE puid IN (?1)").setParameter(1, puids).setParameter(2, clock.instant())
                .setParameter(3, note).executeUpdate();
    }

    private static Set<String> existingPuids(HttpResponse<String> resp) {
        Set<String> puids = new HashSet<>();
        try {
            JsonNode n = WardenJson.mapper().readTree(resp.body()).path("errors").path("existing_puids");
            n.forEach(p -> puids.add(p.asText()));
        } catch (IOException | RuntimeException e) {
            // not the database's duplicate-puid answer
        }
        return puids;
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
