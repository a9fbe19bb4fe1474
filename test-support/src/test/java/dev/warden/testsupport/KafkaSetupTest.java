package dev.warden.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

/** The one broker setup that the test broker and the local platform share. */
class KafkaSetupTest {

    @Test
    void applyingToAPreparedBrokerCreatesNothingAndReportsEveryTopic() {
        try (Admin admin = Admin.create(WardenKafka.adminProperties())) {
            KafkaSetup.Outcome outcome = KafkaSetup.apply(admin, WardenKafka.PARTITIONS);
            assertEquals(0, outcome.created());
            assertEquals(KafkaSetup.acls().size(), outcome.acls());
            assertEquals(KafkaSetup.TOPICS, List.copyOf(outcome.partitions().keySet()));
            assertTrue(outcome.partitions().values().stream().allMatch(p -> p == WardenKafka.PARTITIONS));
        }
    }

    @Test
    void refusesTopicsWithFewerPartitionsThanAsked() {
        try (Admin admin = Admin.create(WardenKafka.adminProperties())) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> KafkaSetup.apply(admin, WardenKafka.PARTITIONS + 2));
            assertTrue(e.getMessage().contains("has " + WardenKafka.PARTITIONS + " partitions, expected at least "
                    + (WardenKafka.PARTITIONS + 2)), e.getMessage());
        }
    }

    @Test
    void createsAMissingTopicOnceAndLeavesItAloneAfterwards() throws Exception {
        String topic = "warden.setup-test." + UUID.randomUUID();
        try (Admin admin = Admin.create(WardenKafka.adminProperties())) {
            assertEquals(1, KafkaSetup.createTopics(admin, List.of(topic), 2));
            assertEquals(0, KafkaSetup.createTopics(admin, List.of(topic), 5));
            assertEquals(2, admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(topic).partitions().size());
        }
    }
}
