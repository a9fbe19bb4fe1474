package dev.warden.system;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.warden.contracts.Topics;
import dev.warden.testsupport.KafkaPrincipal;
import dev.warden.testsupport.KafkaTestClient;
import dev.warden.testsupport.ReservedPort;
import dev.warden.testsupport.WardenKafka;
import dev.warden.testsupport.WardenPostgres;

/**
 * What the reviewer console needs, for real: Keycloak issuing the tokens, the packaged case-service on the test
 * broker and database (its CORS open to the console's origin only), and the packaged console pointed at both.
 * Detection is stood in for by writing signals to {@code warden.signals.v1} as detection's principal.
 */
final class ConsolePlatform implements BeforeAllCallback, AfterAllCallback {

    private static final Pattern CASE_ID = Pattern.compile("\"cases\"\\s*:\\s*\\[\\s*\\{\\s*\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private final boolean withDetectionService;
    private KeycloakServer keycloak;
    private ServiceProcess detectionService;
    private ServiceProcess cases;
    private ServiceProcess console;
    private KafkaTestClient detection;

    /** Keycloak, case-service and the console; detection is stood in for by signals. */
    ConsolePlatform() {
        this(false);
    }

    /** With withDetectionService, also the packaged detection-service (CORS open to the console), for the rules screen. */
    ConsolePlatform(boolean withDetectionService) {
        this.withDetectionService = withDetectionService;
    }

    KeycloakServer keycloak() {
        return keycloak;
    }

    ServiceProcess cases() {
        return cases;
    }

    String consoleUrl() {
        return console.url();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        int consolePort = ReservedPort.fresh();
        String consoleOrigin = "http://127.0.0.1:" + consolePort;
        keycloak = KeycloakServer.start(consoleOrigin);

        Map<String, String> cas = new HashMap<>(WardenKafka.quarkusConfig());
        cas.putAll(WardenPostgres.quarkusConfig("console_cases"));
        cas.put("quarkus.oidc.auth-server-url", keycloak.realmUrl());
        cas.put("quarkus.http.cors.origins", consoleOrigin);
        cas.put("quarkus.log.console.format", "%d{HH:mm:ss.SSS} %-5p [%c{2.}] %s%e%n");
        cases = ServiceProcess.start("case-service", cas);

        Map<String, String> con = new HashMap<>();
        con.put("warden.console.keycloak-url", keycloak.url());
        con.put("warden.console.cases-api", cases.url());
        if (withDetectionService) {
            Map<String, String> det = new HashMap<>(WardenKafka.quarkusConfig());
            det.put("quarkus.oidc.auth-server-url", keycloak.realmUrl());
            det.put("quarkus.http.cors.origins", consoleOrigin);
            det.put("kafka-streams.state.dir", Files.createTempDirectory("warden-streams").toString());
            det.put("quarkus.log.console.format", "%d{HH:mm:ss.SSS} %-5p [%c{2.}] %s%e%n");
            detectionService = ServiceProcess.start("detection-service", det);
            con.put("warden.console.detection-api", detectionService.url());
        }
        console = ServiceProcess.start("console", con, consolePort);

        keycloak.awaitReady(Duration.ofMinutes(10)); // the first start augments Keycloak: minutes on a busy machine
        cases.awaitReady(Duration.ofSeconds(120));
        if (detectionService != null) {
            detectionService.awaitReady(Duration.ofSeconds(180));
        }
        console.awaitReady(Duration.ofSeconds(60));
        detection = new KafkaTestClient(KafkaPrincipal.DETECTION);
    }

    /**
     * A detection signal for account with one criterion met (fan-out 140 ≥ 50) and one sample event; the policy
     * queues it for review at a score below the automatic-ban threshold.
     */
    void signal(String account, String violation, double score) {
        Instant now = Instant.now();
        String json = """
                {"signalId":"%s","accountId":"%s","violation":"%s","score":%s,"ruleId":"fanout-burst","ruleVersion":3,
                 "window":{"start":"%s","end":"%s"},
                 "features":{"distinctRecipients":140,"replyRatio":0.02,"messagesPerMinute":9.5},
                 "criteria":[{"feature":"distinctRecipients","operator":">=","threshold":50,"value":140},
                             {"feature":"replyRatio","operator":"<","threshold":0.1,"value":0.02}],
                 "sampleEventIds":["evt-%s-1","evt-%s-2"],
                 "summary":"140 distinct recipients in 10 minutes, 2%% of them replied","detectedAt":"%s"}
                """.formatted(UUID.randomUUID(), account, violation, score, now.minusSeconds(600), now, account, account, now);
        detection.send(Topics.SIGNALS, account, json);
    }

    /** The open case of account, once case-service has filed its signal (read through the API as alice). */
    String caseOf(String account) throws Exception {
        String token = keycloak().passwordToken("alice", "alice-local");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Matcher m = CASE_ID.matcher(get(token, "/api/accounts/" + account));
                if (m.find()) {
                    return m.group(1);
                }
            } catch (IllegalStateException notYet) {
                // 404 until the signal is filed
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("no case for " + account);
    }

    /** GET on case-service's API with a token; the body, or an exception naming the status. */
    String get(String token, String path) throws Exception {
        HttpResponse<String> r = SystemHttp.CLIENT.send(HttpRequest.newBuilder(URI.create(cases.url() + path)).timeout(SystemHttp.CALL_TIMEOUT)
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    /** GET on detection-service's API with a token (only when started with it); the response. */
    HttpResponse<String> getDetection(String token, String path) throws Exception {
        return SystemHttp.CLIENT.send(HttpRequest.newBuilder(URI.create(detectionService.url() + path)).timeout(SystemHttp.CALL_TIMEOUT)
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** PUT JSON on detection-service's API with a token (only when started with it); the response. */
    HttpResponse<String> putDetection(String token, String path, String json) throws Exception {
        return SystemHttp.CLIENT.send(HttpRequest.newBuilder(URI.create(detectionService.url() + path)).timeout(SystemHttp.CALL_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** POST JSON on case-service's API with a token; the response. */
    HttpResponse<String> post(String token, String path, String json) throws Exception {
        return SystemHttp.CLIENT.send(HttpRequest.newBuilder(URI.create(cases.url() + path)).timeout(SystemHttp.CALL_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        for (AutoCloseable c : new AutoCloseable[] {detection, console, detectionService, cases, keycloak}) {
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
