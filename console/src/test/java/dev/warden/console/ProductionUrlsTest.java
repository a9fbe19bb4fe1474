package dev.warden.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ProductionUrlsTest {

    @Test
    void acceptsHttpsAndHttpToTheBrowsersOwnMachine() {
        assertThat(ProductionUrls.problems(Map.of(
                "warden.console.keycloak-url", "https://id.example.org",
                "warden.console.cases-api", "http://127.0.0.1:8082",
                "other", "http://localhost:8081/"))).isEmpty();
    }

    @Test
    void refusesPlainHttpToAnotherHostNamingTheKey() {
        assertThat(ProductionUrls.problems(Map.of(
                "warden.console.keycloak-url", "https://id.example.org",
                "warden.console.cases-api", "http://cases.example.org")))
                .singleElement().asString().startsWith("warden.console.cases-api is plain http to another host");
    }

    @Test
    void refusesWhatIsNotAnAbsoluteWebUrl() {
        assertThat(ProductionUrls.problems(Map.of(
                "warden.console.keycloak-url", "keycloak:8080",
                "warden.console.cases-api", "ftp://cases.example.org",
                "other", "https://exa mple.org")))
                .hasSize(3).allSatisfy(p -> assertThat(p).containsAnyOf("is not an absolute", "is not a URL"));
    }
}
