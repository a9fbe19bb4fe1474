package dev.warden.cases.signal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A detection signal attached to a case, kept whole (explanation included) as received. */
@Entity
@Table(name = "signal")
public class SignalRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "account_id")
    public String accountId;

    public String violation;

    public double score;

    @Column(name = "rule_id")
    public String ruleId;

    @Column(name = "rule_version")
    public int ruleVersion;

    public String summary;

    @JdbcTypeCode(SqlTypes.JSON)
    public String payload;

    @Column(name = "detected_at")
    public Instant detectedAt;

    @Column(name = "received_at")
    public Instant receivedAt;
}
