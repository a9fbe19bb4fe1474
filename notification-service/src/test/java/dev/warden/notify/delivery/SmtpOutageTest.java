package dev.warden.notify.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.warden.contracts.Topics;
import dev.warden.contracts.enforcement.EnforcementAction;
import dev.warden.contracts.enforcement.EnforcementEvent;
import dev.warden.notify.Events;
import dev.warden.testsupport.KafkaTestClient;
import dev.warden.testsupport.Mail;
import dev.warden.testsupport.WardenSmtp;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SmtpOutageTest {

    private static final List<EnforcementAction> SEQUENCE = List.of(EnforcementAction.WARNED,
            EnforcementAction.RESTRICTED, EnforcementAction.BANNED);

    @AfterEach
    void smtpBackUp() {
        WardenSmtp.start();
    }

    @Test
    void queuedMailsGoOutOnceInOrderPerAccountWhenSmtpComesBack() {
        List<String> accounts = List.of("acc-outage-a-" + UUID.randomUUID(), "acc-outage-b-" + UUID.randomUUID(),
                "acc-outage-c-" + UUID.randomUUID());
        double failedBefore = metric("warden_mail_failed_total");
        WardenSmtp.stop();
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            for (EnforcementAction action : SEQUENCE) {
                for (String account : accounts) {
                    EnforcementEvent e = Events.of(action, account, mailbox(account), "en");
                    kafka.sendJson(Topics.ENFORCEMENT, account, e);
                }
            }
        }
        // SMTP refuses connections: first mails fail and back off, later ones of the same account wait
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> Delivery.count("accountId in ?1", accounts)) == 9
                && QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>list("accountId in ?1", accounts))
                        .stream().filter(d -> d.status == DeliveryStatus.FAILED && d.attempts >= 2).count() == 3);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Delivery.count("accountId in ?1 and status = ?2",
                accounts, DeliveryStatus.SENT))).isZero();
        // operators see the outage: queue depth counts every waiting mail, failures are counted
        await().atMost(Duration.ofSeconds(5)).until(() -> metric("warden_mail_queue_depth") >= 9);
        assertThat(metric("warden_mail_failed_total")).isGreaterThanOrEqualTo(failedBefore + 6);

        WardenSmtp.start();

        for (String account : accounts) {
            await().atMost(Duration.ofSeconds(30)).until(() -> WardenSmtp.receivedBy(mailbox(account)).size() == 3);
        }
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> accounts.stream()
                .allMatch(a -> WardenSmtp.receivedBy(mailbox(a)).size() == 3));
        for (String account : accounts) {
            assertThat(WardenSmtp.receivedBy(mailbox(account))).extracting(Mail::subject).containsExactly(
                    "A warning about your account", "Your account has been restricted", "Your account has been banned");
        }
        assertThat(QuarkusTransaction.requiringNew().call(() -> Delivery.count("accountId in ?1 and status = ?2",
                accounts, DeliveryStatus.SENT))).isEqualTo(9);
    }

    private static String mailbox(String account) {
        return account + "@example.org";
    }

    /** Sum of a Prometheus metric's samples on /q/metrics of the management port (0 when absent). */
    static double metric(String name) {
        String base = TestHTTPResourceManager.getManagementUri(); // ends with the management root path
        String body = given().when().get(base + (base.endsWith("/q") ? "" : "/q") + "/metrics").then().statusCode(200)
                .extract().asString();
        Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*})? ([0-9.eE+-]+)$").matcher(body);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(2));
        }
        return sum;
    }
}
