package dev.warden.cases.legal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.warden.cases.decision.DecisionAction;
import dev.warden.testsupport.WardenOidc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import dev.warden.cases.casework.CaseStatus;
import dev.warden.cases.casework.EnforcementCase;
import static org.assertj.core.api.Assertions.assertThat;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class EscalationQueueTest {

    @Inject
    LegalFixtures fixtures;

    UUID caseId;
    UUID escalationId;

    @BeforeEach
    void escalate() {
        caseId = fixtures.openCase("acc-esc-" + UUID.randomUUID());
        fixtures.decide(caseId, DecisionAction.ESCALATE, "alice", null);
        escalationId = QuarkusTransaction.requiringNew()
                .call(() -> LegalEscalation.<LegalEscalation>find("caseId", caseId).firstResult().id);
    }

    private String legal() {
        return WardenOidc.token("lena", "legal");
    }

    @Test
    void escalatedCaseArrivesInTheLegalQueueAsReceived() {
        given().auth().oauth2(legal()).when().get("/api/legal/escalations?status=RECEIVED")
                .then().statusCode(200).body("caseId", hasItem(caseId.toString()));
        given().auth().oauth2(legal()).when().get("/api/legal/escalations/{id}", escalationId)
                .then().statusCode(200).body("status", equalTo("RECEIVED")).body("escalatedBy", equalTo("alice"));
    }

    @Test
    void secondEscalationOfTheSameCaseIsRefusedAndDoesNotQueueItTwice() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fixtures.decide(caseId, DecisionAction.ESCALATE, "bob", null))
                .isInstanceOf(dev.warden.cases.casework.IllegalTransitionException.class);
        long count = QuarkusTransaction.requiringNew().call(() -> LegalEscalation.count("caseId", caseId));
        org.assertj.core.api.Assertions.assertThat(count).isEqualTo(1);
    }

    @Test
    void legalWorksAnEscalationThroughItsStatusesWithNotes() {
        for (String status : List.of("UNDER_REVIEW", "FILED", "CLOSED")) {
            given().auth().oauth2(legal()).contentType(ContentType.JSON).body("{\"status\":\"" + status + "\"}")
                    .when().put("/api/legal/escalations/{id}/status", escalationId)
                    .then().statusCode(200).body("status", equalTo(status));
        }
        assertThat(QuarkusTransaction.requiringNew().call(() -> EnforcementCase.<EnforcementCase>findById(caseId)))
                .as("closing the escalation closes the case and starts its retention period")
                .satisfies(c -> {
                    assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
                    assertThat(c.closedAt).isNotNull();
                });
        given().auth().oauth2(legal()).contentType(ContentType.JSON).body("{\"text\":\"Filed at Landgericht Berlin\"}")
                .when().post("/api/legal/escalations/{id}/notes", escalationId)
                .then().statusCode(201).body("author", equalTo("lena"));
        given().auth().oauth2(legal()).when().get("/api/legal/escalations/{id}/notes", escalationId)
                .then().statusCode(200).body("[0].text", equalTo("Filed at Landgericht Berlin"));
    }

    @Test
    void skippingOrReversingAStatusIsAConflictAndAnUnknownStatusNamesTheField() {
        given().auth().oauth2(legal()).contentType(ContentType.JSON).body("{\"status\":\"FILED\"}")
                .when().put("/api/legal/escalations/{id}/status", escalationId)
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(legal()).contentType(ContentType.JSON).body("{\"status\":\"WON\"}")
                .when().put("/api/legal/escalations/{id}/status", escalationId)
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
        given().auth().oauth2(legal()).contentType(ContentType.JSON).body("{\"text\":\" \"}")
                .when().post("/api/legal/escalations/{id}/notes", escalationId)
                .then().statusCode(400).body("errors.field", hasItem("text"));
        given().auth().oauth2(legal()).when().get("/api/legal/escalations/{id}", UUID.randomUUID())
                .then().statusCode(404);
    }

    @Test
    void onlyLegalSeesTheQueue() {
        given().when().get("/api/legal/escalations").then().statusCode(401);
        given().when().put("/api/legal/escalations/{id}/status", escalationId).then().statusCode(401);
        given().when().post("/api/legal/escalations/{id}/notes", escalationId).then().statusCode(401);
        for (String role : List.of("reviewer", "senior-reviewer", "platform", "admin")) {
            given().auth().oauth2(WardenOidc.tokenFor(role)).when().get("/api/legal/escalations").then().statusCode(403);
            given().auth().oauth2(WardenOidc.tokenFor(role)).when().get("/api/legal/escalations/{id}/notes", escalationId)
                    .then().statusCode(403);
            given().auth().oauth2(WardenOidc.tokenFor(role)).contentType(ContentType.JSON).body("{\"status\":\"CLOSED\"}")
                    .when().put("/api/legal/escalations/{id}/status", escalationId).then().statusCode(403);
            given().auth().oauth2(WardenOidc.tokenFor(role)).contentType(ContentType.JSON).body("{\"text\":\"x\"}")
                    .when().post("/api/legal/escalations/{id}/notes", escalationId).then().statusCode(403);
        }
    }
}
