package dev.warden.cases.duty;

import static dev.warden.cases.duty.DutyFixtures.accountStatus;
import static dev.warden.cases.duty.DutyFixtures.automaticallyBanned;
import static dev.warden.cases.duty.DutyFixtures.decide;
import static dev.warden.cases.duty.DutyFixtures.decideAppeal;
import static dev.warden.cases.duty.DutyFixtures.fileAppeal;
import static dev.warden.cases.duty.DutyFixtures.reviewer;
import static dev.warden.cases.duty.DutyFixtures.senior;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.warden.cases.Fixtures;
import dev.warden.cases.Signals;
import dev.warden.cases.account.AccountStatus;
import dev.warden.cases.decision.Decision;
import dev.warden.cases.usecase.SignalIntake;
import dev.warden.contracts.signal.Violation;
import dev.warden.testsupport.WardenOidc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Reversals and appeal outcomes, per role, through the API with real signed tokens. */
@QuarkusTest
class SeparationOfDutiesTest {

    @Inject
    SignalIntake intake;

    @Test
    void reviewerAloneCannotReverseAnAutomaticBanButAnotherSeniorCan() {
        UUID caseId = automaticallyBanned(intake, "acc-sod-auto");

        decide(reviewer("rita"), caseId, "REINSTATE").then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("senior-reviewer"))
                .body("detail", containsString("appeal"));
        assertThat(accountStatus(caseId)).isEqualTo(AccountStatus.BANNED);

        decide(senior("sam"), caseId, "REINSTATE").then().statusCode(201).body("accountStatus", equalTo("ACTIVE"));
    }

    @Test
    void seniorWhoImposedABanCannotReverseIt() {
        UUID caseId = Fixtures.reviewCase(intake, "acc-sod-own", 0.7);
        decide(senior("sam"), caseId, "BAN").then().statusCode(201);

        decide(senior("sam"), caseId, "REINSTATE").then().statusCode(403).body("detail", containsString("sam"));
        decide(senior("sue"), caseId, "REINSTATE").then().statusCode(201).body("accountStatus", equalTo("ACTIVE"));
    }

    @Test
    void liftingARestrictionBeforeItsEndNeedsASeniorWhoDidNotImposeIt() {
        UUID caseId = Fixtures.reviewCase(intake, "acc-sod-restrict", 0.7);
        decide(reviewer("rita"), caseId, "RESTRICT").then().statusCode(201).body("accountStatus", equalTo("RESTRICTED"));

        decide(reviewer("rita"), caseId, "REINSTATE").then().statusCode(403)
                .body("detail", containsString("lifting a restriction before its end"));
        decide(reviewer("ravi"), caseId, "REINSTATE").then().statusCode(403);
        decide(senior("sam"), caseId, "REINSTATE").then().statusCode(201).body("accountStatus", equalTo("ACTIVE"));
    }

    @Test
    void rejectedAppealIsFinalForItsDeciderOnlyAnotherSeniorMayReverseIt() {
        UUID caseId = Fixtures.reviewCase(intake, "acc-sod-rejected", 0.7);
        String decisionId = decide(reviewer("rita"), caseId, "BAN").then().statusCode(201).extract().path("id");
        String appealId = fileAppeal(decisionId);
        decideAppeal(senior("sam"), appealId, "REJECTED").then().statusCode(200);

        decide(reviewer("ravi"), caseId, "REINSTATE").then().statusCode(403);
        decide(senior("sam"), caseId, "REINSTATE").then().statusCode(403)
                .body("detail", containsString("appeal's outcome is final"));
        decide(senior("sue"), caseId, "REINSTATE").then().statusCode(201).body("accountStatus", equalTo("ACTIVE"));
    }

    @Test
    void upheldAppealIsFinalForReviewersOnANewSignalOnlyAnotherSeniorMayEnforceAgain() {
        UUID caseId = Fixtures.reviewCase(intake, "acc-sod-upheld", 0.7);
        String account = Fixtures.load(caseId).accountId;
        String decisionId = decide(reviewer("rita"), caseId, "BAN").then().statusCode(201).extract().path("id");
        decideAppeal(senior("sam"), fileAppeal(decisionId), "UPHELD").then().statusCode(200);
        intake.receive(Signals.of(account, Violation.BULK_MESSAGING, 0.7, "BUSINESS", null)); // back to the queue

        decide(reviewer("rita"), caseId, "BAN").then().statusCode(403).body("detail", containsString("upheld"));
        decide(senior("sam"), caseId, "BAN").then().statusCode(403);
        decide(senior("sue"), caseId, "BAN").then().statusCode(201).body("accountStatus", equalTo("BANNED"));
    }

    @Test
    void reviewerWhoConfirmedOrMadeADecisionCannotDecideItsAppeal() {
        UUID caseId = Fixtures.reviewCase(intake, "acc-sod-appeal-self", 0.7);
        String decisionId = decide(senior("sam"), caseId, "BAN").then().statusCode(201).extract().path("id");
        decideAppeal(senior("sam"), fileAppeal(decisionId), "UPHELD").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void bulkReversalIsRefusedWholeNamingEveryOffendingCase() {
        UUID byHimself1 = Fixtures.reviewCase(intake, "acc-sod-bulk1", 0.7);
        UUID byHimself2 = Fixtures.reviewCase(intake, "acc-sod-bulk2", 0.7);
        UUID byRita = Fixtures.reviewCase(intake, "acc-sod-bulk3", 0.7);
        decide(senior("sam"), byHimself1, "BAN").then().statusCode(201);
        decide(senior("sam"), byHimself2, "BAN").then().statusCode(201);
        decide(reviewer("rita"), byRita, "BAN").then().statusCode(201);

        given().auth().oauth2(senior("sam")).contentType(ContentType.JSON)
                .body("{\"caseIds\":[\"" + byRita + "\",\"" + byHimself1 + "\",\"" + byHimself2
                        + "\"],\"action\":\"REINSTATE\",\"reasonCode\":\"REVIEW\",\"reasonText\":\"mass reversal\"}")
                .when().post("/api/cases/bulk-decisions").then().statusCode(403)
                .body("errors", hasSize(2)).body("errors[0].field", equalTo("caseIds[1]"))
                .body("errors[1].field", equalTo("caseIds[2]"));

        assertThat(accountStatus(byRita)).isEqualTo(AccountStatus.BANNED);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Decision.count("caseId = ?1 and action = 'REINSTATE'",
                byRita))).isZero();
    }

    @Test
    void legalAdminAndPlatformCannotDecideCases() {
        UUID caseId = Fixtures.reviewCase(intake, "acc-sod-legal", 0.7);
        decide(WardenOidc.token("lena", "legal"), caseId, "DISMISS").then().statusCode(403);
        decide(WardenOidc.token("adam", "admin"), caseId, "DISMISS").then().statusCode(403);
        decide(WardenOidc.tokenFor("platform"), caseId, "DISMISS").then().statusCode(403);
    }
}
