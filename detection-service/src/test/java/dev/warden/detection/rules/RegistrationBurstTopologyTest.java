package dev.warden.detection.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.warden.contracts.Topics;
import dev.warden.contracts.activity.ActivityEvent;
import dev.warden.contracts.json.WardenJson;
import dev.warden.contracts.signal.DetectionSignal;
import dev.warden.testsupport.ActivityEvents;

/** Rule edges, without a broker: exactly at threshold, one below, too old, late events, replays. */
class RegistrationBurstTopologyTest {

    private static final Instant T0 = TopologyHarness.T0;
    private TopologyHarness h;

    @BeforeEach
    void start() {
        h = new TopologyHarness();
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void firesExactlyAtTheThresholds() {
        // defaults: >= 10 messages and >= 50 non-contact recipients within 60 s
        send(ActivityEvents.registered("a", T0, null, null));
        for (int i = 0; i < 10; i++) {
            send(ActivityEvents.broadcast("a", T0.plusSeconds(30 + i), 5));
        }

        List<DetectionSignal> out = signals();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).features()).containsEntry("messagesInWindow", 10.0)
                .containsEntry("nonContactRecipientsInWindow", 50.0);
    }

    @Test
    void staysSilentOneRecipientBelowTheThreshold() {
        send(ActivityEvents.registered("a", T0, null, null));
        for (int i = 0; i < 9; i++) {
            send(ActivityEvents.broadcast("a", T0.plusSeconds(30 + i), 5));
        }
        send(ActivityEvents.broadcast("a", T0.plusSeconds(40), 4));

        assertThat(signals()).isEmpty();
    }

    @Test
    void ignoresAccountsOlderThanTheRegistrationWindow() {
        send(ActivityEvents.registered("a", T0, null, null));
        for (int i = 0; i < 50; i++) {
            send(ActivityEvents.broadcast("a", T0.plus(Duration.ofMinutes(16)).plusSeconds(i), 10));
        }

        // the hour-window rules (machine timing, stranger outreach) may see this; the at-registration rule may not
        assertThat(signals()).extracting(DetectionSignal::ruleId).doesNotContain("bulk.registration-burst");
    }

    @Test
    void countsOnlyMessagesInsideTheSlidingWindow() {
        send(ActivityEvents.registered("a", T0, null, null));
        // 10 messages of 5 strangers, but spread over 10 minutes: never 50 within 60 s
        for (int i = 0; i < 10; i++) {
            send(ActivityEvents.broadcast("a", T0.plusSeconds(61L * i), 5));
        }

        assertThat(signals()).isEmpty();
    }

    @Test
    void dropsEventsLaterThanTheGraceButAcceptsSlightlyLateOnes() {
        send(ActivityEvents.registered("a", T0, null, null));
        send(ActivityEvents.directToContact("a", T0.plus(Duration.ofMinutes(12))));
        // 6 min late relative to the newest event: beyond the 5 min grace, not counted
        for (int i = 0; i < 10; i++) {
            send(ActivityEvents.broadcast("a", T0.plus(Duration.ofMinutes(6)).plusSeconds(i), 10));
        }
        assertThat(signals()).isEmpty();
        // 2 min late, out of order: still counted
        for (int i = 0; i < 10; i++) {
            send(ActivityEvents.broadcast("a", T0.plus(Duration.ofMinutes(10)).plusSeconds(10 - i), 10));
        }
        assertThat(signals()).hasSize(1);
    }

    @Test
    void replayedEventsCountOnceAndCooldownSuppressesRepeats() {
        ActivityEvent reg = ActivityEvents.registered("a", T0, null, null);
        List<ActivityEvent> burst = ActivityEvents.registrationBurst("a", T0, null, null, 20, 5, 10).subList(1, 21);
        send(reg);
        burst.subList(0, 9).forEach(this::send);
        burst.subList(0, 9).forEach(this::send); // replay: 9 messages must not become 18
        assertThat(signals()).isEmpty();

        burst.subList(9, 20).forEach(this::send);
        assertThat(signals()).hasSize(1);
        for (int i = 0; i < 20; i++) {
            send(ActivityEvents.broadcast("a", T0.plusSeconds(100 + i), 10));
        }
        assertThat(signals()).as("cooldown").isEmpty();
    }

    @Test
    void signalIdIsDeterministicForTheSameInput() {
        List<ActivityEvent> burst = ActivityEvents.registrationBurst("a", T0, null, null, 20, 5, 10);
        burst.forEach(this::send);
        String first = signals().get(0).signalId();
        stop();
        start();

        burst.forEach(this::send);

        assertThat(signals().get(0).signalId()).isEqualTo(first);
    }

    @Test
    void deadLettersRecordsKeyedByAnotherAccount() {
        h.activity.pipeInput("someone-else", WardenJson.write(ActivityEvents.registered("a", T0, null, null)));

        var record = h.dlq.readRecord();
        assertThat(new String(record.headers().lastHeader(Topics.DLQ_REASON_HEADER).value()))
                .contains("does not match accountId");
    }

    /** The dead-letter topic holds what arrived: a key that is no UTF-8 text keeps its bytes. */
    @Test
    void deadLetterKeepsTheKeyBytesAsTheyArrived() {
        byte[] key = {'a', (byte) 0xC3, 0x28, (byte) 0xFF};
        byte[] value = WardenJson.write(ActivityEvents.registered("a", T0, null, null)).getBytes(StandardCharsets.UTF_8);
        h.driver.createInputTopic(Topics.ACTIVITY, new ByteArraySerializer(), new ByteArraySerializer()).pipeInput(key, value);

        var dead = h.driver.createOutputTopic(Topics.ACTIVITY_DLQ, new ByteArrayDeserializer(), new ByteArrayDeserializer())
                .readRecord();
        assertThat(dead.key()).isEqualTo(key);
        assertThat(dead.value()).isEqualTo(value);
        assertThat(new String(dead.headers().lastHeader(Topics.DLQ_REASON_HEADER).value(), StandardCharsets.UTF_8))
                .contains("does not match accountId");
    }

    @Test
    void anEventKeyedByItsAccountIsAcceptedAndItsSignalKeyedByTheAccount() {
        ActivityEvents.registrationBurst("acct:7._-x", T0, null, null, 20, 5, 10).forEach(this::send);

        assertThat(h.dlq.isEmpty()).isTrue();
        var signal = h.signals.readRecord();
        assertThat(signal.key()).isEqualTo("acct:7._-x");
    }

    private void send(ActivityEvent e) {
        h.send(e);
    }

    private List<DetectionSignal> signals() {
        return h.signals();
    }
}
