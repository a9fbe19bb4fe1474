package dev.warden.cases.legal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The legal team's own note on an escalation (kept apart from reviewers' case notes). */
@Entity
@Table(name = "legal_note")
public class LegalNote extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "escalation_id")
    public UUID escalationId;

    public String author;

    public String text;

    @Column(name = "created_at")
    public Instant createdAt;
}
