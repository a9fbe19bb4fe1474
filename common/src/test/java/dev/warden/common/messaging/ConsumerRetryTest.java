package dev.warden.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class ConsumerRetryTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ConsumerRetry retry = retry(3, Duration.ofMillis(300), 660_000);

    @Test
    void retriesALostRaceUntilTheWorkSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        retry.run("signals", () -> {
            if (calls.incrementAndGet() < 3) {
                throw new OptimisticLockException("stale case");
            }
        });
        assertThat(calls).hasValue(3);
        assertThat(registry.get("warden.consumer.retries").tag("channel", "signals").tag("kind", "CONFLICT")
                .counter().count()).isEqualTo(2.0);
    }

    @Test
    void givesUpOnAConflictAfterTheConfiguredAttempts() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retry.run("signals", () -> {
            calls.incrementAndGet();
            throw new OptimisticLockException("stale case");
        })).hasMessageContaining("gave up after 3 attempts (CONFLICT)").hasCauseInstanceOf(OptimisticLockException.class);
        assertThat(calls).hasValue(3);
    }

    @Test
    void rethrowsAPoisonFailureAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        IllegalArgumentException poison = new IllegalArgumentException("score out of range");
        assertThatThrownBy(() -> retry.run("signals", () -> {
            calls.incrementAndGet();
            throw poison;
        })).isSameAs(poison);
        assertThat(calls).hasValue(1);
    }

    @Test
    void keepsRetryingAnUnreachableDatabaseForTheConfiguredTime() {
        AtomicInteger calls = new AtomicInteger();
        long start = System.nanoTime();
        assertThatThrownBy(() -> retry.run("mails", () -> {
            calls.incrementAndGet();
            throw new PersistenceException(new SQLException("Connection refused", "08001"));
        })).hasMessageContaining("(UNAVAILABLE)");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        // more attempts than a conflict gets: waiting for the database is not bounded by the attempt count
        assertThat(calls.get()).isGreaterThan(3);
    }

    @Test
    void refusesToStartWhenTheConnectorWouldCloseTheConsumerBeforeTheRetriesGiveUp() {
        ConsumerRetry tooShort = retry(3, Duration.ofMinutes(10), 60_000);
        assertThatThrownBy(tooShort::checkBudget).hasMessageContaining("stuck-after-ms (60000) must exceed");
        retry(3, Duration.ofMinutes(10), 660_000).checkBudget();
    }

    private ConsumerRetry retry(int conflictAttempts, Duration unavailableFor, long stuckAfterMs) {
        ConsumerRetry r = new ConsumerRetry();
        r.registry = registry;
        r.config = new ConsumerRetryConfig() {
            public int conflictAttempts() {
                return conflictAttempts;
            }

            public Duration unavailableFor() {
                return unavailableFor;
            }

            public Duration initialBackoff() {
                return Duration.ofMillis(10);
            }

            public Duration maxBackoff() {
                return Duration.ofMillis(40);
            }

            public Duration stuckAfter() {
                return Duration.ofMillis(stuckAfterMs);
            }
        };
        return r;
    }
}
