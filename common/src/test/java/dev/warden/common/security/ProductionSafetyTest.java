package dev.warden.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ProductionSafetyTest {

    private static Map<String, String> safe() {
        Map<String, String> c = new HashMap<>();
        c.put("quarkus.datasource.db-kind", "postgresql");
        c.put("quarkus.datasource.password", "s3cr3t-from-vault");
        c.put("quarkus.oidc.auth-server-url", "https://id.example.com/realms/warden");
        c.put("warden.kafka.password", "kafka-from-vault");
        c.put("kafka.security.protocol", "SASL_SSL");
        c.put("quarkus.mailer.host", "smtp.example.com");
        c.put("quarkus.mailer.start-tls", "REQUIRED");
        return c;
    }

    private static List<String> problems(Map<String, String> c) {
        return ProductionSafety.problems(k -> Optional.ofNullable(c.get(k)));
    }

    @Test
    void acceptsAConfigurationWithSecretsAndTransportSecurity() {
        assertThat(problems(safe())).isEmpty();
    }

    @Test
    void refusesTheLocalDatasourcePasswordAndAnEmptyOne() {
        Map<String, String> c = safe();
        c.put("quarkus.datasource.password", "warden");
        assertThat(problems(c)).containsExactly("quarkus.datasource.password is the local default");
        c.put("quarkus.datasource.password", " ");
        assertThat(problems(c)).containsExactly("quarkus.datasource.password is empty");
    }

    @Test
    void ignoresTheDatasourceOfAServiceWithout() {
        Map<String, String> c = safe();
        c.remove("quarkus.datasource.db-kind");
        c.remove("quarkus.datasource.password");
        assertThat(problems(c)).isEmpty();
    }

    @Test
    void refusesLocalKafkaAndOidcSecrets() {
        Map<String, String> c = safe();
        c.put("warden.kafka.password", "case-service-local-secret");
        c.put("quarkus.oidc.credentials.secret", "cases-local-secret");
        assertThat(problems(c)).containsExactlyInAnyOrder("warden.kafka.password is the local default",
                "quarkus.oidc.credentials.secret is the local default");
    }

    @Test
    void refusesPlainHttpOidcAndKafkaWithoutSaslSsl() {
        Map<String, String> c = safe();
        c.put("quarkus.oidc.auth-server-url", "http://127.0.0.1:18180/realms/warden");
        c.put("kafka.security.protocol", "SASL_PLAINTEXT");
        assertThat(problems(c)).containsExactly(
                "quarkus.oidc.auth-server-url is not https (http://127.0.0.1:18180/realms/warden)",
                "kafka.security.protocol is SASL_PLAINTEXT, not SASL_SSL");
    }

    @Test
    void refusesSmtpWithoutTlsButAcceptsEitherTlsOrRequiredStartTls() {
        Map<String, String> c = safe();
        c.put("quarkus.mailer.start-tls", "DISABLED");
        assertThat(problems(c)).singleElement().asString().contains("quarkus.mailer.tls=true");
        c.put("quarkus.mailer.tls", "true");
        assertThat(problems(c)).isEmpty();
    }

    @Test
    void theMessageNamesEverySettingAndTheLocalSwitch() {
        Map<String, String> c = safe();
        c.put("kafka.security.protocol", "PLAINTEXT");
        c.put("warden.kafka.password", "");
        String message = ProductionSafety.message(problems(c));
        assertThat(message).contains("warden.kafka.password is empty", "kafka.security.protocol is PLAINTEXT",
                "warden.security.allow-local-defaults=true");
    }

    @Test
    void acceptsBrowserAccessFromNamedHttpsOriginsOrFromNone() {
        Map<String, String> c = safe();
        c.put("quarkus.http.cors.enabled", "true");
        assertThat(problems(c)).isEmpty();
        c.put("quarkus.http.cors.origins", "https://console.example.com, https://console-b.example.com");
        assertThat(problems(c)).isEmpty();
    }

    @Test
    void refusesBrowserAccessFromAnyOriginOrOverPlainHttp() {
        Map<String, String> c = safe();
        c.put("quarkus.http.cors.enabled", "true");
        c.put("quarkus.http.cors.origins", "*");
        assertThat(problems(c)).singleElement().asString().contains("allows any origin (*)");
        c.put("quarkus.http.cors.origins", "https://console.example.com,/.*/");
        assertThat(problems(c)).singleElement().asString().contains("allows any origin (/.*/)");
        c.put("quarkus.http.cors.origins", "http://127.0.0.1:8090");
        assertThat(problems(c)).containsExactly("quarkus.http.cors.origins names an origin that is not https (http://127.0.0.1:8090)");
        c.put("quarkus.http.cors.enabled", "false");
        assertThat(problems(c)).isEmpty();
    }

    @Test
    void refusesPlaceholderAddressesInDomainsReservedForExamples() {
        Map<String, String> c = safe();
        c.put("quarkus.mailer.from", "Warden Trust & Safety <no-reply@warden.example>");
        c.put("warden.notify.legal-team", "legal-team@example.com");
        assertThat(problems(c)).containsExactlyInAnyOrder(
                "quarkus.mailer.from is a placeholder in a reserved domain (Warden Trust & Safety <no-reply@warden.example>):"
                        + " mail to it arrives nowhere",
                "warden.notify.legal-team is a placeholder in a reserved domain (legal-team@example.com):"
                        + " mail to it arrives nowhere");
        c.put("quarkus.mailer.from", "Trust & Safety <no-reply@trust.corp-examples.org>");
        c.put("warden.notify.legal-team", "legal-team@corp.examples.net");
        assertThat(problems(c)).isEmpty();
    }

    @Test
    void anAddressCountsAsAPlaceholderWhateverItsSpellingOfTheDomain() {
        assertThat(List.of("a@mail.EXAMPLE.COM", "Name <a@b.test >", "a@b.example.", "a@warden.invalid", "a@localhost"))
                .allMatch(ProductionSafety::placeholderAddress);
        assertThat(List.of("a@example.company", "a@testing.org", "Name <a@corp.net>"))
                .noneMatch(ProductionSafety::placeholderAddress);
    }

    @Test
    void refusesAPlainHttpEvidenceLinkForTheLegalTeam() {
        Map<String, String> c = safe();
        c.put("warden.notify.evidence-base-url", "http://127.0.0.1:8082/api/legal/cases");
        assertThat(problems(c)).containsExactly(
                "warden.notify.evidence-base-url is not https (http://127.0.0.1:8082/api/legal/cases)");
        c.put("warden.notify.evidence-base-url", "https://warden.corp.net/api/legal/cases");
        assertThat(problems(c)).isEmpty();
    }
}
