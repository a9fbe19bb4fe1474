package dev.warden.cases.account;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An account's enforcement state as case-service owns it. */
@Entity
@Table(name = "account")
public class Account extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "account_type")
    public String accountType;

    @Column(name = "contact_email")
    public String contactEmail;

    public String locale;

    @Enumerated(EnumType.STRING)
    public AccountStatus status;

    @Column(name = "restricted_until")
    public Instant restrictedUntil;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Off-platform evidence about the account is on file (set by the evidence work; a policy condition). */
    @Column(name = "off_platform_evidence")
    public boolean offPlatformEvidence;

    /** When the account's personal data was last erased; platform events from before it are not taken back in. */
    @Column(name = "erased_at")
    public Instant erasedAt;

    @Version
    public long version;

    /** An account of unknown type counts as a private one: in the policy and in the queue alike. */
    public static String typeOrPrivate(String accountType) {
        return accountType == null ? "PRIVATE" : accountType;
    }

    public static Account open(String id, Instant now) {
        Account a = new Account();
        a.id = id;
        a.status = AccountStatus.ACTIVE;
        a.createdAt = now;
        a.updatedAt = now;
        return a;
    }

    /**
     * What the platform says about the account (its own registration or profile events): the only source
     * of the account's type and of the address enforcement mail goes to. Absent values keep what we have.
     * An event from before the latest erasure (a replay) brings no contact data back.
     */
    public void fromPlatform(String accountType, String contactEmail, String locale, Instant occurredAt) {
        if (accountType != null) {
            this.accountType = accountType;
        }
        if (erasedAt != null && (occurredAt == null || !occurredAt.isAfter(erasedAt))) {
            return;
        }
        if (contactEmail != null) {
            this.contactEmail = contactEmail;
        }
        if (locale != null) {
            this.locale = locale;
        }
    }

    /** Forgets where to tell the holder; the enforcement state stays (the platform still needs it). */
    public void erasePersonalData(Instant now) {
        contactEmail = null;
        locale = null;
        erasedAt = now;
        updatedAt = now;
    }
}
