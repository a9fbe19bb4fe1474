package dev.warden.cases.audit;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One line of the append-only audit log (a database trigger refuses UPDATE and DELETE). */
@Entity
@Table(name = "audit_log")
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    public String actor;

    @Column(name = "client_id")
    public String clientId;

    public String action;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "account_id")
    public String accountId;

    @Column(name = "subject_id")
    public String subjectId;

    public String detail;
}
