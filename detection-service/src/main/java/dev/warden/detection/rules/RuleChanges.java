package dev.warden.detection.rules;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Tells the stream threads that the global rules store changed, so they re-read it only then and
 * not on every event. One per topology: the global-store updater bumps it after each write.
 */
public final class RuleChanges {

    private final AtomicLong generation = new AtomicLong();

    void changed() {
        generation.incrementAndGet();
    }

    long generation() {
        return generation.get();
    }
}
