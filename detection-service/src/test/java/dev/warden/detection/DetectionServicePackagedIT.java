package dev.warden.detection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.warden.contracts.Topics;
import dev.warden.testsupport.ActivityEvents;
import dev.warden.testsupport.KafkaTestClient;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Runs against the packaged artifact (jar here, native executable with -Pnative). */
@QuarkusIntegrationTest
class DetectionServicePackagedIT {

    @Test
    void packagedServiceIsReadyDetectsAndProtectsItsApi() {
        // operations endpoints are on the management port only, never on the API port
        given().when().get("/q/health/ready").then().statusCode(404);
        given().when().get("/api/accounts/{id}/features", "x").then().statusCode(401);

        String account = "acc-it-" + UUID.randomUUID();
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            ActivityEvents.registrationBurst(account, Instant.now().minusSeconds(90), null, null, 60, 3, 0)
                    .forEach(e -> kafka.sendJson(Topics.ACTIVITY, account, e));
        }
        assertThat(KafkaTestClient.read(Topics.SIGNALS, r -> account.equals(r.key()), l -> !l.isEmpty(),
                Duration.ofSeconds(60))).hasSize(1);
    }
}
