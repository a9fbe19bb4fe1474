package dev.warden.cases.evidence;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * Appends items to a case's hash chain. Appends to one case are serialised by a row lock on the
 * chain head, so two writers can never fork the chain; a source already recorded is not recorded twice.
 * An append costs two round trips, and one more for each further append to the same case in the same
 * transaction (a decision and its statement of reasons): the decision path stays short.
 */
@ApplicationScoped
public class EvidenceLedger {

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** A capture uploaded with off-platform evidence. */
    public record Capture(byte[] bytes, String sha256, String mediaType) {
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public EvidenceItem append(UUID caseId, EvidenceKind kind, String sourceId, String recordedBy, Instant recordedAt,
            Map<String, Object> content, Capture capture) {
        LockedHead head = lockHead(caseId);
        EvidenceItem item = new EvidenceItem();
        item.id = UUID.randomUUID();
        item.caseId = caseId;
        item.seq = head.seq + 1;
        item.kind = kind;
        item.sourceId = sourceId;
        item.recordedAt = recordedAt;
        item.recordedBy = recordedBy;
        item.prevHash = head.hash;
        item.canonical = Canonical.render(caseId, item.seq, item.prevHash, kind, sourceId, recordedAt, recordedBy, content);
        item.hash = Canonical.sha256(item.canonical);
        if (capture != null || sourceId == null) {
            // an upload (off-platform evidence, deduplicated by its caller) or no source: rare, the entity path
            if (capture != null) {
                item.capture = capture.bytes();
                item.captureSha256 = capture.sha256();
                item.captureMediaType = capture.mediaType();
                item.captureSize = capture.bytes().length;
            }
            item.persist();
            moveHead(caseId, item);
        } else if (!insertAndMoveHead(item)) {
            // this source is already in the chain (a replayed signal): nothing is appended
            return EvidenceItem.find("caseId = ?1 and kind = ?2 and sourceId = ?3", caseId, kind, sourceId).firstResult();
        }
        head.seq = item.seq;
        head.hash = item.hash;
        return item;
    }

    /**
     * The item this source already has in the case's chain, if any. Locks the chain head first, so an
     * append later in the same transaction cannot race a concurrent one of the same source.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<EvidenceItem> recorded(UUID caseId, EvidenceKind kind, String sourceId) {
        lockHead(caseId);
        return EvidenceItem.find("caseId = ?1 and kind = ?2 and sourceId = ?3", caseId, kind, sourceId)
                .firstResultOptional();
    }

    /**
     * The case's chain head, row-locked for the rest of the transaction. The first append of a transaction
     * creates (if needed) and locks it; later appends to the same case reuse what this transaction knows.
     */
    private LockedHead lockHead(UUID caseId) {
        String key = LockedHead.class.getName() + ":" + caseId;
        LockedHead head = (LockedHead) transactions.getResource(key);
        if (head == null) {
            Object[] row = (Object[]) em.createNativeQuery("INSERT INTO evidence_chain_head (case_id, seq, hash) "
                    + "VALUES (?1, 0, ?2) ON CONFLICT (case_id) DO UPDATE SET seq = evidence_chain_head.seq "
                    + "RETURNING seq, hash")
                    .setParameter(1, caseId).setParameter(2, Canonical.GENESIS).getSingleResult();
            head = new LockedHead(((Number) row[0]).intValue(), (String) row[1]);
            transactions.putResource(key, head);
        }
        return head;
    }

    /**
     * One round trip: inserts the item unless its source is already recorded (the unique index on
     * case, kind and source decides, also against concurrent replays) and moves the head to it.
     */
    private boolean insertAndMoveHead(EvidenceItem item) {
        int moved = em.createNativeQuery("WITH item AS (INSERT INTO evidence_item (id, case_id, seq, kind, source_id, "
                + "recorded_at, recorded_by, prev_hash, canonical, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
                + "ON CONFLICT (case_id, kind, source_id) WHERE source_id IS NOT NULL DO NOTHING RETURNING case_id, seq, hash) "
                + "UPDATE evidence_chain_head h SET seq = item.seq, hash = item.hash FROM item WHERE h.case_id = item.case_id")
                .setParameter(1, item.id).setParameter(2, item.caseId).setParameter(3, item.seq)
                .setParameter(4, item.kind.name()).setParameter(5, item.sourceId)
                .setParameter(6, item.recordedAt).setParameter(7, item.recordedBy).setParameter(8, item.prevHash)
                .setParameter(9, item.canonical).setParameter(10, item.hash).executeUpdate();
        return moved == 1;
    }

    private void moveHead(UUID caseId, EvidenceItem item) {
        em.createNativeQuery("UPDATE evidence_chain_head SET seq = ?2, hash = ?3 WHERE case_id = ?1")
                .setParameter(1, caseId).setParameter(2, item.seq).setParameter(3, item.hash).executeUpdate();
    }

    /** What a transaction that holds a case's head lock knows of the head. */
    private static final class LockedHead {
        int seq;
        String hash;

        LockedHead(int seq, String hash) {
            this.seq = seq;
            this.hash = hash;
        }
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
