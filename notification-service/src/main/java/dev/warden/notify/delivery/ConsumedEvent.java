package dev.warden.notify.delivery;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Marks an enforcement event as consumed; written with its deliveries in one transaction. */
@Entity
@Table(name = "consumed_event")
public class ConsumedEvent extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    public String action;

    @Column(name = "account_id")
    public String accountId;

    @Column(name = "consumed_at")
    public Instant consumedAt;
}
