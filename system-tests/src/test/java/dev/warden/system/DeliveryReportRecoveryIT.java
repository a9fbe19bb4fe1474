package dev.warden.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.warden.contracts.Topics;
import dev.warden.contracts.enforcement.EnforcementAction;
import dev.warden.contracts.enforcement.EnforcementEvent;
import dev.warden.contracts.json.WardenJson;
import dev.warden.contracts.notification.NotificationEvent;
import dev.warden.testsupport.KafkaTestClient;
import dev.warden.testsupport.WardenSmtp;

/**
 * notification-service's delivery reporter through a broker outage and a restart: mails go out while
 * the broker for {@code warden.notifications.v1} is down, their outcomes wait in the delivery table;
 * after the service is restarted and the broker is back, every outcome is reported, in the account's
 * order, and no mail is sent twice.
 */
class DeliveryReportRecoveryIT {

    private static final String DATABASE = "system_reports";
    private static final SystemDb DB = new SystemDb(DATABASE);

    @Test
    void outcomesOfMailsSentDuringABrokerOutageAreReportedInOrderAfterRestart() throws Exception {
        try (StoppableBroker broker = StoppableBroker.start(Topics.NOTIFICATIONS, 3)) {
            Map<String, String> config = ServiceProcess.platformConfig(DATABASE);
            config.putAll(WardenSmtp.quarkusConfig());
            config.put("mp.messaging.outgoing.notifications.bootstrap.servers", broker.bootstrapServers());
            config.put("warden.notify.dispatch-interval", "100ms");
            config.put("warden.notify.report.interval", "200ms");

            String account = "acc-report-outage-" + UUID.randomUUID();
            String email = account + "@example.org";
            String caseId = UUID.randomUUID().toString();
            EnforcementEvent warned = event(EnforcementAction.WARNED, caseId, account, email, Instant.now().minusSeconds(60));
            EnforcementEvent banned = event(EnforcementAction.BANNED, caseId, account, email, Instant.now());
            try (ServiceProcess notifications = ServiceProcess.start("notification-service", config)) {
                notifications.awaitReady(Duration.ofSeconds(90));
                broker.stopBroker();
                KafkaTestClient.shared().sendJson(Topics.ENFORCEMENT, account, warned);
                KafkaTestClient.shared().sendJson(Topics.ENFORCEMENT, account, banned);

                await().atMost(Duration.ofSeconds(60)).until(() -> WardenSmtp.receivedBy(email).size() == 2);
                await().atMost(Duration.ofSeconds(30)).until(() -> notifications.logContains("delivery-report: send of"));
                assertThat(unreported(account)).hasSize(2);
            }

            broker.startBroker();
            try (ServiceProcess restarted = ServiceProcess.start("notification-service", config)) {
                restarted.awaitReady(Duration.ofSeconds(90));
                await().atMost(Duration.ofSeconds(60)).until(() -> unreported(account).isEmpty());
            }

            List<ConsumerRecord<String, String>> reports = broker.read(Topics.NOTIFICATIONS, r -> account.equals(r.key()),
                    l -> StoppableBroker.firstOfEach(l).size() >= 2, Duration.ofSeconds(30));
            List<NotificationEvent> outcomes = StoppableBroker.firstOfEach(reports).stream()
                    .map(r -> WardenJson.read(r.value(), NotificationEvent.class)).toList();
            assertThat(outcomes).extracting(NotificationEvent::enforcementEventId)
                    .containsExactly(warned.eventId(), banned.eventId());
            assertThat(outcomes).extracting(NotificationEvent::status)
                    .containsOnly(NotificationEvent.Status.SENT);
            assertThat(WardenSmtp.receivedBy(email)).as("the restart sent nothing twice").hasSize(2);
        }
    }

    private static List<UUID> unreported(String account) throws SQLException {
        return DB.column(UUID.class, "SELECT id FROM delivery WHERE account_id = ? AND reported_at IS NULL "
                + "ORDER BY created_at, id", account);
    }

    private static EnforcementEvent event(EnforcementAction action, String caseId, String account, String email,
            Instant at) {
        return new EnforcementEvent(UUID.randomUUID().toString(), caseId, account, action, false,
                "BULK_MESSAGING", "BULK_MESSAGING", "Messages to 300 non-contacts within 60 s", null, null,
                "reviewer:olivia", at, null, at.plus(Duration.ofDays(30)), new EnforcementEvent.Recipient(email, "en"));
    }
}
