package dev.warden.cases.duty;

import static dev.warden.cases.duty.DutyFixtures.accountStatus;
import static dev.warden.cases.duty.DutyFixtures.decide;
import static dev.warden.cases.duty.DutyFixtures.reviewer;
import static dev.warden.cases.duty.DutyFixtures.senior;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.warden.cases.Fixtures;
import dev.warden.cases.Signals;
import dev.warden.cases.account.AccountStatus;
import dev.warden.cases.decision.Decision;
import dev.warden.cases.usecase.SignalIntake;
import dev.warden.contracts.signal.Violation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** With the policy setting on, a BUSINESS ban needs two people: a proposal, then a confirmation or rejection. */
@QuarkusTest
@TestProfile(BusinessBanConfirmationTest.ConfirmationOn.class)
class BusinessBanConfirmationTest {

    public static class ConfirmationOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("warden.policy.business-ban-confirmation", "true");
        }
    }

    @Inject
    SignalIntake intake;

    @Test
    void businessBanIsProposedAndTakesEffectOnlyWhenASecondReviewerConfirms() {
        UUID caseId = Fixtures.reviewCase(intake, "acc-confirm-yes", 0.7); // a BUSINESS account
        decide(reviewer("rita"), caseId, "BAN").then().statusCode(202).body("caseStatus", equalTo("PROPOSED"))
                .body("id", nullValue()).body("accountStatus", equalTo("ACTIVE"));
        assertThat(accountStatus(caseId)).isEqualTo(AccountStatus.ACTIVE);

        given().auth().oauth2(reviewer("rita")).when().post("/api/cases/{id}/proposal/confirm", caseId)
                .then().statusCode(403).body("detail", containsString("second reviewer"));
        decide(senior("sam"), caseId, "WARN").then().statusCode(409).body("currentStatus", equalTo("PROPOSED"));

        String decisionId = given().auth().oauth2(reviewer("ravi")).when().post("/api/cases/{id}/proposal/confirm", caseId)
                .then().statusCode(201).body("action", equalTo("BAN")).body("actor", equalTo("rita"))
                .body("caseStatus", equalTo("ACTIONED")).body("accountStatus", equalTo("BANNED")).extract().path("id");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Decision.<Decision>findById(UUID.fromString(decisionId))
                .confirmedBy)).isEqualTo("ravi");
    }

    @Test
    void secondReviewerRejectsAProposedBanAndTheCaseReturnsToReview() {
        UUID caseId = Fixtures.reviewCase(intake, "acc-confirm-no", 0.7);
        decide(reviewer("rita"), caseId, "BAN").then().statusCode(202);

        given().auth().oauth2(senior("sam")).contentType(ContentType.JSON).body("{\"reasonText\":\"members only\"}")
                .when().post("/api/cases/{id}/proposal/reject", caseId).then().statusCode(200)
                .body("status", equalTo("IN_REVIEW")).body("assignee", equalTo("sam"));
        assertThat(accountStatus(caseId)).isEqualTo(AccountStatus.ACTIVE);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Decision.count("caseId", caseId))).isZero();
    }

    @Test
    void privateAccountBanNeedsNoConfirmation() {
        String account = "acc-confirm-private-" + UUID.randomUUID();
        intake.receive(Signals.of(account, Violation.NON_PERSONAL_USE, 0.6, "PRIVATE", null));
        decide(reviewer("rita"), Fixtures.caseOf(account), "BAN").then().statusCode(201)
                .body("accountStatus", equalTo("BANNED"));
    }
}
