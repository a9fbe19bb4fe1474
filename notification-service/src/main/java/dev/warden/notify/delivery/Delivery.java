package dev.warden.notify.delivery;

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

/** One mail: planned when its event is consumed, then sent (and retried) by the dispatcher. */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "account_id")
    public String accountId;

    @Column(name = "case_id")
    public String caseId;

    public String recipient;

    public String template;

    public String locale;

    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;

    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    public String subject;

    @Column(name = "smtp_message_id")
    public String smtpMessageId;

    /** Set on an admin's resend: the delivery it repeats (which keeps its own history). */
    @Column(name = "resend_of")
    public UUID resendOf;

    /** The resend request's idempotency key: a retried request finds this row instead of adding one. */
    @Column(name = "resend_key")
    public String resendKey;

    @Column(name = "requested_by")
    public String requestedBy;

    /** The dispatcher instance sending this mail, until {@link #leaseUntil}; then anyone may claim it again. */
    @Column(name = "lease_owner")
    public String leaseOwner;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    /** The enforcement event as received: the template's data. */
    public String payload;

    @Version
    public long version;
}
