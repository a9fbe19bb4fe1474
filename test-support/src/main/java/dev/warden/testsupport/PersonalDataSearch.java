package dev.warden.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * Where a database still holds a piece of personal data: every text, JSON and binary column of every
 * table in the current schema, read from information_schema, so that a column added later is searched
 * without changing the erasure tests that use this.
 */
public final class PersonalDataSearch {

    private static final String COLUMNS = "SELECT table_name, column_name, data_type FROM information_schema.columns "
            + "WHERE table_schema = current_schema() AND data_type IN "
            + "('text', 'character varying', 'character', 'json', 'jsonb', 'bytea') ORDER BY table_name, column_name";

    private PersonalDataSearch() {
    }

    /** {@code table.column} of every column with a row whose value contains {@code value}, in name order. */
    public static List<String> columnsHolding(DataSource db, String value) {
        try (Connection c = db.getConnection()) {
            return columnsHolding(c, value);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot search the database for personal data", e);
        }
    }

    /** As {@link #columnsHolding(DataSource, String)}, on a connection the caller owns. */
    public static List<String> columnsHolding(Connection c, String value) throws SQLException {
        List<String[]> columns = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(COLUMNS); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                columns.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
        }
        if (columns.isEmpty()) { // a search that saw no column would find nothing and prove nothing
            throw new IllegalStateException("no text, JSON or binary column in schema " + c.getSchema());
        }
        List<String> found = new ArrayList<>();
        for (String[] col : columns) {
            String column = "\"" + col[1] + "\"";
            String text = "bytea".equals(col[2]) ? "encode(" + column + ", 'escape')" : "CAST(" + column + " AS text)";
            try (PreparedStatement ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM \"" + col[0] + "\" WHERE strpos("
                    + text + ", ?) > 0)")) {
                ps.setString(1, value);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        found.add(col[0] + "." + col[1]);
                    }
                }
            }
        }
        return found;
    }
}
