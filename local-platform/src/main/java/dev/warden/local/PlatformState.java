package dev.warden.local;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;

/** What the services made of one scenario run, read from their databases (accounts whose id matches {@code like}). */
final class PlatformState implements AutoCloseable {

    /** How far the run got through the chain detection, cases, mails. */
    record Counts(long signals, long cases, long bans, long mailsSent, long mailsPending) {
    }

    private final Connection cases;
    private final Connection notifications;
    private final String like;

    PlatformState(String like) throws SQLException {
        this.cases = Endpoints.database(Databases.CASES);
        this.notifications = Endpoints.database(Databases.NOTIFICATIONS);
        this.like = like;
    }

    Counts counts() throws SQLException {
        return new Counts(
                count(cases, "SELECT count(*) FROM signal WHERE account_id LIKE ?"),
                count(cases, "SELECT count(*) FROM enforcement_case WHERE account_id LIKE ?"),
                count(cases, "SELECT count(*) FROM account WHERE status = 'BANNED' AND id LIKE ?"),
                count(notifications, "SELECT count(*) FROM delivery WHERE status = 'SENT' AND account_id LIKE ?"),
                count(notifications, "SELECT count(*) FROM delivery WHERE status IN ('PENDING','FAILED') AND account_id LIKE ?"));
    }

    Set<String> banned() throws SQLException {
        Set<String> ids = new HashSet<>();
        try (PreparedStatement ps = query(cases, "SELECT id FROM account WHERE status = 'BANNED' AND id LIKE ?");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    /**
     * Sets {@code case}, {@code account}, {@code email}, {@code locale} to a ban whose mail went out (accounts
     * banned before their registration arrived have no address), and {@code review.case} to an open case
     * without automatic ban.
     */
    void examples(Properties into) throws SQLException {
        try (PreparedStatement ps = query(notifications, "SELECT case_id, account_id, recipient, locale FROM delivery "
                + "WHERE template = 'banned' AND status = 'SENT' AND account_id LIKE ? ORDER BY created_at LIMIT 1");
                ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                into.setProperty("case", rs.getString(1));
                into.setProperty("account", rs.getString(2));
                into.setProperty("email", rs.getString(3));
                into.setProperty("locale", rs.getString(4));
            }
        }
        try (PreparedStatement ps = query(cases, "SELECT c.id FROM enforcement_case c JOIN account a ON a.id = c.account_id "
                + "WHERE a.status <> 'BANNED' AND a.id LIKE ? ORDER BY c.opened_at LIMIT 1");
                ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                into.setProperty("review.case", rs.getString(1));
            }
        }
    }

    /** Whether the account (any id, not only this run's) is banned. */
    boolean isBanned(String accountId) throws SQLException {
        try (PreparedStatement ps = cases.prepareStatement("SELECT 1 FROM account WHERE id = ? AND status = 'BANNED'")) {
            ps.setString(1, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private PreparedStatement query(Connection c, String sql) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        ps.setString(1, like);
        return ps;
    }

    private long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = query(c, sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        try (cases; notifications) {
            // both closed, even if one fails
        }
    }
}
