package dev.warden.detection.rules;

import dev.warden.contracts.activity.ActivityEvent;
import dev.warden.detection.account.AccountState;
import dev.warden.detection.config.DetectionConfig;

/** Updates an account's state with one event. Pure: no Kafka, easy to unit-test. */
final class AccountFeatures {

    private AccountFeatures() {
    }

    /** @return whether the event counted (false for events older than the late-event grace) */
    static boolean apply(AccountState s, ActivityEvent e, DetectionConfig config) {
        long at = e.occurredAt().toEpochMilli();
        if (s.watermarkMillis > 0 && at < s.watermarkMillis - config.lateEventGrace().toMillis()) {
            return false;
        }
        s.watermarkMillis = Math.max(s.watermarkMillis, at);
        switch (e.type()) {
            case ACCOUNT_REGISTERED -> {
                s.registeredAt = e.occurredAt();
                profile(s, e);
            }
            case PROFILE_UPDATED -> profile(s, e);
            case MESSAGE_SENT -> message(s, e, config);
            case USER_REPORT -> { }
        }
        expire(s, config);
        return true;
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

    private static void message(AccountState s, ActivityEvent e, DetectionConfig config) {
        if (e.clientType() != null) {
            s.clientType = e.clientType().name();
        }
        long second = e.occurredAt().getEpochSecond();
        AccountState.SecondBucket bucket = s.buckets.stream().filter(b -> b.second == second).findFirst()
                .orElseGet(() -> {
                    AccountState.SecondBucket b = new AccountState.SecondBucket(second);
                    s.buckets.add(b);
                    s.buckets.sort((x, y) -> Long.compare(x.second, y.second));
                    return b;
                });
        bucket.messages++;
        bucket.recipients += e.recipientCount();
        bucket.nonContactRecipients += e.recipientCount() - e.recipientsInContacts();
        s.sampleEventIds.add(e.eventId());
        while (s.sampleEventIds.size() > config.sampleEventIds()) {
            s.sampleEventIds.remove(0);
        }
    }

    /** Drops buckets that fell out of the longest rule window: state stays bounded per account. */
    private static void expire(AccountState s, DetectionConfig config) {
        long horizon = (s.watermarkMillis - config.registrationBurst().window().toMillis()
                - config.lateEventGrace().toMillis()) / 1000;
        s.buckets.removeIf(b -> b.second < horizon);
    }
}
