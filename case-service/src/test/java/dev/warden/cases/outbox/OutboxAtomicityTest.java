package dev.warden.cases.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.warden.cases.Signals;
import dev.warden.cases.casework.EnforcementCase;
import dev.warden.cases.usecase.DecisionEffects;
import dev.warden.cases.decision.Decision;
import dev.warden.cases.decision.DecisionAction;
import dev.warden.cases.decision.DecisionCommand;
import dev.warden.cases.usecase.SignalIntake;
import dev.warden.contracts.Topics;
import dev.warden.contracts.signal.Violation;
import dev.warden.testsupport.KafkaTestClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OutboxAtomicityTest {

    @Inject
    SignalIntake intake;

    @Inject
    DecisionEffects cases;

    @Test
    void publishesNothingWhenTheDecisionTransactionFails() {
        String account = "acc-atomic-" + UUID.randomUUID();
        // a review case (business account): no automatic decision yet
        intake.receive(Signals.of(account, Violation.BULK_MESSAGING, 0.7, "BUSINESS", "a@example.org"));
        UUID caseId = QuarkusTransaction.requiringNew()
                .call(() -> EnforcementCase.<EnforcementCase>find("accountId", account).firstResult().id);

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            cases.apply(caseId, new DecisionCommand(DecisionAction.BAN, "BULK_MESSAGING", "ban", "bob",
                    false, null, null, null));
            throw new IllegalStateException("crash after the decision, before commit");
        })).hasMessageContaining("crash");

        assertThat(QuarkusTransaction.requiringNew().call(() -> Decision.count("caseId", caseId))).isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("eventKey", account))).isZero();
        assertThat(KafkaTestClient.readFor(Topics.ENFORCEMENT, r -> account.equals(r.key()), Duration.ofSeconds(2)))
                .isEmpty();
    }

    @Test
    void publishesTheEventOnceWhenTheDecisionCommits() {
        String account = "acc-commit-" + UUID.randomUUID();
        intake.receive(Signals.of(account, Violation.BULK_MESSAGING, 0.7, "BUSINESS", "a@example.org"));
        UUID caseId = QuarkusTransaction.requiringNew()
                .call(() -> EnforcementCase.<EnforcementCase>find("accountId", account).firstResult().id);

        cases.apply(caseId, new DecisionCommand(DecisionAction.WARN, "BULK_MESSAGING", "first warning", "bob",
                false, null, null, null));

        assertThat(KafkaTestClient.read(Topics.ENFORCEMENT, r -> account.equals(r.key()), l -> !l.isEmpty(),
                Duration.ofSeconds(20))).hasSize(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>find("eventKey", account)
                .firstResult().publishedAt)).isNotNull();
    }
}
