package dev.warden.detection.account;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What detection remembers of one account, in a changelogged state store. Bounded by design: the
 * per-second buckets cover one rule window, the replay guard keeps a fixed number of event-id hashes.
 */
@RegisterForReflection
public class AccountState {

    static final int REPLAY_GUARD_SIZE = 64;

    public Instant registeredAt;
    public String accountType;
    public String clientType;
    public String country;
    public String contactEmail;
    public String locale;
    /** Newest event time seen: the clock that expires buckets (event time, not wall time). */
    public long watermarkMillis;
    public List<SecondBucket> buckets = new ArrayList<>();
    /** Hashes of recently processed event ids, oldest first: a replayed event changes nothing. */
    public List<Long> recentEventHashes = new ArrayList<>();
    /** Sample event ids of the current window, newest last. */
    public List<String> sampleEventIds = new ArrayList<>();
    /** Rule id → event time (ms) it last fired: the cooldown. */
    public Map<String, Long> lastFiredMillis = new HashMap<>();

    /** Messages sent within one second of event time. */
    @RegisterForReflection
    public static class SecondBucket {
        public long second;
        public int messages;
        public int recipients;
        public int nonContactRecipients;

        public SecondBucket() {
        }

        public SecondBucket(long second) {
            this.second = second;
        }
    }

    /** @return false if this event id was seen recently (replay), true if it is new and now remembered */
    public boolean remember(String eventId) {
        long hash = hash(eventId);
        if (recentEventHashes.contains(hash)) {
            return false;
        }
        recentEventHashes.add(hash);
        if (recentEventHashes.size() > REPLAY_GUARD_SIZE) {
            recentEventHashes.remove(0);
        }
        return true;
    }

    private static long hash(String s) {
        long h = 1125899906842597L;
        for (int i = 0; i < s.length(); i++) {
            h = 31 * h + s.charAt(i);
        }
        return h;
    }
}
