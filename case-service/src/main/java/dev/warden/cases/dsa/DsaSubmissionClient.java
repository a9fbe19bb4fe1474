package dev.warden.cases.dsa;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.databind.JsonNode;

import dev.warden.cases.dsa.config.DsaConfig;
import dev.warden.cases.dsa.rest.TransparencyDatabase;
import dev.warden.contracts.json.WardenJson;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Submits stored statements to the Transparency Database (at most 100 per call). Each batch is claimed
 * in a short transaction (SKIP LOCKED plus a lease, so instances never send the same batch), sent with no
 * transaction open ({@link TransparencyDatabase} retries with backoff), and its outcome recorded in
 * another. A puid the database accepted is never sent again; puids it reports as already known are
 * marked so and the rest is sent again; a statement it keeps refusing is parked as failed, visibly.
 */
@ApplicationScoped
public class DsaSubmissionClient {

    @Inject
    DsaConfig config;

    @Inject
    EntityManager em;

    @Inject
    TransparencyDatabase database;

    @Inject
    DsaSubmissionStore store;

    @RegisterForReflection
    public record Result(int submitted, int alreadyKnown, int batches, int failedBatches, String lastError,
            int parkedAsFailed) {
    }

    /** Submits with the configured base URL and token. */
    public Result submitPending(Instant from, Instant to) {
        String base = config.submission().baseUrl().orElseThrow(() -> new SubmissionNotConfiguredException("base-url"));
        String token = config.submission().token().orElseThrow(() -> new SubmissionNotConfiguredException("token"));
        return submitPending(from, to, URI.create(base), token);
    }

    public Result submitPending(Instant from, Instant to, URI baseUrl, String token) {
        int submitted = 0;
        int known = 0;
        int batches = 0;
        int failed = 0;
        int parked = 0;
        String lastError = null;
        while (true) {
            Map<String, String> batch = store.claim(from, to);
            if (batch.isEmpty()) {
                break;
            }
            batches++;
            List<String> pending = new ArrayList<>(batch.keySet());
            String body = "{\"statements\":[" + String.join(",", batch.values()) + "]}";
            TransparencyDatabase.Answer a = database.post(baseUrl, token, body);
            if (a.accepted()) {
                store.markSent(pending, a.attempts(), null);
                submitted += pending.size();
                continue;
            }
            List<String> already = a.status() == 422 ? pending.stream().filter(existingPuids(a.body())::contains).toList()
                    : List.of();
            if (!already.isEmpty()) { // not a failure: the rest is sent again at once
                store.markKnownAndRelease(already, pending.stream().filter(p -> !already.contains(p)).toList(),
                        a.attempts());
                known += already.size();
                continue;
            }
            failed++;
            lastError = a.error() != null ? a.error() : "HTTP " + a.status() + ": " + TransparencyDatabase.abbreviate(a.body());
            String error = lastError;
            // a refusal of the statements themselves; a bad token (401/403) is the platform's to fix, not theirs
            boolean permanent = a.status() >= 400 && a.status() < 500 && a.status() != 401 && a.status() != 403;
            parked += store.recordFailure(pending, a.attempts(), error, permanent);
            break; // nothing was marked that the database did not confirm; the next run continues
        }
        return new Result(submitted, known, batches, failed, lastError, parked);
    }

    /** Statements whose submission gave up, oldest decision first. */
    public List<DsaStatement> failed() {
        return DsaStatement.list("submissionFailedAt is not null order by decidedAt, puid");
    }

    /** Puts parked statements back in line for the next submission run. @return how many */
    public int retryFailed() {
        return em.createNativeQuery("UPDATE dsa_statement SET submission_failed_at = NULL, submission_attempts = 0 "
                + "WHERE submission_failed_at IS NOT NULL").executeUpdate();
    }

    private static Set<String> existingPuids(String body) {
        Set<String> puids = new HashSet<>();
        try {
            JsonNode n = WardenJson.mapper().readTree(body).path("errors").path("existing_puids");
            n.forEach(p -> puids.add(p.asText()));
        } catch (IOException | RuntimeException e) {
            // not the database's duplicate-puid answer
        }
        return puids;
    }
}
