package dev.warden.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points quarkus-mailer at the JVM's real SMTP server (GreenMail), with mocking off. */
public class SmtpResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return WardenSmtp.quarkusConfig();
    }

    @Override
    public void stop() {
        // the server lives for the whole JVM (see WardenSmtp)
    }
}
