package dev.warden.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.warden.contracts.Topics;
import dev.warden.contracts.enforcement.EnforcementEvent;
import dev.warden.contracts.json.WardenJson;
import dev.warden.testsupport.ActivityEvents;
import dev.warden.testsupport.KafkaPrincipal;
import dev.warden.testsupport.KafkaTestClient;
import dev.warden.testsupport.WardenKafka;
import dev.warden.testsupport.WardenOidc;
import dev.warden.testsupport.WardenPostgres;
import dev.warden.testsupport.WardenSmtp;
import io.restassured.http.ContentType;

/**
 * Erasure across the packaged services: an account that went through the whole chain (detected, banned,
 * mailed, appealed) is erased through case-service's API; afterwards no text, JSON or binary column of
 * either database and no detection state holds its address. A second account under a legal hold keeps
 * all of it.
 */
class ErasureChainIT {

    private static final SystemDb CASES_DB = new SystemDb("erasure_cases");
    private static final SystemDb NOTIFY_DB = new SystemDb("erasure_notifications");

    private static ServiceProcess detection;
    private static ServiceProcess cases;
    private static ServiceProcess notifications;
    private static KafkaTestClient kafka;

    @BeforeAll
    static void startPlatform() throws Exception {
        Map<String, String> common = new HashMap<>(WardenKafka.quarkusConfig());
        common.putAll(WardenOidc.quarkusConfig());
        common.put("quarkus.log.console.format", "%d{HH:mm:ss.SSS} %-5p [%c{2.}] %s%e%n");
        Map<String, String> det = new HashMap<>(common);
        det.put("kafka-streams.state.dir", Files.createTempDirectory("warden-streams").toString());
        det.put("kafka-streams.commit.interval.ms", "200");
        det.put("kafka-streams.statestore.cache.max.bytes", "0");
        Map<String, String> cas = new HashMap<>(common);
        cas.putAll(WardenPostgres.quarkusConfig("erasure_cases"));
        cas.put("warden.outbox.interval", "100ms");
        Map<String, String> not = new HashMap<>(common);
        not.putAll(WardenPostgres.quarkusConfig("erasure_notifications"));
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

    @AfterAll
    static void stopPlatform() {
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

    /** Detected, banned, mailed (the outcome back on the case), and appealed with the address in the text. */
    private static EnforcementEvent throughTheChain(String account, String email) {
        ActivityEvents.registrationBurst(account, Instant.now().minus(5, ChronoUnit.MINUTES), email, "en-GB", 100, 3, 0)
                .forEach(e -> kafka.sendJson(Topics.ACTIVITY, account, e));
        EnforcementEvent ban = WardenJson.read(KafkaTestClient.read(Topics.ENFORCEMENT, r -> account.equals(r.key()),
                l -> !l.isEmpty(), Duration.ofSeconds(60)).get(0).value(), EnforcementEvent.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> !WardenSmtp.receivedBy(email).isEmpty());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(cases.url())
                .auth().oauth2(WardenOidc.token("alice", "reviewer")).when().get("/api/cases/{id}", ban.caseId())
                .then().statusCode(200).body("mails", hasSize(1)));
        given().baseUri(cases.url()).auth().oauth2(WardenOidc.token("pat", "platform")).contentType(ContentType.JSON)
                .header("Idempotency-Key", "appeal-" + account)
                .body("{\"decisionId\":\"" + ban.eventId() + "\",\"text\":\"I am " + email + ", please look again\"}")
                .when().post("/api/appeals").then().statusCode(201);
        return ban;
    }

    /** Every text, JSON and binary column of every table (from information_schema) that holds the needle. */
    private static List<String> columnsHolding(SystemDb db, String needle) throws SQLException {
        List<String> columns = db.column(String.class, "SELECT table_name || '.' || column_name || '.' || data_type "
                + "FROM information_schema.columns WHERE table_schema = current_schema() AND data_type IN "
                + "('text', 'character varying', 'character', 'json', 'jsonb', 'bytea')");
        assertThat(columns).hasSizeGreaterThan(10);
        List<String> found = new ArrayList<>();
        for (String c : columns) {
            String[] p = c.split("\\.");
            String value = "bytea".equals(p[2]) ? "encode(\"" + p[1] + "\", 'escape')" : "CAST(\"" + p[1] + "\" AS text)";
            if (db.count("SELECT count(*) FROM \"" + p[0] + "\" WHERE strpos(" + value + ", ?) > 0", needle) > 0) {
                found.add(p[0] + "." + p[1]);
            }
        }
        return found;
    }

    private static int features(String account) {
        return given().baseUri(detection.url()).auth().oauth2(WardenOidc.token("alice", "reviewer"))
                .when().get("/api/accounts/{id}/features", account).then().extract().statusCode();
    }

    @Test
    void erasedAccountLeavesNoAddressAnywhereWhileTheHeldAccountKeepsItsData() throws SQLException {
        String account = "acc:49171" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000);
        String email = "erased-" + UUID.randomUUID() + "@example.org";
        String held = "acc:49172" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000);
        String heldEmail = "held-" + UUID.randomUUID() + "@example.org";
        throughTheChain(account, email);
        throughTheChain(held, heldEmail);
        String hold = given().baseUri(cases.url()).auth().oauth2(WardenOidc.token("lena", "legal"))
                .contentType(ContentType.JSON)
                .body("{\"scope\":\"ACCOUNT\",\"targetId\":\"" + held + "\",\"reason\":\"Court case 12 O 345/31\"}")
                .when().post("/api/legal/holds").then().statusCode(201).extract().path("id");
        assertThat(columnsHolding(CASES_DB, email)).isNotEmpty();
        assertThat(columnsHolding(NOTIFY_DB, email)).isNotEmpty();
        assertThat(features(account)).isEqualTo(200);

        given().baseUri(cases.url()).auth().oauth2(WardenOidc.token("pat", "platform"))
                .when().post("/api/accounts/{id}/erasure", account).then().statusCode(202)
                .body("accountId", equalTo(account));
        given().baseUri(cases.url()).auth().oauth2(WardenOidc.token("pat", "platform"))
                .when().post("/api/accounts/{id}/erasure", held).then().statusCode(409)
                .body("detail", containsString(hold));

        // the fan-out: notification-service records the erasure, detection's state for the account is gone
        await().atMost(Duration.ofSeconds(60)).until(() -> NOTIFY_DB.count(
                "SELECT count(*) FROM erased_account WHERE account_id = ?", account) == 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> features(account) == 404);

        assertThat(columnsHolding(CASES_DB, email)).isEmpty();
        assertThat(columnsHolding(NOTIFY_DB, email)).isEmpty();
        assertThat(columnsHolding(CASES_DB, heldEmail)).contains("account.contact_email", "appeal.text");
        assertThat(columnsHolding(NOTIFY_DB, heldEmail)).contains("delivery.recipient");
        given().baseUri(detection.url()).auth().oauth2(WardenOidc.token("alice", "reviewer"))
                .when().get("/api/accounts/{id}/features", held).then().statusCode(200)
                .body("contactEmail", equalTo(heldEmail));
    }
}
