package dev.warden.local;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import org.apache.kafka.clients.admin.AdminClientConfig;

import dev.warden.testsupport.KafkaPrincipal;

/**
 * Where the platform runs: the -D options of {@code warden tool} (system properties), defaulting to the
 * local platform's ports.
 */
final class Endpoints {

    private Endpoints() {
    }

    static String conf(String key, String def) {
        return System.getProperty(key, def);
    }

    static String kafka() {
        return conf("kafka", "127.0.0.1:19092");
    }

    /** Kafka client settings that authenticate as {@code principal} (SCRAM-SHA-512; plaintext on loopback only). */
    static Properties kafkaClient(KafkaPrincipal principal) {
        Properties p = new Properties();
        p.putAll(principal.clientConfig());
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka());
        return p;
    }

    static Properties adminClient() {
        Properties p = kafkaClient(KafkaPrincipal.ADMIN);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
        return p;
    }

    static Connection database(String name) throws SQLException {
        Properties p = new Properties();
        p.put("user", conf("pg.user", "warden"));
        p.put("password", conf("pg.password", "warden"));
        p.put("connectTimeout", "5");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + conf("pg.port", "15432") + "/" + name, p);
    }

    static String keycloak() {
        return conf("keycloak", "http://127.0.0.1:18180");
    }

    static String cases() {
        return conf("cases.url", "http://127.0.0.1:8082");
    }

    static String casesManagement() {
        return conf("cases.management.url", "http://127.0.0.1:9082");
    }

    static String mailApi() {
        return conf("mail.api", "http://127.0.0.1:13081");
    }
}
