package dev.warden.detection.rules;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

/**
 * Tells readers that the global rules store changed: stream threads re-read it only then, not on every
 * event, and the admin API waits on it (no polling) until a version it wrote is in force. One per
 * topology: the global-store updater bumps it after each write.
 * The application's topology and the admin API share the one bean; tests may build their own.
 */
@Singleton
public final class RuleChanges {

    /** Volatile: stream threads read it on every event without taking the lock. */
    private volatile long generation;
    /** Every definition read since, as the one object all tasks hold: see {@link #shared}. */
    private final Map<RuleDefinition, RuleDefinition> shared = new ConcurrentHashMap<>();
    private static final int MAX_SHARED = 256;

    synchronized void changed() {
        generation++;
        notifyAll();
    }

    public long generation() {
        return generation;
    }

    /**
     * The one object for a definition equal to {@code parsed}: every task parses the store on its own, and a
     * detector keeps what it derives from a definition (compiled thresholds) by identity, so tasks that take
     * turns on one stream thread would otherwise rebuild it on every event. Rules change seldom; past
     * {@value #MAX_SHARED} definitions the map starts over.
     */
    public RuleDefinition shared(RuleDefinition parsed) {
        if (shared.size() > MAX_SHARED) {
            shared.clear();
        }
        RuleDefinition before = shared.putIfAbsent(parsed, parsed);
        return before != null ? before : parsed;
    }

    /** Waits until the store changes after {@code seen}, at most {@code timeoutMillis}; returns the generation then. */
    public synchronized long awaitChangeAfter(long seen, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        long left = timeoutMillis;
        while (generation == seen && left > 0) {
            wait(left);
            left = deadline - System.currentTimeMillis();
        }
        return generation;
    }
}
