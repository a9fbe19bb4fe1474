package dev.warden.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ChecksTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final Checks checks = new Checks(new PrintStream(printed, true, StandardCharsets.UTF_8));

    @Test
    void reportFailsNamingEveryFailedCheck() {
        checks.check("ban", true, "1 ban");
        checks.check("mail", false, "no mail");
        checks.check("token", false, "-> 500");
        assertThatThrownBy(checks::report).isInstanceOf(Failure.class)
                .hasMessage("smoke checks failed: mail: no mail; token: -> 500");
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("  PASS ban: 1 ban", "  FAIL mail: no mail");
    }

    @Test
    void reportCountsThePassedChecks() {
        checks.check("ban", true, "1 ban");
        checks.check("mail", true, "sent");
        checks.report();
        assertThat(printed.toString(StandardCharsets.UTF_8)).endsWith("smoke checks passed (2)\n");
    }

    @Test
    void banMailWordFollowsTheAccountsLanguage() {
        assertThat(SmokeChecks.banWord("de-AT")).isEqualTo("gesperrt");
        assertThat(SmokeChecks.banWord("fr")).isEqualTo("banned");
        assertThat(SmokeChecks.banWord("")).isEqualTo("banned");
    }

    @Test
    void keycloakRefusalIsAFailureWithItsAnswer() {
        assertThat(Http.accessToken(200, "{\"access_token\":\"abc\",\"expires_in\":300}")).isEqualTo("abc");
        assertThatThrownBy(() -> Http.accessToken(401, "{\"error\":\"invalid_grant\"}")).isInstanceOf(Failure.class)
                .hasMessageContaining("(401)").hasMessageContaining("invalid_grant");
    }
}
