package dev.warden.cases.policy;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A stored policy version; never updated, a change is a new row (the primary key makes two writers of one version collide). */
@Entity
@Table(name = "policy_version")
public class PolicyVersion extends PanacheEntityBase {

    @Id
    public int version;

    @JdbcTypeCode(SqlTypes.JSON)
    public String rules;

    public String comment;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    public static PolicyVersion latest() {
        return find("order by version desc").firstResult();
    }
}
