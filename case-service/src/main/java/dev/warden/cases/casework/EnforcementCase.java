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

import dev.warden.common.problem.ProblemException;

/** The one open case of an account: collects its signals, decisions and notes. */
@Entity
@Table(name = "enforcement_case")
public class EnforcementCase extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "account_id")
    public String accountId;

    @Enumerated(EnumType.STRING)
    public CaseStatus status;

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

    @Version
    public long version;

    /** The case, or a 404 problem naming it. */
    public static EnforcementCase require(UUID id) {
        return EnforcementCase.<EnforcementCase>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("case", id));
    }

    public static Optional<EnforcementCase> findOpen(String accountId) {
        return find("accountId = ?1 and status <> ?2", accountId, CaseStatus.CLOSED).firstResultOptional();
    }
}
