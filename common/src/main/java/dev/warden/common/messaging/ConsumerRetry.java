package dev.warden.common.messaging;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.faulttolerance.api.Guard;

import dev.warden.common.logging.LogSafe;

/**
 * Runs a consumer's unit of work (one transaction) again when it failed for a transient reason, so that
 * a reviewer's concurrent decision or a database restart does not send a valid record to the
 * dead-letter topic. Anything else is rethrown at once and the connector dead-letters it with the reason.
 * The partition waits meanwhile: records of one account stay in order.
 * <p>
 * Two SmallRye Fault Tolerance guards, one inside the other, because the two kinds have different
 * budgets: a lost race gets a number of attempts, an unreachable database a span of time.
 */
@ApplicationScoped
@Startup // so that checkBudget runs at start-up, not with the first record
public class ConsumerRetry {

    private static final Logger LOG = Logger.getLogger(ConsumerRetry.class);

    @Inject
    ConsumerRetryConfig config;

    @Inject
    MeterRegistry registry;

    private final Map<String, Guard[]> guards = new ConcurrentHashMap<>();

    /** Fails start-up when the connector would close a consumer before the retries give up. */
    @PostConstruct
    void checkBudget() {
        long budget = config.unavailableFor().plus(config.maxBackoff().multipliedBy(2)).toMillis();
        if (config.stuckAfter().toMillis() <= budget) {
            throw new IllegalStateException("warden.consumer.retry.stuck-after-ms (" + config.stuckAfter().toMillis()
                    + ") must exceed unavailable-for plus two backoffs (" + budget + " ms)");
        }
    }

    /** Runs {@code work}; {@code channel} names the consumer in logs and in the {@code warden.consumer.retries} metric. */
    public void run(String channel, Runnable work) {
        Guard[] g = guards.computeIfAbsent(channel, this::guardsFor);
        AtomicInteger attempts = new AtomicInteger();
        try {
            g[0].get(() -> g[1].get(() -> {
                attempts.incrementAndGet();
                work.run();
                return null;
            }, Void.class), Void.class);
        } catch (RuntimeException e) {
            TransientFailure kind = TransientFailure.of(e);
            throw kind == TransientFailure.NONE ? e
                    : new IllegalStateException("gave up after " + attempts.get() + " attempts (" + kind + "): " + LogSafe.text(e), e);
        }
    }

    /** [outer: waits out an unreachable database for unavailable-for, inner: a lost race conflict-attempts times] */
    private Guard[] guardsFor(String channel) {
        Duration unavailableFor = config.unavailableFor();
        Guard unavailable = retrying(channel, TransientFailure.UNAVAILABLE, -1, unavailableFor);
        Guard conflict = retrying(channel, TransientFailure.CONFLICT, config.conflictAttempts() - 1, unavailableFor);
        return new Guard[] {unavailable, conflict};
    }

    private Guard retrying(String channel, TransientFailure kind, int maxRetries, Duration maxDuration) {
        long initial = config.initialBackoff().toMillis();
        return Guard.create().withRetry()
                .maxRetries(maxRetries)
                .maxDuration(maxDuration.toMillis(), ChronoUnit.MILLIS)
                .delay(initial, ChronoUnit.MILLIS)
                .jitter(initial / 2, ChronoUnit.MILLIS)
                .withExponentialBackoff().factor(2).maxDelay(config.maxBackoff().toMillis(), ChronoUnit.MILLIS).done()
                .whenException(e -> TransientFailure.of(e) == kind)
                .beforeRetry(e -> {
                    counter(channel, kind).increment();
                    LOG.warnf("%s: attempt failed (%s: %s); retrying", channel, kind, LogSafe.text(e));
                })
                .done().build();
    }

    private Counter counter(String channel, TransientFailure kind) {
        return Counter.builder("warden.consumer.retries")
                .description("Consumer work retried after a transient failure")
                .tag("channel", channel).tag("kind", kind.name())
                .register(registry);
    }
}
