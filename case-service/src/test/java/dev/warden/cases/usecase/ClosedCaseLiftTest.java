package dev.warden.cases.usecase;

import static dev.warden.cases.duty.DutyFixtures.decide;
import static dev.warden.cases.duty.DutyFixtures.decideAppeal;
import static dev.warden.cases.duty.DutyFixtures.fileAppeal;
import static dev.warden.cases.duty.DutyFixtures.reviewer;
import static dev.warden.cases.duty.DutyFixtures.senior;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import dev.warden.cases.Fixtures;
import dev.warden.cases.Signals;
import dev.warden.cases.account.Account;
import dev.warden.cases.account.AccountStatus;
import dev.warden.cases.casework.CaseStatus;
import dev.warden.cases.casework.EnforcementCase;
import dev.warden.cases.decision.Decision;
import dev.warden.cases.decision.DecisionAction;
import dev.warden.contracts.signal.Violation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An enforcement lifted after its case was closed while a newer case is open: the closed case stays
 * closed, the lift lands on the open case, and one account's failure never stops the others.
 */
@QuarkusTest
class ClosedCaseLiftTest {

    @Inject
    SignalIntake intake;

    @Inject
    RestrictionExpiry expiry;

    @Inject
    EntityManager em;

    /** Account decided on a case that is then closed, plus a newer open case from a new signal. */
    private UUID[] decidedClosedAndReopened(String prefix, String action) {
        UUID closed = Fixtures.reviewCase(intake, prefix, 0.6);
        String account = Fixtures.load(closed).accountId;
        decide(reviewer("rita"), closed, action).then().statusCode(201);
        given().auth().oauth2(reviewer("rita")).when().post("/api/cases/{id}/close", closed).then().statusCode(200);
        intake.receive(Signals.of(account, Violation.BULK_MESSAGING, 0.6, "BUSINESS", null));
        UUID open = QuarkusTransaction.requiringNew().call(() -> EnforcementCase.findOpen(account).orElseThrow().id);
        assertThat(open).isNotEqualTo(closed);
        return new UUID[] {closed, open};
    }

    private void endRestrictionNow(String account) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE account SET restricted_until = ?1 WHERE id = ?2")
                .setParameter(1, Instant.now().minusSeconds(60)).setParameter(2, account).executeUpdate());
    }

    private static AccountStatus status(String account) {
        return QuarkusTransaction.requiringNew().call(() -> Account.<Account>findById(account).status);
    }

    @Test
    void expiryLiftsARestrictionWhoseCaseIsClosedOnTheNewerOpenCase() {
        UUID[] cases = decidedClosedAndReopened("acc-lift-expiry", "RESTRICT");
        String account = Fixtures.load(cases[0]).accountId;
        endRestrictionNow(account);

        expiry.liftDue();

        await().atMost(Duration.ofSeconds(20)).until(() -> status(account) == AccountStatus.ACTIVE);
        Decision lift = QuarkusTransaction.requiringNew().call(() -> Decision.<Decision>find(
                "accountId = ?1 and action = ?2", account, DecisionAction.REINSTATE).singleResult());
        assertThat(lift.caseId).isEqualTo(cases[1]);
        assertThat(lift.reasonCode).isEqualTo("RESTRICTION_EXPIRED");
        assertThat(Fixtures.load(cases[0]).status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(Fixtures.load(cases[1]).status()).isEqualTo(CaseStatus.NEW); // its review still waits
    }

    @Test
    void oneAccountThatCannotBeLiftedDoesNotHoldUpTheOthers() {
        String broken = "acc-lift-broken-" + UUID.randomUUID();
        // restricted with no case at all: lifting it fails, and it sorts before every other due account
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO account (id, status, "
                + "restricted_until, created_at, updated_at, off_platform_evidence, version) "
                + "VALUES (?1, 'RESTRICTED', ?2, ?2, ?2, false, 0)").setParameter(1, broken)
                .setParameter(2, Instant.EPOCH.plusSeconds(1)).executeUpdate());
        try {
            UUID caseId = Fixtures.reviewCase(intake, "acc-lift-good", 0.6);
            String good = Fixtures.load(caseId).accountId;
            decide(reviewer("rita"), caseId, "RESTRICT").then().statusCode(201);
            endRestrictionNow(good);

            expiry.liftDue();

            await().atMost(Duration.ofSeconds(20)).until(() -> status(good) == AccountStatus.ACTIVE);
            assertThat(status(broken)).isEqualTo(AccountStatus.RESTRICTED);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "UPDATE account SET status = 'ACTIVE', restricted_until = NULL WHERE id = ?1")
                    .setParameter(1, broken).executeUpdate());
        }
    }

    @Test
    void upheldAppealOnADecisionWhoseCaseIsClosedLiftsTheBanOnTheNewerOpenCase() {
        UUID[] cases = decidedClosedAndReopened("acc-lift-appeal", "BAN");
        String account = Fixtures.load(cases[0]).accountId;
        String decisionId = QuarkusTransaction.requiringNew().call(() -> Decision.<Decision>find(
                "caseId = ?1 and action = ?2", cases[0], DecisionAction.BAN).singleResult().id.toString());

        decideAppeal(senior("sam"), fileAppeal(decisionId), "UPHELD").then().statusCode(200);

        assertThat(status(account)).isEqualTo(AccountStatus.ACTIVE);
        assertThat(Fixtures.load(cases[0]).status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Decision.<Decision>find(
                "accountId = ?1 and action = ?2", account, DecisionAction.REINSTATE).singleResult().caseId))
                .isEqualTo(cases[1]);
    }
}
