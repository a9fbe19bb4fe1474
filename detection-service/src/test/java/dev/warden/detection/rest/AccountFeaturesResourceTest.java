package dev.warden.detection.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.warden.contracts.Topics;
import dev.warden.testsupport.ActivityEvents;
import dev.warden.testsupport.KafkaTestClient;
import dev.warden.testsupport.WardenOidc;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AccountFeaturesResourceTest {

    @Test
    void reviewerSeesLiveStateOfAnAccount() {
        String account = "acc-features-" + UUID.randomUUID();
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            kafka.sendJson(Topics.ACTIVITY, account, ActivityEvents.registered(account, Instant.now(), "f@example.org", "en"));
        }

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(WardenOidc.tokenFor("reviewer"))
                        .when().get("/api/accounts/{id}/features", account)
                        .then().statusCode(200)
                        .body("contactEmail", equalTo("f@example.org"))
                        .body("clientType", equalTo("UNOFFICIAL_CLIENT")));
    }

    @Test
    void unknownAccountIsAProblem404() {
        // run first in a JVM, the state stores may still be starting (503): wait for them, not for the answer
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() ->
                given().auth().oauth2(WardenOidc.tokenFor("reviewer")).when().get("/api/accounts/{id}/features", "nobody")
                        .statusCode() != 503);
        given().auth().oauth2(WardenOidc.tokenFor("reviewer"))
                .when().get("/api/accounts/{id}/features", "nobody-" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
    }

    @Test
    void malformedAccountIdIsA404ProblemLikeAnUnknownOne() {
        given().auth().oauth2(WardenOidc.tokenFor("reviewer"))
                .when().get("/api/accounts/{id}/features", "not valid!")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
    }

    @Test
    void requiresAToken() {
        given().when().get("/api/accounts/{id}/features", "x").then().statusCode(401);
    }

    @Test
    void refusesRolesThatMayNotReadFeatures() {
        given().auth().oauth2(WardenOidc.tokenFor("legal"))
                .when().get("/api/accounts/{id}/features", "x").then().statusCode(403);
        given().auth().oauth2(WardenOidc.tokenFor("platform"))
                .when().get("/api/accounts/{id}/features", "x").then().statusCode(403);
    }

    @Test
    void refusesATokenForAnotherAudience() {
        given().auth().oauth2(WardenOidc.tokenWithAudience("mallory", "some-other-api", "reviewer"))
                .when().get("/api/accounts/{id}/features", "x").then().statusCode(401);
    }
}
