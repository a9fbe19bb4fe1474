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
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.junit.jupiter.api.Test;

import dev.warden.contracts.Topics;
import dev.warden.contracts.activity.ActivityEvent;
import dev.warden.contracts.activity.ActivityType;
import dev.warden.contracts.activity.ReportReason;
import dev.warden.contracts.json.WardenJson;
import dev.warden.contracts.signal.Violation;
import dev.warden.detection.rules.RuleDefinition;
import dev.warden.testsupport.ActivityEvents;
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
