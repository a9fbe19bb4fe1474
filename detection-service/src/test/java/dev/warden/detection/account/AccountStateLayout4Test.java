package dev.warden.detection.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.warden.contracts.activity.ActivityEvent;
import dev.warden.detection.features.Features;

/**
 * {@code state-layout4.hex} is what the layout-4 serde (8-byte replay digests) wrote for the bot of
 * {@link AccountStateLayout4Fixture}. A changelog written before the upgrade restores to the same state, its
 * replays are still recognised, and the state written again takes far fewer bytes.
 */
class AccountStateLayout4Test {

    @Test
    void aStateWrittenByLayout4RestoresUnchangedAndStillRecognisesItsReplays() throws IOException {
        AccountState now = AccountStateLayout4Fixture.state();
        AccountState restored = AccountStateSerde.read(fixture());

        long w = now.watermarkMillis;
        assertThat(restored.watermarkMillis).isEqualTo(w);
        assertThat(Features.of(restored, w)).isEqualTo(Features.of(now, w));
        assertThat(restored.replayGuard).as("the digests, narrowed to the 48 bits kept now").isEqualTo(now.replayGuard);
        assertThat(restored.sampleEventIds).isEqualTo(now.sampleEventIds);
        assertThat(restored.lastFiredMillis).isEqualTo(now.lastFiredMillis);
        assertThat(restored.silencedFromMillis).isEqualTo(now.silencedFromMillis);
        assertThat(restored.silencedUntilMillis).isEqualTo(now.silencedUntilMillis);
        assertThat(AccountStateSerde.write(restored)).isEqualTo(AccountStateSerde.write(now));

        // the replays of the burst's last events are still dropped, after the upgrade and after a rewrite
        AccountState rewritten = AccountStateSerde.read(AccountStateSerde.write(restored));
        List<ActivityEvent> events = AccountStateLayout4Fixture.events();
        for (AccountState s : List.of(restored, rewritten)) {
            for (ActivityEvent e : events.subList(events.size() - 10, events.size())) {
                assertThat(s.remember(e.eventId(), e.occurredAt().toEpochMilli(), AccountStateLayout4Fixture.GRACE))
                        .as("replay of %s", e.eventId()).isFalse();
            }
            assertThat(s.remember(UUID.randomUUID().toString(), w, AccountStateLayout4Fixture.GRACE)).as("a new event")
                    .isTrue();
        }
    }

    @Test
    void layout5WritesABotInABurstInFewerBytesThanLayout4() throws IOException {
        AccountState bot = AccountStateLayout4Fixture.state();
        int layout4 = fixture().length;
        int layout5 = AccountStateSerde.write(bot).length;
        System.out.printf("bot in a burst (%d second buckets, %d replay digests): layout 4 %d B, layout 5 %d B%n",
                bot.seconds.size(), bot.replayGuard.size(), layout4, layout5);
        // a byte per second bucket (its distance to the previous one, its counts packed) and two per digest, at least
        assertThat(layout5).isLessThanOrEqualTo(layout4 - bot.seconds.size() - 2 * bot.replayGuard.size());
    }

    private static byte[] fixture() throws IOException {
        try (InputStream in = AccountStateLayout4Test.class.getResourceAsStream("state-layout4.hex")) {
            return HexFormat.of().parseHex(new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip());
        }
    }
}
