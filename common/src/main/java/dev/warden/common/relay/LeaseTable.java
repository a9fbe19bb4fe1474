package dev.warden.common.relay;

/**
 * The claim and renew statements (PostgreSQL) of a table whose rows are published once each.
 * {@code due} is the condition a row must meet, written with <code>{t}.</code> before its columns; {@code order}
 * names columns without a table alias.
 * Claims are serialized by an advisory lock taken first in the same short transaction: that keeps
 * each key's claim a prefix of its due rows (see {@link RelayStore#claim}).
 */
public record LeaseTable(String table, String key, String order, String due, String ownerColumn, String untilColumn) {

    /** Parameters: 1 owner, 2 now, 3 limit, 4 lease until. Returns the claimed rows, in order. */
    public String claim() {
        return "WITH picked AS (SELECT t.id FROM " + table + " t WHERE " + due.replace("{t}", "t")
                + " AND NOT EXISTS (SELECT 1 FROM " + table + " l WHERE l." + key + " = t." + key
                + " AND l." + untilColumn + " > ?2 AND " + due.replace("{t}", "l") + ")"
                + " ORDER BY " + order + " LIMIT ?3),"
                + " claimed AS (UPDATE " + table + " SET " + ownerColumn + " = ?1, " + untilColumn + " = ?4"
                + " WHERE id IN (SELECT id FROM picked) RETURNING *)"
                + " SELECT * FROM claimed ORDER BY " + order;
    }

    /** Parameters: 1 owner, 2 ids, 3 lease until. */
    public String renew() {
        return "UPDATE " + table + " SET " + untilColumn + " = ?3 WHERE id IN (?2) AND " + ownerColumn + " = ?1";
    }

    /** Parameters: 1 owner, 2 ids. */
    public String release() {
        return "UPDATE " + table + " SET " + untilColumn + " = NULL, " + ownerColumn + " = NULL WHERE id IN (?2) AND "
                + ownerColumn + " = ?1";
    }

    /** Serializes claims on this table; parameter 1 is unused by it. */
    public String lock() {
        return "SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext('" + table + "." + untilColumn + "'))) l";
    }
}
