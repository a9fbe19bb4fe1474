package dev.warden.cases.legal;

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

/** A case handed to the legal team; one per case, whatever happens to the case afterwards. */
@Entity
@Table(name = "legal_escalation")
public class LegalEscalation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "account_id")
    public String accountId;

    @Enumerated(EnumType.STRING)
    public EscalationStatus status;

    @Column(name = "escalated_by")
    public String escalatedBy;

    public String reason;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
