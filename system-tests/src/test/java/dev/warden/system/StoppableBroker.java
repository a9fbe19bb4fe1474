package dev.warden.system;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.test.KafkaClusterTestKit;

import dev.warden.testsupport.KafkaTestClient;
import dev.warden.testsupport.WardenKafka;
import kafka.server.BrokerServer;

/**
 * A second, private KRaft broker a test may take down and bring back on the same port (the test kit
 * rebinds the port it first bound), so one service sees a broker outage while everything else keeps
 * using the shared broker. Same users and ACLs as the shared broker.
 */
final class StoppableBroker implements AutoCloseable {

    private final KafkaClusterTestKit kit;

    private StoppableBroker(KafkaClusterTestKit kit) {
        this.kit = kit;
    }

    static StoppableBroker start(String topic, int partitions) throws Exception {
        KafkaClusterTestKit kit = WardenKafka.singleNode()
                .setConfigProp("auto.create.topics.enable", "false")
                .build();
        kit.format();
        kit.startup();
        kit.waitForReadyBrokers();
        StoppableBroker broker = new StoppableBroker(kit);
        try (Admin admin = Admin.create(WardenKafka.adminConfig(broker.bootstrapServers()))) {
            WardenKafka.applyAcls(broker.bootstrapServers());
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        } catch (Exception e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    String bootstrapServers() {
        return kit.bootstrapServers();
    }

    /** The broker goes away; its controller and its log stay. */
    void stopBroker() {
        kit.brokers().values().forEach(BrokerServer::shutdown);
        kit.brokers().values().forEach(BrokerServer::awaitShutdown);
    }

    void startBroker() throws Exception {
        kit.brokers().values().forEach(BrokerServer::startup);
        kit.waitForReadyBrokers();
    }

    /** Reads {@code topic} from the beginning until {@code done} holds for the matching records, or the timeout passes. */
    List<ConsumerRecord<String, String>> read(String topic, Predicate<ConsumerRecord<String, String>> filter,
            Predicate<List<ConsumerRecord<String, String>>> done, Duration timeout) {
        Properties client = new Properties();
        client.putAll(WardenKafka.adminConfig(bootstrapServers()));
        return KafkaTestClient.read(client, topic, filter, done, timeout);
    }

    /** The record's CloudEvents id ({@code ce_id} header). */
    static String ceId(ConsumerRecord<String, String> record) {
        return new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
    }

    /** The first record of each CloudEvents id, in order: at-least-once delivery may repeat one. */
    static List<ConsumerRecord<String, String>> firstOfEach(List<ConsumerRecord<String, String>> records) {
        Map<String, ConsumerRecord<String, String>> first = new LinkedHashMap<>();
        records.forEach(r -> first.putIfAbsent(ceId(r), r));
        return List.copyOf(first.values());
    }

    @Override
    public void close() throws Exception {
        kit.close();
    }
}
