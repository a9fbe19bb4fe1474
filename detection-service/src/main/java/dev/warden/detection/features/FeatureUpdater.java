package dev.warden.detection.features;

import java.util.List;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;

import dev.warden.contracts.activity.ActivityEvent;
import dev.warden.contracts.activity.ChatType;
import dev.warden.detection.account.AccountState;

/** Folds one event into an account's state and expires what left the windows. Pure: no Kafka. */
public final class FeatureUpdater {

    /** Second buckets are kept for the burst window plus this much lateness. */
    public static final long SECOND_RETENTION = 180;
    /** Slot buckets and fingerprints cover the hour plus the late-event grace. */
    public static final long HOUR_MILLIS = 3_600_000L;
    /** Hour buckets and fingerprints cover the day. */
    public static final long DAY_MILLIS = 24 * HOUR_MILLIS;
    /** Reports count for a week. */
    public static final long REPORT_MILLIS = 7 * 24 * HOUR_MILLIS;

    private FeatureUpdater() {
    }

    /** @return whether the event counted (false for events older than the late-event grace) */
    public static boolean apply(AccountState s, ActivityEvent e, long lateGraceMillis, int sampleIds) {
        long at = e.occurredAt().toEpochMilli();
        if (s.watermarkMillis > 0 && at < s.watermarkMillis - lateGraceMillis) {
            return false;
        }
        s.watermarkMillis = Math.max(s.watermarkMillis, at);
        switch (e.type()) {
            case ACCOUNT_REGISTERED -> {
                s.registeredAtMillis = at;
                profile(s, e);
            }
            case PROFILE_UPDATED -> profile(s, e);
            case MESSAGE_SENT -> message(s, e, at, sampleIds);
            case USER_REPORT -> report(s, e, at);
        }
        expire(s);
        return true;
    }

    /**
     * Other accounts send one of this account's fingerprints: remember the largest campaign seen (for the
     * features view). Does not move the watermark: cross-account news must not make the account's own
     * events late, or the outcome would depend on when the news arrived.
     */
    public static void campaign(AccountState s, int accounts, long atMillis) {
        if (s.campaignSeenMillis < s.watermarkMillis - HOUR_MILLIS) {
            s.campaignAccounts = 0;
        }
        s.campaignAccounts = Math.max(s.campaignAccounts, accounts);
        s.campaignSeenMillis = Math.max(s.campaignSeenMillis, atMillis);
        expire(s);
    }

    private static void profile(AccountState s, ActivityEvent e) {
        if (e.accountType() != null) {
            s.accountType = e.accountType().name();
        }
        if (e.clientType() != null) {
            s.clientType = e.clientType().name();
        }
        if (e.country() != null) {
            s.country = e.country();
        }
        if (e.contactEmail() != null) {
            s.contactEmail = e.contactEmail();
        }
        if (e.locale() != null) {
            s.locale = e.locale();
        }
    }

    private static void message(AccountState s, ActivityEvent e, long at, int sampleIds) {
        if (e.clientType() != null) {
            s.clientType = e.clientType().name();
        }
        int recipients = e.recipientCount();
        int strangers = recipients - e.recipientsInContacts();

        long second = Math.floorDiv(at, 1000);
        AccountState.SecondBucket sb = bucket(s.seconds, second, x -> x.second, AccountState.SecondBucket::new);
        sb.messages++;
        sb.nonContactRecipients += strangers;

        long slot = Math.floorDiv(second, AccountState.SLOT_SECONDS);
        AccountState.SlotBucket b = bucket(s.slots, slot, x -> x.slot, AccountState.SlotBucket::new);
        b.messages++;
        b.recipients += recipients;
        b.nonContactRecipients += strangers;
        b.replies += Boolean.TRUE.equals(e.isReply()) ? 1 : 0;
        b.forwards += e.forwardCount() != null && e.forwardCount() > 0 ? 1 : 0;
        boolean fanout = e.chatType() != ChatType.DIRECT;
        b.fanoutMessages += fanout ? 1 : 0;
        b.fanoutNonContactRecipients += fanout ? strangers : 0;

        long hour = Math.floorDiv(second, AccountState.HOUR_SECONDS);
        AccountState.HourBucket h = bucket(s.hours, hour, x -> x.hour, AccountState.HourBucket::new);
        h.messages++;
        h.recipients += recipients;
        h.nonContactRecipients += strangers;
        h.replies += Boolean.TRUE.equals(e.isReply()) ? 1 : 0;
        h.fanoutNonContactRecipients += fanout ? strangers : 0;

        // intervals only from in-order messages: a late one says nothing about the sender's rhythm
        if (s.lastMessageMillis > 0 && at >= s.lastMessageMillis) {
            s.intervalsMillis.add((int) Math.min(Integer.MAX_VALUE, at - s.lastMessageMillis));
        }
        s.lastMessageMillis = Math.max(s.lastMessageMillis, at);

        if (e.contentFingerprint() != null) {
            fingerprint(s, fingerprintHash(e.contentFingerprint()), strangers, at);
        }
        s.sampleEventIds.add(e.eventId(), sampleIds);
    }

    /**
     * The bucket for {@code key} in a list sorted by key, inserted in place if missing. Most messages fall in the
     * newest bucket: that test stays small enough for the compiler to inline here at each call, where
     * {@code keyOf} has one class; the search and insertion are out of line.
     */
    private static <B> B bucket(List<B> buckets, long key, ToLongFunction<B> keyOf, LongFunction<B> create) {
        int last = buckets.size() - 1;
        if (last >= 0) {
            B newest = buckets.get(last);
            if (keyOf.applyAsLong(newest) == key) {
                return newest;
            }
        }
        return insert(buckets, key, keyOf, create);
    }

    /** The bucket for {@code key}, searched from the newest end, inserted in place if missing. */
    private static <B> B insert(List<B> buckets, long key, ToLongFunction<B> keyOf, LongFunction<B> create) {
        int i = buckets.size() - 1;
        while (i >= 0 && keyOf.applyAsLong(buckets.get(i)) > key) {
            i--;
        }
        if (i >= 0 && keyOf.applyAsLong(buckets.get(i)) == key) {
            return buckets.get(i);
        }
        B b = create.apply(key);
        buckets.add(i + 1, b);
        return b;
    }

    /** Space-saving heavy hitters: a new fingerprint replaces the least repeated one. */
    private static void fingerprint(AccountState s, long hash, int strangers, long at) {
        List<AccountState.FingerprintCount> counts = s.fingerprints;
        int min = -1;
        for (int i = 0; i < counts.size(); i++) {
            AccountState.FingerprintCount f = counts.get(i);
            if (f.hash == hash) {
                f.messages++;
                f.nonContactRecipients += strangers;
                f.lastSeenMillis = Math.max(f.lastSeenMillis, at);
                return;
            }
            if (min < 0 || f.messages < counts.get(min).messages) {
                min = i;
            }
        }
        AccountState.FingerprintCount f = new AccountState.FingerprintCount();
        f.hash = hash;
        f.messages = 1;
        f.nonContactRecipients = strangers;
        f.lastSeenMillis = at;
        if (counts.size() < AccountState.MAX_FINGERPRINTS) {
            counts.add(f);
        } else if (counts.get(min).messages <= 1) {
            counts.set(min, f);
        }
    }

    private static void report(AccountState s, ActivityEvent e, long at) {
        int hash = e.reporterAccountId().hashCode();
        for (AccountState.Reporter r : s.reporters) {
            if (r.hash == hash) {
                r.atMillis = Math.max(r.atMillis, at);
                return;
            }
        }
        AccountState.Reporter r = new AccountState.Reporter();
        r.hash = hash;
        r.atMillis = at;
        s.reporters.add(r);
        if (s.reporters.size() > AccountState.MAX_REPORTERS) {
            s.reporters.remove(0);
        }
    }

    /** Drops everything that fell out of its window: state stays bounded per account. */
    static void expire(AccountState s) {
        long w = s.watermarkMillis;
        // the bucket lists are sorted by key (bucket() keeps them so): what expired is a prefix
        dropBefore(s.seconds, Math.floorDiv(w, 1000) - SECOND_RETENTION, b -> b.second);
        dropBefore(s.slots, Math.floorDiv(Math.floorDiv(w - HOUR_MILLIS, 1000), AccountState.SLOT_SECONDS) - 1,
                b -> b.slot);
        dropBefore(s.hours, Math.floorDiv(Math.floorDiv(w - DAY_MILLIS, 1000), AccountState.HOUR_SECONDS) - 1,
                b -> b.hour);
        // loops, not removeIf: a predicate passed to the JDK's shared removeIf is a call the compiler cannot inline
        for (int i = s.fingerprints.size() - 1; i >= 0; i--) {
            if (s.fingerprints.get(i).lastSeenMillis < w - DAY_MILLIS) {
                s.fingerprints.remove(i);
            }
        }
        for (int i = s.reporters.size() - 1; i >= 0; i--) {
            if (s.reporters.get(i).atMillis < w - REPORT_MILLIS) {
                s.reporters.remove(i);
            }
        }
        if (s.campaignSeenMillis > 0 && s.campaignSeenMillis < w - HOUR_MILLIS) {
            s.campaignAccounts = 0;
            s.campaignSeenMillis = 0;
        }
        if (s.lastMessageMillis > 0 && s.lastMessageMillis < w - HOUR_MILLIS) {
            s.intervalsMillis.clear();
        }
    }

    /**
     * Removes the buckets whose key is below {@code horizon} from a list sorted by key. As in {@link #bucket}, the
     * usual case (nothing to remove) is small enough to inline, and the removal is out of line.
     */
    private static <B> void dropBefore(List<B> buckets, long horizon, ToLongFunction<B> keyOf) {
        if (!buckets.isEmpty() && keyOf.applyAsLong(buckets.get(0)) < horizon) {
            drop(buckets, horizon, keyOf);
        }
    }

    private static <B> void drop(List<B> buckets, long horizon, ToLongFunction<B> keyOf) {
        int expired = 1;
        while (expired < buckets.size() && keyOf.applyAsLong(buckets.get(expired)) < horizon) {
            expired++;
        }
        buckets.subList(0, expired).clear();
    }

    /**
     * {@code h = 31 h + c} over the characters from 1125899906842597 (kept in the changelog, so it must not
     * change), four characters per step: the same polynomial with a quarter of the dependent multiplications.
     */
    public static long fingerprintHash(String fingerprint) {
        long h = 1125899906842597L;
        int n = fingerprint.length();
        int i = 0;
        for (; i + 3 < n; i += 4) {
            h = h * 923_521L + fingerprint.charAt(i) * 29_791L + fingerprint.charAt(i + 1) * 961L
                    + fingerprint.charAt(i + 2) * 31L + fingerprint.charAt(i + 3);
        }
        for (; i < n; i++) {
            h = 31 * h + fingerprint.charAt(i);
        }
        return h;
    }
}
