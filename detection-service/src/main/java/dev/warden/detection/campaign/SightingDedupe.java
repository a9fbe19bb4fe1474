package dev.warden.detection.campaign;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decides which (account, fingerprint) sightings go to the fingerprint repartition: the tracker only needs,
 * per campaign window, each sender's earliest sighting, so an account repeating a fingerprint is forwarded
 * the first time in each {@link #BUCKET_MILLIS} bucket of event time (windows are made of whole buckets).
 * Per task, in memory, bounded (least recently used entries are dropped): forgetting an entry — eviction,
 * restart, rebalance — only forwards a sighting again, which the tracker treats as a known member, so the
 * outcome does not depend on it. Not thread-safe: one per processor.
 */
public final class SightingDedupe {

    /** Campaign windows hop by this much of event time; a sender is forwarded once per bucket. */
    public static final long BUCKET_MILLIS = 1_800_000L;
    /** Entries kept per task (≈ 200 B each: account id, fingerprint, bucket). */
    public static final int MAX_ENTRIES = 20_000;

    private final int maxEntries;
    private final Map<String, long[]> forwardedBucket;

    public SightingDedupe() {
        this(MAX_ENTRIES);
    }

    SightingDedupe(int maxEntries) {
        this.maxEntries = maxEntries;
        this.forwardedBucket = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
                return size() > SightingDedupe.this.maxEntries;
            }
        };
    }

    /** @return whether this sighting must be forwarded; if so its bucket is remembered */
    public boolean shouldForward(String account, String fingerprint, long atMillis) {
        String key = account + '\t' + fingerprint;
        long bucket = Math.floorDiv(atMillis, BUCKET_MILLIS);
        long[] last = forwardedBucket.get(key);
        if (last == null) {
            forwardedBucket.put(key, new long[] {bucket});
            return true;
        }
        if (last[0] != bucket) {
            last[0] = bucket;
            return true;
        }
        return false;
    }

    public void clear() {
        forwardedBucket.clear();
    }

    int size() {
        return forwardedBucket.size();
    }
}
