package dev.warden.cases.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.net.URL;

import org.junit.jupiter.api.Test;

import dev.warden.testsupport.WardenOidc;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The API port serves the API only, to tokens of the right issuer, audience and client, with security
 * headers; health, metrics and the OpenAPI document are on the management port.
 */
@QuarkusTest
class ApiHardeningTest {

    private static final String STATUS = "/api/accounts/{id}/status";

    @TestHTTPResource(value = "/health/ready", management = true)
    URL managementHealth;

    @TestHTTPResource(value = "/metrics", management = true)
    URL managementMetrics;

    @Test
    void rejectsAValidlySignedTokenFromAnotherIssuer() {
        String token = WardenOidc.tokenFromIssuer("https://other.example.com/realms/other", "mallory", "platform");
        given().auth().oauth2(token).when().get(STATUS, "acc-x").then().statusCode(401);
    }

    @Test
    void rejectsATokenWithoutTheWardenApiAudience() {
        given().auth().oauth2(WardenOidc.tokenWithAudience("mallory", "account", "platform"))
                .when().get(STATUS, "acc-x").then().statusCode(401);
    }

    @Test
    void rejectsATokenIssuedToAClientNotOnTheAllowList() {
        given().auth().oauth2(WardenOidc.tokenFromClient("warden-notifications", "service-account", "platform"))
                .when().get(STATUS, "acc-x").then().statusCode(401);
    }

    @Test
    void acceptsThePlatformMachineClient() {
        given().auth().oauth2(WardenOidc.tokenFromClient("warden-platform", "service-account-platform", "platform"))
                .when().get(STATUS, "acc-unknown-" + System.nanoTime()).then().statusCode(404);
    }

    @Test
    void servesNoOperationsEndpointOnTheApiPort() {
        given().when().get("/q/metrics").then().statusCode(404);
        given().when().get("/q/health/ready").then().statusCode(404);
        given().when().get("/q/openapi").then().statusCode(404);
    }

    @Test
    void servesHealthAndMetricsOnTheManagementPort() {
        given().when().get(managementHealth).then().statusCode(200);
        given().when().get(managementMetrics).then().statusCode(200).body(containsString("jvm_"));
    }

    @Test
    void answersCarrySecurityHeadersAndHstsOnlyOverTls() {
        given().when().get(STATUS, "acc-x").then().statusCode(401)
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("Content-Security-Policy", containsString("default-src 'none'"));
        String token = WardenOidc.tokenFor("platform");
        given().auth().oauth2(token).when().get(STATUS, "acc-x").then()
                .header("Strict-Transport-Security", nullValue());
        given().auth().oauth2(token).header("X-Forwarded-Proto", "https").when().get(STATUS, "acc-x").then()
                .header("Strict-Transport-Security", containsString("max-age="));
    }

    @Test
    void refusesCrossOriginRequestsFromAnyOriginButTheConsole() {
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .when().options("/api/cases").then()
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://evil.example").auth().oauth2(WardenOidc.tokenFor("reviewer"))
                .when().get("/api/cases").then().statusCode(403);
    }

    @Test
    void letsTheConsoleOriginCallTheApiWithItsTokenAndReadTheVersion() {
        String console = "http://127.0.0.1:8090";
        given().header("Origin", console).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,if-match,idempotency-key")
                .when().options("/api/cases/{id}/decisions", java.util.UUID.randomUUID()).then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(console))
                .header("Access-Control-Allow-Headers", containsString("If-Match"))
                .header("Access-Control-Allow-Headers", containsString("Idempotency-Key"));
        given().header("Origin", console).auth().oauth2(WardenOidc.tokenFor("reviewer"))
                .when().get("/api/cases").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(console))
                .header("Access-Control-Expose-Headers", containsString("ETag"));
    }
}
