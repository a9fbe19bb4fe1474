package dev.warden.notify.erasure;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The latest erasure of an account's personal data this service applied. */
@Entity
@Table(name = "erased_account")
public class ErasedAccount extends PanacheEntityBase {

    @Id
    @Column(name = "account_id")
    public String accountId;

    @Column(name = "erasure_id")
    public UUID erasureId;

    @Column(name = "erased_at")
    public Instant erasedAt;

    @Column(name = "received_at")
    public Instant receivedAt;

    /** Whether what happened at {@code at} falls under this erasure (it was not later). */
    public boolean covers(Instant at) {
        return at == null || !at.isAfter(erasedAt);
    }
}
