package dev.warden.detection.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.warden.contracts.activity.AccountType;
import dev.warden.contracts.activity.ActivityEvent;
import dev.warden.contracts.activity.ActivityType;
import dev.warden.contracts.activity.ChatType;
import dev.warden.contracts.activity.ClientType;
import dev.warden.detection.features.FeatureUpdater;
import dev.warden.detection.features.Features;

/**
 * {@code state-layout3.hex} is what the layout-3 serde (32-bit replay-guard hashes) wrote for the account that
 * {@link #events()} describe. A changelog written before the upgrade must restore to the same state, and the
 * restored guard must still recognise the replays it guarded.
 */
class AccountStateLayout3Test {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final long GRACE = 300_000;

    @Test
    void aStateWrittenByLayout3RestoresWithItsFeaturesAndStillRecognisesItsReplays() throws IOException {
        List<ActivityEvent> events = events();
        AccountState now = new AccountState();
        events.forEach(e -> apply(now, e));

        AccountState restored = AccountStateSerde.read(fixture());

        long w = now.watermarkMillis;
        assertThat(restored.watermarkMillis).isEqualTo(w);
        assertThat(Features.of(restored, w)).isEqualTo(Features.of(now, w));
        assertThat(restored.sampleEventIds).isEqualTo(now.sampleEventIds);
        assertThat(restored.contactEmail).isEqualTo("x@example.org");
        assertThat(restored.replayGuard.size()).as("layout 3 kept the last 64 ids").isEqualTo(ReplayGuard.CAPACITY);
        // through layout 4 too: the old hashes stay until they fall behind the late-event grace
        AccountState rewritten = AccountStateSerde.read(AccountStateSerde.write(restored));
        for (AccountState s : List.of(restored, rewritten)) {
            for (ActivityEvent e : events.subList(events.size() - 10, events.size())) {
                assertThat(s.remember(e.eventId(), e.occurredAt().toEpochMilli(), GRACE)).as("replay of %s", e.eventId())
                        .isFalse();
            }
            assertThat(s.remember(UUID.randomUUID().toString(), w, GRACE)).as("a new event").isTrue();
        }
    }

    @Test
    void replaysWithinTheGraceAreRecognisedAndOlderOnesAreLeftToTheLatenessCheck() {
        AccountState s = new AccountState();
        List<ActivityEvent> events = events();
        events.forEach(e -> apply(s, e));
        long w = s.watermarkMillis;

        long withinGrace = events.stream().filter(e -> e.occurredAt().toEpochMilli() >= w - GRACE).count();
        for (ActivityEvent e : events) {
            long at = e.occurredAt().toEpochMilli();
            boolean late = at < w - GRACE;
            assertThat(s.remember(e.eventId(), at, GRACE)).as("replay %d ms behind", w - at).isEqualTo(late);
            if (late) {
                assertThat(FeatureUpdater.apply(s, e, GRACE, 10)).as("a late replay does not count").isFalse();
            }
        }
        assertThat(withinGrace).isGreaterThan(10);
        assertThat(s.replayGuard.size()).as("only the events within the grace are kept").isEqualTo((int) withinGrace);
    }

    private static void apply(AccountState s, ActivityEvent e) {
        if (s.remember(e.eventId(), e.occurredAt().toEpochMilli(), GRACE)) {
            FeatureUpdater.apply(s, e, GRACE, 10);
        }
    }

    private static byte[] fixture() throws IOException {
        try (InputStream in = AccountStateLayout3Test.class.getResourceAsStream("state-layout3.hex")) {
            return HexFormat.of().parseHex(new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip());
        }
    }

    /** A registration, then 90 messages 20 s apart; every ninth event id is not a UUID. */
    private static List<ActivityEvent> events() {
        Random r = new Random(2026);
        List<ActivityEvent> out = new ArrayList<>();
        out.add(ActivityEvent.builder(new UUID(r.nextLong(), r.nextLong()).toString(), "acc-fixture",
                ActivityType.ACCOUNT_REGISTERED, T0.minus(Duration.ofDays(3))).accountType(AccountType.PRIVATE)
                .clientType(ClientType.OFFICIAL_APP).country("DE").contactEmail("x@example.org").build());
        for (int i = 0; i < 90; i++) {
            String id = i % 9 == 4 ? "evt-" + i : new UUID(r.nextLong(), r.nextLong()).toString();
            out.add(ActivityEvent.builder(id, "acc-fixture", ActivityType.MESSAGE_SENT, T0.plusSeconds(20L * i + i % 7))
                    .clientType(ClientType.OFFICIAL_APP).chatType(i % 5 == 0 ? ChatType.GROUP : ChatType.DIRECT)
                    .recipientCount(i % 5 == 0 ? 8 : 1).recipientsInContacts(i % 3 == 0 ? 0 : 1)
                    .contentFingerprint(Long.toHexString(i % 6 + 1L)).forwardCount(i % 7 == 0 ? 1 : 0)
                    .isReply(i % 2 == 0).build());
        }
        return out;
    }
}
