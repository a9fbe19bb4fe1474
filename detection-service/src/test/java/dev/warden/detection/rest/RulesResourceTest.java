package dev.warden.detection.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.warden.contracts.Topics;
import dev.warden.contracts.activity.ActivityEvent;
import dev.warden.contracts.activity.ActivityType;
import dev.warden.contracts.activity.ReportReason;
import dev.warden.contracts.json.WardenJson;
import dev.warden.contracts.signal.DetectionSignal;
import dev.warden.contracts.signal.Violation;
import dev.warden.detection.rules.RuleDefinition;
import dev.warden.testsupport.ActivityEvents;
import dev.warden.testsupport.KafkaTestClient;
import dev.warden.testsupport.WardenOidc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class RulesResourceTest {

    private static final String REPORTERS = "reported.distinct-reporters";

    @Test
    void adminListsEveryRuleWithVersionAndThresholds() {
        given().auth().oauth2(WardenOidc.tokenFor("admin"))
                .when().get("/api/rules")
                .then().statusCode(200)
                .body("id", hasItems("bulk.registration-burst", "bulk.stranger-outreach", "bulk.coordinated-campaign",
                        "automated.machine-timing", "nonpersonal.promotional-broadcast", REPORTERS))
                .body("find { it.id == 'bulk.registration-burst' }.thresholds.minMessages", equalTo(10.0f));
    }

    @Test
    void aChangedRuleAppliesToTheNextEventsWithoutRestart() {
        RuleDefinition current = current(REPORTERS);
        RuleDefinition lowered = new RuleDefinition(REPORTERS, current.version() + 1, Violation.USER_REPORTED, true, 0.65,
                3600, Map.of("minDistinctReporters", 2.0), null, "two reporters are enough (test)");
        put(lowered).then().statusCode(200).body("version", equalTo(lowered.version()));
        try {
            String account = "acc-rules-" + UUID.randomUUID();
            try (KafkaTestClient kafka = new KafkaTestClient()) {
                kafka.sendJson(Topics.ACTIVITY, account, ActivityEvents.registered(account, Instant.now(), null, null));
                for (String reporter : List.of("alice", "bob")) {
                    kafka.sendJson(Topics.ACTIVITY, account, ActivityEvent.builder(UUID.randomUUID().toString(), account,
                            ActivityType.USER_REPORT, Instant.now()).reporterAccountId(reporter)
                            .reportReason(ReportReason.SPAM).build());
                }
            }
            List<DetectionSignal> signals = KafkaTestClient.read(Topics.SIGNALS, r -> account.equals(r.key()),
                    l -> !l.isEmpty(), Duration.ofSeconds(30)).stream()
                    .map(r -> WardenJson.read(r.value(), DetectionSignal.class)).toList();
            assertThat(signals).singleElement().satisfies(s -> {
                assertThat(s.ruleId()).isEqualTo(REPORTERS);
                assertThat(s.ruleVersion()).isEqualTo(lowered.version());
                assertThat(s.score()).isEqualTo(0.65);
            });
        } finally {
            RuleDefinition restored = new RuleDefinition(REPORTERS, lowered.version() + 1, Violation.USER_REPORTED, true,
                    0.6, 7 * 24 * 3600, Map.of("minDistinctReporters", 3.0), null, null);
            put(restored).then().statusCode(200);
        }
        given().auth().oauth2(WardenOidc.tokenFor("admin")).when().get("/api/rules/{id}", REPORTERS)
                .then().statusCode(200).body("thresholds.minDistinctReporters", equalTo(3.0f));
    }

    @Test
    void aStaleVersionIsAConflict() {
        RuleDefinition current = current("bulk.stranger-outreach");
        put(current).then().statusCode(409).contentType("application/problem+json").body("status", equalTo(409));
    }

    @Test
    void anUnknownThresholdIsAProblem422NamingIt() {
        RuleDefinition current = current("bulk.stranger-outreach");
        RuleDefinition bad = new RuleDefinition(current.id(), current.version() + 1, current.violation(), true,
                current.score(), current.cooldownSeconds(), Map.of("minMessagesLastHour", 40.0, "bogus", 1.0),
                current.weights(), null);
        put(bad).then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("thresholds.bogus"));
    }

    @Test
    void aScoreAboveOneIsAProblem422() {
        RuleDefinition c = current("bulk.stranger-outreach");
        put(new RuleDefinition(c.id(), c.version() + 1, c.violation(), true, 1.5, c.cooldownSeconds(), c.thresholds(),
                c.weights(), null)).then().statusCode(422).body("errors.field", hasItem("score"));
    }

    @Test
    void aNegativeThresholdIsAProblem422() {
        RuleDefinition c = current("automated.machine-timing");
        put(new RuleDefinition(c.id(), c.version() + 1, c.violation(), true, c.score(), c.cooldownSeconds(),
                Map.of("minIntervals", -1.0, "maxIntervalCv", 0.1, "minMessagesLastHour", 30.0), c.weights(), null))
                .then().statusCode(422).body("errors.field", hasItem("thresholds.minIntervals"));
    }

    @Test
    void malformedJsonIsAProblem400() {
        given().auth().oauth2(WardenOidc.tokenFor("admin")).contentType(ContentType.JSON).body("{\"version\": \"two\"")
                .when().put("/api/rules/{id}", REPORTERS)
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anUnknownRuleIsAProblem404() {
        given().auth().oauth2(WardenOidc.tokenFor("admin")).when().get("/api/rules/{id}", "no.such-rule")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void requiresAToken() {
        given().when().get("/api/rules").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").when().put("/api/rules/{id}", REPORTERS).then().statusCode(401);
    }

    @Test
    void onlyAdminsMayReadOrChangeRules() {
        for (String role : List.of("reviewer", "senior-reviewer", "legal", "platform")) {
            given().auth().oauth2(WardenOidc.tokenFor(role)).when().get("/api/rules").then().statusCode(403);
            given().auth().oauth2(WardenOidc.tokenFor(role)).contentType(ContentType.JSON).body("{}")
                    .when().put("/api/rules/{id}", REPORTERS).then().statusCode(403);
        }
    }

    @Test
    void theConsoleOriginReadsTheRulesWithTheConsolesToken() {
        String console = "http://127.0.0.1:8090";
        given().header("Origin", console).header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization,accept")
                .when().options("/api/rules").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(console));
        given().header("Origin", console).auth().oauth2(WardenOidc.tokenFromClient("warden-console", "adam", "admin"))
                .when().get("/api/rules").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(console))
                .body("id", hasItem(REPORTERS));
    }

    @Test
    void refusesCrossOriginRequestsFromAnyOriginButTheConsole() {
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .when().options("/api/rules").then().header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://evil.example").auth().oauth2(WardenOidc.tokenFor("admin"))
                .when().get("/api/rules").then().statusCode(403);
    }

    private static RuleDefinition current(String id) {
        return WardenJson.read(given().auth().oauth2(WardenOidc.tokenFor("admin")).when().get("/api/rules/{id}", id)
                .then().statusCode(200).extract().asString(), RuleDefinition.class);
    }

    private static io.restassured.response.Response put(RuleDefinition rule) {
        return given().auth().oauth2(WardenOidc.tokenFor("admin")).contentType(ContentType.JSON)
                .body(WardenJson.write(rule)).when().put("/api/rules/{id}", rule.id());
    }
}
