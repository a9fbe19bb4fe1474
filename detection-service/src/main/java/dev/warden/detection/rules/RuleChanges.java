package dev.warden.detection.rules;

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

    synchronized void changed() {
        generation++;
        notifyAll();
    }

    public long generation() {
        return generation;
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
