package dev.warden.detection.backtest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.junit.jupiter.api.Test;

import dev.warden.contracts.Topics;
import dev.warden.contracts.activity.ActivityEvent;
import dev.warden.contracts.activity.ActivityType;
import dev.warden.contracts.activity.ReportReason;
import dev.warden.contracts.enforcement.EnforcementAction;
import dev.warden.contracts.enforcement.EnforcementEvent;
import dev.warden.contracts.json.WardenJson;
import dev.warden.contracts.signal.Violation;
import dev.warden.detection.rules.RuleDefinition;
import dev.warden.testsupport.ActivityEvents;
import dev.warden.testsupport.KafkaPrincipal;
import dev.warden.testsupport.KafkaTestClient;
import dev.warden.testsupport.WardenKafka;
import dev.warden.testsupport.WardenOidc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class BacktestTest {

    private static final String REPORTERS = "reported.distinct-reporters";

    @Test
    void aBacktestReplaysRecentActivityApartFromProductionAndScoresTheLabels() throws Exception {
        String abuser = "acc-bt-abuser-" + UUID.randomUUID();
        String benign = "acc-bt-benign-" + UUID.randomUUID();
        reported(abuser, List.of("alice", "bob", "carol"));
        reported(benign, List.of("dave", "erin"));
        RuleDefinition live = current();
        Map<String, Double> thresholds = new HashMap<>(live.thresholds());
        thresholds.put("minDistinctReporters", 2.0);
        RuleDefinition candidate = new RuleDefinition(REPORTERS, live.version() + 1, live.violation(), true,
                live.score(), live.cooldownSeconds(), thresholds, live.weights(), "two reporters (backtest)");
        Map<String, Object> request = Map.of("hours", 1, "rules", List.of(candidate), "labels", List.of(
                Map.of("accountId", abuser, "violations", List.of("USER_REPORTED")),
                Map.of("accountId", benign, "violations", List.of())));

        String location = given().auth().oauth2(WardenOidc.tokenFor("admin")).contentType(ContentType.JSON)
                .body(WardenJson.write(request)).when().post("/api/rule-backtests")
                .then().statusCode(202).extract().header("Location");
        BacktestView done = await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                .until(() -> view(location), v -> v.status() != BacktestView.Status.RUNNING);

        assertThat(done.failure()).isNull();
        assertThat(done.status()).isEqualTo(BacktestView.Status.DONE);
        BacktestReport report = done.report();
        assertThat(report.applicationId()).startsWith("warden-detection-backtest-").isNotEqualTo("warden-detection");
        BacktestReport.RuleResult reporters = report.rules().stream().filter(r -> r.ruleId().equals(REPORTERS))
                .findFirst().orElseThrow();
        assertThat(reporters.version()).isEqualTo(candidate.version());
        assertThat(reporters.accounts()).isGreaterThanOrEqualTo(2);
        assertThat(reporters.quality()).isEqualTo(new BacktestReport.Quality(1, 1, 0, 0.5, 1.0));
        assertThat(report.violations()).filteredOn(v -> v.violation() == Violation.USER_REPORTED).singleElement()
                .satisfies(v -> assertThat(v.quality().precision()).isEqualTo(0.5));

        // production ran the live version (three reporters): the abuser only; the candidate never reached it
        List<String> flaggedLive = KafkaTestClient.read(Topics.SIGNALS, r -> Set.of(abuser, benign).contains(r.key()),
                l -> l.stream().anyMatch(r -> r.key().equals(abuser)), Duration.ofSeconds(60)).stream()
                .map(r -> r.key()).toList();
        assertThat(flaggedLive).containsExactly(abuser);
        // and the backtest left neither its topics nor its consumer group behind
        try (Admin admin = WardenKafka.admin()) {
            assertThat(admin.listTopics().names().get()).noneMatch(t -> t.contains(done.id().toString()));
            assertThat(admin.listConsumerGroupOffsets(report.applicationId()).partitionsToOffsetAndMetadata().get())
                    .isEmpty();
            assertThatThrownBy(() -> admin.describeConsumerGroups(List.of(report.applicationId())).all().get())
                    .hasCauseInstanceOf(GroupIdNotFoundException.class);
        }
    }

    @Test
    void withoutLabelsABacktestScoresTheRulesAgainstHumanDecisionsOnTheEnforcementTopic() throws Exception {
        String run = UUID.randomUUID().toString();
        String warned = "acc-bt-warned-" + run;       // flagged, a person warned it: true positive
        String dismissed = "acc-bt-dismissed-" + run; // flagged, a person dismissed the case: false positive
        String reinstated = "acc-bt-reinstated-" + run; // flagged, banned, then reinstated by a person: false positive
        String changed = "acc-bt-changed-" + run;     // flagged, dismissed, later banned by a person: true positive
        String automated = "acc-bt-auto-" + run;      // flagged, banned automatically only: no label
        String missed = "acc-bt-missed-" + run;       // one reporter, not flagged, banned by a person: false negative
        for (String account : List.of(warned, dismissed, reinstated, changed, automated)) {
            reported(account, List.of("alice", "bob", "carol"));
        }
        reported(missed, List.of("dave"));
        Instant t = Instant.now().minusSeconds(60);
        // as case-service's outbox publishes them, with case-service's own principal
        try (KafkaProducer<String, String> caseService = new KafkaProducer<>(
                WardenKafka.clientConfig(KafkaPrincipal.CASES), new StringSerializer(), new StringSerializer())) {
            List<EnforcementEvent> decisions = List.of(
                    decision(warned, EnforcementAction.WARNED, false, t),
                    decision(dismissed, EnforcementAction.DISMISSED, false, t),
                    decision(reinstated, EnforcementAction.BANNED, true, t),
                    decision(reinstated, EnforcementAction.REINSTATED, false, t.plusSeconds(10)),
                    decision(changed, EnforcementAction.BANNED, false, t.plusSeconds(10)),
                    decision(changed, EnforcementAction.DISMISSED, false, t), // earlier, published later
                    decision(automated, EnforcementAction.BANNED, true, t),
                    decision(missed, EnforcementAction.BANNED, false, t));
            for (EnforcementEvent d : decisions) {
                caseService.send(new ProducerRecord<>(Topics.ENFORCEMENT, d.accountId(), WardenJson.write(d))).get();
            }
        }
        Map<String, Object> request = Map.of("hours", 1, "rules", List.of(current()));

        String location = given().auth().oauth2(WardenOidc.tokenFor("admin")).contentType(ContentType.JSON)
                .body(WardenJson.write(request)).when().post("/api/rule-backtests")
                .then().statusCode(202).extract().header("Location");
        BacktestView done = await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                .until(() -> view(location), v -> v.status() != BacktestView.Status.RUNNING);

        assertThat(done.failure()).isNull();
        BacktestReport report = done.report();
        assertThat(report.labels().source()).isEqualTo(BacktestReport.LabelSource.REVIEWER_DECISIONS);
        assertThat(report.labels().accounts()).isEqualTo(5);
        assertThat(report.labels().violating()).isEqualTo(3);
        assertThat(report.labels().benign()).isEqualTo(2);
        BacktestReport.RuleResult reporters = report.rules().stream().filter(r -> r.ruleId().equals(REPORTERS))
                .findFirst().orElseThrow();
        assertThat(reporters.quality()).isEqualTo(new BacktestReport.Quality(2, 2, 1, 0.5, 2.0 / 3));
        assertThat(report.violations()).filteredOn(v -> v.violation() == Violation.USER_REPORTED).singleElement()
                .satisfies(v -> assertThat(v.quality()).isEqualTo(new BacktestReport.Quality(2, 2, 1, 0.5, 2.0 / 3)));
        assertThat(report.violations()).filteredOn(v -> v.violation() == Violation.BULK_MESSAGING).singleElement()
                .satisfies(v -> assertThat(v.quality()).isNull());
    }

    private static EnforcementEvent decision(String account, EnforcementAction action, boolean automated, Instant at) {
        return new EnforcementEvent(UUID.randomUUID().toString(), UUID.randomUUID().toString(), account, action,
                automated, "USER_REPORTED", "SPAM_REPORTS", "reported by three people", null, null,
                automated ? "system:auto-enforcement" : "rita", at, null, null, null);
    }

    @Test
    void badBacktestRequestsAreProblemsNamingTheField() {
        RuleDefinition live = current();
        post(Map.of("hours", 0, "rules", List.of(live))).then().statusCode(400).body("errors.field", hasItem("hours"));
        post(Map.of("hours", 1, "rules", List.of())).then().statusCode(400).body("errors.field", hasItem("rules"));
        RuleDefinition unknown = new RuleDefinition("no.such-rule", 1, live.violation(), true, 0.5, 0, Map.of(), null, null);
        post(Map.of("hours", 1, "rules", List.of(unknown))).then().statusCode(422)
                .body("errors.field", hasItem("rules[0].id"));
        RuleDefinition bad = new RuleDefinition(REPORTERS, 1, live.violation(), true, 3.0, 0, live.thresholds(), null, null);
        post(Map.of("hours", 1, "rules", List.of(bad))).then().statusCode(422)
                .body("errors.field", hasItem("rules[0].score"));
        // the test broker keeps a week of activity
        post(Map.of("hours", 8000, "rules", List.of(live))).then().statusCode(422).body("errors.field", hasItem("hours"));
        given().auth().oauth2(WardenOidc.tokenFor("admin")).when().get("/api/rule-backtests/{id}", "not-a-uuid")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(WardenOidc.tokenFor("admin")).when().get("/api/rule-backtests/{id}", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    private static io.restassured.response.Response post(Map<String, Object> body) {
        return given().auth().oauth2(WardenOidc.tokenFor("admin")).contentType(ContentType.JSON)
                .body(WardenJson.write(body)).when().post("/api/rule-backtests");
    }

    private static BacktestView view(String location) {
        return WardenJson.read(given().auth().oauth2(WardenOidc.tokenFor("admin")).when().get(location)
                .then().statusCode(200).extract().asString(), BacktestView.class);
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

    private static RuleDefinition current() {
        return WardenJson.read(given().auth().oauth2(WardenOidc.tokenFor("admin")).when().get("/api/rules/{id}", REPORTERS)
                .then().statusCode(200).extract().asString(), RuleDefinition.class);
    }
}
