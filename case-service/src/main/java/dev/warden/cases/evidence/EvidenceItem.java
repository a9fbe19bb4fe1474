package dev.warden.cases.evidence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One entry of a case's evidence ledger. Written once, never updated (a database trigger refuses it):
 * {@link #canonical} is exactly the text that was hashed, so a package can carry it byte for byte.
 */
@Entity
@Table(name = "evidence_item")
public class EvidenceItem extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    public int seq;

    @Enumerated(EnumType.STRING)
    public EvidenceKind kind;

    @Column(name = "source_id")
    public String sourceId;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;

    public String canonical;

    @Column(name = "prev_hash")
    public String prevHash;

    public String hash;

    /** The uploaded capture of off-platform evidence; loaded only when asked for. */
    @Basic(fetch = FetchType.LAZY)
    public byte[] capture;

    @Column(name = "capture_sha256")
    public String captureSha256;

    @Column(name = "capture_media_type")
    public String captureMediaType;

    @Column(name = "capture_size")
    public Integer captureSize;

    public static List<EvidenceItem> ofCase(UUID caseId) {
        return list("caseId = ?1 order by seq", caseId);
    }

    public static boolean recorded(UUID caseId, EvidenceKind kind, String sourceId) {
        return count("caseId = ?1 and kind = ?2 and sourceId = ?3", caseId, kind, sourceId) > 0;
    }
}
