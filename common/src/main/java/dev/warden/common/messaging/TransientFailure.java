package dev.warden.common.messaging;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;

/**
 * Tells a failure the record is not to blame for (a concurrent writer, a database that is briefly away)
 * from one it is (a bad value, a broken invariant). Only the latter belongs in a dead-letter topic.
 */
public enum TransientFailure {
    /** Not transient: the record goes to the dead-letter topic at once. */
    NONE,
    /** Lost a race with another writer (optimistic lock, serialization failure, deadlock, unique key): retry a few times. */
    CONFLICT,
    /** The database cannot be reached or refuses work: retry until it is back (bounded by configuration). */
    UNAVAILABLE;

    /** Walks the cause chain; the most specific transient cause found wins. */
    public static TransientFailure of(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            TransientFailure kind = classify(t);
            if (kind != NONE) {
                return kind;
            }
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                TransientFailure next = of(sql.getNextException());
                if (next != NONE) {
                    return next;
                }
            }
        }
        return NONE;
    }

    private static TransientFailure classify(Throwable t) {
        if (t instanceof OptimisticLockException || t instanceof PessimisticLockException
                || t instanceof LockTimeoutException) {
            return CONFLICT;
        }
        if (t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException) {
            return UNAVAILABLE;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            return bySqlState(sql.getSQLState());
        }
        if (t instanceof SQLException sql && isPoolTimeout(sql)) {
            return UNAVAILABLE;
        }
        return NONE;
    }

    /**
     * Agroal's "Sorry, acquisition timeout!" / "Acquisition timeout while waiting for new connection":
     * no SQLState, and the pool's wait for a connection (full pool, unreachable server) ran out.
     */
    private static boolean isPoolTimeout(SQLException e) {
        String message = e.getMessage();
        return e.getCause() instanceof java.util.concurrent.TimeoutException
                || (message != null && message.toLowerCase(java.util.Locale.ROOT).contains("acquisition timeout"));
    }

    /** PostgreSQL error codes (appendix A of its manual). */
    static TransientFailure bySqlState(String state) {
        return switch (state) {
            // serialization_failure, deadlock_detected, lock_not_available, unique_violation (a concurrent insert)
            case "40001", "40P01", "55P03", "23505" -> CONFLICT;
            // admin/crash shutdown, cannot connect now, too many connections
            case "57P01", "57P02", "57P03", "53300" -> UNAVAILABLE;
            // class 08: connection exception
            default -> state.startsWith("08") ? UNAVAILABLE : NONE;
        };
    }
}
