package dev.warden.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.warden.contracts.Topics;
import dev.warden.contracts.enforcement.EnforcementAction;
import dev.warden.contracts.enforcement.EnforcementEvent;
import dev.warden.notify.Events;
import dev.warden.testsupport.KafkaTestClient;
import dev.warden.testsupport.WardenSmtp;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SmtpOutageTest {

    @AfterEach
    void smtpBackUp() {
        WardenSmtp.start();
    }

    @Test
    void queuedMailsGoOutOnceWhenSmtpComesBack() {
        String account = "acc-outage-" + UUID.randomUUID();
        String to = "outage-" + UUID.randomUUID() + "@example.org";
        WardenSmtp.stop();
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            for (EnforcementAction action : List.of(EnforcementAction.WARNED, EnforcementAction.BANNED)) {
                EnforcementEvent e = Events.of(action, account, to, "en");
                kafka.sendJson(Topics.ENFORCEMENT, account, e);
            }
        }
        // SMTP refuses connections: the first mail fails and is retried with backoff, the second waits behind it
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> Delivery.<Delivery>find("accountId", account).list().stream()
                        .anyMatch(d -> d.status == DeliveryStatus.FAILED && d.attempts >= 2)));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Delivery.count("accountId = ?1 and status = ?2",
                account, DeliveryStatus.SENT))).isZero();

        WardenSmtp.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> WardenSmtp.receivedBy(to).size() == 2);
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> WardenSmtp.receivedBy(to).size() == 2);
        assertThat(WardenSmtp.receivedBy(to)).extracting(dev.warden.testsupport.Mail::subject)
                .containsExactly("A warning about your account", "Your account has been banned");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Delivery.count("accountId = ?1 and status = ?2",
                account, DeliveryStatus.SENT))).isEqualTo(2);
    }
}
