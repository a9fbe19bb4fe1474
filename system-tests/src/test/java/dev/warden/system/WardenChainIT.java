package dev.warden.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.warden.contracts.Topics;
import dev.warden.contracts.activity.ActivityEvent;
import dev.warden.contracts.enforcement.EnforcementEvent;
import dev.warden.contracts.json.WardenJson;
import dev.warden.contracts.signal.DetectionSignal;
import dev.warden.testsupport.ActivityEvents;
import dev.warden.testsupport.KafkaTestClient;
import dev.warden.testsupport.Mail;
import dev.warden.testsupport.WardenOidc;
import dev.warden.testsupport.WardenSmtp;
import jakarta.mail.internet.MimeMessage;

/**
 * The whole chain with the three packaged services as separate processes against one real Kafka
 * broker, one PostgreSQL server, one SMTP server and one OIDC provider:
 * activity → detection → signal → case-service auto-ban → outbox → enforcement → notification → mail
 * → mail outcome reported back onto the case timeline. Every hop authenticates as its own Kafka
 * principal (the activity as {@code platform}) and the broker enforces deploy/kafka/warden-acls.txt.
 */
class WardenChainIT {

    @RegisterExtension
    static final ChainPlatform platform = new ChainPlatform("system");

    @Test
    void bulkSenderIsDetectedBannedAndToldByMailExactlyOnce() {
        String account = "acc:49170" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000);
        String email = "holder-" + UUID.randomUUID() + "@example.org";
        List<ActivityEvent> events = ActivityEvents.registrationBurst(account,
                Instant.now().minus(5, ChronoUnit.MINUTES), email, "en-GB", 100, 3, 0);

        events.forEach(e -> platform.kafka().sendJson(Topics.ACTIVITY, account, e));

        // detection-service → warden.signals.v1
        DetectionSignal signal = WardenJson.read(KafkaTestClient.read(Topics.SIGNALS, r -> account.equals(r.key()),
                l -> !l.isEmpty(), Duration.ofSeconds(60)).get(0).value(), DetectionSignal.class);
        assertThat(signal.violation().name()).isEqualTo("BULK_MESSAGING");

        // case-service → warden.enforcement.v1 (through the outbox)
        EnforcementEvent ban = WardenJson.read(KafkaTestClient.read(Topics.ENFORCEMENT, r -> account.equals(r.key()),
                l -> !l.isEmpty(), Duration.ofSeconds(60)).get(0).value(), EnforcementEvent.class);
        assertThat(ban.action().name()).isEqualTo("BANNED");
        assertThat(ban.automated()).isTrue();

        // notification-service → SMTP
        MimeMessage mail = await().atMost(Duration.ofSeconds(60))
                .until(() -> WardenSmtp.receivedBy(email), l -> !l.isEmpty()).get(0);
        assertThat(Mail.recipients(mail)).containsExactly(email);
        assertThat(Mail.subject(mail)).isEqualTo("Your account has been banned");
        assertThat(Mail.plainText(mail)).contains(signal.summary()).contains("Bulk messaging").contains(ban.caseId());

        // a reviewer sees signal and ban on the case; the API refuses anonymous and role-less callers
        given().baseUri(platform.cases().url()).auth().oauth2(WardenOidc.token("alice", "reviewer"))
                .when().get("/api/cases/{id}", ban.caseId())
                .then().statusCode(200)
                .body("account.status", equalTo("BANNED"))
                .body("signals", hasSize(1))
                .body("signals[0].signalId", equalTo(signal.signalId()))
                .body("decisions", hasSize(1))
                .body("decisions[0].action", equalTo("BAN"));
        // notification-service reports the sent mail; the reviewer sees it on the case timeline, masked
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(platform.cases().url())
                .auth().oauth2(WardenOidc.token("alice", "reviewer"))
                .when().get("/api/cases/{id}", ban.caseId())
                .then().statusCode(200)
                .body("mails", hasSize(1))
                .body("mails[0].template", equalTo("banned"))
                .body("mails[0].audience", equalTo("ACCOUNT_HOLDER"))
                .body("mails[0].status", equalTo("SENT"))
                .body("mails[0].recipient", equalTo("h***@example.org")));
        given().baseUri(platform.cases().url()).when().get("/api/cases/{id}", ban.caseId()).then().statusCode(401);
        given().baseUri(platform.cases().url()).auth().oauth2(WardenOidc.token("pat", "platform"))
                .when().get("/api/cases/{id}", ban.caseId()).then().statusCode(403);

        // the same events again: still one signal, one case, one ban, one mail
        events.forEach(e -> platform.kafka().sendJson(Topics.ACTIVITY, account, e));
        sendMarkerAndWaitForItsMail();
        assertThat(KafkaTestClient.readFor(Topics.SIGNALS, r -> account.equals(r.key()), Duration.ofSeconds(2))).hasSize(1);
        assertThat(KafkaTestClient.readFor(Topics.ENFORCEMENT, r -> account.equals(r.key()), Duration.ofSeconds(2))).hasSize(1);
        assertThat(WardenSmtp.receivedBy(email)).hasSize(1);
        given().baseUri(platform.cases().url()).auth().oauth2(WardenOidc.token("alice", "reviewer"))
                .when().get("/api/cases/{id}", ban.caseId()).then().statusCode(200).body("mails", hasSize(1));
    }

    @Test
    void poisonActivityIsDeadLetteredAndTheChainKeepsWorking() {
        String bad = "acc-poison-" + UUID.randomUUID();
        platform.kafka().send(Topics.ACTIVITY, bad, "\u0000\u0001 definitely not json");
        platform.kafka().send(Topics.ACTIVITY, bad, "{\"eventId\":\"" + UUID.randomUUID() + "\",\"accountId\":\"" + bad
                + "\",\"type\":\"ACCOUNT_HACKED\",\"occurredAt\":\"" + Instant.now() + "\"}");

        List<ConsumerRecord<String, String>> dead = KafkaTestClient.read(Topics.ACTIVITY_DLQ,
                r -> bad.equals(r.key()), l -> l.size() >= 2, Duration.ofSeconds(60));

        assertThat(dead).extracting(r -> KafkaTestClient.header(r, Topics.DLQ_REASON_HEADER))
                .satisfiesExactly(r -> assertThat(r).startsWith("not valid JSON"),
                        r -> assertThat(r).isEqualTo("unknown type 'ACCOUNT_HACKED'"));
        sendMarkerAndWaitForItsMail();
    }

    /** A fresh bulk sender whose mail arrives proves every service has processed what came before it. */
    private static void sendMarkerAndWaitForItsMail() {
        String marker = "acc-marker-" + UUID.randomUUID();
        String email = marker + "@example.org";
        ActivityEvents.registrationBurst(marker, Instant.now().minus(1, ChronoUnit.MINUTES), email, "de", 60, 3, 0)
                .forEach(e -> platform.kafka().sendJson(Topics.ACTIVITY, marker, e));
        await().atMost(Duration.ofSeconds(60)).until(() -> !WardenSmtp.receivedBy(email).isEmpty());
    }
}
