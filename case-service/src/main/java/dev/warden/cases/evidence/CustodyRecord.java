package dev.warden.cases.evidence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Chain of custody: who saw or took which evidence when, and the hash of what was handed out. */
@Entity
@Table(name = "custody_record")
public class CustodyRecord extends PanacheEntityBase {

    /** An export writes EXPORT_STARTED before its first byte, then EXPORT_PACKAGE (completed) or EXPORT_INTERRUPTED. */
    public enum Action { VIEW_LEDGER, VIEW_CAPTURE, EXPORT_STARTED, EXPORT_PACKAGE, EXPORT_INTERRUPTED, VERIFY_PACKAGE, ADD_EVIDENCE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id")
    public UUID caseId;

    public String actor;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Action action;

    public String detail;

    @Column(name = "chain_head")
    public String chainHead;

    @Column(name = "handed_out_sha256")
    public String handedOutSha256;

    public Instant at;

    public static List<CustodyRecord> ofCase(UUID caseId) {
        return list("caseId = ?1 order by id", caseId);
    }
}
