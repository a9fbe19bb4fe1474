package dev.warden.cases.legal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import dev.warden.cases.account.Account;
import dev.warden.cases.casework.CaseNote;
import dev.warden.cases.casework.CaseStatus;
import dev.warden.cases.casework.EnforcementCase;
import dev.warden.cases.decision.DecisionAction;
import dev.warden.cases.evidence.EvidenceItem;
import dev.warden.cases.signal.SignalRecord;
import dev.warden.testsupport.WardenOidc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class RetentionAndHoldTest {

    // only cases this test backdates are past retention: other tests' closed cases stay untouched
    static final Instant NOW = Instant.now();

    @Inject
    LegalFixtures fixtures;

    @Inject
    RetentionJob retention;

    @Inject
    EntityManager em;

    /** A case decided, closed at the given time. */
    private UUID closedCase(String account, Instant closedAt) {
        UUID caseId = fixtures.openCase(account);
        fixtures.note(caseId, "alice", "personal remark about " + account);
        fixtures.decide(caseId, DecisionAction.BAN, "alice", null);
        QuarkusTransaction.requiringNew().run(() -> {
            EnforcementCase c = EnforcementCase.findById(caseId);
            c.close(closedAt);
        });
        return caseId;
    }

    private String place(String scope, String target) {
        return given().auth().oauth2(WardenOidc.token("lena", "legal")).contentType(ContentType.JSON)
                .body("{\"scope\":\"" + scope + "\",\"targetId\":\"" + target + "\",\"reason\":\"Court case 12 O 345/31\"}")
                .when().post("/api/legal/holds").then().statusCode(201).body("active", equalTo(true)).extract().path("id");
    }

    private boolean erased(UUID caseId) {
        return QuarkusTransaction.requiringNew().call(() -> EvidenceItem.count("caseId", caseId) == 0
                && CaseNote.<CaseNote>list("caseId", caseId).stream().allMatch(n -> n.text.startsWith("[erased")));
    }

    @Test
    void erasesClosedCasesPastRetentionButKeepsRecentOnes() {
        String account = "acc-ret-" + UUID.randomUUID();
        UUID old = closedCase(account, NOW.minus(Duration.ofDays(400)));
        UUID recent = closedCase("acc-ret-recent-" + UUID.randomUUID(), NOW.minus(Duration.ofDays(30)));

        List<UUID> done = retention.run(NOW);

        assertThat(done).contains(old).doesNotContain(recent);
        assertThat(erased(old)).isTrue();
        assertThat(erased(recent)).isFalse();
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(Account.<Account>findById(account).contactEmail).isNull();
            assertThat(SignalRecord.<SignalRecord>list("caseId", old)).allSatisfy(s -> assertThat(s.payload).isEqualTo("{}"));
            assertThat((Object) EnforcementCase.findById(old)).isNotNull(); // counts and decisions stay
        });
        assertThat(retention.run(NOW)).doesNotContain(old); // idempotent
    }

    @Test
    void caseUnderLegalHoldIsKeptUntilTheHoldIsReleased() {
        UUID caseId = closedCase("acc-hold-" + UUID.randomUUID(), NOW.minus(Duration.ofDays(400)));
        String hold = place("CASE", caseId.toString());

        assertThat(retention.run(NOW)).doesNotContain(caseId);
        assertThat(erased(caseId)).isFalse();

        given().auth().oauth2(WardenOidc.token("lena", "legal")).when().post("/api/legal/holds/{id}/release", hold)
                .then().statusCode(200).body("active", equalTo(false)).body("releasedBy", equalTo("lena"));
        assertThat(retention.run(NOW)).contains(caseId);
        assertThat(erased(caseId)).isTrue();
    }

    @Test
    void caseHoldEnteredInUpperCaseIsHonouredByRetention() {
        UUID caseId = closedCase("acc-hold-upper-" + UUID.randomUUID(), NOW.minus(Duration.ofDays(400)));
        place("CASE", caseId.toString().toUpperCase());

        given().auth().oauth2(WardenOidc.tokenFor("legal")).when().get("/api/legal/holds")
                .then().statusCode(200).body("targetId", org.hamcrest.Matchers.hasItem(caseId.toString()));
        assertThat(retention.run(NOW)).doesNotContain(caseId);
        assertThat(erased(caseId)).isFalse();
    }

    @Test
    void retentionSkipsACaseWhoseEscalationLegalHasNotClosed() {
        UUID caseId = fixtures.openCase("acc-ret-esc-" + UUID.randomUUID());
        fixtures.decide(caseId, DecisionAction.ESCALATE, "alice", null);
        // a case closed while its escalation was still open (data from before the lifecycle was enforced)
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE enforcement_case SET status = 'CLOSED', closed_at = ?1 WHERE id = ?2")
                .setParameter(1, NOW.minus(Duration.ofDays(400))).setParameter(2, caseId).executeUpdate());

        assertThat(retention.run(NOW)).doesNotContain(caseId);
        assertThat(QuarkusTransaction.requiringNew().call(() -> EvidenceItem.count("caseId", caseId))).isPositive();
    }

    @Test
    void accountHoldProtectsEveryClosedCaseOfTheAccount() {
        String account = "acc-hold-acct-" + UUID.randomUUID();
        UUID caseId = closedCase(account, NOW.minus(Duration.ofDays(400)));
        place("ACCOUNT", account);

        assertThat(retention.run(NOW)).doesNotContain(caseId);
        assertThat(erased(caseId)).isFalse();
        given().auth().oauth2(WardenOidc.tokenFor("legal")).when().get("/api/legal/holds")
                .then().statusCode(200).body("targetId", org.hamcrest.Matchers.hasItem(account));
    }

    @Test
    void releasingTwiceIsAConflictAndBadHoldsNameTheField() {
        UUID caseId = fixtures.openCase("acc-hold-bad-" + UUID.randomUUID());
        String hold = place("CASE", caseId.toString());
        given().auth().oauth2(WardenOidc.tokenFor("legal")).when().post("/api/legal/holds/{id}/release", hold).then().statusCode(200);
        given().auth().oauth2(WardenOidc.tokenFor("legal")).when().post("/api/legal/holds/{id}/release", hold)
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(WardenOidc.tokenFor("legal")).contentType(ContentType.JSON)
                .body("{\"scope\":\"PLANET\",\"targetId\":\"x\",\"reason\":\"r\"}")
                .when().post("/api/legal/holds").then().statusCode(400).body("errors[0].field", equalTo("scope"));
        given().auth().oauth2(WardenOidc.tokenFor("legal")).contentType(ContentType.JSON)
                .body("{\"scope\":\"CASE\",\"targetId\":\"not-a-uuid\",\"reason\":\"r\"}")
                .when().post("/api/legal/holds").then().statusCode(400).body("errors[0].field", equalTo("targetId"));
        given().auth().oauth2(WardenOidc.tokenFor("legal")).contentType(ContentType.JSON)
                .body("{\"scope\":\"ACCOUNT\",\"targetId\":\"nobody-" + UUID.randomUUID() + "\",\"reason\":\"r\"}")
                .when().post("/api/legal/holds").then().statusCode(404);
        given().auth().oauth2(WardenOidc.tokenFor("legal")).contentType(ContentType.JSON).body("{\"scope\":\"CASE\"}")
                .when().post("/api/legal/holds").then().statusCode(400);
    }

    @Test
    void releasedHoldsAreListedOnlyWithAllTrueAndAnyOtherFlagIsA400() {
        String hold = place("CASE", fixtures.openCase("acc-hold-all-" + UUID.randomUUID()).toString());
        String legal = WardenOidc.tokenFor("legal");
        given().auth().oauth2(legal).when().post("/api/legal/holds/{id}/release", hold).then().statusCode(200);

        given().auth().oauth2(legal).when().get("/api/legal/holds").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(hold)));
        given().auth().oauth2(legal).queryParam("all", "TRUE").when().get("/api/legal/holds").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.hasItem(hold));
        given().auth().oauth2(legal).queryParam("all", "garbage").when().get("/api/legal/holds").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("all"));
    }

    @Test
    void onlyLegalPlacesListsAndReleasesHolds() {
        String body = "{\"scope\":\"ACCOUNT\",\"targetId\":\"x\",\"reason\":\"r\"}";
        given().contentType(ContentType.JSON).body(body).when().post("/api/legal/holds").then().statusCode(401);
        given().when().get("/api/legal/holds").then().statusCode(401);
        given().when().post("/api/legal/holds/{id}/release", UUID.randomUUID()).then().statusCode(401);
        for (String role : List.of("reviewer", "senior-reviewer", "platform", "admin")) {
            given().auth().oauth2(WardenOidc.tokenFor(role)).contentType(ContentType.JSON).body(body)
                    .when().post("/api/legal/holds").then().statusCode(403);
            given().auth().oauth2(WardenOidc.tokenFor(role)).when().get("/api/legal/holds").then().statusCode(403);
            given().auth().oauth2(WardenOidc.tokenFor(role)).when().post("/api/legal/holds/{id}/release", UUID.randomUUID())
                    .then().statusCode(403);
        }
    }
}
