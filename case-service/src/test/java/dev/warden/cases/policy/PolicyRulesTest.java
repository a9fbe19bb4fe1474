package dev.warden.cases.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.warden.cases.Fixtures;
import dev.warden.cases.Signals;
import dev.warden.cases.account.Account;
import dev.warden.cases.account.AccountStatus;
import dev.warden.cases.account.Strike;
import dev.warden.cases.casework.EnforcementCase;
import dev.warden.cases.usecase.DecisionEffects;
import dev.warden.cases.decision.Decision;
import dev.warden.cases.decision.DecisionAction;
import dev.warden.cases.decision.DecisionCommand;
import dev.warden.cases.usecase.SignalIntake;
import dev.warden.contracts.signal.DetectionSignal;
import dev.warden.contracts.signal.Violation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The default policy (seeded by V2) expresses the examples of the enforcement policy. */
@QuarkusTest
class PolicyRulesTest {

    @Inject
    SignalIntake intake;

    @Inject
    DecisionEffects cases;

    static List<Decision> decisions(String account) {
        return QuarkusTransaction.requiringNew().call(() -> Decision.<Decision>list("accountId", account));
    }

    @Test
    void bansStrongBotSignalSoonAfterRegistrationNamingRuleAndVersion() {
        String account = "acc-pol-bot-" + UUID.randomUUID();
        intake.receive(Signals.of(account, Violation.AUTOMATED_BEHAVIOR, 0.85, "PRIVATE", null));
        assertThat(decisions(account)).singleElement().satisfies(d -> {
            assertThat(d.action).isEqualTo(DecisionAction.BAN);
            assertThat(d.policyRuleId).isEqualTo("ban-at-registration");
            assertThat(d.policyVersion).isEqualTo(1);
            assertThat(d.policySetVersion).isNotNull();
            assertThat(d.automated).isTrue();
        });
    }

    @Test
    void strongSignalOnAnOldAccountIsReviewedNotBanned() {
        String account = "acc-pol-old-" + UUID.randomUUID();
        DetectionSignal s = Signals.of(account, Violation.AUTOMATED_BEHAVIOR, 0.85, "PRIVATE", null);
        DetectionSignal old = new DetectionSignal(s.signalId(), s.accountId(), s.violation(), s.score(), s.ruleId(),
                s.ruleVersion(), s.window(), s.features(), s.criteria(), s.sampleEventIds(),
                new DetectionSignal.AccountContext("PRIVATE", "OFFICIAL_APP", "DE", Instant.now().minusSeconds(86_400 * 400),
                        null, "de"), s.summary(), s.triggeredAt(), s.detectedAt());
        intake.receive(old);
        assertThat(decisions(account)).isEmpty();
        EnforcementCase c = Fixtures.load(Fixtures.caseOf(account));
        assertThat(c.priority).isEqualTo(85);
        assertThat(c.policyRuleId).isEqualTo("review-by-score");
    }

    @Test
    void queuesBusinessAccountsWithHighPriority() {
        String account = "acc-pol-biz-" + UUID.randomUUID();
        intake.receive(Signals.of(account, Violation.BULK_MESSAGING, 0.82, "BUSINESS", null));
        EnforcementCase c = Fixtures.load(Fixtures.caseOf(account));
        assertThat(c.priority).isEqualTo(90);
        assertThat(c.policyRuleId).isEqualTo("review-business-high");
        assertThat(decisions(account)).isEmpty();
    }

    @Test
    void warnsOnAFirstLowSeverityViolationAndCountsAStrike() {
        String account = "acc-pol-warn-" + UUID.randomUUID();
        intake.receive(Signals.of(account, Violation.USER_REPORTED, 0.4, "PRIVATE", null));
        assertThat(decisions(account)).singleElement().satisfies(d -> {
            assertThat(d.action).isEqualTo(DecisionAction.WARN);
            assertThat(d.policyRuleId).isEqualTo("warn-first-low-severity");
        });
        assertThat(QuarkusTransaction.requiringNew().call(() -> Account.<Account>findById(account).status))
                .isEqualTo(AccountStatus.WARNED);
        // a second low-severity violation is not "first" any more: review, no second warning
        intake.receive(Signals.of(account, Violation.USER_REPORTED, 0.4, "PRIVATE", null));
        assertThat(decisions(account)).hasSize(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Strike.count("accountId", account))).isEqualTo(1);
    }

    @Test
    void bansOnTheThirdStrikeWithin90Days() {
        String account = "acc-pol-third-" + UUID.randomUUID();
        intake.receive(Signals.of(account, Violation.USER_REPORTED, 0.4, "PRIVATE", null)); // strike 1 (auto warn)
        UUID caseId = Fixtures.caseOf(account);
        // a decided case takes a reviewer's second decision only once new evidence has sent it back to the queue
        QuarkusTransaction.requiringNew().run(() -> EnforcementCase.<EnforcementCase>findById(caseId)
                .reopenOnSignal(java.time.Instant.now()));
        cases.apply(caseId, new DecisionCommand(DecisionAction.WARN, "NON_PERSONAL_USE", "second", "rita",
                false, null, null, null)); // strike 2

        intake.receive(Signals.of(account, Violation.NON_PERSONAL_USE, 0.6, "PRIVATE", null));

        List<Decision> all = decisions(account);
        assertThat(all).hasSize(3);
        assertThat(all).filteredOn(d -> d.action == DecisionAction.BAN).singleElement()
                .satisfies(d -> assertThat(d.policyRuleId).isEqualTo("ban-third-strike"));
    }

    @Test
    void proposesLegalEscalationForCommercialUseWithOffPlatformEvidence() {
        String account = "acc-pol-legal-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            Account a = Account.open(account, Instant.now());
            a.accountType = "BUSINESS";
            a.offPlatformEvidence = true;
            a.persist();
        });
        intake.receive(Signals.of(account, Violation.NON_PERSONAL_USE, 0.7, "BUSINESS", null));
        EnforcementCase c = Fixtures.load(Fixtures.caseOf(account));
        assertThat(c.proposedAction).isEqualTo("PROPOSE_ESCALATION");
        assertThat(c.priority).isEqualTo(95);
        assertThat(c.policyRuleId).isEqualTo("propose-legal-commercial");
        assertThat(decisions(account)).isEmpty();

        String without = "acc-pol-nolegal-" + UUID.randomUUID();
        intake.receive(Signals.of(without, Violation.NON_PERSONAL_USE, 0.7, "BUSINESS", null));
        assertThat(Fixtures.load(Fixtures.caseOf(without)).proposedAction).isNull();
    }
}
