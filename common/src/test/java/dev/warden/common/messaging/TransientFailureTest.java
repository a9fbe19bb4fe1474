package dev.warden.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;

import org.junit.jupiter.api.Test;

class TransientFailureTest {

    @Test
    void lostRacesAreConflicts() {
        assertThat(TransientFailure.of(new OptimisticLockException("stale case"))).isEqualTo(TransientFailure.CONFLICT);
        assertThat(TransientFailure.of(wrapped(new SQLException("could not serialize", "40001"))))
                .isEqualTo(TransientFailure.CONFLICT);
        assertThat(TransientFailure.of(wrapped(new SQLException("deadlock detected", "40P01"))))
                .isEqualTo(TransientFailure.CONFLICT);
        assertThat(TransientFailure.of(wrapped(new SQLException("duplicate key", "23505"))))
                .isEqualTo(TransientFailure.CONFLICT);
    }

    @Test
    void anUnreachableDatabaseIsUnavailable() {
        assertThat(TransientFailure.of(wrapped(new SQLException("Connection refused", "08001"))))
                .isEqualTo(TransientFailure.UNAVAILABLE);
        assertThat(TransientFailure.of(wrapped(new SQLException("terminating connection", "57P01"))))
                .isEqualTo(TransientFailure.UNAVAILABLE);
        assertThat(TransientFailure.of(new SQLTransientConnectionException("pool exhausted")))
                .isEqualTo(TransientFailure.UNAVAILABLE);
        // Agroal's own wording, with no SQLState
        assertThat(TransientFailure.of(wrapped(new SQLException("Sorry, acquisition timeout!"))))
                .isEqualTo(TransientFailure.UNAVAILABLE);
        assertThat(TransientFailure.of(wrapped(new SQLException("Acquisition timeout while waiting for new connection",
                new java.util.concurrent.TimeoutException())))).isEqualTo(TransientFailure.UNAVAILABLE);
    }

    @Test
    void badDataAndBugsAreNotTransient() {
        assertThat(TransientFailure.of(new IllegalArgumentException("signalId is not a UUID")))
                .isEqualTo(TransientFailure.NONE);
        assertThat(TransientFailure.of(wrapped(new SQLException("value too long", "22001"))))
                .isEqualTo(TransientFailure.NONE);
        assertThat(TransientFailure.of(wrapped(new SQLException("no state", (String) null))))
                .isEqualTo(TransientFailure.NONE);
    }

    @Test
    void findsTheCauseBehindChainedSqlExceptions() {
        SQLException batch = new SQLException("batch entry 0 failed", "XX000");
        batch.setNextException(new SQLException("deadlock detected", "40P01"));
        assertThat(TransientFailure.of(wrapped(batch))).isEqualTo(TransientFailure.CONFLICT);
    }

    @Test
    void survivesACyclicCauseChain() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(TransientFailure.of(a)).isEqualTo(TransientFailure.NONE);
    }

    private static RuntimeException wrapped(SQLException cause) {
        return new RuntimeException("commit failed", new PersistenceException("could not execute statement", cause));
    }
}
