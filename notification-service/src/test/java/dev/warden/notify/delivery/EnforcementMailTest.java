package dev.warden.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.warden.contracts.Topics;
import dev.warden.contracts.enforcement.EnforcementAction;
import dev.warden.contracts.enforcement.EnforcementEvent;
import dev.warden.contracts.json.WardenJson;
import dev.warden.notify.Events;
import dev.warden.testsupport.KafkaTestClient;
import dev.warden.testsupport.Mail;
import dev.warden.testsupport.WardenSmtp;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.MimeMessage;

@QuarkusTest
class EnforcementMailTest {

    private static final KafkaTestClient kafka = KafkaTestClient.shared();

    @Test
    void mailsTheBanInGermanWithReasonRuleAndAppealDeadline() {
        String to = "holder-" + UUID.randomUUID() + "@example.org";
        EnforcementEvent ban = Events.of(EnforcementAction.BANNED, "acc-" + UUID.randomUUID(), to, "de-DE");

        kafka.sendJson(Topics.ENFORCEMENT, ban.accountId(), ban);

        MimeMessage mail = awaitMail(to);
        assertThat(Mail.subject(mail)).isEqualTo("Ihr Konto wurde gesperrt");
        String text = Mail.plainText(mail);
        assertThat(text).contains(ban.reason())
                .contains("Massennachrichten")
                .contains("automatisch durch unsere Erkennungssysteme (Richtlinienregel ban-conclusive-bulk v1)")
                .contains("bis 2026-12-22 10:15 UTC")
                .contains(ban.caseId());
        assertThat(Mail.html(mail)).contains("<strong>" + ban.accountId() + "</strong>").contains("Einspruch");
    }

    @Test
    void fallsBackToEnglishForALocaleWithoutTemplates() {
        String to = "holder-" + UUID.randomUUID() + "@example.org";
        EnforcementEvent ban = Events.of(EnforcementAction.BANNED, "acc-" + UUID.randomUUID(), to, "fr-FR");

        kafka.sendJson(Topics.ENFORCEMENT, ban.accountId(), ban);

        MimeMessage mail = awaitMail(to);
        assertThat(Mail.subject(mail)).isEqualTo("Your account has been banned");
        assertThat(Mail.plainText(mail)).contains("Bulk messaging").contains("appeal").contains("2026-12-22 10:15 UTC");
    }

    @Test
    void sendsEachEventOnceEvenWhenItIsDeliveredTwice() {
        String to = "twice-" + UUID.randomUUID() + "@example.org";
        EnforcementEvent ban = Events.of(EnforcementAction.BANNED, "acc-" + UUID.randomUUID(), to, "en");

        kafka.sendJson(Topics.ENFORCEMENT, ban.accountId(), ban);
        kafka.sendJson(Topics.ENFORCEMENT, ban.accountId(), ban);
        awaitMail(to);
        await().atMost(Duration.ofSeconds(10)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> ConsumedEvent.count("accountId", ban.accountId())) == 1);
        // after both copies have been read, still exactly one mail and one delivery
        kafka.sendJson(Topics.ENFORCEMENT, "marker", Events.of(EnforcementAction.WARNED, "marker", to, "en"));
        await().atMost(Duration.ofSeconds(20)).until(() -> WardenSmtp.receivedBy(to).size() == 2);

        assertThat(WardenSmtp.receivedBy(to)).extracting(Mail::subject)
                .containsExactlyInAnyOrder("Your account has been banned", "A warning about your account");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Delivery.count("eventId", UUID.fromString(ban.eventId()))))
                .isEqualTo(1);
    }

    @Test
    void recordsEventsWithoutAContactAddressAsSkipped() {
        EnforcementEvent ban = Events.of(EnforcementAction.BANNED, "acc-" + UUID.randomUUID(), null, null);

        kafka.sendJson(Topics.ENFORCEMENT, ban.accountId(), ban);

        Delivery d = await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> Delivery.<Delivery>find("accountId", ban.accountId()).firstResult()), x -> x != null);
        assertThat(d.status).isEqualTo(DeliveryStatus.SKIPPED);
        assertThat(d.lastError).contains("no contact address");
    }

    @Test
    void skipsAnAddressThatCannotBeMailedWithTheReasonAndSendsNothing() {
        String injected = "victim@example.org\r\nBcc: everyone@example.org";
        EnforcementEvent ban = Events.of(EnforcementAction.BANNED, "acc-" + UUID.randomUUID(), injected, "en");

        kafka.sendJson(Topics.ENFORCEMENT, ban.accountId(), ban);

        Delivery d = await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> Delivery.<Delivery>find("accountId", ban.accountId()).firstResult()), x -> x != null);
        assertThat(d.status).isEqualTo(DeliveryStatus.SKIPPED);
        assertThat(d.attempts).isZero();
        assertThat(d.lastError).startsWith("invalid recipient address");
        assertThat(WardenSmtp.receivedBy("victim@example.org")).isEmpty();
        assertThat(WardenSmtp.receivedBy("everyone@example.org")).isEmpty();
    }

    @Test
    void tellsTheLegalTeamOfEveryEscalationButNotTheAccountHolder() {
        String holder = "esc-" + UUID.randomUUID() + "@example.org";
        EnforcementEvent escalation = Events.of(EnforcementAction.ESCALATED_TO_LEGAL, "acc-" + UUID.randomUUID(),
                holder, "de");

        kafka.sendJson(Topics.ENFORCEMENT, escalation.accountId(), escalation);

        await().atMost(Duration.ofSeconds(20)).until(() -> WardenSmtp.receivedBy("legal-team@warden.example").stream()
                .anyMatch(m -> Mail.subject(m).contains(escalation.accountId())));
        MimeMessage mail = WardenSmtp.receivedBy("legal-team@warden.example").stream()
                .filter(m -> Mail.subject(m).contains(escalation.accountId())).findFirst().orElseThrow();
        assertThat(Mail.plainText(mail)).contains(escalation.caseId())
                .contains("/api/legal/cases/" + escalation.caseId() + "/evidence-package");
        assertThat(WardenSmtp.receivedBy(holder)).isEmpty();
    }

    @Test
    void consumesADismissalWithoutMailingAnyoneOrDeadLetteringIt() {
        String holder = "dismissed-" + UUID.randomUUID() + "@example.org";
        EnforcementEvent dismissal = Events.of(EnforcementAction.DISMISSED, "acc-" + UUID.randomUUID(), holder, "en");

        kafka.sendJson(Topics.ENFORCEMENT, dismissal.accountId(), dismissal);

        ConsumedEvent consumed = await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> ConsumedEvent.<ConsumedEvent>findById(UUID.fromString(dismissal.eventId()))), x -> x != null);
        assertThat(consumed.action).isEqualTo("DISMISSED");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Delivery.count("accountId", dismissal.accountId())))
                .isZero();
        assertThat(KafkaTestClient.readFor(Topics.ENFORCEMENT_DLQ, r -> dismissal.accountId().equals(r.key()),
                Duration.ofSeconds(2))).isEmpty();
        assertThat(WardenSmtp.receivedBy(holder)).isEmpty();
    }

    @Test
    void deadLettersEventsItCannotRead() {
        String key = "acc-poison-" + UUID.randomUUID();
        kafka.send(Topics.ENFORCEMENT, key, "<xml/>");
        kafka.send(Topics.ENFORCEMENT, key, "{\"eventId\":\"x\",\"action\":\"BANNED\",\"accountId\":\"a\"}");

        List<ConsumerRecord<String, String>> dead = KafkaTestClient.read(Topics.ENFORCEMENT_DLQ,
                r -> key.equals(r.key()), l -> l.size() >= 2, Duration.ofSeconds(20));

        assertThat(dead).extracting(r -> KafkaTestClient.header(r, Topics.DLQ_REASON_HEADER))
                .satisfiesExactly(r -> assertThat(r).startsWith("not a valid EnforcementEvent: "),
                        r -> assertThat(r).startsWith("field '"));
    }

    @Test
    void deadLettersEventsBreakingTheSchemaNamingTheFieldAndKeepsConsuming() {
        String key = "acc-schema-" + UUID.randomUUID();
        EnforcementEvent valid = Events.of(EnforcementAction.BANNED, key, "schema-" + key + "@example.org", "en");
        String badId = WardenJson.write(valid).replace(valid.eventId(), "not-a-uuid");
        String badStatement = WardenJson.write(Events.withStatement(valid, Events.statement(false, "Spam")))
                .replace("DECISION_ACCOUNT_TERMINATED", "DECISION_ACCOUNT_DELETED");
        kafka.send(Topics.ENFORCEMENT, key, badId);
        kafka.send(Topics.ENFORCEMENT, key, badStatement);
        String next = "acc-after-schema-" + UUID.randomUUID();
        String to = "after-" + next + "@example.org";
        kafka.sendJson(Topics.ENFORCEMENT, next, Events.of(EnforcementAction.WARNED, next, to, "en"));

        List<ConsumerRecord<String, String>> dead = KafkaTestClient.read(Topics.ENFORCEMENT_DLQ,
                r -> key.equals(r.key()), l -> l.size() >= 2, Duration.ofSeconds(20));

        assertThat(dead).extracting(r -> KafkaTestClient.header(r, Topics.DLQ_REASON_HEADER))
                .satisfiesExactly(r -> assertThat(r).startsWith("field 'eventId': "),
                        r -> assertThat(r).startsWith("field 'statementOfReasons.decision_account': "));
        assertThat(awaitMail(to)).isNotNull();
        assertThat(WardenSmtp.receivedBy("schema-" + key + "@example.org")).isEmpty();
    }

    static MimeMessage awaitMail(String to) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> WardenSmtp.receivedBy(to), l -> !l.isEmpty()).get(0);
    }
}
