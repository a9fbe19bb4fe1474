package dev.warden.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.warden.testsupport.PersonalDataSearch;
import dev.warden.testsupport.WardenPostgres;

/** Read-only looks into a service's database, for what its API does not show (outbox and report rows). */
record SystemDb(String database) {

    /** The first column of every row, in order. */
    <T> List<T> column(Class<T> type, String sql, Object... params) throws SQLException {
        try (Connection c = DriverManager.getConnection(WardenPostgres.jdbcUrl(database), WardenPostgres.USER,
                WardenPostgres.PASSWORD); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                if (params[i] instanceof String[] values) {
                    ps.setArray(i + 1, c.createArrayOf("varchar", values));
                } else {
                    ps.setObject(i + 1, params[i]);
                }
            }
            List<T> values = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getObject(1, type));
                }
            }
            return values;
        }
    }

    long count(String sql, Object... params) throws SQLException {
        return column(Long.class, sql, params).get(0);
    }

    /** {@code table.column} of every text, JSON and binary column holding {@code value}. */
    List<String> columnsHolding(String value) {
        return PersonalDataSearch.columnsHolding(WardenPostgres.dataSource(database), value);
    }
}
