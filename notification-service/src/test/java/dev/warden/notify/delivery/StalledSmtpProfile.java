package dev.warden.notify.delivery;

import java.util.Map;

import dev.warden.testsupport.WardenSmtp;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The mailer talks to GreenMail through a proxy (started by the test) that the test can freeze or slow down, with the production wait
 * for a reply (RFC 5321's 10 minutes); transactions time out after 5 s, so one held open across an SMTP
 * send would fail the test.
 */
public class StalledSmtpProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.mailer.port", String.valueOf(WardenSmtp.proxyPort()),
                "warden.notify.send-timeout", "PT10M",
                "quarkus.transaction-manager.default-transaction-timeout", "5s");
    }
}
