package dev.warden.cases.decision;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.warden.cases.Fixtures;
import dev.warden.cases.audit.AuditEntry;
import dev.warden.cases.dsa.DsaStatement;
import dev.warden.cases.usecase.SignalIntake;
import dev.warden.contracts.json.WardenJson;
import dev.warden.testsupport.WardenOidc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** A reviewer reads the statement of reasons a restriction or ban would carry before sending it. */
@QuarkusTest
class DecisionPreviewTest {

    /** The statement's fields that do not depend on the decision's id or instant. */
    private static final List<String> STABLE = List.of("decision_account", "decision_ground", "incompatible_content_ground",
            "incompatible_content_explanation", "incompatible_content_illegal", "category", "category_specification",
            "category_specification_other", "content_type", "territorial_scope", "content_date", "source_type",
            "automated_detection", "automated_decision", "account_type");

    @Inject
    SignalIntake intake;

    private static Response preview(String token, UUID caseId, String body, String ifMatch) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().post("/api/cases/{id}/decisions/preview", caseId);
    }

    @Test
    void previewShowsTheBanStatementThatIsThenSentAndChangesNothing() {
        UUID caseId = Fixtures.reviewCase(intake, "acc-preview-ban", 0.7);
        String token = WardenOidc.token("petra", "reviewer");
        String ban = "{\"action\":\"BAN\",\"reasonCode\":\"SPAM_CONFIRMED\",\"reasonText\":\"fan-out to strangers\"}";
        long auditBefore = QuarkusTransaction.requiringNew().call(() -> AuditEntry.count("caseId", caseId));

        Map<String, Object> previewed = preview(token, caseId, ban, null).then().statusCode(200)
                .body("action", equalTo("BAN")).body("proposal", equalTo(false)).body("statementRequired", equalTo(true))
                .body("statementOfReasons.decision_account", equalTo("DECISION_ACCOUNT_TERMINATED"))
                .body("statementOfReasons.incompatible_content_explanation", containsString("fan-out to strangers"))
                .body("statementOfReasons.automated_decision", equalTo("AUTOMATED_DECISION_NOT_AUTOMATED"))
                .body("statementOfReasons.puid", equalTo("warden-preview"))
                .extract().path("statementOfReasons");

        // nothing happened: no decision, no statement, no audit entry, the case as it was
        assertThat(QuarkusTransaction.requiringNew().call(() -> Decision.count("caseId", caseId))).isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> DsaStatement.count("caseId", caseId))).isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> AuditEntry.count("caseId", caseId))).isEqualTo(auditBefore);
        assertThat(Fixtures.load(caseId).status().name()).isEqualTo("NEW");

        String decisionId = given().auth().oauth2(token).contentType(ContentType.JSON).body(ban)
                .when().post("/api/cases/{id}/decisions", caseId).then().statusCode(201).extract().path("id");
        String stored = QuarkusTransaction.requiringNew().call(() -> DsaStatement.<DsaStatement>find("decisionId",
                UUID.fromString(decisionId)).singleResult().statement);
        @SuppressWarnings("unchecked")
        Map<String, Object> sent = WardenJson.read(stored, Map.class);
        for (String field : STABLE) {
            assertThat(sent.get(field)).as(field).isEqualTo(previewed.get(field));
        }
        assertThat(sent.get("puid")).isEqualTo("warden-" + decisionId);
    }

    @Test
    void previewOfARestrictionNamesItsEndAndAWarningCarriesNoStatement() {
        UUID caseId = Fixtures.reviewCase(intake, "acc-preview-restrict", 0.7);
        String token = WardenOidc.token("paul", "reviewer");
        preview(token, caseId, "{\"action\":\"RESTRICT\",\"reasonCode\":\"SPAM\",\"reasonText\":\"a week off\",\"restrictFor\":\"P7D\"}", null)
                .then().statusCode(200)
                .body("statementOfReasons.decision_account", equalTo("DECISION_ACCOUNT_SUSPENDED"))
                .body("statementOfReasons.end_date_account_restriction", org.hamcrest.Matchers.matchesPattern("\\d{4}-\\d{2}-\\d{2}"));
        preview(token, caseId, "{\"action\":\"WARN\",\"reasonCode\":\"SPAM\",\"reasonText\":\"first time\"}", null)
                .then().statusCode(200).body("statementRequired", equalTo(false)).body("statementOfReasons", nullValue());
    }

    @Test
    void previewIsRefusedAsTheDecisionWouldBe() {
        UUID caseId = Fixtures.reviewCase(intake, "acc-preview-refused", 0.7);
        String token = WardenOidc.token("quinn", "reviewer");
        String ban = "{\"action\":\"BAN\",\"reasonCode\":\"SPAM\",\"reasonText\":\"x\"}";

        preview(token, caseId, ban, "\"977\"").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("reload it"));
        preview(token, caseId, "{\"action\":\"RESTRICT\",\"reasonCode\":\"SPAM\",\"reasonText\":\"x\"}", null)
                .then().statusCode(400).body("errors[0].field", equalTo("restrictFor"));

        given().auth().oauth2(WardenOidc.token("other", "reviewer")).contentType(ContentType.JSON)
                .body("{\"assignee\":\"other\"}").when().post("/api/cases/{id}/assign", caseId).then().statusCode(200);
        preview(token, caseId, ban, null).then().statusCode(409).body("detail", containsString("assigned to other"));
    }
}
