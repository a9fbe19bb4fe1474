package dev.warden.cases.mail;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.warden.cases.Fixtures;
import dev.warden.cases.Signals;
import dev.warden.cases.usecase.SignalIntake;
import dev.warden.contracts.Topics;
import dev.warden.contracts.notification.NotificationEvent;
import dev.warden.contracts.signal.Violation;
import dev.warden.testsupport.KafkaTestClient;
import dev.warden.testsupport.WardenOidc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** warden.notifications.v1 → the mails on a case's timeline: once per delivery, poison to the DLQ. */
@QuarkusTest
class CaseMailTimelineTest {

    private static final Instant SENT_AT = Instant.parse("2026-11-22T10:15:02.417Z");
    private static final KafkaTestClient kafka = KafkaTestClient.shared();

    @Inject
    SignalIntake intake;

    @Inject
    CaseMails mails;

    String account;
    UUID caseId;

    @BeforeEach
    void openCase() {
        account = "acc-mail-" + UUID.randomUUID();
        intake.receive(Signals.of(account, Violation.NON_PERSONAL_USE, 0.6, "PRIVATE", null));
        caseId = Fixtures.caseOf(account);
    }

    @Test
    void aReportedMailIsOnTheCaseTimelineOnceInTimeOrder() {
        NotificationEvent ban = mail(caseId, account, "banned", NotificationEvent.Status.SENT, SENT_AT);
        NotificationEvent legal = new NotificationEvent(UUID.randomUUID().toString(), ban.enforcementEventId(),
                caseId.toString(), account, "legal-escalation", NotificationEvent.Audience.LEGAL_TEAM,
                "l***@warden.example", "en", NotificationEvent.Status.DEAD, 8, SENT_AT.minusSeconds(60));

        kafka.sendJson(Topics.NOTIFICATIONS, account, ban);
        kafka.sendJson(Topics.NOTIFICATIONS, account, ban);
        kafka.sendJson(Topics.NOTIFICATIONS, account, legal);

        await().atMost(Duration.ofSeconds(30)).until(() -> mailCount(legal.deliveryId()) == 1);
        List<Map<String, Object>> mails = given().auth().oauth2(WardenOidc.token("rita", "reviewer"))
                .when().get("/api/cases/{id}", caseId).then().statusCode(200)
                .extract().jsonPath().getList("mails");
        assertThat(mails).extracting(m -> m.get("deliveryId")).containsExactly(legal.deliveryId(), ban.deliveryId());
        assertThat(mails.get(1)).containsEntry("template", "banned").containsEntry("audience", "ACCOUNT_HOLDER")
                .containsEntry("recipient", "h***@example.org").containsEntry("status", "SENT")
                .containsEntry("locale", "de").containsEntry("attempts", 1)
                .containsEntry("enforcementEventId", ban.enforcementEventId())
                .containsEntry("at", "2026-11-22T10:15:02.417Z");
        assertThat(mails.get(0)).containsEntry("audience", "LEGAL_TEAM").containsEntry("status", "DEAD");
        assertThat(mailCount(ban.deliveryId())).isEqualTo(1);
    }

    @Test
    void aMailOnAnUnknownCaseIsIgnoredNotDeadLettered() {
        String stranger = "acc-mail-unknown-" + UUID.randomUUID();
        NotificationEvent unknown = mail(UUID.randomUUID(), stranger, "banned", NotificationEvent.Status.SENT, SENT_AT);
        NotificationEvent after = mail(caseId, account, "warned", NotificationEvent.Status.SENT, SENT_AT);

        kafka.sendJson(Topics.NOTIFICATIONS, stranger, unknown);
        kafka.sendJson(Topics.NOTIFICATIONS, account, after);

        await().atMost(Duration.ofSeconds(30)).until(() -> mailCount(after.deliveryId()) == 1);
        assertThat(mailCount(unknown.deliveryId())).isZero();
        assertThat(KafkaTestClient.readFor(Topics.NOTIFICATIONS_DLQ, r -> stranger.equals(r.key()),
                Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void deadLettersPoisonReportsWithTheReasonAndKeepsConsuming() {
        String key = "acc-mail-poison-" + UUID.randomUUID();
        NotificationEvent noCase = new NotificationEvent(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                null, key, "banned", NotificationEvent.Audience.ACCOUNT_HOLDER, "h***@example.org", "de",
                NotificationEvent.Status.SENT, 1, SENT_AT);
        NotificationEvent fullAddress = mail(caseId, account, "banned", NotificationEvent.Status.SENT, SENT_AT);
        fullAddress = new NotificationEvent(fullAddress.deliveryId(), fullAddress.enforcementEventId(),
                fullAddress.caseId(), account, "banned", fullAddress.audience(), "holder@example.org", "de",
                fullAddress.status(), 1, SENT_AT);
        NotificationEvent otherAccount = mail(caseId, "acc-someone-else", "banned", NotificationEvent.Status.SENT,
                SENT_AT);
        NotificationEvent after = mail(caseId, account, "banned", NotificationEvent.Status.SENT, SENT_AT);

        kafka.send(Topics.NOTIFICATIONS, key, "not json at all");
        kafka.sendJson(Topics.NOTIFICATIONS, key, noCase);
        kafka.sendJson(Topics.NOTIFICATIONS, key, fullAddress);
        kafka.sendJson(Topics.NOTIFICATIONS, key, otherAccount);
        kafka.sendJson(Topics.NOTIFICATIONS, key, after);

        List<ConsumerRecord<String, String>> dead = KafkaTestClient.read(Topics.NOTIFICATIONS_DLQ,
                r -> key.equals(r.key()), l -> l.size() >= 4, Duration.ofSeconds(30));
        assertThat(dead).extracting(r -> KafkaTestClient.header(r, Topics.DLQ_REASON_HEADER))
                .satisfiesExactly(r -> assertThat(r).startsWith("not a valid NotificationEvent: "),
                        r -> assertThat(r).startsWith("field 'caseId': "),
                        r -> assertThat(r).startsWith("field 'recipient': "),
                        r -> assertThat(r).isEqualTo("case " + caseId + " belongs to another account"));
        await().atMost(Duration.ofSeconds(30)).until(() -> mailCount(after.deliveryId()) == 1);
        assertThat(mailCount(fullAddress.deliveryId())).isZero();
    }

    @Test
    void deadLettersAReportBreakingTheSchemaNamingTheFieldAndKeepsConsuming() {
        String key = "acc-mail-schema-" + UUID.randomUUID();
        NotificationEvent unknownTemplate = new NotificationEvent(UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), caseId.toString(), account, "suspended-forever",
                NotificationEvent.Audience.ACCOUNT_HOLDER, "h***@example.org", "de", NotificationEvent.Status.SENT, 1,
                SENT_AT);
        NotificationEvent negativeAttempts = new NotificationEvent(UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), caseId.toString(), account, "banned",
                NotificationEvent.Audience.ACCOUNT_HOLDER, "h***@example.org", "de", NotificationEvent.Status.SENT, -1,
                SENT_AT);
        NotificationEvent after = mail(caseId, account, "banned", NotificationEvent.Status.SENT, SENT_AT);

        kafka.sendJson(Topics.NOTIFICATIONS, key, unknownTemplate);
        kafka.sendJson(Topics.NOTIFICATIONS, key, negativeAttempts);
        kafka.sendJson(Topics.NOTIFICATIONS, key, after);

        List<ConsumerRecord<String, String>> dead = KafkaTestClient.read(Topics.NOTIFICATIONS_DLQ,
                r -> key.equals(r.key()), l -> l.size() >= 2, Duration.ofSeconds(30));
        assertThat(dead).extracting(r -> KafkaTestClient.header(r, Topics.DLQ_REASON_HEADER))
                .satisfiesExactly(r -> assertThat(r).startsWith("field 'template': "),
                        r -> assertThat(r).startsWith("field 'attempts': "));
        await().atMost(Duration.ofSeconds(30)).until(() -> mailCount(after.deliveryId()) == 1);
        assertThat(mailCount(unknownTemplate.deliveryId()) + mailCount(negativeAttempts.deliveryId())).isZero();
    }

    @Test
    void retentionClearsTheMaskedRecipient() {
        NotificationEvent ban = mail(caseId, account, "banned", NotificationEvent.Status.SENT, SENT_AT);
        kafka.sendJson(Topics.NOTIFICATIONS, account, ban);
        await().atMost(Duration.ofSeconds(30)).until(() -> mailCount(ban.deliveryId()) == 1);

        QuarkusTransaction.requiringNew().run(() -> mails.eraseRecipients(caseId));

        assertThat(QuarkusTransaction.requiringNew()
                .call(() -> CaseMail.<CaseMail>findById(UUID.fromString(ban.deliveryId())).recipient)).isNull();
    }

    private static NotificationEvent mail(UUID caseId, String account, String template,
            NotificationEvent.Status status, Instant at) {
        return new NotificationEvent(UUID.randomUUID().toString(), UUID.randomUUID().toString(), caseId.toString(),
                account, template, NotificationEvent.Audience.ACCOUNT_HOLDER, "h***@example.org", "de", status, 1, at);
    }

    private static long mailCount(String deliveryId) {
        return QuarkusTransaction.requiringNew().call(() -> CaseMail.count("deliveryId", UUID.fromString(deliveryId)));
    }
}
