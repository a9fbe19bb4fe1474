package dev.warden.system;

import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.warden.testsupport.KafkaPrincipal;
import dev.warden.testsupport.KafkaTestClient;
import dev.warden.testsupport.WardenKafka;
import dev.warden.testsupport.WardenOidc;
import dev.warden.testsupport.WardenPostgres;
import dev.warden.testsupport.WardenSmtp;

/**
 * The three packaged services as separate processes against the test JVM's broker, PostgreSQL server,
 * SMTP server and OIDC provider, with short schedules so that the chain runs in seconds; and the
 * messaging platform's own Kafka client ({@code platform} principal: the chain runs on authenticated,
 * authorised clients only). A test class registers it as a static {@code @RegisterExtension} field:
 * the services start before its first test and stop after its last.
 */
final class ChainPlatform implements BeforeAllCallback, AfterAllCallback {

    private final String databasePrefix;
    /** case-service's and notification-service's databases, for what their APIs do not show. */
    final SystemDb casesDb;
    final SystemDb notificationsDb;
    private ServiceProcess detection;
    private ServiceProcess cases;
    private ServiceProcess notifications;
    private KafkaTestClient kafka;

    /** Databases {@code <prefix>_cases} and {@code <prefix>_notifications}: a test class's own. */
    ChainPlatform(String databasePrefix) {
        this.databasePrefix = databasePrefix;
        this.casesDb = new SystemDb(databasePrefix + "_cases");
        this.notificationsDb = new SystemDb(databasePrefix + "_notifications");
    }

    ServiceProcess detection() {
        return detection;
    }

    ServiceProcess cases() {
        return cases;
    }

    KafkaTestClient kafka() {
        return kafka;
    }

    /** Starts all three, then waits until each is ready. */
    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Map<String, String> common = new HashMap<>(WardenKafka.quarkusConfig());
        common.putAll(WardenOidc.quarkusConfig());
        common.put("quarkus.log.console.format", "%d{HH:mm:ss.SSS} %-5p [%c{2.}] %s%e%n");

        Map<String, String> det = new HashMap<>(common);
        det.put("kafka-streams.state.dir", Files.createTempDirectory("warden-streams").toString());
        det.put("kafka-streams.commit.interval.ms", "200");
        det.put("kafka-streams.statestore.cache.max.bytes", "0");
        Map<String, String> cas = new HashMap<>(common);
        cas.putAll(WardenPostgres.quarkusConfig(databasePrefix + "_cases"));
        cas.put("warden.outbox.interval", "100ms");
        Map<String, String> not = new HashMap<>(common);
        not.putAll(WardenPostgres.quarkusConfig(databasePrefix + "_notifications"));
        not.putAll(WardenSmtp.quarkusConfig());
        not.put("warden.notify.dispatch-interval", "100ms");
        not.put("warden.notify.report.interval", "200ms");

        detection = ServiceProcess.start("detection-service", det);
        cases = ServiceProcess.start("case-service", cas);
        notifications = ServiceProcess.start("notification-service", not);
        for (ServiceProcess s : List.of(detection, cases, notifications)) {
            s.awaitReady(Duration.ofSeconds(90));
        }
        kafka = new KafkaTestClient(KafkaPrincipal.PLATFORM);
    }

    /** Also after a failed start: JUnit calls it whenever beforeAll ran, so no service outlives its class. */
    @Override
    public void afterAll(ExtensionContext context) {
        for (AutoCloseable c : new AutoCloseable[] {kafka, notifications, cases, detection}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // keep closing the others
            }
        }
    }
}
