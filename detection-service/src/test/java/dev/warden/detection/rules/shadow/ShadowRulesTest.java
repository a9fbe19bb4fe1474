package dev.warden.detection.rules.shadow;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.warden.contracts.Topics;
import dev.warden.contracts.activity.ActivityEvent;
import dev.warden.contracts.activity.ActivityType;
import dev.warden.contracts.activity.ReportReason;
import dev.warden.contracts.json.WardenJson;
import dev.warden.contracts.signal.DetectionSignal;
import dev.warden.detection.rules.RuleAudit;
import dev.warden.detection.rules.RuleDefinition;
import dev.warden.detection.rules.RuleRecord;
import dev.warden.detection.rules.RuleStatus;
import dev.warden.testsupport.ActivityEvents;
import dev.warden.testsupport.KafkaTestClient;
import dev.warden.testsupport.WardenOidc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class ShadowRulesTest {

    private static final String REPORTERS = "reported.distinct-reporters";
    private static final String OUTREACH = "bulk.stranger-outreach";

    @Test
    void shadowSignalsLandOnTheShadowTopicOnlyAndTheComparisonCountsThem() {
        Instant from = Instant.now();
        RuleDefinition live = current(REPORTERS);
        RuleDefinition candidate = withThreshold(live, "minDistinctReporters", 2.0);
        putShadow(candidate, "admin-user").then().statusCode(200).body("status", equalTo("SHADOW"))
                .body("actor", equalTo("admin-user")).body("previous.version", equalTo(live.version()));
        String shadowOnly = "acc-shadow-only-" + UUID.randomUUID();
        String both = "acc-shadow-both-" + UUID.randomUUID();
        try {
            reported(shadowOnly, List.of("alice", "bob"));
            reported(both, List.of("alice", "bob", "carol"));

            List<DetectionSignal> shadow = signals(Topics.SIGNALS_SHADOW, Set.of(shadowOnly, both),
                    l -> l.stream().map(ConsumerRecord::key).distinct().count() == 2);
            assertThat(shadow).extracting(DetectionSignal::accountId).containsExactlyInAnyOrder(shadowOnly, both);
            assertThat(shadow).allSatisfy(s -> {
                assertThat(s.ruleId()).isEqualTo(REPORTERS);
                assertThat(s.ruleVersion()).isEqualTo(candidate.version());
            });
            // the live version (three reporters) flags only the second account, and the shadow's never reach live
            List<DetectionSignal> liveSignals = signals(Topics.SIGNALS, Set.of(shadowOnly, both),
                    l -> l.stream().anyMatch(r -> r.key().equals(both)));
            assertThat(liveSignals).extracting(DetectionSignal::accountId).containsExactly(both);
            assertThat(liveSignals).extracting(DetectionSignal::ruleVersion).containsOnly(live.version());

            ShadowReport report = WardenJson.read(given().auth().oauth2(WardenOidc.tokenFor("admin"))
                    .queryParam("from", from.toString())
                    .when().get("/api/rules/{id}/shadow", REPORTERS)
                    .then().statusCode(200).extract().asString(), ShadowReport.class);
            assertThat(report.liveVersion()).isEqualTo(live.version());
            assertThat(report.shadowVersion()).isEqualTo(candidate.version());
            assertThat(report.rule()).isEqualTo(new ShadowReport.Buckets(1, 2, 0, 1, 1, List.of(), List.of(shadowOnly)));
            assertThat(report.byViolation()).singleElement().satisfies(v -> {
                assertThat(v.violation()).isEqualTo(live.violation());
                assertThat(v.accounts().onlyShadow()).isEqualTo(1);
                assertThat(v.accounts().both()).isEqualTo(1);
            });
        } finally {
            given().auth().oauth2(WardenOidc.tokenFor("admin")).when().delete("/api/rules/{id}/shadow", REPORTERS)
                    .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        }
    }

    @Test
    void promotingTheShadowMakesItActiveAuditedWithWhoAndWhen() {
        RuleDefinition before = current(OUTREACH);
        RuleDefinition candidate = new RuleDefinition(OUTREACH, before.version() + 1, before.violation(), true,
                before.score(), before.cooldownSeconds(), before.thresholds(), before.weights(), "shadow-tested (test)");
        putShadow(candidate, "alice-admin").then().statusCode(200);

        RuleRecord promoted = WardenJson.read(given().auth().oauth2(WardenOidc.token("bob-admin", "admin"))
                .when().post("/api/rules/{id}/shadow/promote", OUTREACH)
                .then().statusCode(200).extract().asString(), RuleRecord.class);
        assertThat(promoted.status()).isEqualTo(RuleStatus.ACTIVE);
        assertThat(promoted.actor()).isEqualTo("bob-admin");
        assertThat(promoted.proposedBy()).isEqualTo("alice-admin");
        assertThat(promoted.previous()).isEqualTo(before);
        assertThat(promoted.changedAt()).isNotNull();

        assertThat(current(OUTREACH)).isEqualTo(promoted.rule());
        RuleAudit audit = audit(OUTREACH);
        assertThat(audit.active()).isEqualTo(promoted);
        assertThat(audit.shadow()).isNull();
        given().auth().oauth2(WardenOidc.tokenFor("admin")).when().get("/api/rules/{id}/shadow", OUTREACH)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(WardenOidc.tokenFor("admin")).when().post("/api/rules/{id}/shadow/promote", OUTREACH)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void everyRuleChangeRecordsTheActorAndThePreviousVersion() {
        RuleDefinition before = current(REPORTERS);
        RuleDefinition next = withThreshold(before, "minDistinctReporters", before.threshold("minDistinctReporters"));
        given().auth().oauth2(WardenOidc.token("carol-admin", "admin")).contentType(ContentType.JSON)
                .body(WardenJson.write(next)).when().put("/api/rules/{id}", REPORTERS).then().statusCode(200);
        RuleRecord active = audit(REPORTERS).active();
        assertThat(active.actor()).isEqualTo("carol-admin");
        assertThat(active.previous()).isEqualTo(before);
        assertThat(active.rule().version()).isEqualTo(before.version() + 1);
        assertThat(active.changedAt()).isNotNull();
    }

    @Test
    void aStaleShadowVersionIsAConflict() {
        RuleDefinition live = current(OUTREACH);
        putShadow(live, "admin-user").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void anInvalidShadowVersionIsAProblem422NamingTheField() {
        RuleDefinition live = current(OUTREACH);
        RuleDefinition bad = new RuleDefinition(OUTREACH, live.version() + 1, live.violation(), true, live.score(),
                live.cooldownSeconds(), Map.of("bogus", 1.0), live.weights(), null);
        putShadow(bad, "admin-user").then().statusCode(422).body("errors.field", hasItem("thresholds.bogus"));
    }

    @Test
    void aComparisonPeriodThatIsNotATimestampOrEndsBeforeItStartsIsA400NamingIt() {
        RuleDefinition live = current(REPORTERS);
        putShadow(withThreshold(live, "minDistinctReporters", 4.0), "admin-user").then().statusCode(200);
        try {
            given().auth().oauth2(WardenOidc.tokenFor("admin")).queryParam("from", "yesterday")
                    .when().get("/api/rules/{id}/shadow", REPORTERS)
                    .then().statusCode(400).body("errors.field", hasItem("from"));
            given().auth().oauth2(WardenOidc.tokenFor("admin")).queryParam("from", "2026-01-02T00:00:00Z")
                    .queryParam("to", "2026-01-01T00:00:00Z")
                    .when().get("/api/rules/{id}/shadow", REPORTERS)
                    .then().statusCode(400).body("errors.field", hasItem("to"));
        } finally {
            given().auth().oauth2(WardenOidc.tokenFor("admin")).when().delete("/api/rules/{id}/shadow", REPORTERS)
                    .then().statusCode(200);
        }
    }

    @Test
    void anUnknownRuleHasNoShadow() {
        given().auth().oauth2(WardenOidc.tokenFor("admin")).when().get("/api/rules/{id}/shadow", "no.such-rule")
                .then().statusCode(404).contentType("application/problem+json");
    }

    private static RuleDefinition withThreshold(RuleDefinition r, String name, double value) {
        Map<String, Double> thresholds = new java.util.HashMap<>(r.thresholds());
        thresholds.put(name, value);
        return new RuleDefinition(r.id(), r.version() + 1, r.violation(), true, r.score(), r.cooldownSeconds(),
                thresholds, r.weights(), r.description());
    }

    private static void reported(String account, List<String> reporters) {
        KafkaTestClient kafka = KafkaTestClient.shared();
        kafka.sendJson(Topics.ACTIVITY, account, ActivityEvents.registered(account, Instant.now(), null, null));
        for (String reporter : reporters) {
            kafka.sendJson(Topics.ACTIVITY, account, ActivityEvent.builder(UUID.randomUUID().toString(), account,
                    ActivityType.USER_REPORT, Instant.now()).reporterAccountId(reporter)
                    .reportReason(ReportReason.SPAM).build());
        }
    }

    private static List<DetectionSignal> signals(String topic, Set<String> accounts,
            java.util.function.Predicate<List<ConsumerRecord<String, String>>> done) {
        return KafkaTestClient.read(topic, r -> accounts.contains(r.key()), done, Duration.ofSeconds(60)).stream()
                .map(r -> WardenJson.read(r.value(), DetectionSignal.class)).toList();
    }

    private static RuleDefinition current(String id) {
        return WardenJson.read(given().auth().oauth2(WardenOidc.tokenFor("admin")).when().get("/api/rules/{id}", id)
                .then().statusCode(200).extract().asString(), RuleDefinition.class);
    }

    private static RuleAudit audit(String id) {
        return WardenJson.read(given().auth().oauth2(WardenOidc.tokenFor("admin")).when().get("/api/rules/{id}/audit", id)
                .then().statusCode(200).extract().asString(), RuleAudit.class);
    }

    private static Response putShadow(RuleDefinition rule, String admin) {
        return given().auth().oauth2(WardenOidc.token(admin, "admin")).contentType(ContentType.JSON)
                .body(WardenJson.write(rule)).when().put("/api/rules/{id}/shadow", rule.id());
    }
}
