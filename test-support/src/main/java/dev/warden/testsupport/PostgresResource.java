package dev.warden.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points a Quarkus app's datasource at a database of the JVM's real PostgreSQL server. */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    /** Init arg naming the database; defaults to {@code warden}. */
    public static final String DATABASE = "database";

    private String database = "warden";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault(DATABASE, database);
    }

    @Override
    public Map<String, String> start() {
        return WardenPostgres.quarkusConfig(database);
    }

    @Override
    public void stop() {
        // the server lives for the whole JVM (see WardenPostgres)
    }
}
