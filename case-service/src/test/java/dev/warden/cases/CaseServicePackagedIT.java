package dev.warden.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.warden.contracts.Topics;
import dev.warden.contracts.enforcement.EnforcementEvent;
import dev.warden.contracts.json.WardenJson;
import dev.warden.testsupport.KafkaTestClient;
import dev.warden.testsupport.WardenOidc;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Runs against the packaged artifact (jar here, native executable with -Pnative). */
@QuarkusIntegrationTest
class CaseServicePackagedIT {

    @Test
    void packagedServiceBansOnAConclusiveSignalAndServesTheCase() {
        // operations endpoints are on the management port only, never on the API port
        given().when().get("/q/health/ready").then().statusCode(404);
        String account = "acc-it-" + UUID.randomUUID();
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            kafka.sendJson(Topics.SIGNALS, account, Signals.conclusiveBulk(account, "it@example.org"));
        }
        EnforcementEvent ban = WardenJson.read(KafkaTestClient.read(Topics.ENFORCEMENT, r -> account.equals(r.key()),
                l -> !l.isEmpty(), Duration.ofSeconds(60)).get(0).value(), EnforcementEvent.class);

        given().auth().oauth2(WardenOidc.tokenFor("reviewer")).when().get("/api/cases/{id}", ban.caseId())
                .then().statusCode(200).body("account.status", equalTo("BANNED"));
        given().when().get("/api/cases/{id}", ban.caseId()).then().statusCode(401);
    }
}
