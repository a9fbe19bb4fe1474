package dev.warden.cases.duty;

import static dev.warden.cases.duty.DutyFixtures.decide;
import static dev.warden.cases.duty.DutyFixtures.reviewer;
import static dev.warden.cases.duty.DutyFixtures.senior;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.warden.cases.Fixtures;
import dev.warden.cases.audit.AuditEntry;
import dev.warden.cases.usecase.SignalIntake;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Who holds a case, and what reviewers may do with a case escalated to legal: per role, through the API. */
@QuarkusTest
class CaseOwnershipTest {

    @Inject
    SignalIntake intake;

    static Response assign(String token, UUID caseId, String assignee) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"assignee\":\"" + assignee + "\"}")
                .when().post("/api/cases/{id}/assign", caseId);
    }

    static Response post(String token, UUID caseId, String what) {
        return given().auth().oauth2(token).when().post("/api/cases/{id}/" + what, caseId);
    }

    @Test
    void reviewerClaimsAnUnassignedCaseButMayNotAssignItToSomeoneElse() {
        UUID caseId = Fixtures.reviewCase(intake, "acc-own-claim", 0.6);
        assign(reviewer("rita"), caseId, "ravi").then().statusCode(403).body("detail", containsString("senior-reviewer"));
        assign(reviewer("rita"), caseId, "rita").then().statusCode(200).body("assignee", equalTo("rita"))
                .body("status", equalTo("IN_REVIEW"));
    }

    @Test
    void takingOverSomeoneElsesCaseNeedsASeniorAndIsAudited() {
        UUID caseId = Fixtures.reviewCase(intake, "acc-own-takeover", 0.6);
        assign(reviewer("rita"), caseId, "rita").then().statusCode(200);

        assign(reviewer("ravi"), caseId, "ravi").then().statusCode(403).body("detail", containsString("held by rita"));
        post(reviewer("ravi"), caseId, "release").then().statusCode(403);
        assign(senior("sam"), caseId, "sam").then().statusCode(200).body("assignee", equalTo("sam"));

        String detail = QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>find(
                "caseId = ?1 and action = 'CASE_TAKEN_OVER'", caseId).firstResult().detail);
        assertThat(detail).contains("from rita").contains("to sam").contains("by sam");
    }

    @Test
    void reviewerReleasesTheirOwnCase() {
        UUID caseId = Fixtures.reviewCase(intake, "acc-own-release", 0.6);
        assign(reviewer("rita"), caseId, "rita").then().statusCode(200);
        post(reviewer("rita"), caseId, "release").then().statusCode(200).body("status", equalTo("NEW"));
    }

    @Test
    void escalatedCaseIsLegalsReviewersOnlyReadAndAddNotes() {
        UUID caseId = Fixtures.reviewCase(intake, "acc-own-escalated", 0.6);
        decide(reviewer("rita"), caseId, "ESCALATE").then().statusCode(201).body("caseStatus", equalTo("ESCALATED"));

        for (String token : new String[] {reviewer("rita"), senior("sam")}) {
            decide(token, caseId, "WARN").then().statusCode(409).contentType("application/problem+json")
                    .body("currentStatus", equalTo("ESCALATED")).body("attempted", equalTo("ENFORCE"))
                    .body("allowedTransitions", hasItems("CLOSE_ESCALATION"));
            decide(token, caseId, "DISMISS").then().statusCode(409);
            post(token, caseId, "close").then().statusCode(409).body("currentStatus", equalTo("ESCALATED"));
            assign(token, caseId, "sam").then().statusCode(409);
            given().auth().oauth2(token).when().get("/api/cases/{id}", caseId).then().statusCode(200);
            given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"text\":\"more context\"}")
                    .when().post("/api/cases/{id}/notes", caseId).then().statusCode(201);
        }
        given().auth().oauth2(reviewer("rita")).when().get("/api/cases/{id}", caseId).then()
                .body("status", equalTo("ESCALATED")).body("notes.text", hasItem("more context"));
    }

    @Test
    void closedCaseNeverReopensANewSignalOpensANewCase() {
        UUID caseId = Fixtures.reviewCase(intake, "acc-own-closed", 0.6);
        String account = Fixtures.load(caseId).accountId;
        decide(reviewer("rita"), caseId, "DISMISS").then().statusCode(201);
        post(reviewer("rita"), caseId, "close").then().statusCode(200).body("status", equalTo("CLOSED"));

        decide(senior("sam"), caseId, "WARN").then().statusCode(409).body("currentStatus", equalTo("CLOSED"));
        intake.receive(dev.warden.cases.Signals.of(account, dev.warden.contracts.signal.Violation.BULK_MESSAGING, 0.6,
                "BUSINESS", null));

        assertThat(Fixtures.load(caseId).status()).isEqualTo(dev.warden.cases.casework.CaseStatus.CLOSED);
        assertThat(QuarkusTransaction.requiringNew().call(() -> dev.warden.cases.casework.EnforcementCase
                .count("accountId", account))).isEqualTo(2);
    }
}
