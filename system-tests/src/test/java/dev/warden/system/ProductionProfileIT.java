package dev.warden.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import dev.warden.testsupport.ReservedPort;
import dev.warden.testsupport.WardenKafka;
import dev.warden.testsupport.WardenOidc;

/**
 * A packaged service started with the production profile and the local defaults refuses to start,
 * naming each unsafe setting, unless the explicit local exception is set.
 */
class ProductionProfileIT {

    @Test
    void packagedServiceRefusesLocalDefaultsNamingEachSetting() throws Exception {
        Map<String, String> config = new java.util.HashMap<>(WardenKafka.quarkusConfig());
        config.putAll(WardenOidc.quarkusConfig());
        config.put("warden.security.allow-local-defaults", "false");
        try (ServiceProcess detection = ServiceProcess.start("detection-service", config)) {
            OptionalInt exit = detection.awaitExit(Duration.ofSeconds(90));
            assertThat(exit).as("the service stops by itself").isPresent();
            assertThat(exit.getAsInt()).isNotZero();
            assertThat(detection.logContains("refusing to start with the production profile")).as(detection.tail()).isTrue();
            assertThat(detection.logContains("kafka.security.protocol is SASL_PLAINTEXT, not SASL_SSL")).isTrue();
            assertThat(detection.logContains("warden.kafka.password is the local default")).isTrue();
            assertThat(detection.logContains("quarkus.oidc.auth-server-url is not https")).isTrue();
            assertThat(detection.logContains("warden.security.allow-local-defaults=true")).isTrue();
        }
    }

    @Test
    void packagedConsoleRefusesToHandTheBrowserAPlainHttpApiOnAnotherHost() throws Exception {
        Map<String, String> config = Map.of("warden.console.keycloak-url", "https://id.example.org",
                "warden.console.cases-api", "http://cases.example.org");
        try (ServiceProcess console = ServiceProcess.start("console", config, ReservedPort.fresh())) {
            OptionalInt exit = console.awaitExit(Duration.ofSeconds(90));
            assertThat(exit).as("the console stops by itself").isPresent();
            assertThat(exit.getAsInt()).isNotZero();
            assertThat(console.logContains("refusing to start with the production profile")).as(console.tail()).isTrue();
            assertThat(console.logContains("warden.console.cases-api is plain http to another host")).isTrue();
            assertThat(console.logContains("keycloak-url")).as("an https URL is not named").isFalse();
        }
    }
}
