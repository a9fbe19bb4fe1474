package dev.warden.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.warden.contracts.Topics;
import dev.warden.contracts.enforcement.EnforcementAction;
import dev.warden.contracts.enforcement.EnforcementEvent;
import dev.warden.notify.Events;
import dev.warden.testsupport.KafkaTestClient;
import dev.warden.testsupport.Mail;
import dev.warden.testsupport.StallingProxy;
import dev.warden.testsupport.WardenSmtp;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A slow or frozen SMTP server (a real GreenMail behind a proxy that holds its replies) never makes a
 * mail go out twice: no send is abandoned while the server may still accept it, and no transaction is
 * open while a send waits.
 */
@QuarkusTest
@TestProfile(StalledSmtpProfile.class)
class SmtpStallTest {

    private static final KafkaTestClient kafka = KafkaTestClient.shared();

    @Inject
    DeliveryPlanner planner;

    @Inject
    MailSender sender;

    @BeforeEach
    void proxyInFrontOfGreenMail() {
        WardenSmtp.proxy(); // started here: the profile only reserved its port
    }

    @AfterEach
    void smtpAnswersAgain() {
        WardenSmtp.proxy().thaw();
        WardenSmtp.proxy().delayReplyAfter(StallingProxy.SMTP_END_OF_DATA, Duration.ZERO);
    }

    @Test
    void repliesTakingTenSecondsSendEveryMailOnceAndOtherAccountsDoNotWait() {
        WardenSmtp.proxy().delayReplyAfter(StallingProxy.SMTP_END_OF_DATA, Duration.ofSeconds(10));
        String slow = "acc-slow-reply-" + UUID.randomUUID();
        List<String> others = new ArrayList<>();
        for (EnforcementAction action : List.of(EnforcementAction.WARNED, EnforcementAction.RESTRICTED,
                EnforcementAction.BANNED)) {
            kafka.sendJson(Topics.ENFORCEMENT, slow, Events.of(action, slow, mailbox(slow), "en"));
        }
        for (int i = 0; i < 4; i++) {
            String other = "acc-other-" + i + "-" + UUID.randomUUID();
            others.add(other);
            kafka.sendJson(Topics.ENFORCEMENT, other, Events.of(EnforcementAction.BANNED, other, mailbox(other), "en"));
        }

        List<String> accounts = new ArrayList<>(others);
        accounts.add(slow);
        // the last reply comes 10 s after the server got the last mail: wait for every outcome
        await().atMost(Duration.ofSeconds(120)).until(() -> deliveries(accounts).stream()
                .filter(d -> d.status == DeliveryStatus.SENT).count() == 7);
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);

        assertThat(WardenSmtp.receivedBy(mailbox(slow))).extracting(Mail::subject).containsExactly(
                "A warning about your account", "Your account has been restricted", "Your account has been banned");
        for (String other : others) {
            assertThat(WardenSmtp.receivedBy(mailbox(other))).as("one mail for " + other).hasSize(1);
        }
        // the slow account's three mails go one after another; the others do not queue behind them
        List<Delivery> rows = deliveries(accounts);
        Instant lastOfSlow = rows.stream().filter(d -> d.accountId.equals(slow)).map(d -> d.sentAt)
                .max(Comparator.naturalOrder()).orElseThrow();
        assertThat(rows.stream().filter(d -> !d.accountId.equals(slow)))
                .allSatisfy(d -> assertThat(d.sentAt).isBefore(lastOfSlow));
        // every mail went out on its first attempt: no send gave up, no transaction timed out and rolled back
        assertThat(deliveries(accounts)).hasSize(7).allSatisfy(d -> {
            assertThat(d.status).isEqualTo(DeliveryStatus.SENT);
            assertThat(d.attempts).isEqualTo(1);
        });
    }

    @Test
    void aServerFrozenForAMinuteMidSendStillGetsEveryMailExactlyOnce() throws InterruptedException {
        // replies take a moment, so mails are mid-send when the server freezes
        WardenSmtp.proxy().delayReplyAfter(StallingProxy.SMTP_END_OF_DATA, Duration.ofSeconds(2));
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String account = "acc-frozen-" + i + "-" + UUID.randomUUID();
            accounts.add(account);
            kafka.sendJson(Topics.ENFORCEMENT, account, Events.of(EnforcementAction.WARNED, account, mailbox(account), "en"));
            kafka.sendJson(Topics.ENFORCEMENT, account, Events.of(EnforcementAction.BANNED, account, mailbox(account), "en"));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> accounts.stream()
                .anyMatch(a -> !WardenSmtp.receivedBy(mailbox(a)).isEmpty()));

        WardenSmtp.proxy().freeze();
        Thread.sleep(Duration.ofSeconds(60).toMillis());
        WardenSmtp.proxy().thaw();

        await().atMost(Duration.ofSeconds(90)).until(() -> deliveries(accounts).stream()
                .filter(d -> d.status == DeliveryStatus.SENT).count() == 10);
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
        for (String account : accounts) {
            assertThat(WardenSmtp.receivedBy(mailbox(account))).as("mails of " + account).extracting(Mail::subject)
                    .containsExactly("A warning about your account", "Your account has been banned");
        }
        // a send refused outright around the freeze (a pooled connection that broke) is retried: that is not a
        // duplicate, since nothing was accepted; what matters is one copy of each mail, asserted above
        assertThat(deliveries(accounts)).hasSize(10).allSatisfy(d -> assertThat(d.status).isEqualTo(DeliveryStatus.SENT));
    }

    @Test
    void aCrashAfterTheSendBeforeTheRecordSendsOneDuplicateWithTheSameMessageId() {
        String account = "acc-crash-" + UUID.randomUUID();
        EnforcementEvent ban = Events.of(EnforcementAction.BANNED, account, mailbox(account), "en");
        // an instance claimed the mail (planned and leased in one transaction, so no live instance sees it first)
        Delivery claimed = QuarkusTransaction.requiringNew().call(() -> {
            planner.accept(ban);
            Delivery d = Delivery.find("accountId", account).firstResult();
            d.leaseOwner = "crashed-instance";
            d.leaseUntil = Instant.now().plusSeconds(5);
            return d;
        });
        // ... sent it, and died before recording the outcome
        sender.send(claimed).await().atMost(Duration.ofSeconds(30));
        assertThat(WardenSmtp.receivedBy(mailbox(account))).hasSize(1);

        // its lease expires and a live instance sends the mail again, once, under the same Message-ID
        await().atMost(Duration.ofSeconds(30)).until(() -> WardenSmtp.receivedBy(mailbox(account)).size() == 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(List.of(account)).get(0).status
                == DeliveryStatus.SENT);
        await().pollDelay(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(8)).until(() -> true);
        List<MimeMessage> copies = WardenSmtp.receivedBy(mailbox(account));
        assertThat(copies).hasSize(2);
        assertThat(copies).extracting(SmtpStallTest::messageId).containsOnly("<" + claimed.id + "@warden>");
    }

    private static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Delivery> deliveries(List<String> accounts) {
        return QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>list("accountId in ?1", accounts));
    }

    private static String mailbox(String account) {
        return account + "@example.org";
    }
}
