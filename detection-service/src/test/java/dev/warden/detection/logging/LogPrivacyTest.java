package dev.warden.detection.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.warden.contracts.Topics;
import dev.warden.contracts.erasure.ErasureEvent;
import dev.warden.testsupport.ActivityEvents;
import dev.warden.testsupport.KafkaTestClient;
import dev.warden.testsupport.LogCapture;
import dev.warden.testsupport.WardenOidc;
import io.quarkus.test.junit.QuarkusTest;

import static io.restassured.RestAssured.given;

@QuarkusTest
class LogPrivacyTest {

    private static final KafkaTestClient kafka = KafkaTestClient.shared();

    @Test
    void detectionAndErasureLogNeitherTheAccountIdNorTheAddressAtInfoOrAbove() {
        String account = "acc-log-" + UUID.randomUUID();
        String email = "log-holder-" + UUID.randomUUID() + "@example.org";
        try (LogCapture logs = LogCapture.start()) {
            ActivityEvents.registrationBurst(account, Instant.now().minus(2, ChronoUnit.MINUTES), email, "de", 100, 3, 60)
                    .forEach(e -> kafka.sendJson(Topics.ACTIVITY, account, e));
            kafka.send(Topics.ACTIVITY, account, "{\"accountId\":\"" + account + "\",\"contactEmail\":\"" + email + "\"}");
            KafkaTestClient.read(Topics.SIGNALS, r -> account.equals(r.key()), l -> !l.isEmpty(), Duration.ofSeconds(30));
            kafka.sendJson(Topics.ERASURES, account, new ErasureEvent(UUID.randomUUID().toString(), account,
                    ErasureEvent.Cause.REQUEST, Instant.now()));
            await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(WardenOidc.tokenFor("reviewer"))
                    .when().get("/api/accounts/{id}/features", account).then().extract().statusCode() == 404);

            // the flow itself may log nothing at INFO: a probe on the service's logger proves the capture is on
            org.jboss.logging.Logger.getLogger("dev.warden.detection").info("log-capture-probe");
            assertThat(logs.containing("log-capture-probe")).isNotEmpty();
            assertThat(logs.containing(account, email)).isEmpty();
        }
    }
}
