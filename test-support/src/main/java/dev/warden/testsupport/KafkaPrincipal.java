package dev.warden.testsupport;

import java.util.HashMap;
import java.util.Map;

/**
 * The broker's SCRAM-SHA-512 users. Each service authenticates as its own principal; the passwords are
 * the local defaults of the services' configuration (refused by the production profile).
 */
public enum KafkaPrincipal {
    DETECTION("detection-service"),
    CASES("case-service"),
    NOTIFICATIONS("notification-service"),
    /** The messaging platform: writes activity, reads enforcement decisions. */
    PLATFORM("platform"),
    /** Super user: creates topics and ACLs, and reads or writes anything in tests. */
    ADMIN("admin");

    public static final String MECHANISM = "SCRAM-SHA-512";

    private final String username;

    KafkaPrincipal(String username) {
        this.username = username;
    }

    public String username() {
        return username;
    }

    public String password() {
        return username + "-local-secret";
    }

    /** Kafka client settings that authenticate as this principal (SASL_PLAINTEXT: loopback only). */
    public Map<String, Object> clientConfig() {
        return clientConfig(username, password());
    }

    /** Kafka client settings for any user name and password, e.g. a wrong one. */
    public static Map<String, Object> clientConfig(String username, String password) {
        Map<String, Object> c = new HashMap<>();
        c.put("security.protocol", "SASL_PLAINTEXT");
        c.put("sasl.mechanism", MECHANISM);
        c.put("sasl.jaas.config", jaas(username, password));
        return c;
    }

    static String jaas(String username, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + username
                + "\" password=\"" + password + "\";";
    }
}
