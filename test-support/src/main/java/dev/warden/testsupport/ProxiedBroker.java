package dev.warden.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.test.KafkaClusterTestKit;

/**
 * A private single-node KRaft broker reached only through a {@link StallingProxy}: it advertises the
 * proxy's port, so every connection of a client (bootstrap and after metadata) crosses the proxy. For
 * tests of a slow or frozen broker on the wire; the JVM's shared broker ({@link WardenKafka}) is untouched.
 */
public final class ProxiedBroker implements AutoCloseable {

    private final KafkaClusterTestKit kit;
    private final StallingProxy proxy;

    private ProxiedBroker(KafkaClusterTestKit kit, StallingProxy proxy) {
        this.kit = kit;
        this.proxy = proxy;
    }

    /**
     * Starts the broker behind a proxy on {@code proxyPort} (see {@link ReservedPort}: a test profile can
     * hand it to the application before the test starts the broker).
     */
    public static ProxiedBroker start(String topic, int partitions, int proxyPort) {
        StallingProxy proxy = new StallingProxy(proxyPort, "127.0.0.1", 0);
        try {
            KafkaClusterTestKit kit = WardenKafka.singleNode()
                    .setConfigProp("advertised.listeners", "EXTERNAL://127.0.0.1:" + proxy.port())
                    .setConfigProp("auto.create.topics.enable", "false")
                    .build();
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            // the test kit binds the listener itself; the proxy learns where once the broker runs
            proxy.retarget(kit.brokers().values().iterator().next().boundPort(new ListenerName("EXTERNAL")));
            ProxiedBroker broker = new ProxiedBroker(kit, proxy);
            // authenticated and authorized like the JVM's broker: the services' own principals and ACLs
            WardenKafka.applyAcls(broker.bootstrapServers());
            try (Admin admin = Admin.create(broker.clientProperties())) {
                admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
            }
            return broker;
        } catch (Exception e) {
            proxy.close();
            throw new IllegalStateException("proxied test broker failed to start", e);
        }
    }

    /** The proxy's address: what a client under test is given. */
    public String bootstrapServers() {
        return "127.0.0.1:" + proxy.port();
    }

    public StallingProxy proxy() {
        return proxy;
    }

    /** Reads {@code topic} from the beginning until {@code done} holds for the matching records, or the timeout passes. */
    public List<ConsumerRecord<String, String>> read(String topic, Predicate<ConsumerRecord<String, String>> filter,
            Predicate<List<ConsumerRecord<String, String>>> done, Duration timeout) {
        return KafkaTestClient.read(clientProperties(), topic, filter, done, timeout);
    }

    private Properties clientProperties() {
        Properties p = new Properties();
        p.putAll(WardenKafka.adminConfig(bootstrapServers()));
        return p;
    }

    @Override
    public void close() {
        proxy.close();
        try {
            kit.close();
        } catch (Exception e) {
            // a test broker: nothing left to protect
        }
    }
}
