package dev.warden.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.warden.contracts.Topics;
import dev.warden.contracts.enforcement.EnforcementEvent;
import dev.warden.contracts.json.WardenJson;
import dev.warden.contracts.signal.DetectionSignal;
import dev.warden.contracts.signal.Violation;
import dev.warden.testsupport.KafkaTestClient;
import dev.warden.testsupport.WardenOidc;
import io.restassured.http.ContentType;

/**
 * The outbox relay of the packaged case-service through a broker outage and a restart: decisions taken
 * while its broker is down commit and wait in the outbox; the service is stopped and started again
 * while the broker is still down (its shutdown waits on the unreachable broker, so it usually ends
 * killed: a crash, not a clean stop); when the broker is back every decision is published, in the
 * order it was taken per account, none lost. case-service consumes from the shared broker as usual; only the
 * enforcement channel talks to the broker that fails.
 */
class OutboxRecoveryIT {

    private static final String DATABASE = "system_outbox";
    private static final SystemDb DB = new SystemDb(DATABASE);

    @Test
    void decisionsTakenDuringABrokerOutageArePublishedInOrderAfterRestart() throws Exception {
        try (StoppableBroker broker = StoppableBroker.start(Topics.ENFORCEMENT, 3)) {
            Map<String, String> config = ServiceProcess.platformConfig(DATABASE);
            config.put("mp.messaging.outgoing.enforcement.bootstrap.servers", broker.bootstrapServers());
            config.put("warden.outbox.interval", "100ms");

            String first = "acc-outage-a-" + UUID.randomUUID();
            String second = "acc-outage-b-" + UUID.randomUUID();
            List<UUID> decisions = new ArrayList<>();
            try (ServiceProcess cases = ServiceProcess.start("case-service", config)) {
                cases.awaitReady(Duration.ofSeconds(90));
                UUID firstCase = reviewCase(first);
                UUID secondCase = reviewCase(second);

                broker.stopBroker();
                decisions.add(decide(cases, firstCase, "olivia", "reviewer", "{\"action\":\"BAN\",\"reasonCode\":\"BULK_MESSAGING\",\"reasonText\":\"outage 1\"}"));
                decisions.add(decide(cases, secondCase, "olivia", "reviewer", "{\"action\":\"WARN\",\"reasonCode\":\"BULK_MESSAGING\",\"reasonText\":\"outage 2\"}"));
                // reversing a ban takes a senior reviewer who did not impose it (separation of duties)
                decisions.add(decide(cases, firstCase, "sara", "senior-reviewer", "{\"action\":\"REINSTATE\",\"reasonCode\":\"FALSE_POSITIVE\",\"reasonText\":\"outage 3\"}"));

                // the relay tries, fails and keeps every event
                await().atMost(Duration.ofSeconds(30)).until(() -> failedAttempts(first, second) > 0);
                assertThat(unpublished(first, second)).containsExactlyElementsOf(decisions);
            }

            broker.startBroker();
            try (ServiceProcess restarted = ServiceProcess.start("case-service", config)) {
                restarted.awaitReady(Duration.ofSeconds(90));
                await().atMost(Duration.ofSeconds(60)).until(() -> unpublished(first, second).isEmpty());
            }

            List<ConsumerRecord<String, String>> published = broker.read(Topics.ENFORCEMENT,
                    r -> first.equals(r.key()) || second.equals(r.key()), l -> distinctEvents(l).size() >= 3,
                    Duration.ofSeconds(30));
            // at least once: a send that timed out during the outage may show up again, never out of order
            assertThat(distinctEvents(published.stream().filter(r -> first.equals(r.key())).toList()))
                    .containsExactly(decisions.get(0), decisions.get(2));
            assertThat(distinctEvents(published.stream().filter(r -> second.equals(r.key())).toList()))
                    .containsExactly(decisions.get(1));
            assertThat(published.stream().filter(r -> first.equals(r.key()))
                    .map(r -> WardenJson.read(r.value(), EnforcementEvent.class).action().name()).distinct())
                    .containsExactly("BANNED", "REINSTATED");
        }
    }

    /** A business account's strong signal: a case for review, no automatic decision. */
    private static UUID reviewCase(String account) {
        Instant now = Instant.now();
        DetectionSignal signal = new DetectionSignal(UUID.randomUUID().toString(), account, Violation.BULK_MESSAGING, 0.99,
                "bulk.registration-burst", 1, new DetectionSignal.Window(now.minusSeconds(60), now),
                Map.of("messagesInWindow", 100.0), List.of(new DetectionSignal.Criterion("messagesInWindow", ">=", 50, 100)),
                List.of(UUID.randomUUID().toString()),
                new DetectionSignal.AccountContext("BUSINESS", "BUSINESS_APP", "DE", now.minusSeconds(3600), null, "de"),
                "100 messages within 60 s", now, now);
        KafkaTestClient.shared().sendJson(Topics.SIGNALS, account, signal);
        return await().atMost(Duration.ofSeconds(30)).until(() -> caseOf(account), id -> id != null);
    }

    private static UUID decide(ServiceProcess cases, UUID caseId, String user, String role, String body) {
        String id = given().baseUri(cases.url()).auth().oauth2(WardenOidc.token(user, role))
                .contentType(ContentType.JSON).body(body)
                .when().post("/api/cases/{id}/decisions", caseId)
                .then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    private static List<UUID> distinctEvents(List<ConsumerRecord<String, String>> records) {
        return StoppableBroker.firstOfEach(records).stream().map(r -> UUID.fromString(StoppableBroker.ceId(r))).toList();
    }

    private static UUID caseOf(String account) throws SQLException {
        List<UUID> ids = DB.column(UUID.class, "SELECT id FROM enforcement_case WHERE account_id = ?", account);
        return ids.isEmpty() ? null : ids.get(0);
    }

    /** This test's accounts only: the service also consumes whatever else is on the shared signals topic. */
    private static List<UUID> unpublished(String... accounts) throws SQLException {
        return DB.column(UUID.class, "SELECT event_id FROM outbox_event WHERE published_at IS NULL "
                + "AND event_key = ANY (?) ORDER BY id", (Object) accounts);
    }

    private static long failedAttempts(String... accounts) throws SQLException {
        return DB.count("SELECT COALESCE(SUM(attempts), 0) FROM outbox_event WHERE published_at IS NULL "
                + "AND last_error IS NOT NULL AND event_key = ANY (?)", (Object) accounts);
    }
}
