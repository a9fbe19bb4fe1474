package dev.warden.testsupport;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.TestKitNodes;

import dev.warden.contracts.Topics;

/**
 * One real KRaft broker per JVM (combined broker + controller), started on first use, stopped at JVM
 * exit, with authentication and ACLs on as in production. Warden's topics are created up front with
 * {@value #PARTITIONS} partitions. Services connect with their own principal (their configuration);
 * tests use {@link KafkaTestClient}, as the super user unless they pick a {@link KafkaPrincipal}.
 */
public final class WardenKafka {

    public static final int PARTITIONS = 3;
    /** Detection's shadow signals (candidate rules evaluated beside the live ones). */
    public static final String SIGNALS_SHADOW = Topics.SIGNALS_SHADOW;
    public static final List<String> TOPICS = KafkaSetup.TOPICS;

    private static KafkaClusterTestKit cluster;
    /** Kafka's own shutdown hooks (temp-dir deletion), run only after the broker has stopped. */
    private static final List<Runnable> DEFERRED_HOOKS = new java.util.concurrent.CopyOnWriteArrayList<>();

    private WardenKafka() {
    }

    public static synchronized String bootstrapServers() {
        String external = System.getProperty(KafkaBrokerProcess.EXTERNAL_BOOTSTRAP);
        if (external != null) {
            return external; // a benchmark's broker in a JVM of its own (KafkaBrokerProcess)
        }
        if (cluster == null) {
            cluster = start();
            // the shared client first (outside this class's lock), or its producer waits on a dead broker
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    KafkaTestClient.closeShared();
                } finally {
                    stop();
                }
            }, "warden-kafka-stop"));
        }
        return cluster.bootstrapServers();
    }

    public static void createTopics(Set<String> names, int partitions) {
        try (Admin admin = admin()) {
            KafkaSetup.createTopics(admin, names, partitions);
        }
    }

    public static Admin admin() {
        return Admin.create(adminProperties());
    }

    /**
     * One combined broker + controller node that authenticates every client (SASL/SCRAM-SHA-512 on the
     * broker listener, PLAIN between broker and controller) and authorizes it by ACL, denying what no ACL
     * allows. The SCRAM users of {@link KafkaPrincipal} exist from the first start; call
     * {@link #applyAcls(String)} once the broker is up.
     */
    public static KafkaClusterTestKit.Builder singleNode() {
        TestKitNodes nodes = new TestKitNodes.Builder(KafkaBrokerSecurity.bootstrapMetadata())
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1)
                .setBrokerListenerName(new ListenerName(KafkaBrokerSecurity.BROKER_LISTENER))
                .setBrokerSecurityProtocol(SecurityProtocol.SASL_PLAINTEXT)
                .setControllerListenerName(new ListenerName(KafkaBrokerSecurity.CONTROLLER_LISTENER))
                .setControllerSecurityProtocol(SecurityProtocol.SASL_PLAINTEXT)
                .build();
        // a single broker cannot host the default replication factor of 3 for internal topics
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes)
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                .setConfigProp("share.coordinator.state.topic.min.isr", "1");
        KafkaBrokerSecurity.brokerConfig().forEach(builder::setConfigProp);
        return builder;
    }

    /** Creates the ACLs of deploy/kafka/warden-acls.txt on the broker at {@code bootstrapServers}. */
    public static void applyAcls(String bootstrapServers) {
        try (Admin admin = Admin.create(adminConfig(bootstrapServers))) {
            KafkaSetup.createAcls(admin);
        }
    }

    /** Admin client settings (the super user) for the broker at {@code bootstrapServers}. */
    public static Map<String, Object> adminConfig(String bootstrapServers) {
        return clientConfig(KafkaPrincipal.ADMIN, bootstrapServers);
    }

    /** Client settings that authenticate as {@code principal} on the broker at {@code bootstrapServers}. */
    public static Map<String, Object> clientConfig(KafkaPrincipal principal, String bootstrapServers) {
        Map<String, Object> c = new HashMap<>(principal.clientConfig());
        c.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return c;
    }

    /** Client settings that authenticate as {@code principal} on this JVM's broker. */
    public static Map<String, Object> clientConfig(KafkaPrincipal principal) {
        return clientConfig(principal, bootstrapServers());
    }

    /** Admin (super user) client settings for this JVM's broker, as {@link Properties}. */
    public static Properties adminProperties() {
        Properties p = new Properties();
        p.putAll(clientConfig(KafkaPrincipal.ADMIN));
        return p;
    }

    private static KafkaClusterTestKit start() {
        long t0 = System.nanoTime();
        // Shutdown hooks run concurrently: Kafka's temp-dir deletion raced the broker's last checkpoint
        // write, the broker saw all log dirs fail and called Exit.halt(1), failing the whole test JVM.
        // Defer Kafka's hooks until the broker is closed, and never let the embedded broker end the JVM.
        Exit.setShutdownHookAdder((name, hook) -> DEFERRED_HOOKS.add(hook));
        Exit.setHaltProcedure((status, message) -> System.err.printf("[warden-test] Kafka asked to halt(%d): %s%n",
                status, message));
        Exit.setExitProcedure((status, message) -> System.err.printf("[warden-test] Kafka asked to exit(%d): %s%n",
                status, message));
        KafkaBrokerSecurity.useThisClassLoadersSaslProviders();
        try {
            KafkaClusterTestKit kit = singleNode()
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("auto.create.topics.enable", "true")
                    .setConfigProp("num.partitions", String.valueOf(PARTITIONS))
                    .build();
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            cluster = kit;
            try (Admin admin = Admin.create(adminConfig(kit.bootstrapServers()))) {
                KafkaSetup.apply(admin, PARTITIONS);
            }
            System.out.printf("[warden-test] Kafka ready at %s in %d ms%n", kit.bootstrapServers(),
                    (System.nanoTime() - t0) / 1_000_000);
            return kit;
        } catch (Exception e) {
            throw new IllegalStateException("Kafka test broker failed to start", e);
        }
    }

    private static synchronized void stop() {
        if (cluster != null) {
            try {
                cluster.close();
            } catch (Exception e) {
                // JVM is exiting; nothing left to protect
            }
            cluster = null;
        }
        DEFERRED_HOOKS.forEach(hook -> {
            try {
                hook.run();
            } catch (RuntimeException e) {
                // best effort: temp files only
            }
        });
    }

    /**
     * Config overrides for a Quarkus app: messaging and Kafka Streams both point at this broker (each
     * service authenticates with its own configured principal). The test infrastructure is local (SASL
     * without TLS on loopback, http OIDC, local passwords): a packaged service run in the production
     * profile needs the explicit local exception.
     */
    public static Map<String, String> quarkusConfig() {
        String servers = bootstrapServers();
        return Map.of("kafka.bootstrap.servers", servers,
                "quarkus.kafka-streams.bootstrap-servers", servers,
                "warden.security.allow-local-defaults", "true");
    }
}
