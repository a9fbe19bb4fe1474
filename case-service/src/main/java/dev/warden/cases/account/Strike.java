package dev.warden.cases.account;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One strike on an account's record: written with every WARN/RESTRICT/BAN, cleared (never deleted) by an upheld appeal. */
@Entity
@Table(name = "strike")
public class Strike extends PanacheEntityBase {

    /** Strikes older than this do not count towards the policy's strike conditions. */
    public static final Duration WINDOW = Duration.ofDays(90);

    @Id
    public UUID id;

    @Column(name = "account_id")
    public String accountId;

    @Column(name = "decision_id")
    public UUID decisionId;

    @Column(name = "case_id")
    public UUID caseId;

    public String action;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "cleared_at")
    public Instant clearedAt;

    @Column(name = "cleared_reason")
    public String clearedReason;

    /** Active strikes in the 90 days before {@code at}. */
    public static int countWithinWindow(String accountId, Instant at) {
        return (int) count("accountId = ?1 and clearedAt is null and createdAt > ?2 and createdAt <= ?3",
                accountId, at.minus(WINDOW), at);
    }

    public static List<Strike> history(String accountId) {
        return list("accountId = ?1 order by createdAt", accountId);
    }
}
