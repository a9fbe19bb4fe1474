package dev.warden.local;

import dev.warden.local.PlatformState.Counts;

/**
 * When following a scenario can stop: there are bans, no mail is pending, and nothing has moved for
 * {@code quietNanos}. Times are passed in, so the rule is the same at any processing speed.
 */
final class Settling {

    private final long quietNanos;
    private Counts previous;
    private long unchangedSince;

    Settling(long quietNanos) {
        this.quietNanos = quietNanos;
    }

    /** Records the counts seen at {@code nowNanos}; true once the run has settled. */
    boolean settled(Counts c, long nowNanos) {
        if (!c.equals(previous)) {
            previous = c;
            unchangedSince = nowNanos;
        }
        return c.bans() > 0 && c.mailsPending() == 0 && nowNanos - unchangedSince >= quietNanos;
    }
}
