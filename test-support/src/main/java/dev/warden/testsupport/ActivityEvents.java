package dev.warden.testsupport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.warden.contracts.activity.AccountType;
import dev.warden.contracts.activity.ActivityEvent;
import dev.warden.contracts.activity.ActivityType;
import dev.warden.contracts.activity.ChatType;
import dev.warden.contracts.activity.ClientType;

/** Builders for the activity scenarios tests keep needing. */
public final class ActivityEvents {

    private ActivityEvents() {
    }

    public static ActivityEvent registered(String accountId, Instant at, String email, String locale) {
        return ActivityEvent.builder(UUID.randomUUID().toString(), accountId, ActivityType.ACCOUNT_REGISTERED, at)
                .accountType(AccountType.PRIVATE).clientType(ClientType.UNOFFICIAL_CLIENT).country("DE")
                .contactEmail(email).locale(locale).build();
    }

    public static ActivityEvent broadcast(String accountId, Instant at, int recipients) {
        return ActivityEvent.builder(UUID.randomUUID().toString(), accountId, ActivityType.MESSAGE_SENT, at)
                .clientType(ClientType.UNOFFICIAL_CLIENT).chatType(ChatType.BROADCAST).recipientCount(recipients)
                .recipientsInContacts(0).contentFingerprint("9f86d081884c7d659a2feaa0c55ad015").forwardCount(0)
                .isReply(false).build();
    }

    public static ActivityEvent directToContact(String accountId, Instant at) {
        return ActivityEvent.builder(UUID.randomUUID().toString(), accountId, ActivityType.MESSAGE_SENT, at)
                .clientType(ClientType.OFFICIAL_APP).chatType(ChatType.DIRECT).recipientCount(1)
                .recipientsInContacts(1).forwardCount(0).isReply(true).build();
    }

    /**
     * The published at-registration pattern: registered, then {@code messages} broadcasts to strangers
     * spread over 15 seconds, starting {@code delaySeconds} after registration.
     */
    public static List<ActivityEvent> registrationBurst(String accountId, Instant registeredAt, String email,
            String locale, int messages, int recipientsEach, long delaySeconds) {
        List<ActivityEvent> events = new ArrayList<>();
        events.add(registered(accountId, registeredAt, email, locale));
        Instant start = registeredAt.plusSeconds(delaySeconds);
        for (int i = 0; i < messages; i++) {
            events.add(broadcast(accountId, start.plusMillis(i * 15_000L / messages), recipientsEach));
        }
        return events;
    }
}
