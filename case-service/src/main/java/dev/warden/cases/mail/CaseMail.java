package dev.warden.cases.mail;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A mail notification-service sent (SENT) or gave up on (DEAD) about a case; written by {@link CaseMails}. */
@Entity
@Table(name = "case_mail")
public class CaseMail extends PanacheEntityBase {

    @Id
    @Column(name = "delivery_id")
    public UUID deliveryId;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "account_id")
    public String accountId;

    @Column(name = "enforcement_event_id")
    public UUID enforcementEventId;

    public String template;

    public String audience;

    /** Masked by notification-service (j***@example.org); null once retention erased the case. */
    public String recipient;

    public String locale;

    public String status;

    public int attempts;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Column(name = "received_at")
    public Instant receivedAt;
}
