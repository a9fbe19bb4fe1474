package dev.warden.cases.legal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.warden.cases.casework.CaseStatus;
import dev.warden.cases.casework.EnforcementCase;
import dev.warden.cases.decision.Decision;
import dev.warden.cases.decision.DecisionAction;
import dev.warden.cases.domain.DomainException;

/** The legal team's queue: fed by ESCALATE decisions, worked through its own statuses and notes. */
@ApplicationScoped
public class Escalations {

    @Inject
    Clock clock;

    /** Called in the ESCALATE decision's transaction: an escalation that is committed is in the queue. */
    public void open(Decision d) {
        if (d.action != DecisionAction.ESCALATE || LegalEscalation.count("caseId", d.caseId) > 0) {
            return;
        }
        LegalEscalation e = new LegalEscalation();
        e.id = UUID.randomUUID();
        e.caseId = d.caseId;
        e.accountId = d.accountId;
        e.status = EscalationStatus.RECEIVED;
        e.escalatedBy = d.actor;
        e.reason = d.reasonText;
        e.receivedAt = d.decidedAt;
        e.updatedAt = d.decidedAt;
        e.persist();
    }

    @Transactional
    public List<LegalEscalation> queue(EscalationStatus status) {
        return status == null ? LegalEscalation.list("order by receivedAt")
                : LegalEscalation.list("status = ?1 order by receivedAt", status);
    }

    @Transactional
    public LegalEscalation get(UUID id) {
        return LegalEscalation.<LegalEscalation>findByIdOptional(id)
                .orElseThrow(() -> DomainException.notFound("escalation", id));
    }

    @Transactional
    public LegalEscalation move(UUID id, EscalationStatus next) {
        LegalEscalation e = get(id);
        if (!e.status.mayMoveTo(next)) {
            throw DomainException.conflict("escalation " + id + " is " + e.status + " and cannot move to " + next);
        }
        e.status = next;
        e.updatedAt = clock.instant();
        if (next == EscalationStatus.CLOSED) {
            // legal is done with it: the case closes too, which starts its retention period
            EnforcementCase c = EnforcementCase.findById(e.caseId);
            if (c != null && c.status() == CaseStatus.ESCALATED) {
                c.closeWithEscalation(e.updatedAt);
            }
        }
        return e;
    }

    @Transactional
    public LegalNote addNote(UUID id, String author, String text) {
        LegalEscalation e = get(id);
        Instant now = clock.instant();
        LegalNote n = new LegalNote();
        n.id = UUID.randomUUID();
        n.escalationId = e.id;
        n.author = author;
        n.text = text;
        n.createdAt = now;
        n.persist();
        e.updatedAt = now;
        return n;
    }

    @Transactional
    public List<LegalNote> notes(UUID id) {
        get(id);
        return LegalNote.list("escalationId = ?1 order by createdAt", id);
    }
}
