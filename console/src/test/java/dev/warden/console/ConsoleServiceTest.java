package dev.warden.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ConsoleServiceTest {

    @Test
    void servesTheBrowserItsSignInAndApiSettings() {
        given().get("/config.json").then().statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body("keycloakUrl", equalTo("http://127.0.0.1:18180"))
                .body("realm", equalTo("warden"))
                .body("clientId", equalTo("warden-console"))
                .body("casesApi", equalTo("http://127.0.0.1:8082"))
                .body("detectionApi", equalTo("http://127.0.0.1:8081"));
    }

    @Test
    void servesTheAppWithAPolicyThatAllowsOnlyItselfKeycloakAndTheApi() {
        given().get("/").then().statusCode(200)
                .body(containsString("<script type=\"module\" src=\"js/app.js\">"))
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .header("Content-Security-Policy", containsString("connect-src 'self' http://127.0.0.1:18180 http://127.0.0.1:8082 http://127.0.0.1:8081;"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void servesTheVendoredKeycloakAdapterAsAModule() {
        given().get("/vendor/keycloak-js-26.2.4/keycloak.js").then().statusCode(200)
                .contentType(containsString("javascript"))
                .body(containsString("export default class Keycloak"));
    }

    @Test
    void refusesAConfiguredUrlThatIsNotAbsolute() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ContentSecurityPolicy.origin("keycloak:8080"))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThat(ContentSecurityPolicy.origin("https://id.example.org/auth/"))
                .isEqualTo("https://id.example.org");
    }
}
