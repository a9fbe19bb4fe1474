package dev.warden.cases.dsa;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.warden.cases.dsa.config.DsaConfig;
import io.smallrye.faulttolerance.api.TypedGuard;

/**
 * The Transparency Database's batch endpoint, called outside any transaction. A 5xx, a 429 or an I/O
 * error is retried by a SmallRye Fault Tolerance guard with exponential backoff
 * ({@code warden.dsa.submission.max-attempts}, {@code .backoff} doubling); any other answer is returned.
 */
@ApplicationScoped
public class TransparencyDatabase {

    private static final Logger LOG = Logger.getLogger(TransparencyDatabase.class);

    @Inject
    DsaConfig config;

    /** What the database answered, and how many calls it took. */
    public record Answer(int status, String body, int attempts, String error) {
        boolean accepted() {
            return status == 200 || status == 201;
        }
    }

    /** A failure worth another attempt. */
    static final class Retryable extends RuntimeException {
        Retryable(String message) {
            super(message, null, false, false);
        }
    }

    public Answer post(URI base, String token, String body) {
        AtomicInteger attempts = new AtomicInteger();
        DsaConfig.Submission s = config.submission();
        TypedGuard<Answer> guard = TypedGuard.create(Answer.class)
                .withRetry().maxRetries(Math.max(0, s.maxAttempts() - 1))
                .delay(s.backoff().toMillis(), ChronoUnit.MILLIS).jitter(0, ChronoUnit.MILLIS)
                .maxDuration(s.timeout().multipliedBy(s.maxAttempts() + 1).toMillis()
                        + s.backoff().toMillis() * (1L << Math.min(20, s.maxAttempts())), ChronoUnit.MILLIS)
                .retryOn(Retryable.class)
                .withExponentialBackoff().factor(2).done()
                .done().build();
        HttpClient http = HttpClient.newBuilder().connectTimeout(s.timeout()).build();
        HttpRequest req = HttpRequest.newBuilder(base.resolve("/api/v1/statements")).timeout(s.timeout())
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return guard.call(() -> once(http, req, attempts));
        } catch (Retryable e) {
            return new Answer(0, null, attempts.get(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, attempts.get(), "interrupted");
        } catch (Exception e) {
            return new Answer(0, null, attempts.get(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private Answer once(HttpClient http, HttpRequest req, AtomicInteger attempts) throws InterruptedException {
        int n = attempts.incrementAndGet();
        HttpResponse<String> resp;
        try {
            resp = http.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            LOG.warnf("DSA submission attempt %d failed: %s", n, e.getClass().getSimpleName());
            throw new Retryable(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        int status = resp.statusCode();
        if (status == 429 || status >= 500) {
            LOG.warnf("DSA submission attempt %d failed: HTTP %d", n, status);
            throw new Retryable("HTTP " + status + ": " + abbreviate(resp.body()));
        }
        return new Answer(status, resp.body(), n, null);
    }

    static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
