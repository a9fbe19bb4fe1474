package dev.warden.detection.account;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import dev.warden.contracts.activity.AccountType;
import dev.warden.contracts.activity.ActivityEvent;
import dev.warden.contracts.activity.ActivityType;
import dev.warden.contracts.activity.ChatType;
import dev.warden.contracts.activity.ClientType;
import dev.warden.detection.features.FeatureUpdater;

/**
 * The account {@code state-layout4.hex} was written for (by the layout-4 serde): a bot in a burst, a message
 * every second for 200 s to strangers, after a week of a message an hour, with fired rules and a silence.
 */
final class AccountStateLayout4Fixture {

    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    static final long GRACE = 300_000;

    private AccountStateLayout4Fixture() {
    }

    static AccountState state() {
        AccountState s = new AccountState();
        events().forEach(e -> apply(s, e));
        long w = s.watermarkMillis;
        s.lastFiredMillis.put("bulk.registration-burst", w - 90_000);
        s.lastFiredMillis.put("bulk.stranger-outreach", w - 1_000);
        s.silencedFromMillis = w - 1_000;
        s.silencedUntilMillis = w + 3_599_000;
        s.campaignAccounts = 12;
        s.campaignSeenMillis = w - 30_000;
        return s;
    }

    /** The account's events, the same on every call. */
    static List<ActivityEvent> events() {
        List<ActivityEvent> events = new ArrayList<>();
        Random r = new Random(2026_12_01);
        events.add(ActivityEvent.builder(id(r), "acc-fixture4", ActivityType.ACCOUNT_REGISTERED, T0.minus(Duration.ofDays(8)))
                .accountType(AccountType.PRIVATE).clientType(ClientType.UNOFFICIAL_CLIENT).country("BR")
                .contactEmail("bot@example.org").locale("pt").build());
        for (int h = 7 * 24; h > 0; h--) {
            events.add(message(r, T0.minus(Duration.ofHours(h)), 1 + r.nextInt(3), r.nextInt(2)));
        }
        for (int i = 0; i < 200; i++) {
            events.add(message(r, T0.plusSeconds(i), 1 + r.nextInt(4), 1 + r.nextInt(4)));
        }
        return events;
    }

    static ActivityEvent message(Random r, Instant at, int recipients, int strangers) {
        return ActivityEvent.builder(id(r), "acc-fixture4", ActivityType.MESSAGE_SENT, at).chatType(ChatType.DIRECT)
                .recipientCount(recipients).recipientsInContacts(Math.max(0, recipients - strangers))
                .contentFingerprint("fp-" + r.nextInt(3)).build();
    }

    private static String id(Random r) {
        return new UUID(r.nextLong(), r.nextLong()).toString();
    }

    static void apply(AccountState s, ActivityEvent e) {
        if (s.remember(e.eventId(), e.occurredAt().toEpochMilli(), GRACE)) {
            FeatureUpdater.apply(s, e, GRACE, 10);
        }
    }
}
