package dev.warden.detection.account;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What detection remembers of one account, in a changelogged state store. Bounded by design: second
 * buckets cover the short burst window, five-minute buckets the hour, hour buckets the day, and every
 * list has a cap.
 * Serialized compactly by {@link AccountStateSerde} (target ≤ 1 KB per active account).
 */
public class AccountState {

    /** The changelogged state store the account detector keeps this in. */
    public static final String STORE = "account-state";

    public static final int MAX_INTERVALS = 24;
    public static final int MAX_FINGERPRINTS = 4;
    public static final int MAX_REPORTERS = 16;
    /** Five-minute buckets: the hour window (12) plus the late-event grace. */
    public static final long SLOT_SECONDS = 300;
    /** Hour buckets: the day window (24) plus the late-event grace. */
    public static final long HOUR_SECONDS = 3600;

    public long registeredAtMillis;
    public String accountType;
    public String clientType;
    public String country;
    public String contactEmail;
    public String locale;
    /** Newest event time seen: the clock that expires buckets (event time, not wall time). */
    public long watermarkMillis;
    /** Per-second counts for the short (burst) window, oldest first: {@link Second} names the counters. */
    public final Buckets seconds = new Buckets(Second.FIELDS);
    /** Per-five-minute aggregates for the hour window, oldest first: {@link Slot} names the counters. */
    public final Buckets slots = new Buckets(Slot.FIELDS);
    /** Per-hour aggregates for the day window, oldest first: {@link Hour} names the counters. */
    public final Buckets hours = new Buckets(Hour.FIELDS);
    /** Event time of the newest message (for inter-message intervals). */
    public long lastMessageMillis;
    /** The most recent inter-message intervals in ms, oldest first. */
    public final Intervals intervalsMillis = new Intervals();
    /** Most repeated content fingerprints (a small heavy-hitter table), forgotten 24 h after last use. */
    public final Fingerprints fingerprints = new Fingerprints();
    /** Distinct accounts that reported this one, with when (minute of event time). */
    public List<Reporter> reporters = new ArrayList<>();
    /** Largest number of distinct accounts seen sending one of this account's fingerprints. */
    public int campaignAccounts;
    public long campaignSeenMillis;
    /** Digests of recently processed event ids: a replayed event changes nothing. */
    public final ReplayGuard replayGuard = new ReplayGuard();
    /** Sample event ids of recent messages, newest last. */
    public final SampleEventIds sampleEventIds = new SampleEventIds();
    /** Rule id → event time (ms) it last fired: the cooldown. */
    public Map<String, Long> lastFiredMillis = new HashMap<>();
    /** After a conclusive (auto-ban level) signal the account stays silent until then: one ban, one signal. */
    public long silencedUntilMillis;
    /** Event time of the conclusive signal that started the silence. */
    public long silencedFromMillis;

    /** The counters of a second bucket. */
    public static final class Second {
        public static final int MESSAGES = 0;
        public static final int NON_CONTACT_RECIPIENTS = 1;
        static final int FIELDS = 2;

        private Second() {
        }
    }

    /** The counters of a five-minute bucket. */
    public static final class Slot {
        public static final int MESSAGES = 0;
        public static final int RECIPIENTS = 1;
        public static final int NON_CONTACT_RECIPIENTS = 2;
        public static final int REPLIES = 3;
        public static final int FORWARDS = 4;
        public static final int FANOUT_MESSAGES = 5;
        /** Non-contact recipients of group and broadcast messages: broadcast reach. */
        public static final int FANOUT_NON_CONTACT_RECIPIENTS = 6;
        static final int FIELDS = 7;

        private Slot() {
        }
    }

    /** The counters of an hour bucket. */
    public static final class Hour {
        public static final int MESSAGES = 0;
        public static final int RECIPIENTS = 1;
        public static final int NON_CONTACT_RECIPIENTS = 2;
        public static final int REPLIES = 3;
        public static final int FANOUT_NON_CONTACT_RECIPIENTS = 4;
        static final int FIELDS = 5;

        private Hour() {
        }
    }

    /**
     * At most {@value #MAX_INTERVALS} intervals, oldest first, unboxed: read and added on every message. A ring,
     * so adding to a full one moves nothing.
     */
    public static final class Intervals {
        private final int[] values = new int[MAX_INTERVALS];
        /** Where the oldest is. */
        private int start;
        private int size;

        public int size() {
            return size;
        }

        /** @param i 0 = the oldest */
        public int get(int i) {
            int k = start + i;
            return values[k < values.length ? k : k - values.length];
        }

        /** Appends one; when full, the oldest leaves. */
        public void add(int millis) {
            int end = start + size;
            values[end < values.length ? end : end - values.length] = millis;
            if (size == values.length) {
                start = start + 1 == values.length ? 0 : start + 1;
            } else {
                size++;
            }
        }

        public void clear() {
            start = 0;
            size = 0;
        }
    }

    /**
     * At most {@value #MAX_FINGERPRINTS} fingerprints with their counts, in one flat array: read on every message,
     * and a new one (most messages of a legitimate account) is written in place instead of allocated.
     */
    public static final class Fingerprints {
        private static final int HASH = 0;
        private static final int MESSAGES = 1;
        private static final int NON_CONTACT_RECIPIENTS = 2;
        private static final int LAST_SEEN = 3;
        private static final int STRIDE = 4;
        private final long[] table = new long[MAX_FINGERPRINTS * STRIDE];
        private int size;

        public int size() {
            return size;
        }

        public long hash(int i) {
            return table[i * STRIDE + HASH];
        }

        public int messages(int i) {
            return (int) table[i * STRIDE + MESSAGES];
        }

        public int nonContactRecipients(int i) {
            return (int) table[i * STRIDE + NON_CONTACT_RECIPIENTS];
        }

        public long lastSeenMillis(int i) {
            return table[i * STRIDE + LAST_SEEN];
        }

        /** Appends one; the caller keeps to {@value #MAX_FINGERPRINTS}. */
        public void add(long hash, int messages, int nonContactRecipients, long lastSeenMillis) {
            if (size == MAX_FINGERPRINTS) {
                throw new IllegalStateException("at most " + MAX_FINGERPRINTS + " fingerprints");
            }
            set(size++, hash, messages, nonContactRecipients, lastSeenMillis);
        }

        public void set(int i, long hash, int messages, int nonContactRecipients, long lastSeenMillis) {
            int at = i * STRIDE;
            table[at + HASH] = hash;
            table[at + MESSAGES] = messages;
            table[at + NON_CONTACT_RECIPIENTS] = nonContactRecipients;
            table[at + LAST_SEEN] = lastSeenMillis;
        }

        /** One more message of fingerprint {@code i}. */
        public void count(int i, int nonContactRecipients, long atMillis) {
            int at = i * STRIDE;
            table[at + MESSAGES]++;
            table[at + NON_CONTACT_RECIPIENTS] += nonContactRecipients;
            table[at + LAST_SEEN] = Math.max(table[at + LAST_SEEN], atMillis);
        }

        /** Removes fingerprint {@code i}; the others keep their order. */
        public void remove(int i) {
            System.arraycopy(table, (i + 1) * STRIDE, table, i * STRIDE, (size - i - 1) * STRIDE);
            size--;
        }
    }

    public static class Reporter {
        public int hash;
        public long atMillis;
    }

    /** A conclusive signal at {@code atMillis}: the account stays silent for {@code forMillis} of event time. */
    public void silence(long atMillis, long forMillis) {
        silencedFromMillis = atMillis;
        silencedUntilMillis = atMillis + forMillis;
    }

    /**
     * Call before the event is applied (the watermark is still the previous one).
     * @return false if this event id was seen recently (replay), true if it is new and now remembered
     */
    public boolean remember(String eventId, long eventMillis, long lateGraceMillis) {
        return replayGuard.remember(eventId, eventMillis, watermarkMillis, lateGraceMillis);
    }
}
