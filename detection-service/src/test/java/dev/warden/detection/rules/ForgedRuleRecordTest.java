package dev.warden.detection.rules;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.warden.contracts.Topics;
import dev.warden.contracts.json.WardenJson;
import dev.warden.contracts.signal.Violation;
import dev.warden.testsupport.KafkaTestClient;
import dev.warden.testsupport.WardenOidc;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/** Whoever can write the rules topic without the admin API cannot change a rule. */
@QuarkusTest
class ForgedRuleRecordTest {

    private static final String REPORTERS = "reported.distinct-reporters";

    @Inject
    MeterRegistry metrics;

    @Test
    void aRuleRecordWithoutActorOrWithOutOfRangeValuesIsSkippedAndCounted() {
        RuleDefinition before = current();
        double skipped = skipped();
        RuleDefinition lax = new RuleDefinition(REPORTERS, before.version() + 50, Violation.USER_REPORTED, true, 0.99, 0,
                Map.of("minDistinctReporters", 1.0), Map.of(), "forged");
        KafkaTestClient kafka = KafkaTestClient.shared();
        // a bare definition, as the topic held before records named their actor
        kafka.send(Topics.DETECTION_RULES, REPORTERS, WardenJson.write(lax));
        kafka.send(Topics.DETECTION_RULES, REPORTERS,
                WardenJson.write(new RuleRecord(lax, RuleStatus.ACTIVE, " ", Instant.now(), before, null)));
        RuleDefinition outOfRange = new RuleDefinition(REPORTERS, before.version() + 51, Violation.USER_REPORTED, true,
                7.0, 0, Map.of("minDistinctReporters", 1.0), Map.of(), "forged");
        kafka.send(Topics.DETECTION_RULES, REPORTERS,
                WardenJson.write(new RuleRecord(outOfRange, RuleStatus.ACTIVE, "mallory", Instant.now(), before, null)));

        await().atMost(Duration.ofSeconds(30)).until(() -> skipped() >= skipped + 3);
        assertThat(current()).isEqualTo(before);
    }

    private double skipped() {
        var counter = metrics.find("warden.detection.rules.skipped").counter();
        return counter == null ? 0 : counter.count();
    }

    private static RuleDefinition current() {
        return WardenJson.read(given().auth().oauth2(WardenOidc.tokenFor("admin")).when().get("/api/rules/{id}", REPORTERS)
                .then().statusCode(200).extract().asString(), RuleDefinition.class);
    }
}
