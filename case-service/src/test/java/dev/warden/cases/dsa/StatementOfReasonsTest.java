package dev.warden.cases.dsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.warden.cases.Fixtures;
import dev.warden.cases.Signals;
import dev.warden.cases.casework.EnforcementCase;
import dev.warden.cases.decision.Decision;
import dev.warden.cases.decision.DecisionAction;
import dev.warden.cases.legal.LegalFixtures;
import dev.warden.cases.outbox.OutboxEvent;
import dev.warden.cases.usecase.SignalIntake;
import dev.warden.contracts.enforcement.EnforcementEvent;
import dev.warden.contracts.enforcement.StatementOfReasons;
import dev.warden.contracts.json.WardenJson;
import dev.warden.contracts.signal.Violation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class StatementOfReasonsTest {

    @Inject
    LegalFixtures fixtures;

    @Inject
    SignalIntake intake;

    private static EnforcementEvent eventOf(Decision d) {
        return QuarkusTransaction.requiringNew().call(() -> WardenJson.read(
                OutboxEvent.<OutboxEvent>find("eventId", d.id).firstResult().payload, EnforcementEvent.class));
    }

    private static DsaStatement stored(Decision d) {
        return QuarkusTransaction.requiringNew().call(() -> DsaStatement.<DsaStatement>find("decisionId", d.id).firstResult());
    }

    @Test
    void automaticBanCarriesAValidTerminationStatementInItsEnforcementEvent() {
        String account = "acc-sor-ban-" + UUID.randomUUID();
        Fixtures.registered(account, "PRIVATE", "holder@example.org");
        intake.receive(Signals.conclusiveBulk(account, "holder@example.org"));
        Decision ban = QuarkusTransaction.requiringNew().call(() -> Decision.<Decision>find("accountId", account).firstResult());

        StatementOfReasons s = eventOf(ban).statementOfReasons();
        assertThat(s.decisionAccount()).isEqualTo("DECISION_ACCOUNT_TERMINATED");
        assertThat(s.accountType()).isEqualTo("ACCOUNT_TYPE_PRIVATE");
        assertThat(s.automatedDetection()).isEqualTo("Yes");
        assertThat(s.automatedDecision()).isEqualTo("AUTOMATED_DECISION_FULLY");
        assertThat(s.sourceType()).isEqualTo("SOURCE_VOLUNTARY");
        assertThat(s.decisionGround()).isEqualTo("DECISION_GROUND_INCOMPATIBLE_CONTENT");
        assertThat(s.puid()).isEqualTo("warden-" + ban.id);
        assertThat(s.applicationDate()).isEqualTo(LocalDate.ofInstant(ban.decidedAt, ZoneOffset.UTC).toString());
        assertThat(s.endDateAccountRestriction()).isNull();
        assertThat(s.incompatibleContentExplanation()).contains("ban-conclusive-bulk", "non-contacts");
        assertThat(s.territorialScope()).hasSize(30);
        assertThat(DsaStatementValidator.validate(s)).isEmpty();
        assertThat(stored(ban).statement).isEqualTo(WardenJson.write(s));
    }

    @Test
    void reviewersTimedRestrictionOfABusinessIsASuspensionWithItsEndDate() {
        String account = "acc-sor-restrict-" + UUID.randomUUID();
        UUID caseId = fixtures.openCase(account, "BUSINESS", Violation.NON_PERSONAL_USE);
        Instant until = Instant.now().plus(Duration.ofDays(14));
        Decision d = fixtures.decide(caseId, DecisionAction.RESTRICT, "alice", until);

        StatementOfReasons s = eventOf(d).statementOfReasons();
        assertThat(s.decisionAccount()).isEqualTo("DECISION_ACCOUNT_SUSPENDED");
        assertThat(s.accountType()).isEqualTo("ACCOUNT_TYPE_BUSINESS");
        assertThat(s.automatedDecision()).isEqualTo("AUTOMATED_DECISION_NOT_AUTOMATED");
        assertThat(s.categorySpecification()).containsExactly("KEYWORD_HIDDEN_ADVERTISEMENT");
        assertThat(s.endDateAccountRestriction()).isEqualTo(LocalDate.ofInstant(until, ZoneOffset.UTC).toString());
        assertThat(stored(d).automatedDecision).isFalse();
    }

    @Test
    void warningsAndEscalationsHaveNoStatement() {
        UUID caseId = fixtures.openCase("acc-sor-warn-" + UUID.randomUUID());
        Decision warn = fixtures.decide(caseId, DecisionAction.WARN, "alice", null);
        Decision esc = fixtures.decide(fixtures.openCase("acc-sor-esc-" + UUID.randomUUID()), DecisionAction.ESCALATE,
                "alice", null);
        assertThat(eventOf(warn).statementOfReasons()).isNull();
        assertThat(eventOf(esc).statementOfReasons()).isNull();
        assertThat(stored(warn)).isNull();
    }

    @Test
    void userReportedCaseIsANoticeUnderArticle16() {
        UUID caseId = fixtures.openCase("acc-sor-report-" + UUID.randomUUID(), "PRIVATE", Violation.USER_REPORTED);
        Decision d = fixtures.decide(caseId, DecisionAction.BAN, "alice", null);
        assertThat(eventOf(d).statementOfReasons().sourceType()).isEqualTo("SOURCE_ARTICLE_16");
    }

    @Test
    void restrictionWhoseStatementWouldBeRejectedIsNotApplied() {
        UUID caseId = fixtures.openCase("acc-sor-invalid-" + UUID.randomUUID());
        // the database caps end dates at 2038-01-01: a statement for this restriction cannot be valid
        assertThatThrownBy(() -> fixtures.decide(caseId, DecisionAction.RESTRICT, "alice", Instant.parse("2040-01-01T00:00:00Z")))
                .isInstanceOf(StatementRejectedException.class)
                .satisfies(e -> assertThat(((StatementRejectedException) e).errors()).extracting(f -> f.field())
                        .contains("end_date_account_restriction"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Decision.count("caseId", caseId))).isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> EnforcementCase.<EnforcementCase>findById(caseId).status().name()))
                .isNotEqualTo("ACTIONED");
    }
}
