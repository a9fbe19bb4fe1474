package dev.warden.detection.campaign;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decides which (account, fingerprint) sightings go to the fingerprint repartition: the campaign rule only
 * needs the distinct senders of a fingerprint, so an account repeating a fingerprint is forwarded the first
 * time and then at most once per {@link #REFRESH_MILLIS} of event time (which keeps the tracker's "last
 * seen", from which members expire after an hour, at most that far behind). Per task, in memory, bounded
 * (least recently used entries are dropped): forgetting an entry — eviction, restart, rebalance — only
 * forwards one sighting again, which the tracker treats as a known member. Not thread-safe: one per processor.
 */
public final class SightingDedupe {

    /** How often a repeated fingerprint of one account is forwarded again (event time). */
    public static final long REFRESH_MILLIS = 300_000L;
    /** Entries kept per task (≈ 200 B each: account id, fingerprint, time). */
    public static final int MAX_ENTRIES = 20_000;

    private final int maxEntries;
    private final Map<String, long[]> forwardedAt;

    public SightingDedupe() {
        this(MAX_ENTRIES);
    }

    SightingDedupe(int maxEntries) {
        this.maxEntries = maxEntries;
        this.forwardedAt = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
                return size() > SightingDedupe.this.maxEntries;
            }
        };
    }

    /** @return whether this sighting must be forwarded; if so it is remembered as forwarded at {@code atMillis} */
    public boolean shouldForward(String account, String fingerprint, long atMillis) {
        String key = account + '\t' + fingerprint;
        long[] last = forwardedAt.get(key);
        if (last == null) {
            forwardedAt.put(key, new long[] {atMillis});
            return true;
        }
        if (atMillis - last[0] >= REFRESH_MILLIS) {
            last[0] = atMillis;
            return true;
        }
        return false;
    }

    public void clear() {
        forwardedAt.clear();
    }

    int size() {
        return forwardedAt.size();
    }
}
