package dev.warden.detection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** How far a KafkaStreams application of the detection topology has got, asked of the broker. */
public final class TopologyProgress {

    private TopologyProgress() {
    }

    /** What the topology reads from Kafka: its source and its two repartition topics. */
    public static List<String> inputs(String applicationId, String source) {
        return List.of(source, applicationId + "-fingerprint-repartition",
                applicationId + "-campaign-by-account-repartition");
    }

    /**
     * Every partition of {@code topics} committed up to its end. Committed offsets first, end offsets after:
     * anything a repartition topic received was produced before the commit of the input that caused it, so
     * committed ≥ end everywhere means nothing is left in flight. False while a topic does not exist yet.
     */
    public static boolean committedToEnd(Admin admin, String applicationId, List<String> topics)
            throws InterruptedException {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                    .partitionsToOffsetAndMetadata().get();
            List<TopicPartition> all = new ArrayList<>();
            admin.describeTopics(topics).allTopicNames().get().forEach((topic, description) -> description.partitions()
                    .forEach(p -> all.add(new TopicPartition(topic, p.partition()))));
            var ends = admin.listOffsets(all.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
                    .all().get();
            return all.stream().allMatch(tp -> {
                OffsetAndMetadata c = committed.get(tp);
                return (c == null ? 0 : c.offset()) >= ends.get(tp).offset();
            });
        } catch (ExecutionException e) {
            return false; // a repartition topic does not exist yet
        }
    }
}
