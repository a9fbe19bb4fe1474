package dev.warden.cases.casework;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import dev.warden.cases.domain.DomainException;

/** The one open case of an account: collects its signals, decisions and notes. */
@Entity
@Table(name = "enforcement_case")
public class EnforcementCase extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "account_id")
    public String accountId;

    /** Changed only through the lifecycle methods below, each guarded by {@link CaseTransition}. */
    @Enumerated(EnumType.STRING)
    private CaseStatus status;

    public int priority;

    @Column(name = "max_score")
    public double maxScore;

    @Column(name = "primary_violation")
    public String primaryViolation;

    /** The account's type at the case's latest signal (PRIVATE when unknown), so the queue filters without a join. */
    @Column(name = "account_type")
    public String accountType = "PRIVATE";

    public String assignee;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "opened_at")
    public Instant openedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    /** What the policy proposes a reviewer do (PROPOSE_ESCALATION), or null. */
    @Column(name = "proposed_action")
    public String proposedAction;

    /** The policy rule (and its version) that queued this case or acted on it last. */
    @Column(name = "policy_rule_id")
    public String policyRuleId;

    @Column(name = "policy_rule_version")
    public Integer policyRuleVersion;

    /** Who proposed the pending ban (status PROPOSED), and why; cleared when it is confirmed or rejected. */
    @Column(name = "proposed_by")
    public String proposedBy;

    @Column(name = "proposal_reason_code")
    public String proposalReasonCode;

    @Column(name = "proposal_reason_text")
    public String proposalReasonText;

    @Version
    public long version;

    public CaseStatus status() {
        return status;
    }

    /** Opens a case for an account that has none open: a new signal, or a system lift with no open case. */
    public static EnforcementCase open(String accountId, String violation, String accountType, Instant now) {
        EnforcementCase c = new EnforcementCase();
        c.id = UUID.randomUUID();
        c.accountId = accountId;
        c.status = CaseStatus.NEW;
        c.primaryViolation = violation;
        c.accountType = accountType == null ? "PRIVATE" : accountType;
        c.openedAt = now;
        c.updatedAt = now;
        return c;
    }

    /** Whether the case may take {@code t} now. */
    public boolean may(CaseTransition t) {
        return t.allowedFrom(status);
    }

    /** Throws unless the case may take {@code t}. */
    public void require(CaseTransition t) {
        if (!t.allowedFrom(status)) {
            throw new IllegalTransitionException(id, status, t, null);
        }
    }

    public void claim(String reviewer, Instant now) {
        move(CaseTransition.CLAIM, now);
        assignee = reviewer;
    }

    /** Hands a held case to someone else; the caller checks the role and audits it. */
    public void takeOver(String newAssignee, Instant now) {
        move(CaseTransition.TAKE_OVER, now);
        assignee = newAssignee;
    }

    public void release(Instant now) {
        move(CaseTransition.RELEASE, now);
        assignee = null;
    }

    /** Records a decision's effect on the case: {@code t} is ENFORCE, DISMISS, ESCALATE, REINSTATE, CONFIRM or LIFT. */
    public void decide(CaseTransition t, Instant now) {
        if (t != CaseTransition.ENFORCE && t != CaseTransition.DISMISS && t != CaseTransition.ESCALATE
                && t != CaseTransition.REINSTATE && t != CaseTransition.CONFIRM && t != CaseTransition.LIFT) {
            throw new IllegalArgumentException(t + " is not a decision");
        }
        move(t, now);
        if (t == CaseTransition.CONFIRM) {
            clearProposal();
        }
    }

    public void propose(String by, String reasonCode, String reasonText, Instant now) {
        move(CaseTransition.PROPOSE, now);
        proposedBy = by;
        proposalReasonCode = reasonCode;
        proposalReasonText = reasonText;
    }

    /** The second reviewer rejects the proposed ban: the case is theirs to decide otherwise. */
    public void rejectProposal(String by, Instant now) {
        move(CaseTransition.REJECT_PROPOSAL, now);
        assignee = by;
        clearProposal();
    }

    /** New evidence on a decided case: back to the queue. A no-op for a case that is still open work. */
    public boolean reopenOnSignal(Instant now) {
        if (!may(CaseTransition.REOPEN)) {
            return false;
        }
        move(CaseTransition.REOPEN, now);
        return true;
    }

    public void close(Instant now) {
        move(CaseTransition.CLOSE, now);
        closedAt = now;
        assignee = null;
    }

    public void closeWithEscalation(Instant now) {
        move(CaseTransition.CLOSE_ESCALATION, now);
        closedAt = now;
        assignee = null;
    }

    private void clearProposal() {
        proposedBy = null;
        proposalReasonCode = null;
        proposalReasonText = null;
    }

    private void move(CaseTransition t, Instant now) {
        require(t);
        status = t.target(status);
        updatedAt = now;
    }

    /** The case, or a 404 problem naming it. */
    public static EnforcementCase require(UUID id) {
        return EnforcementCase.<EnforcementCase>findByIdOptional(id).orElseThrow(() -> DomainException.notFound("case", id));
    }

    /** The account's open case; a CLOSED case is never returned, so it never opens again. */
    public static Optional<EnforcementCase> findOpen(String accountId) {
        return find("accountId = ?1 and status <> ?2", accountId, CaseStatus.CLOSED).firstResultOptional();
    }
}
