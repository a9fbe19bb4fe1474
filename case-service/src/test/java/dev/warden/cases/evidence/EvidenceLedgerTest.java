package dev.warden.cases.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import dev.warden.cases.Signals;
import dev.warden.cases.casework.EnforcementCase;
import dev.warden.cases.decision.DecisionAction;
import dev.warden.cases.legal.LegalFixtures;
import dev.warden.cases.usecase.SignalIntake;
import dev.warden.contracts.signal.DetectionSignal;
import dev.warden.contracts.signal.Violation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class EvidenceLedgerTest {

    @Inject
    LegalFixtures fixtures;

    @Inject
    SignalIntake intake;

    @Inject
    EntityManager em;

    @Inject
    EvidenceLedger ledger;

    private static List<EvidenceItem> ledger(UUID caseId) {
        return QuarkusTransaction.requiringNew().call(() -> EvidenceItem.ofCase(caseId));
    }

    @Test
    void signalsNotesAndDecisionsFormOneUnbrokenHashChain() {
        String account = "acc-ledger-" + UUID.randomUUID();
        UUID caseId = fixtures.openCase(account);
        fixtures.note(caseId, "alice", "Website sells 'broadcast to 10k numbers'");
        fixtures.decide(caseId, DecisionAction.BAN, "alice", null);

        List<EvidenceItem> items = ledger(caseId);
        assertThat(items).extracting(i -> i.kind).containsExactly(EvidenceKind.SIGNAL, EvidenceKind.NOTE,
                EvidenceKind.DECISION, EvidenceKind.STATEMENT_OF_REASONS);
        String prev = Canonical.GENESIS;
        for (int i = 0; i < items.size(); i++) {
            EvidenceItem item = items.get(i);
            assertThat(item.seq).isEqualTo(i + 1);
            assertThat(item.prevHash).isEqualTo(prev);
            assertThat(item.hash).isEqualTo(Canonical.sha256(item.canonical));
            assertThat(item.canonical).startsWith("warden-evidence/1 case=" + caseId + " seq=" + (i + 1));
            prev = item.hash;
        }
        assertThat(items.get(0).canonical).contains("nonContactRecipientsInWindow"); // the explanation travels along
        assertThat(items.get(1).canonical).contains("broadcast to 10k numbers");
        assertThat(items.get(2).canonical).contains("\"action\":\"BAN\"");
    }

    @Test
    void replayedSignalAddsNoSecondItem() {
        String account = "acc-ledger-replay-" + UUID.randomUUID();
        DetectionSignal s = Signals.of(account, Violation.NON_PERSONAL_USE, 0.6, "PRIVATE", null);
        intake.receive(s);
        intake.receive(s);
        UUID caseId = QuarkusTransaction.requiringNew()
                .call(() -> EnforcementCase.<EnforcementCase>find("accountId", account).firstResult().id);
        assertThat(ledger(caseId)).hasSize(1);
    }

    @Test
    void sourceAlreadyInTheChainIsNotAppendedAgainInTheSameOrALaterTransaction() {
        UUID caseId = fixtures.openCase("acc-ledger-dup-" + UUID.randomUUID());
        String source = UUID.randomUUID().toString();
        EvidenceItem[] first = new EvidenceItem[2];
        QuarkusTransaction.requiringNew().run(() -> {
            first[0] = ledger.append(caseId, EvidenceKind.NOTE, source, "alice", java.time.Instant.now(),
                    java.util.Map.of("text", "first"), null);
            first[1] = ledger.append(caseId, EvidenceKind.NOTE, source, "alice", java.time.Instant.now(),
                    java.util.Map.of("text", "again, same transaction"), null);
        });
        EvidenceItem later = QuarkusTransaction.requiringNew().call(() -> ledger.append(caseId, EvidenceKind.NOTE, source,
                "alice", java.time.Instant.now(), java.util.Map.of("text", "again, later"), null));
        EvidenceItem next = QuarkusTransaction.requiringNew().call(() -> ledger.append(caseId, EvidenceKind.NOTE,
                UUID.randomUUID().toString(), "alice", java.time.Instant.now(), java.util.Map.of("text", "another"), null));

        List<EvidenceItem> items = ledger(caseId);
        assertThat(items).hasSize(3); // the case's signal, the note once, the other note
        assertThat(first[1].id).isEqualTo(first[0].id);
        assertThat(later.id).isEqualTo(first[0].id);
        assertThat(items.get(1).canonical).contains("first").doesNotContain("again");
        assertThat(next.seq).isEqualTo(3);
        assertThat(next.prevHash).isEqualTo(items.get(1).hash);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ledger.head(caseId)))
                .isEqualTo(new EvidenceLedger.ChainHead(3, next.hash));
    }

    @Test
    void databaseRefusesToUpdateOrDeleteEvidence() {
        UUID caseId = fixtures.openCase("acc-ledger-ro-" + UUID.randomUUID());
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE evidence_item SET canonical = 'forged' WHERE case_id = ?1").setParameter(1, caseId).executeUpdate()))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "DELETE FROM evidence_item WHERE case_id = ?1").setParameter(1, caseId).executeUpdate()))
                .hasStackTraceContaining("append-only");
        assertThat(ledger(caseId)).hasSize(1);
    }
}
