package dev.warden.common.messaging;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

import dev.warden.common.logging.LogSafe;

/**
 * Runs a consumer's unit of work (one transaction) again when it failed for a transient reason, so that
 * a reviewer's concurrent decision or a database restart does not send a valid record to the
 * dead-letter topic. Anything else is rethrown at once and the connector dead-letters it with the reason.
 * The partition waits meanwhile: records of one account stay in order.
 */
@ApplicationScoped
@Startup // so that checkBudget runs at start-up, not with the first record
public class ConsumerRetry {

    private static final Logger LOG = Logger.getLogger(ConsumerRetry.class);

    @Inject
    ConsumerRetryConfig config;

    @Inject
    MeterRegistry registry;

    /** Fails start-up when the connector would close a consumer before the retries give up. */
    @PostConstruct
    void checkBudget() {
        long budget = config.unavailableFor().plus(config.maxBackoff().multipliedBy(2)).toMillis();
        if (config.stuckAfterMs() <= budget) {
            throw new IllegalStateException("warden.consumer.retry.stuck-after-ms (" + config.stuckAfterMs()
                    + ") must exceed unavailable-for plus two backoffs (" + budget + " ms)");
        }
    }

    /** Runs {@code work}; {@code channel} names the consumer in logs and in the {@code warden.consumer.retries} metric. */
    public void run(String channel, Runnable work) {
        long started = System.nanoTime();
        long backoffMillis = config.initialBackoff().toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                work.run();
                return;
            } catch (RuntimeException e) {
                TransientFailure kind = TransientFailure.of(e);
                if (!shouldRetry(kind, attempt, System.nanoTime() - started)) {
                    throw kind == TransientFailure.NONE ? e
                            : new IllegalStateException("gave up after " + attempt + " attempts (" + kind + "): " + e, e);
                }
                counter(channel, kind).increment();
                long wait = backoffMillis + ThreadLocalRandom.current().nextLong(backoffMillis / 2 + 1);
                LOG.warnf("%s: attempt %d failed (%s: %s); retrying in %d ms", channel, attempt, kind, LogSafe.text(e), wait);
                sleep(wait, e);
                backoffMillis = Math.min(backoffMillis * 2, config.maxBackoff().toMillis());
            }
        }
    }

    boolean shouldRetry(TransientFailure kind, int attempt, long elapsedNanos) {
        return switch (kind) {
            case NONE -> false;
            case CONFLICT -> attempt < config.conflictAttempts();
            case UNAVAILABLE -> elapsedNanos < config.unavailableFor().toNanos();
        };
    }

    private Counter counter(String channel, TransientFailure kind) {
        return Counter.builder("warden.consumer.retries")
                .description("Consumer work retried after a transient failure")
                .tag("channel", channel).tag("kind", kind.name())
                .register(registry);
    }

    private static void sleep(long millis, RuntimeException cause) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            cause.addSuppressed(ie);
            throw new IllegalStateException("interrupted while waiting to retry: " + cause, cause);
        }
    }
}
