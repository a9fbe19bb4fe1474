package dev.warden.local;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The services' databases on the platform's PostgreSQL. */
final class Databases {

    static final String CASES = "warden_cases";
    static final String NOTIFICATIONS = "warden_notifications";

    private Databases() {
    }

    /** Creates the databases that do not exist yet (idempotent); says what it did. */
    static String createMissing() throws SQLException {
        List<String> made = new ArrayList<>();
        try (Connection c = Endpoints.database("postgres");
                PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?");
                Statement create = c.createStatement()) {
            for (String name : List.of(CASES, NOTIFICATIONS)) {
                exists.setString(1, name);
                try (ResultSet rs = exists.executeQuery()) {
                    if (!rs.next()) {
                        create.execute("CREATE DATABASE " + name + " OWNER warden");   // names are constants above
                        made.add(name);
                    }
                }
            }
        }
        return made.isEmpty() ? "databases present" : "created databases " + String.join(", ", made);
    }
}
