package dev.warden.cases.evidence;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Appends items to a case's hash chain. Appends to one case are serialised by a row lock on the
 * chain head, so two writers can never fork the chain; a source already recorded is not recorded twice.
 */
@ApplicationScoped
public class EvidenceLedger {

    @Inject
    EntityManager em;

    /** A capture uploaded with off-platform evidence. */
    public record Capture(byte[] bytes, String sha256, String mediaType) {
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public EvidenceItem append(UUID caseId, EvidenceKind kind, String sourceId, String recordedBy, Instant recordedAt,
            Map<String, Object> content, Capture capture) {
        // one round trip: create the head if needed, lock it, and see whether this source is already recorded
        Object[] head = (Object[]) em.createNativeQuery("INSERT INTO evidence_chain_head (case_id, seq, hash) "
                + "VALUES (?1, 0, ?2) ON CONFLICT (case_id) DO UPDATE SET seq = evidence_chain_head.seq "
                + "RETURNING seq, hash, (SELECT COUNT(*) FROM evidence_item WHERE case_id = ?1 AND kind = ?3 "
                + "AND source_id = ?4)")
                .setParameter(1, caseId).setParameter(2, Canonical.GENESIS).setParameter(3, kind.name())
                .setParameter(4, sourceId == null ? "" : sourceId).getSingleResult();
        // the unique index on (case_id, kind, source_id) backs this check up against concurrent replays
        if (sourceId != null && ((Number) head[2]).longValue() > 0) {
            return EvidenceItem.find("caseId = ?1 and kind = ?2 and sourceId = ?3", caseId, kind, sourceId).firstResult();
        }
        int seq = ((Number) head[0]).intValue() + 1;
        String prev = (String) head[1];

        EvidenceItem item = new EvidenceItem();
        item.id = UUID.randomUUID();
        item.caseId = caseId;
        item.seq = seq;
        item.kind = kind;
        item.sourceId = sourceId;
        item.recordedAt = recordedAt;
        item.recordedBy = recordedBy;
        item.prevHash = prev;
        item.canonical = Canonical.render(caseId, seq, prev, kind, sourceId, recordedAt, recordedBy, content);
        item.hash = Canonical.sha256(item.canonical);
        if (capture != null) {
            item.capture = capture.bytes();
            item.captureSha256 = capture.sha256();
            item.captureMediaType = capture.mediaType();
            item.captureSize = capture.bytes().length;
        }
        item.persist();
        em.createNativeQuery("UPDATE evidence_chain_head SET seq = ?2, hash = ?3 WHERE case_id = ?1")
                .setParameter(1, caseId).setParameter(2, seq).setParameter(3, item.hash).executeUpdate();
        return item;
    }

    /** The head of a case's chain: {seq, hash}; seq 0 and the genesis hash when the ledger is empty. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ChainHead head(UUID caseId) {
        var rows = em.createNativeQuery("SELECT seq, hash FROM evidence_chain_head WHERE case_id = ?1")
                .setParameter(1, caseId).getResultList();
        if (rows.isEmpty()) {
            return new ChainHead(0, Canonical.GENESIS);
        }
        Object[] r = (Object[]) rows.get(0);
        return new ChainHead(((Number) r[0]).intValue(), (String) r[1]);
    }

    public record ChainHead(int seq, String hash) {
    }
}
