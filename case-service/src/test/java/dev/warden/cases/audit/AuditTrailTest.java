package dev.warden.cases.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import dev.warden.cases.Fixtures;
import dev.warden.cases.usecase.SignalIntake;
import dev.warden.testsupport.WardenOidc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class AuditTrailTest {

    @Inject
    SignalIntake intake;

    @Inject
    EntityManager em;

    @Test
    void recordsEvidenceReadsAndDecisionsWithActorAndClient() {
        Instant before = Instant.now();
        UUID caseId = Fixtures.reviewCase(intake, "acc-audit", 0.7);
        String account = Fixtures.load(caseId).accountId;
        String console = Fixtures.tokenFromClient("vera", "warden-platform", "reviewer");
        given().auth().oauth2(console).when().get("/api/cases/{id}", caseId).then().statusCode(200);
        given().auth().oauth2(console).contentType(ContentType.JSON)
                .body("{\"action\":\"WARN\",\"reasonCode\":\"BULK_MESSAGING\",\"reasonText\":\"careful\"}")
                .when().post("/api/cases/{id}/decisions", caseId).then().statusCode(201);

        String admin = WardenOidc.tokenFor("admin");
        given().auth().oauth2(admin).queryParam("caseId", caseId.toString()).when().get("/api/audit")
                .then().statusCode(200)
                .body("action", hasItems("SIGNAL_FILED", "EVIDENCE_READ", "DECISION_WARN"))
                .body("find { it.action == 'EVIDENCE_READ' }.actor", equalTo("vera"))
                .body("find { it.action == 'EVIDENCE_READ' }.clientId", equalTo("warden-platform"))
                .body("find { it.action == 'DECISION_WARN' }.actor", equalTo("vera"));
        given().auth().oauth2(admin).queryParam("caseId", caseId.toString()).queryParam("action", "DECISION_WARN")
                .when().get("/api/audit").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].action", equalTo("DECISION_WARN"));
        given().auth().oauth2(admin).queryParam("actor", "vera").queryParam("accountId", account)
                .queryParam("from", before.toString()).queryParam("to", Instant.now().plusSeconds(60).toString())
                .when().get("/api/audit").then().statusCode(200).body("accountId", hasItem(account))
                .body("actor", org.hamcrest.Matchers.everyItem(equalTo("vera")));
        given().auth().oauth2(admin).queryParam("actor", "vera").queryParam("to", before.toString())
                .when().get("/api/audit").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void auditFiltersThatDoNotParseAreA400NamingTheFilter() {
        String admin = WardenOidc.tokenFor("admin");
        // Quarkus REST converts an Instant itself and would answer 404
        given().auth().oauth2(admin).queryParam("from", "yesterday").when().get("/api/audit").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("from"));
        given().auth().oauth2(admin).queryParam("to", "2026-13-01").when().get("/api/audit").then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
        given().auth().oauth2(admin).queryParam("caseId", "case-1").when().get("/api/audit").then().statusCode(400)
                .body("errors[0].field", equalTo("caseId"));
        given().auth().oauth2(admin).queryParam("size", "1001").when().get("/api/audit").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
        given().auth().oauth2(admin).queryParam("size", "1000").when().get("/api/audit").then().statusCode(200);
    }

    @Test
    void theAuditLogIsAppendOnly() {
        Fixtures.reviewCase(intake, "acc-audit-append", 0.7);
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("UPDATE audit_log SET actor = 'mallory'").executeUpdate()))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("DELETE FROM audit_log").executeUpdate()))
                .hasStackTraceContaining("append-only");
        assertThat(QuarkusTransaction.requiringNew().call(() -> AuditEntry.count("actor", "mallory"))).isZero();
    }

    @Test
    void onlyAdminsReadTheAuditLog() {
        given().when().get("/api/audit").then().statusCode(401);
        for (String role : List.of("reviewer", "senior-reviewer", "legal", "platform")) {
            given().auth().oauth2(WardenOidc.tokenFor(role)).when().get("/api/audit").then().statusCode(403);
        }
        given().auth().oauth2(WardenOidc.tokenFor("admin")).when().get("/api/audit").then().statusCode(200);
    }

    @Test
    void badAuditQueriesNameTheParameter() {
        String admin = WardenOidc.tokenFor("admin");
        given().auth().oauth2(admin).queryParam("caseId", "nope").when().get("/api/audit").then().statusCode(400)
                .body("errors[0].field", equalTo("caseId"));
        given().auth().oauth2(admin).queryParam("from", "yesterday").when().get("/api/audit").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        given().auth().oauth2(admin).queryParam("size", "0").when().get("/api/audit").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
    }
}
