package dev.warden.cases.dsa;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A validated statement of reasons for one restricting decision, and where its submission stands. */
@Entity
@Table(name = "dsa_statement")
public class DsaStatement extends PanacheEntityBase {

    @Id
    public String puid;

    @Column(name = "decision_id")
    public UUID decisionId;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "account_id")
    public String accountId;

    public String action;

    public String violation;

    @Column(name = "account_type")
    public String accountType;

    @Column(name = "source_type")
    public String sourceType;

    @Column(name = "automated_detection")
    public boolean automatedDetection;

    @Column(name = "automated_decision")
    public boolean automatedDecision;

    @Column(name = "case_opened_at")
    public Instant caseOpenedAt;

    @Column(name = "decided_at")
    public Instant decidedAt;

    /** The statement exactly as validated: the JSON body the database receives. */
    public String statement;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "submission_attempts")
    public int submissionAttempts;

    @Column(name = "last_error")
    public String lastError;

    /** Set when submission gave up (a refusal naming none of the batch, or too many failed attempts). */
    @Column(name = "submission_failed_at")
    public java.time.Instant submissionFailedAt;
}
