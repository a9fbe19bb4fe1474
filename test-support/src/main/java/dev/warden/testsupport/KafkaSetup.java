package dev.warden.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import dev.warden.contracts.Topics;

/**
 * What a Warden broker holds before the services start: the topics and the ACLs of
 * deploy/kafka/warden-acls.txt. Shared by the test broker ({@link WardenKafka}) and the local platform
 * (deploy/local/WardenTool.java), so both set up the same broker; needs only kafka-clients.
 */
public final class KafkaSetup {

    /** Every Warden topic, dead-letter topics included. */
    public static final List<String> TOPICS = List.of(Topics.ACTIVITY, Topics.ACTIVITY_DLQ, Topics.SIGNALS,
            Topics.SIGNALS_DLQ, Topics.ENFORCEMENT, Topics.ENFORCEMENT_DLQ, Topics.NOTIFICATIONS, Topics.NOTIFICATIONS_DLQ,
            Topics.DETECTION_RULES, Topics.SIGNALS_SHADOW, Topics.ERASURES, Topics.ERASURES_DLQ);

    private static final String ACL_RESOURCE = "/warden-kafka/warden-acls.txt";

    private KafkaSetup() {
    }

    /** The topic as it is created: the rules topic holds the latest version per rule id, so it is compacted. */
    public static NewTopic newTopic(String name, int partitions) {
        NewTopic topic = new NewTopic(name, partitions, (short) 1);
        return Topics.DETECTION_RULES.equals(name) ? topic.configs(Map.of("cleanup.policy", "compact")) : topic;
    }

    /** The ALLOW entries of deploy/kafka/warden-acls.txt (copied into this jar by the build). */
    public static List<AclBinding> acls() {
        List<AclBinding> acls = new ArrayList<>();
        try (InputStream in = KafkaSetup.class.getResourceAsStream(ACL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(ACL_RESOURCE + " is not on the class path");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.strip().split("\\s+");
                if (line.isBlank() || line.strip().startsWith("#")) {
                    continue;
                }
                if (f.length != 5) {
                    throw new IllegalStateException("bad ACL line: " + line);
                }
                acls.add(new AclBinding(new ResourcePattern(ResourceType.valueOf(f[2].toUpperCase(Locale.ROOT)), f[4],
                        PatternType.valueOf(f[3].toUpperCase(Locale.ROOT))),
                        new AccessControlEntry("User:" + f[0], "*", AclOperation.valueOf(f[1].toUpperCase(Locale.ROOT)),
                                AclPermissionType.ALLOW)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return acls;
    }
}
