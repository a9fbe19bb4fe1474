package dev.warden.detection.features;

import dev.warden.contracts.activity.ActivityEvent;
import dev.warden.contracts.activity.ChatType;
import dev.warden.detection.account.AccountState;
import dev.warden.detection.account.AccountState.Hour;
import dev.warden.detection.account.AccountState.Second;
import dev.warden.detection.account.AccountState.Slot;
import dev.warden.detection.account.Buckets;

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
        Buckets seconds = s.seconds;
        int i = seconds.bucket(second);
        seconds.add(i, Second.MESSAGES, 1);
        seconds.add(i, Second.NON_CONTACT_RECIPIENTS, strangers);

        int replies = Boolean.TRUE.equals(e.isReply()) ? 1 : 0;
        boolean fanout = e.chatType() != ChatType.DIRECT;
        int fanoutStrangers = fanout ? strangers : 0;
        Buckets slots = s.slots;
        i = slots.bucket(Math.floorDiv(second, AccountState.SLOT_SECONDS));
        slots.add(i, Slot.MESSAGES, 1);
        slots.add(i, Slot.RECIPIENTS, recipients);
        slots.add(i, Slot.NON_CONTACT_RECIPIENTS, strangers);
        slots.add(i, Slot.REPLIES, replies);
        slots.add(i, Slot.FORWARDS, e.forwardCount() != null && e.forwardCount() > 0 ? 1 : 0);
        slots.add(i, Slot.FANOUT_MESSAGES, fanout ? 1 : 0);
        slots.add(i, Slot.FANOUT_NON_CONTACT_RECIPIENTS, fanoutStrangers);

        Buckets hours = s.hours;
        i = hours.bucket(Math.floorDiv(second, AccountState.HOUR_SECONDS));
        hours.add(i, Hour.MESSAGES, 1);
        hours.add(i, Hour.RECIPIENTS, recipients);
        hours.add(i, Hour.NON_CONTACT_RECIPIENTS, strangers);
        hours.add(i, Hour.REPLIES, replies);
        hours.add(i, Hour.FANOUT_NON_CONTACT_RECIPIENTS, fanoutStrangers);

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

    /** Space-saving heavy hitters: a new fingerprint replaces the least repeated one. */
    private static void fingerprint(AccountState s, long hash, int strangers, long at) {
        AccountState.Fingerprints counts = s.fingerprints;
        int min = -1;
        for (int i = 0; i < counts.size(); i++) {
            if (counts.hash(i) == hash) {
                counts.count(i, strangers, at);
                return;
            }
            if (min < 0 || counts.messages(i) < counts.messages(min)) {
                min = i;
            }
        }
        if (counts.size() < AccountState.MAX_FINGERPRINTS) {
            counts.add(hash, 1, strangers, at);
        } else if (counts.messages(min) <= 1) {
            counts.set(min, hash, 1, strangers, at);
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
        s.seconds.dropBefore(Math.floorDiv(w, 1000) - SECOND_RETENTION);
        s.slots.dropBefore(Math.floorDiv(Math.floorDiv(w - HOUR_MILLIS, 1000), AccountState.SLOT_SECONDS) - 1);
        s.hours.dropBefore(Math.floorDiv(Math.floorDiv(w - DAY_MILLIS, 1000), AccountState.HOUR_SECONDS) - 1);
        // loops, not removeIf: a predicate passed to the JDK's shared removeIf is a call the compiler cannot inline
        for (int i = s.fingerprints.size() - 1; i >= 0; i--) {
            if (s.fingerprints.lastSeenMillis(i) < w - DAY_MILLIS) {
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
