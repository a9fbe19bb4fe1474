package dev.warden.common.relay;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import jakarta.persistence.EntityManager;

/**
 * The lease statements (PostgreSQL) of a table whose rows are sent once each, run in the caller's
 * (short) transaction. {@code due} is the condition a row must meet, written with <code>{t}.</code>
 * before its columns; {@code order} names columns without a table alias. Claims are serialized by an
 * advisory lock taken first in the same transaction: that keeps each key's claim a prefix of its due
 * rows (see {@link RelayStore#claim}).
 */
public record LeaseTable(String table, String key, String order, String due, String ownerColumn, String untilColumn) {

    /** Leases up to {@code limit} due rows to {@code owner}, oldest first, skipping keys with a live lease. */
    @SuppressWarnings("unchecked")
    public <R> List<R> claim(EntityManager em, Class<R> type, String owner, Instant now, int limit,
            Instant leaseUntil) {
        em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext('" + table + "." + untilColumn
                + "'))) l").getSingleResult();
        return em.createNativeQuery(claimSql(), type).setParameter(1, owner).setParameter(2, now)
                .setParameter(3, limit).setParameter(4, leaseUntil).getResultList();
    }

    /** Extends the lease on rows {@code owner} still holds. */
    public int renew(EntityManager em, String owner, Collection<?> ids, Instant leaseUntil) {
        return em.createNativeQuery("UPDATE " + table + " SET " + untilColumn + " = ?3 WHERE id IN (?2) AND "
                + ownerColumn + " = ?1").setParameter(1, owner).setParameter(2, ids).setParameter(3, leaseUntil)
                .executeUpdate();
    }

    /** Ends the lease on rows {@code owner} holds: they are claimable at once. */
    public int release(EntityManager em, String owner, Collection<?> ids) {
        return em.createNativeQuery("UPDATE " + table + " SET " + untilColumn + " = NULL, " + ownerColumn
                + " = NULL WHERE id IN (?2) AND " + ownerColumn + " = ?1").setParameter(1, owner)
                .setParameter(2, ids).executeUpdate();
    }

    /** Parameters: 1 owner, 2 now, 3 limit, 4 lease until. Returns the claimed rows, in order. */
    private String claimSql() {
        return "WITH picked AS (SELECT t.id FROM " + table + " t WHERE " + due.replace("{t}", "t")
                + " AND NOT EXISTS (SELECT 1 FROM " + table + " l WHERE l." + key + " = t." + key
                + " AND l." + untilColumn + " > ?2 AND " + due.replace("{t}", "l") + ")"
                + " ORDER BY " + order + " LIMIT ?3),"
                + " claimed AS (UPDATE " + table + " SET " + ownerColumn + " = ?1, " + untilColumn + " = ?4"
                + " WHERE id IN (SELECT id FROM picked) RETURNING *)"
                + " SELECT * FROM claimed ORDER BY " + order;
    }
}
