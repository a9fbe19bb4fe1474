package dev.warden.notify.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.warden.contracts.Topics;
import dev.warden.contracts.enforcement.EnforcementAction;
import dev.warden.contracts.enforcement.EnforcementEvent;
import dev.warden.contracts.json.WardenJson;
import dev.warden.contracts.notification.NotificationEvent;
import dev.warden.notify.Events;
import dev.warden.notify.delivery.Delivery;
import dev.warden.notify.delivery.DeliveryStatus;
import dev.warden.testsupport.KafkaTestClient;
import dev.warden.testsupport.WardenSmtp;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Final outcomes reach warden.notifications.v1 once, with the recipient masked. */
@QuarkusTest
class DeliveryReportTest {

    private static final KafkaTestClient kafka = KafkaTestClient.shared();

    @Inject
    DeliveryReporter reporter;

    @Test
    void aSentMailIsReportedOnceWithTheMaskedRecipientAndItsIds() {
        String to = "reported-" + UUID.randomUUID() + "@example.org";
        EnforcementEvent ban = Events.of(EnforcementAction.BANNED, "acc-report-" + UUID.randomUUID(), to, "de-AT");

        kafka.sendJson(Topics.ENFORCEMENT, ban.accountId(), ban);

        await().atMost(Duration.ofSeconds(30)).until(() -> !WardenSmtp.receivedBy(to).isEmpty());
        ConsumerRecord<String, String> record = awaitReports(ban.accountId(), 1).get(0);
        Delivery d = delivery(ban.accountId());
        NotificationEvent e = WardenJson.read(record.value(), NotificationEvent.class);
        assertThat(e).isEqualTo(new NotificationEvent(d.id.toString(), ban.eventId(), ban.caseId(), ban.accountId(),
                "banned", NotificationEvent.Audience.ACCOUNT_HOLDER, "r***@example.org", "de",
                NotificationEvent.Status.SENT, 1, d.sentAt));
        assertThat(record.value()).doesNotContain(to);
        assertThat(KafkaTestClient.header(record, "ce_id")).isEqualTo(d.id.toString());

        await().atMost(Duration.ofSeconds(10)).until(() -> reportedAt(d.id) != null);
        reporter.reportBatch();
        assertThat(KafkaTestClient.readFor(Topics.NOTIFICATIONS, r -> ban.accountId().equals(r.key()),
                Duration.ofSeconds(2))).as("reported once, not again").hasSize(1);
    }

    @Test
    void theLegalTeamsMailIsReportedWithItsAudience() {
        EnforcementEvent escalation = Events.of(EnforcementAction.ESCALATED_TO_LEGAL,
                "acc-report-legal-" + UUID.randomUUID(), "holder-" + UUID.randomUUID() + "@example.org", "de");

        kafka.sendJson(Topics.ENFORCEMENT, escalation.accountId(), escalation);

        NotificationEvent e = WardenJson.read(awaitReports(escalation.accountId(), 1).get(0).value(),
                NotificationEvent.class);
        assertThat(e.template()).isEqualTo("legal-escalation");
        assertThat(e.audience()).isEqualTo(NotificationEvent.Audience.LEGAL_TEAM);
        assertThat(e.recipient()).isEqualTo("l***@warden.example");
        assertThat(e.caseId()).isEqualTo(escalation.caseId());
    }

    @Test
    void aSkippedDeliveryIsNotReported() {
        EnforcementEvent ban = Events.of(EnforcementAction.BANNED, "acc-report-skip-" + UUID.randomUUID(), null, null);

        kafka.sendJson(Topics.ENFORCEMENT, ban.accountId(), ban);

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Delivery d = delivery(ban.accountId());
            return d != null && d.status == DeliveryStatus.SKIPPED;
        });
        reporter.reportBatch();
        assertThat(KafkaTestClient.readFor(Topics.NOTIFICATIONS, r -> ban.accountId().equals(r.key()),
                Duration.ofSeconds(2))).isEmpty();
    }

    static List<ConsumerRecord<String, String>> awaitReports(String accountId, int count) {
        List<ConsumerRecord<String, String>> reports = KafkaTestClient.read(Topics.NOTIFICATIONS,
                r -> accountId.equals(r.key()), l -> l.size() >= count, Duration.ofSeconds(30));
        assertThat(reports).as("reports for " + accountId).hasSize(count);
        return reports;
    }

    static Delivery delivery(String accountId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Delivery.<Delivery>find("accountId", accountId).firstResult());
    }

    static Instant reportedAt(UUID deliveryId) {
        return QuarkusTransaction.requiringNew().call(() -> (Instant) Delivery.getEntityManager()
                .createNativeQuery("SELECT reported_at FROM delivery WHERE id = ?1", Instant.class)
                .setParameter(1, deliveryId).getSingleResult());
    }
}
