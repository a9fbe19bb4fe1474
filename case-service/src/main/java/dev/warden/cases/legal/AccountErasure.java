package dev.warden.cases.legal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.warden.contracts.erasure.ErasureEvent;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One erasure of an account's personal data: the record behind its {@code warden.erasures.v1} event. */
@Entity
@Table(name = "account_erasure")
public class AccountErasure extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "account_id")
    public String accountId;

    @Enumerated(EnumType.STRING)
    public ErasureEvent.Cause cause;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "erased_at")
    public Instant erasedAt;

    public ErasureEvent event() {
        return new ErasureEvent(id.toString(), accountId, cause, erasedAt);
    }
}
