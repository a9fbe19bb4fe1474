package dev.warden.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL server per JVM (zonky embedded binaries, no container), started on first use.
 * Each caller asks for a database by name so services never share schema.
 */
public final class WardenPostgres {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private static EmbeddedPostgres server;
    private static final Set<String> DATABASES = new HashSet<>();

    private WardenPostgres() {
    }

    public static synchronized String jdbcUrl(String database) {
        if (server == null) {
            server = start();
            Runtime.getRuntime().addShutdownHook(new Thread(WardenPostgres::stop, "warden-postgres-stop"));
        }
        if (DATABASES.add(database)) {
            try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + database);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create database " + database, e);
            }
        }
        return server.getJdbcUrl(USER, database);
    }

    /** A connection source for the database, created on first use; for tests that look into a service's tables. */
    public static synchronized DataSource dataSource(String database) {
        jdbcUrl(database);
        return server.getDatabase(USER, database);
    }

    public static Map<String, String> quarkusConfig(String database) {
        return Map.of("quarkus.datasource.jdbc.url", jdbcUrl(database),
                "quarkus.datasource.username", USER,
                "quarkus.datasource.password", PASSWORD);
    }

    private static EmbeddedPostgres start() {
        long t0 = System.nanoTime();
        try {
            Path work = Files.createTempDirectory("warden-pg");
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(work.toFile())
                    .setDataDirectory(work.resolve("data"))
                    .setCleanDataDirectory(true)
                    .setServerConfig("unix_socket_directories", work.toString())
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "off")
                    .start();
            System.out.printf("[warden-test] PostgreSQL ready on port %d in %d ms%n", pg.getPort(),
                    (System.nanoTime() - t0) / 1_000_000);
            return pg;
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL test server failed to start", e);
        }
    }

    private static synchronized void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                // JVM is exiting
            }
            server = null;
        }
    }
}
