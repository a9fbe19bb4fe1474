package dev.warden.detection.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.warden.contracts.Topics;
import dev.warden.contracts.activity.ActivityEvent;
import dev.warden.contracts.json.WardenJson;
import dev.warden.contracts.signal.DetectionSignal;
import dev.warden.contracts.signal.Violation;
import dev.warden.testsupport.ActivityEvents;
import dev.warden.testsupport.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class DetectionPipelineTest {

    private static final KafkaTestClient kafka = KafkaTestClient.shared();

    @jakarta.inject.Inject
    io.micrometer.core.instrument.MeterRegistry metrics;

    @Test
    void emitsExplainedBulkSignalWhenFreshAccountBroadcastsToStrangers() {
        String account = "acc-burst-" + UUID.randomUUID();
        Instant registered = Instant.now().minus(2, ChronoUnit.MINUTES);
        send(ActivityEvents.registrationBurst(account, registered, "h@example.org", "de", 100, 3, 60));

        List<DetectionSignal> signals = signalsFor(account, 1, Duration.ofSeconds(30));

        assertThat(signals).hasSize(1);
        DetectionSignal s = signals.get(0);
        assertThat(s.violation()).isEqualTo(Violation.BULK_MESSAGING);
        assertThat(s.ruleId()).isEqualTo("bulk.registration-burst");
        assertThat(s.score()).isGreaterThanOrEqualTo(0.95);
        assertThat(s.features().get("accountAgeSeconds")).isBetween(60.0, 75.0);
        assertThat(s.criteria()).extracting(DetectionSignal.Criterion::feature)
                .contains("messagesInWindow", "nonContactRecipientsInWindow", "accountAgeSeconds");
        assertThat(s.criteria()).allSatisfy(c -> assertThat(c.operator().equals(">=") ? c.value() >= c.threshold()
                : c.value() <= c.threshold()).as(c.feature()).isTrue());
        assertThat(s.sampleEventIds()).isNotEmpty().hasSizeLessThanOrEqualTo(10);
        assertThat(s.account().contactEmail()).isEqualTo("h@example.org");
        assertThat(s.summary()).contains("non-contacts");
    }

    @Test
    void staysSilentForAnOrdinaryUser() {
        String account = "acc-normal-" + UUID.randomUUID();
        Instant registered = Instant.now().minus(3, ChronoUnit.MINUTES);
        send(List.of(ActivityEvents.registered(account, registered, null, "en")));
        long at = 10;
        for (int i = 0; i < 30; i++) { // human rhythm: irregular gaps (clockwork would be machine timing)
            at += 1 + (i * 7 % 11);
            send(List.of(ActivityEvents.directToContact(account, registered.plusSeconds(at))));
        }
        // a marker account after it: once its signal is out, the ordinary user's events were processed
        String marker = "acc-marker-" + UUID.randomUUID();
        send(ActivityEvents.registrationBurst(marker, registered, null, null, 60, 2, 5));
        assertThat(signalsFor(marker, 1, Duration.ofSeconds(30))).hasSize(1);

        assertThat(signalsFor(account, 1, Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void replayedEventsProduceNoSecondSignal() {
        String account = "acc-replay-" + UUID.randomUUID();
        List<ActivityEvent> burst = ActivityEvents.registrationBurst(account, Instant.now().minusSeconds(120),
                null, null, 100, 3, 30);
        send(burst);
        assertThat(signalsFor(account, 1, Duration.ofSeconds(30))).hasSize(1);

        send(burst);

        assertThat(KafkaTestClient.readFor(Topics.SIGNALS, r -> account.equals(r.key()), Duration.ofSeconds(4)))
                .hasSize(1);
    }

    @Test
    void deadLettersPoisonRecordsWithAReasonAndKeepsProcessing() {
        String bad = "acc-poison-" + UUID.randomUUID();
        kafka.send(Topics.ACTIVITY, bad, "this is {not json");
        kafka.send(Topics.ACTIVITY, bad, """
                {"eventId":"%s","accountId":"%s","type":"MESSAGE_DELETED","occurredAt":"%s"}"""
                .formatted(UUID.randomUUID(), bad, Instant.now()));
        kafka.send(Topics.ACTIVITY, bad, """
                {"eventId":"%s","accountId":"%s","type":"MESSAGE_SENT","occurredAt":"%s","chatType":"DIRECT",
                 "recipientCount":-4}""".formatted(UUID.randomUUID(), bad, Instant.now()));
        String good = "acc-after-poison-" + UUID.randomUUID();
        send(ActivityEvents.registrationBurst(good, Instant.now().minusSeconds(60), null, null, 100, 3, 5));

        List<ConsumerRecord<String, String>> dead = KafkaTestClient.read(Topics.ACTIVITY_DLQ,
                r -> bad.equals(r.key()), l -> l.size() >= 3, Duration.ofSeconds(30));

        assertThat(dead).extracting(r -> KafkaTestClient.header(r, Topics.DLQ_REASON_HEADER))
                .satisfiesExactly(
                        reason -> assertThat(reason).startsWith("not valid JSON"),
                        reason -> assertThat(reason).isEqualTo("unknown type 'MESSAGE_DELETED'"),
                        reason -> assertThat(reason).contains("recipientCount"));
        assertThat(dead.get(0).value()).as("original bytes kept").isEqualTo("this is {not json");
        assertThat(signalsFor(good, 1, Duration.ofSeconds(30))).as("processing went on").hasSize(1);
    }

    @Test
    void deadLettersAbsurdValuesWithAReasonAndCountsThem() {
        String bad = "acc-absurd-" + UUID.randomUUID();
        kafka.send(Topics.ACTIVITY, bad, """
                {"eventId":"%s","accountId":"%s","type":"MESSAGE_SENT","occurredAt":"%s","chatType":"DIRECT",
                 "recipientCount":1}""".formatted(UUID.randomUUID(), bad, Instant.now().plus(Duration.ofDays(400))));
        kafka.send(Topics.ACTIVITY, bad, """
                {"eventId":"%s","accountId":"%s","type":"MESSAGE_SENT","occurredAt":"%s","chatType":"DIRECT",
                 "recipientCount":1,"forwardCount":-3}""".formatted(UUID.randomUUID(), bad, Instant.now()));
        kafka.send(Topics.ACTIVITY, bad, """
                {"eventId":"%s","accountId":"%s","type":"MESSAGE_SENT","occurredAt":"%s","chatType":"DIRECT",
                 "recipientCount":2,"recipientsInContacts":5}""".formatted(UUID.randomUUID(), bad, Instant.now()));
        kafka.send(Topics.ACTIVITY, bad, """
                {"eventId":"%s","accountId":"%s","type":"USER_REPORT","occurredAt":"%s"}"""
                .formatted(UUID.randomUUID(), bad, Instant.now()));
        String good = "acc-after-absurd-" + UUID.randomUUID();
        send(ActivityEvents.registrationBurst(good, Instant.now().minusSeconds(60), null, null, 100, 3, 5));

        List<ConsumerRecord<String, String>> dead = KafkaTestClient.read(Topics.ACTIVITY_DLQ,
                r -> bad.equals(r.key()), l -> l.size() >= 4, Duration.ofSeconds(30));

        assertThat(dead).extracting(r -> KafkaTestClient.header(r, Topics.DLQ_REASON_HEADER))
                .satisfiesExactly(
                        reason -> assertThat(reason).contains("occurredAt").contains("future"),
                        reason -> assertThat(reason).contains("forwardCount"),
                        reason -> assertThat(reason).contains("recipientsInContacts"),
                        reason -> assertThat(reason).contains("reporterAccountId"));
        assertThat(signalsFor(good, 1, Duration.ofSeconds(30))).as("the stream thread kept going").hasSize(1);
        assertThat(metrics.find("warden.activity.rejected").tag("reason", "future-timestamp").counter())
                .isNotNull().satisfies(c -> assertThat(c.count()).isGreaterThanOrEqualTo(1));
    }

    private static void send(List<ActivityEvent> events) {
        events.forEach(e -> kafka.sendJson(Topics.ACTIVITY, e.accountId(), e));
    }

    private static List<DetectionSignal> signalsFor(String account, int expected, Duration timeout) {
        return KafkaTestClient.read(Topics.SIGNALS, r -> account.equals(r.key()), l -> l.size() >= expected, timeout)
                .stream().map(r -> WardenJson.read(r.value(), DetectionSignal.class)).toList();
    }
}
