package dev.warden.notify;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.warden.contracts.Topics;
import dev.warden.contracts.enforcement.EnforcementAction;
import dev.warden.contracts.enforcement.EnforcementEvent;
import dev.warden.testsupport.KafkaTestClient;
import dev.warden.testsupport.Mail;
import dev.warden.testsupport.WardenSmtp;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Runs against the packaged artifact (jar here, native executable with -Pnative). */
@QuarkusIntegrationTest
class NotificationServicePackagedIT {

    @Test
    void packagedServiceMailsTheAccountHolder() {
        // operations endpoints are on the management port only, never on the API port
        given().when().get("/q/health/ready").then().statusCode(404);
        String to = "it-" + UUID.randomUUID() + "@example.org";
        EnforcementEvent ban = Events.of(EnforcementAction.BANNED, "acc-it-" + UUID.randomUUID(), to, "de");
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            kafka.sendJson(Topics.ENFORCEMENT, ban.accountId(), ban);
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> !WardenSmtp.receivedBy(to).isEmpty());
        assertThat(Mail.subject(WardenSmtp.receivedBy(to).get(0))).isEqualTo("Ihr Konto wurde gesperrt");
        given().when().get("/api/deliveries").then().statusCode(401);
    }
}
