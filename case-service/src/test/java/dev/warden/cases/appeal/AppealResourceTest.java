package dev.warden.cases.appeal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.warden.cases.Fixtures;
import dev.warden.cases.account.Account;
import dev.warden.cases.account.AccountStatus;
import dev.warden.cases.account.Strike;
import dev.warden.cases.usecase.SignalIntake;
import dev.warden.contracts.Topics;
import dev.warden.contracts.enforcement.EnforcementAction;
import dev.warden.contracts.enforcement.EnforcementEvent;
import dev.warden.contracts.json.WardenJson;
import dev.warden.testsupport.KafkaTestClient;
import dev.warden.testsupport.WardenOidc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class AppealResourceTest {

    @Inject
    SignalIntake intake;

    /** A case banned by reviewer {@code reviewer}; returns the decision id. */
    String bannedBy(String reviewer, String prefix) {
        UUID caseId = Fixtures.reviewCase(intake, prefix, 0.7);
        return given().auth().oauth2(WardenOidc.token(reviewer, "reviewer")).contentType(ContentType.JSON)
                .body("{\"action\":\"BAN\",\"reasonCode\":\"BULK_MESSAGING\",\"reasonText\":\"spam wave\"}")
                .when().post("/api/cases/{id}/decisions", caseId).then().statusCode(201).extract().path("id");
    }

    static String file(String decisionId, String text) {
        return "{\"decisionId\":\"" + decisionId + "\",\"text\":\"" + text + "\"}";
    }

    String fileAppeal(String decisionId) {
        return given().auth().oauth2(WardenOidc.tokenFor("platform")).contentType(ContentType.JSON)
                .body(file(decisionId, "I only wrote to my football club")).when().post("/api/appeals")
                .then().statusCode(201).body("status", equalTo("RECEIVED")).extract().path("id");
    }

    @Test
    void upheldAppealReinstatesClearsTheStrikeAndTellsTheHolder() {
        String decisionId = bannedBy("rob", "acc-appeal-up");
        String accountId = QuarkusTransaction.requiringNew()
                .call(() -> dev.warden.cases.decision.Decision.<dev.warden.cases.decision.Decision>findById(
                        UUID.fromString(decisionId)).accountId);
        String appealId = fileAppeal(decisionId);

        given().auth().oauth2(WardenOidc.token("sara", "senior-reviewer")).when().get("/api/appeals")
                .then().statusCode(200).body("id", hasItem(appealId));
        given().auth().oauth2(WardenOidc.token("sara", "senior-reviewer")).contentType(ContentType.JSON)
                .body("{\"outcome\":\"UPHELD\",\"reason\":\"club newsletter to members is personal use\"}")
                .when().post("/api/appeals/{id}/decision", appealId).then().statusCode(200)
                .body("status", equalTo("UPHELD")).body("decidedBy", equalTo("sara"));

        assertThat(QuarkusTransaction.requiringNew().call(() -> Account.<Account>findById(accountId).status))
                .isEqualTo(AccountStatus.ACTIVE);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Strike.<Strike>find("decisionId",
                UUID.fromString(decisionId)).firstResult().clearedAt)).isNotNull();
        List<EnforcementAction> told = KafkaTestClient.read(Topics.ENFORCEMENT, r -> accountId.equals(r.key()),
                l -> l.size() >= 4, Duration.ofSeconds(20)).stream()
                .map(r -> WardenJson.read(r.value(), EnforcementEvent.class).action()).toList();
        assertThat(told).containsExactly(EnforcementAction.BANNED, EnforcementAction.APPEAL_RECEIVED,
                EnforcementAction.REINSTATED, EnforcementAction.APPEAL_DECIDED);
        given().auth().oauth2(WardenOidc.token("sara", "senior-reviewer")).contentType(ContentType.JSON)
                .body("{\"outcome\":\"REJECTED\",\"reason\":\"again\"}")
                .when().post("/api/appeals/{id}/decision", appealId).then().statusCode(409);
    }

    @Test
    void platformRetryWithTheSameIdempotencyKeyFilesOneAppeal() {
        String decisionId = bannedBy("rob", "acc-appeal-retry");
        String key = UUID.randomUUID().toString();
        String first = given().auth().oauth2(WardenOidc.tokenFor("platform")).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(file(decisionId, "please look again"))
                .when().post("/api/appeals").then().statusCode(201).extract().path("id");
        String again = given().auth().oauth2(WardenOidc.tokenFor("platform")).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(file(decisionId, "please look again"))
                .when().post("/api/appeals").then().statusCode(200).header("Idempotency-Replayed", "true")
                .extract().path("id");
        assertThat(again).isEqualTo(first);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Appeal.count("decisionId", UUID.fromString(decisionId))))
                .isEqualTo(1);
    }

    @Test
    void theReviewerWhoDecidedMayNotDecideTheAppeal() {
        String decisionId = bannedBy("sven", "acc-appeal-self");
        String appealId = fileAppeal(decisionId);
        given().auth().oauth2(WardenOidc.token("sven", "senior-reviewer", "reviewer")).contentType(ContentType.JSON)
                .body("{\"outcome\":\"REJECTED\",\"reason\":\"I was right\"}")
                .when().post("/api/appeals/{id}/decision", appealId).then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("may not decide"));
        given().auth().oauth2(WardenOidc.token("tina", "senior-reviewer")).contentType(ContentType.JSON)
                .body("{\"outcome\":\"REJECTED\",\"reason\":\"the ban stands\"}")
                .when().post("/api/appeals/{id}/decision", appealId).then().statusCode(200)
                .body("status", equalTo("REJECTED"));
    }

    @Test
    void oneAppealPerDecisionWithinThirtyDaysOnlyAgainstEnforcement() {
        String decisionId = bannedBy("rob", "acc-appeal-rules");
        fileAppeal(decisionId);
        String platform = WardenOidc.tokenFor("platform");
        given().auth().oauth2(platform).contentType(ContentType.JSON).body(file(decisionId, "again"))
                .when().post("/api/appeals").then().statusCode(409);

        String late = bannedBy("rob", "acc-appeal-late");
        QuarkusTransaction.requiringNew().run(() -> dev.warden.cases.decision.Decision
                .update("decidedAt = ?1 where id = ?2", java.time.Instant.now().minus(Duration.ofDays(31)),
                        UUID.fromString(late)));
        given().auth().oauth2(platform).contentType(ContentType.JSON).body(file(late, "too late"))
                .when().post("/api/appeals").then().statusCode(422).body("errors[0].field", equalTo("decisionId"));

        UUID dismissedCase = Fixtures.reviewCase(intake, "acc-appeal-dismissed", 0.7);
        String dismissal = given().auth().oauth2(WardenOidc.tokenFor("reviewer")).contentType(ContentType.JSON)
                .body("{\"action\":\"DISMISS\",\"reasonCode\":\"NO_VIOLATION\",\"reasonText\":\"ok\"}")
                .when().post("/api/cases/{id}/decisions", dismissedCase).then().statusCode(201).extract().path("id");
        given().auth().oauth2(platform).contentType(ContentType.JSON).body(file(dismissal, "nothing to appeal"))
                .when().post("/api/appeals").then().statusCode(422).body("errors[0].field", equalTo("decisionId"));
        given().auth().oauth2(platform).contentType(ContentType.JSON).body(file(UUID.randomUUID().toString(), "who"))
                .when().post("/api/appeals").then().statusCode(404);
    }

    @Test
    void badAppealInputIsA400NamingTheField() {
        String decisionId = bannedBy("rob", "acc-appeal-bad");
        String platform = WardenOidc.tokenFor("platform");
        given().auth().oauth2(platform).contentType(ContentType.JSON).body(file(decisionId, "x".repeat(2001)))
                .when().post("/api/appeals").then().statusCode(400).body("errors[0].field", equalTo("text"));
        given().auth().oauth2(platform).contentType(ContentType.JSON).body("{\"text\":\"no decision\"}")
                .when().post("/api/appeals").then().statusCode(400).body("errors[0].field", equalTo("decisionId"));
        given().auth().oauth2(platform).contentType(ContentType.JSON).body("{\"decisionId\":42,\"text\":\"t\"}")
                .when().post("/api/appeals").then().statusCode(400).body("errors[0].field", equalTo("body.decisionId"));
        String appealId = fileAppeal(decisionId);
        String senior = WardenOidc.tokenFor("senior-reviewer");
        given().auth().oauth2(senior).contentType(ContentType.JSON).body("{\"outcome\":\"MAYBE\",\"reason\":\"t\"}")
                .when().post("/api/appeals/{id}/decision", appealId).then().statusCode(400)
                .body("errors[0].field", equalTo("body.outcome"));
        given().auth().oauth2(senior).contentType(ContentType.JSON).body("{\"outcome\":\"UPHELD\"}")
                .when().post("/api/appeals/{id}/decision", appealId).then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(senior).queryParam("status", "PENDING").when().get("/api/appeals").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        given().auth().oauth2(senior).contentType(ContentType.JSON).header("If-Match", "\"5\"")
                .body("{\"outcome\":\"UPHELD\",\"reason\":\"t\"}")
                .when().post("/api/appeals/{id}/decision", appealId).then().statusCode(409);
    }

    @Test
    void appealEndpointsCheckRoles() {
        String decisionId = bannedBy("rob", "acc-appeal-roles");
        given().contentType(ContentType.JSON).body(file(decisionId, "t")).when().post("/api/appeals").then().statusCode(401);
        given().when().get("/api/appeals").then().statusCode(401);
        for (String role : List.of("reviewer", "senior-reviewer", "legal", "admin")) {
            given().auth().oauth2(WardenOidc.tokenFor(role)).contentType(ContentType.JSON).body(file(decisionId, "t"))
                    .when().post("/api/appeals").then().statusCode(403);
        }
        String appealId = fileAppeal(decisionId);
        given().when().get("/api/appeals/{id}", appealId).then().statusCode(401);
        given().contentType(ContentType.JSON).body("{\"outcome\":\"UPHELD\",\"reason\":\"t\"}")
                .when().post("/api/appeals/{id}/decision", appealId).then().statusCode(401);
        for (String role : List.of("reviewer", "platform", "legal", "admin")) {
            String t = WardenOidc.tokenFor(role);
            given().auth().oauth2(t).when().get("/api/appeals").then().statusCode(403);
            given().auth().oauth2(t).contentType(ContentType.JSON).body("{\"outcome\":\"UPHELD\",\"reason\":\"t\"}")
                    .when().post("/api/appeals/{id}/decision", appealId).then().statusCode(403);
        }
        given().auth().oauth2(WardenOidc.tokenFor("platform")).when().get("/api/appeals/{id}", appealId)
                .then().statusCode(200).body("status", equalTo("RECEIVED"));
        given().auth().oauth2(WardenOidc.tokenFor("reviewer")).when().get("/api/appeals/{id}", appealId)
                .then().statusCode(403);
    }
}
