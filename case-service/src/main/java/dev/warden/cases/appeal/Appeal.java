package dev.warden.cases.appeal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An account holder's appeal against one decision (one per decision: a unique index). */
@Entity
@Table(name = "appeal")
public class Appeal extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "decision_id")
    public UUID decisionId;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "account_id")
    public String accountId;

    public String text;

    @Enumerated(EnumType.STRING)
    public AppealStatus status;

    @Column(name = "filed_by")
    public String filedBy;

    @Column(name = "filed_at")
    public Instant filedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decision_reason")
    public String decisionReason;

    @Version
    public long version;
}
