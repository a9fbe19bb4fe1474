package dev.warden.cases.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.warden.cases.Fixtures;
import dev.warden.cases.usecase.SignalIntake;
import dev.warden.testsupport.WardenOidc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class AccountResourceTest {

    @Inject
    SignalIntake intake;

    @Test
    void accountViewShowsStatusStrikesAndCases() {
        UUID caseId = Fixtures.reviewCase(intake, "acc-view", 0.7);
        String account = Fixtures.load(caseId).accountId;
        given().auth().oauth2(WardenOidc.tokenFor("reviewer")).contentType(ContentType.JSON)
                .body("{\"action\":\"RESTRICT\",\"reasonCode\":\"BULK_MESSAGING\",\"reasonText\":\"slow down\",\"restrictFor\":\"P7D\"}")
                .when().post("/api/cases/{id}/decisions", caseId).then().statusCode(201);

        given().auth().oauth2(WardenOidc.tokenFor("reviewer")).when().get("/api/accounts/{id}", account)
                .then().statusCode(200)
                .body("status", equalTo("RESTRICTED"))
                .body("accountType", equalTo("BUSINESS"))
                .body("activeStrikes90d", equalTo(1))
                .body("strikes", hasSize(1)).body("strikes[0].action", equalTo("RESTRICT"))
                .body("cases", hasSize(1)).body("cases[0].id", equalTo(caseId.toString()));
        given().auth().oauth2(WardenOidc.tokenFor("platform")).when().get("/api/accounts/{id}/status", account)
                .then().statusCode(200).body("status", equalTo("RESTRICTED"));
    }

    @Test
    void accountViewChecksRolesAndInput() {
        UUID caseId = Fixtures.reviewCase(intake, "acc-view-roles", 0.7);
        String account = Fixtures.load(caseId).accountId;
        given().when().get("/api/accounts/{id}", account).then().statusCode(401);
        for (String role : List.of("platform", "legal")) {
            given().auth().oauth2(WardenOidc.tokenFor(role)).when().get("/api/accounts/{id}", account)
                    .then().statusCode(403);
        }
        given().auth().oauth2(WardenOidc.tokenFor("senior-reviewer")).when().get("/api/accounts/{id}", account)
                .then().statusCode(200);
        // a malformed id names no account, like an unknown one
        given().auth().oauth2(WardenOidc.tokenFor("reviewer")).when().get("/api/accounts/{id}", "bad id!")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(WardenOidc.tokenFor("reviewer")).when().get("/api/accounts/{id}", "acc-nobody")
                .then().statusCode(404);
        // the platform's status endpoint
        given().when().get("/api/accounts/{id}/status", account).then().statusCode(401);
        for (String role : List.of("legal", "admin")) {
            given().auth().oauth2(WardenOidc.tokenFor(role)).when().get("/api/accounts/{id}/status", account)
                    .then().statusCode(403);
        }
    }
}
