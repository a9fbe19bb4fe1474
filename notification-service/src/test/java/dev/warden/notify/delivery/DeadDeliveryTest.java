package dev.warden.notify.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.warden.contracts.Topics;
import dev.warden.contracts.enforcement.EnforcementAction;
import dev.warden.contracts.enforcement.EnforcementEvent;
import dev.warden.contracts.json.WardenJson;
import dev.warden.contracts.notification.NotificationEvent;
import dev.warden.notify.Events;
import dev.warden.testsupport.KafkaTestClient;
import dev.warden.testsupport.Mail;
import dev.warden.testsupport.WardenOidc;
import dev.warden.testsupport.WardenSmtp;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Attempts run out (two here) → DEAD, counted and reported; an admin's resend then delivers it once and is
 * reported as SENT.
 */
@QuarkusTest
@TestProfile(StrictRelayProfile.class)
class DeadDeliveryTest {

    @AfterEach
    void smtpUp() {
        WardenSmtp.start();
    }

    @Test
    void aMailIsDeadAfterTheLastAttemptAndGoesOutWhenAnAdminResendsIt() {
        String to = "dead-" + UUID.randomUUID() + "@example.org";
        EnforcementEvent ban = Events.of(EnforcementAction.BANNED, "acc-dead-" + UUID.randomUUID(), to, "en");
        double deadBefore = SmtpOutageTest.metric("warden_mail_dead_total");
        WardenSmtp.stop();
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            kafka.sendJson(Topics.ENFORCEMENT, ban.accountId(), ban);
        }

        Delivery dead = await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> Delivery.<Delivery>find("accountId", ban.accountId()).firstResult()),
                d -> d != null && d.status == DeliveryStatus.DEAD);
        assertThat(dead.attempts).isEqualTo(2);
        assertThat(dead.lastError).contains("Connection refused");
        assertThat(SmtpOutageTest.metric("warden_mail_dead_total")).isEqualTo(deadBefore + 1);

        WardenSmtp.start();
        // a DEAD mail stays dead on its own ...
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> WardenSmtp.receivedBy(to).isEmpty());
        // ... until an admin resends it
        given().auth().oauth2(WardenOidc.tokenFor("admin")).header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/deliveries/" + dead.id + "/resend").then().statusCode(202);

        await().atMost(Duration.ofSeconds(20)).until(() -> WardenSmtp.receivedBy(to).size() == 1);
        assertThat(Mail.subject(WardenSmtp.receivedBy(to).get(0))).isEqualTo("Your account has been banned");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>findById(dead.id)).status)
                .isEqualTo(DeliveryStatus.DEAD);

        // both outcomes reach the case timeline: the dead original and the resend that went out
        List<NotificationEvent> reported = KafkaTestClient.read(Topics.NOTIFICATIONS,
                r -> ban.accountId().equals(r.key()), l -> l.size() >= 2, Duration.ofSeconds(30)).stream()
                .map(r -> WardenJson.read(r.value(), NotificationEvent.class)).toList();
        assertThat(reported).extracting(NotificationEvent::deliveryId, NotificationEvent::status,
                NotificationEvent::attempts, NotificationEvent::recipient, NotificationEvent::caseId)
                .containsExactlyInAnyOrder(
                        tuple(dead.id.toString(), NotificationEvent.Status.DEAD, 2, "d***@example.org", ban.caseId()),
                        tuple(resendOf(dead.id).toString(), NotificationEvent.Status.SENT, 1, "d***@example.org",
                                ban.caseId()));
    }

    private static UUID resendOf(UUID original) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Delivery.<Delivery>find("resendOf", original).firstResult().id);
    }
}
