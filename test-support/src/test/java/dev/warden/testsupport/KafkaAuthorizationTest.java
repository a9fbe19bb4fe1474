package dev.warden.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import dev.warden.contracts.Topics;

/** The test broker enforces authentication and the ACL table, as production does. */
class KafkaAuthorizationTest {

    @Test
    void clientWithoutCredentialsIsRefused() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, WardenKafka.bootstrapServers());
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        try (Admin anonymous = Admin.create(p)) {
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> anonymous.listTopics().names().get(10, TimeUnit.SECONDS));
            // the SASL listener closes a plaintext connection: the client never gets an answer
            assertInstanceOf(org.apache.kafka.common.errors.TimeoutException.class, e.getCause());
        }
    }

    @Test
    void wrongPasswordIsRefused() {
        Map<String, Object> config = KafkaPrincipal.clientConfig("platform", "guessed");
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, WardenKafka.bootstrapServers());
        try (Admin admin = Admin.create(config)) {
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> admin.listTopics().names().get(30, TimeUnit.SECONDS));
            assertInstanceOf(SaslAuthenticationException.class, e.getCause());
        }
    }

    @Test
    void platformCannotWriteSignals() {
        assertWriteRefused(KafkaPrincipal.PLATFORM, Topics.SIGNALS);
    }

    @Test
    void platformCannotWriteEnforcementDecisions() {
        assertWriteRefused(KafkaPrincipal.PLATFORM, Topics.ENFORCEMENT);
    }

    @Test
    void notificationServiceCannotWriteSignals() {
        assertWriteRefused(KafkaPrincipal.NOTIFICATIONS, Topics.SIGNALS);
    }

    @Test
    void caseServiceCannotRewriteDetectionRules() {
        assertWriteRefused(KafkaPrincipal.CASES, Topics.DETECTION_RULES);
    }

    @Test
    void platformWritesActivity() throws Exception {
        try (KafkaProducer<String, String> producer = producer(KafkaPrincipal.PLATFORM)) {
            String key = "acc:" + UUID.randomUUID();
            producer.send(new ProducerRecord<>(Topics.ACTIVITY, key, "{}")).get(30, TimeUnit.SECONDS);
            assertEquals(1, KafkaTestClient.read(Topics.ACTIVITY, r -> key.equals(r.key()), l -> !l.isEmpty(),
                    Duration.ofSeconds(30)).size());
        }
    }

    private static void assertWriteRefused(KafkaPrincipal principal, String topic) {
        try (KafkaProducer<String, String> producer = producer(principal)) {
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> producer.send(new ProducerRecord<>(topic, "acc:forged", "{}")).get(30, TimeUnit.SECONDS));
            assertInstanceOf(TopicAuthorizationException.class, e.getCause(), () -> String.valueOf(e.getCause()));
            assertTrue(((TopicAuthorizationException) e.getCause()).unauthorizedTopics().contains(topic));
        }
    }

    private static KafkaProducer<String, String> producer(KafkaPrincipal principal) {
        Map<String, Object> config = WardenKafka.clientConfig(principal);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "20000");
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }
}
