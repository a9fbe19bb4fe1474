package dev.warden.notify.delivery;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Audit: someone read a delivery's content (mails carry personal data). */
@Entity
@Table(name = "delivery_access")
public class DeliveryAccess extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "delivery_id")
    public UUID deliveryId;

    public String reader;

    public String roles;

    @Column(name = "read_at")
    public Instant readAt;
}
