package dev.warden.cases.casework;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.warden.cases.Signals;
import dev.warden.cases.usecase.SignalIntake;
import dev.warden.contracts.signal.Violation;
import dev.warden.testsupport.WardenOidc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class CaseResourceTest {

    @Inject
    SignalIntake intake;

    UUID caseId;

    @BeforeEach
    void openCase() {
        String account = "acc-rest-" + UUID.randomUUID();
        intake.receive(Signals.of(account, Violation.NON_PERSONAL_USE, 0.6, "PRIVATE", null));
        caseId = QuarkusTransaction.requiringNew()
                .call(() -> EnforcementCase.<EnforcementCase>find("accountId", account).firstResult().id);
    }

    @Test
    void caseDetailNeedsAToken() {
        given().when().get("/api/cases/{id}", caseId).then().statusCode(401);
    }

    @Test
    void caseDetailIsForbiddenWithoutAReviewerRole() {
        given().auth().oauth2(WardenOidc.tokenFor("platform")).when().get("/api/cases/{id}", caseId)
                .then().statusCode(403);
        given().auth().oauth2(WardenOidc.tokenFor("legal")).when().get("/api/cases/{id}", caseId)
                .then().statusCode(403);
    }

    @Test
    void notesNeedAReviewerRole() {
        String body = "{\"text\":\"a note\"}";
        given().contentType(ContentType.JSON).body(body).when().post("/api/cases/{id}/notes", caseId)
                .then().statusCode(401);
        for (String role : java.util.List.of("platform", "legal", "admin")) {
            given().auth().oauth2(WardenOidc.tokenFor(role)).contentType(ContentType.JSON).body(body)
                    .when().post("/api/cases/{id}/notes", caseId).then().statusCode(403);
        }
        given().auth().oauth2(WardenOidc.tokenFor("senior-reviewer")).contentType(ContentType.JSON).body(body)
                .when().post("/api/cases/{id}/notes", caseId).then().statusCode(201);
    }

    @Test
    void unknownCaseIsAProblem404() {
        given().auth().oauth2(WardenOidc.tokenFor("reviewer")).when().get("/api/cases/{id}", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json").body("title", equalTo("Not Found"));
    }

    @Test
    void reviewerAddsANoteThatShowsOnTheCase() {
        given().auth().oauth2(WardenOidc.token("alice", "reviewer")).contentType(ContentType.JSON)
                .body("{\"text\":\"Looks like a newsletter shop\"}")
                .when().post("/api/cases/{id}/notes", caseId)
                .then().statusCode(201).body("author", equalTo("alice"));

        given().auth().oauth2(WardenOidc.tokenFor("reviewer")).when().get("/api/cases/{id}", caseId)
                .then().statusCode(200).body("notes[0].text", equalTo("Looks like a newsletter shop"));
    }

    @Test
    void malformedJsonIsAProblem400NotA500() {
        given().auth().oauth2(WardenOidc.tokenFor("reviewer")).contentType(ContentType.JSON)
                .body("{\"text\": ")
                .when().post("/api/cases/{id}/notes", caseId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("detail", containsString("malformed JSON"));
    }

    @Test
    void blankAndOversizeNotesNameTheField() {
        given().auth().oauth2(WardenOidc.tokenFor("reviewer")).contentType(ContentType.JSON)
                .body("{\"text\":\"  \"}")
                .when().post("/api/cases/{id}/notes", caseId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("text"));
        given().auth().oauth2(WardenOidc.tokenFor("reviewer")).contentType(ContentType.JSON)
                .body("{\"text\":\"" + "x".repeat(4001) + "\"}")
                .when().post("/api/cases/{id}/notes", caseId)
                .then().statusCode(400).body("errors[0].field", equalTo("text"))
                .body("errors[0].message", containsString("4000"));
    }

    @Test
    void wrongTypeInBodyNamesTheField() {
        given().auth().oauth2(WardenOidc.tokenFor("reviewer")).contentType(ContentType.JSON)
                .body("{\"text\":[1,2]}")
                .when().post("/api/cases/{id}/notes", caseId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body.text"));
    }

    @Test
    void malformedCaseIdIsNotA500() {
        given().auth().oauth2(WardenOidc.tokenFor("reviewer")).when().get("/api/cases/{id}", "not-a-uuid")
                .then().statusCode(404);
    }
}
