package dev.warden.cases.decision;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A decision on a case: immutable once written, except for whether the holder has been told. */
@Entity
@Table(name = "decision")
public class Decision extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "account_id")
    public String accountId;

    @Enumerated(EnumType.STRING)
    public DecisionAction action;

    @Column(name = "reason_code")
    public String reasonCode;

    @Column(name = "reason_text")
    public String reasonText;

    public boolean automated;

    public String actor;

    @Column(name = "policy_rule_id")
    public String policyRuleId;

    @Column(name = "policy_version")
    public Integer policyVersion;

    /** The policy version (whole rule set) an automatic decision was made under. */
    @Column(name = "policy_set_version")
    public Integer policySetVersion;

    @Column(name = "restricted_until")
    public Instant restrictedUntil;

    /** The second reviewer who confirmed a proposed ban (the proposer is the actor), or null. */
    @Column(name = "confirmed_by")
    public String confirmedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    /** Whether the holder was told; null when the decision publishes nothing (see {@link HolderNotice}). */
    @Enumerated(EnumType.STRING)
    @Column(name = "holder_notice")
    public HolderNotice holderNotice;

    public static List<Decision> forCase(UUID caseId) {
        return list("caseId = ?1 order by decidedAt", caseId);
    }
}
