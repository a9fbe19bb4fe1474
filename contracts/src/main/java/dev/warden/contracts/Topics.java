package dev.warden.contracts;

/** Kafka topic names (described in src/main/resources/asyncapi.yaml). All but {@link #DETECTION_RULES} are keyed by accountId. */
public final class Topics {
    public static final String ACTIVITY = "warden.activity.v1";
    public static final String ACTIVITY_DLQ = "warden.activity.v1.dlq";
    public static final String SIGNALS = "warden.signals.v1";
    public static final String SIGNALS_DLQ = "warden.signals.v1.dlq";
    /** Signals of shadow rule versions, for comparison with the live ones; nothing acts on them. */
    public static final String SIGNALS_SHADOW = "warden.signals.shadow.v1";
    public static final String ENFORCEMENT = "warden.enforcement.v1";
    public static final String ENFORCEMENT_DLQ = "warden.enforcement.v1.dlq";
    /** Final outcomes of notification-service's mails (sent or dead), for the case timeline. */
    public static final String NOTIFICATIONS = "warden.notifications.v1";
    public static final String NOTIFICATIONS_DLQ = "warden.notifications.v1.dlq";
    /**
     * An account's personal data was erased: each consumer erases its share. Written only by case-service
     * (where legal holds live), through its outbox.
     */
    public static final String ERASURES = "warden.erasures.v1";
    public static final String ERASURES_DLQ = "warden.erasures.v1.dlq";
    /** Detection rule versions, keyed by rule id (not account id), compacted: the latest version wins. */
    public static final String DETECTION_RULES = "warden.detection-rules.v1";

    /** Header that carries why a record was dead-lettered. */
    public static final String DLQ_REASON_HEADER = "dead-letter-reason";

    private Topics() {
    }
}
