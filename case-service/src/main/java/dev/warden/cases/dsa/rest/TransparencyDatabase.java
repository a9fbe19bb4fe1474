package dev.warden.cases.dsa.rest;

import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import dev.warden.cases.dsa.config.DsaConfig;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.TypedGuard;

/**
 * The Transparency Database's batch endpoint (in a rest package: it speaks JAX-RS, as only the edges may) through the REST Client ({@link TransparencyDatabaseApi}),
 * called outside any transaction. A 5xx, a 429 or an I/O error is retried by a SmallRye Fault Tolerance
 * guard with exponential backoff ({@code warden.dsa.submission.max-attempts}, {@code .backoff} doubling);
 * any other answer is returned. One client per base URL, kept.
 */
@ApplicationScoped
public class TransparencyDatabase {

    private static final Logger LOG = Logger.getLogger(TransparencyDatabase.class);

    @Inject
    DsaConfig config;

    /** What the database answered, and how many calls it took. */
    public record Answer(int status, String body, int attempts, String error) {
        public boolean accepted() {
            return status == 200 || status == 201;
        }
    }

    /** A failure worth another attempt. */
    static final class Retryable extends RuntimeException {
        Retryable(String message) {
            super(message, null, false, false);
        }
    }

    private final Map<URI, TransparencyDatabaseApi> clients = new ConcurrentHashMap<>();
    private TypedGuard<Answer> guard;

    @PostConstruct
    void init() {
        DsaConfig.Submission s = config.submission();
        guard = TypedGuard.create(Answer.class)
                .withRetry().maxRetries(Math.max(0, s.maxAttempts() - 1))
                .delay(s.backoff().toMillis(), ChronoUnit.MILLIS).jitter(0, ChronoUnit.MILLIS)
                .maxDuration(s.timeout().multipliedBy(s.maxAttempts() + 1).toMillis()
                        + s.backoff().toMillis() * (1L << Math.min(20, s.maxAttempts())), ChronoUnit.MILLIS)
                .retryOn(Retryable.class)
                .withExponentialBackoff().factor(2).done()
                .done().build();
    }

    public Answer post(URI base, String token, String body) {
        AtomicInteger attempts = new AtomicInteger();
        TransparencyDatabaseApi api = clients.computeIfAbsent(base, this::client);
        try {
            return guard.call(() -> once(api, "Bearer " + token, body, attempts));
        } catch (Retryable e) {
            return new Answer(0, null, attempts.get(), e.getMessage());
        } catch (Exception e) {
            return new Answer(0, null, attempts.get(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private TransparencyDatabaseApi client(URI base) {
        long timeout = config.submission().timeout().toMillis();
        return QuarkusRestClientBuilder.newBuilder().baseUri(base)
                .connectTimeout(timeout, TimeUnit.MILLISECONDS).readTimeout(timeout, TimeUnit.MILLISECONDS)
                .disableDefaultMapper(true) // a 4xx is an answer to read, not an exception
                .build(TransparencyDatabaseApi.class);
    }

    private static Answer once(TransparencyDatabaseApi api, String authorization, String body, AtomicInteger attempts) {
        int n = attempts.incrementAndGet();
        int status;
        String answer;
        try (Response resp = api.submit(authorization, body)) {
            status = resp.getStatus();
            answer = resp.hasEntity() ? resp.readEntity(String.class) : "";
        } catch (ProcessingException e) { // connection refused or reset, timeout
            Throwable cause = e.getCause() == null ? e : e.getCause();
            LOG.warnf("DSA submission attempt %d failed: %s", n, cause.getClass().getSimpleName());
            throw new Retryable(cause.getClass().getSimpleName() + ": " + cause.getMessage());
        }
        if (status == 429 || status >= 500) {
            LOG.warnf("DSA submission attempt %d failed: HTTP %d", n, status);
            throw new Retryable("HTTP " + status + ": " + abbreviate(answer));
        }
        return new Answer(status, answer, n, null);
    }

    public static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
