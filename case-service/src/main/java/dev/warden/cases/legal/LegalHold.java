package dev.warden.cases.legal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Keeps a case, or every case of an account, from the retention job until released. */
@Entity
@Table(name = "legal_hold")
public class LegalHold extends PanacheEntityBase {

    public enum Scope { CASE, ACCOUNT }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public Scope scope;

    @Column(name = "target_id")
    public String targetId;

    public String reason;

    @Column(name = "placed_by")
    public String placedBy;

    @Column(name = "placed_at")
    public Instant placedAt;

    @Column(name = "released_by")
    public String releasedBy;

    @Column(name = "released_at")
    public Instant releasedAt;

    public boolean active() {
        return releasedAt == null;
    }
}
