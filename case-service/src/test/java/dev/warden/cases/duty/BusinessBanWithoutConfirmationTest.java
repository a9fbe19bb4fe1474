package dev.warden.cases.duty;

import static dev.warden.cases.duty.DutyFixtures.decide;
import static dev.warden.cases.duty.DutyFixtures.reviewer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.warden.cases.Fixtures;
import dev.warden.cases.usecase.SignalIntake;
import io.quarkus.test.junit.QuarkusTest;

/** The confirmation setting is off by default: one reviewer's BUSINESS ban takes effect at once. */
@QuarkusTest
class BusinessBanWithoutConfirmationTest {

    @Inject
    SignalIntake intake;

    @Test
    void businessBanTakesEffectAtOnceWhenConfirmationIsOff() {
        UUID caseId = Fixtures.reviewCase(intake, "acc-confirm-off", 0.7);
        decide(reviewer("rita"), caseId, "BAN").then().statusCode(201).body("caseStatus", equalTo("ACTIONED"))
                .body("accountStatus", equalTo("BANNED"));
        given().auth().oauth2(reviewer("ravi")).when().post("/api/cases/{id}/proposal/confirm", caseId)
                .then().statusCode(409).body("currentStatus", equalTo("ACTIONED"));
    }
}
