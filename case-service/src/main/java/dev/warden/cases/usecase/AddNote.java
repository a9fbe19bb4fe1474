package dev.warden.cases.usecase;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.warden.cases.audit.AuditTrail;
import dev.warden.cases.casework.CaseNote;
import dev.warden.cases.casework.EnforcementCase;
import dev.warden.cases.evidence.EvidenceRecorder;

/** A reviewer's note on a case (any status, escalated included): the note, its ledger item and audit entry. */
@ApplicationScoped
public class AddNote {

    @Inject
    Clock clock;

    @Inject
    EvidenceRecorder evidence;

    @Inject
    AuditTrail audit;

    @Transactional
    public CaseNote add(UUID caseId, String author, String text) {
        EnforcementCase.require(caseId);
        CaseNote n = new CaseNote();
        n.id = UUID.randomUUID();
        n.caseId = caseId;
        n.author = author;
        n.text = text;
        n.createdAt = clock.instant();
        n.persist();
        evidence.note(n);
        audit.record("NOTE_ADDED", n.caseId, null, n.id.toString(), null);
        return n;
    }
}
