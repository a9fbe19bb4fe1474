package dev.warden.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import dev.warden.contracts.Topics;

/**
 * What a Warden broker holds before the services start: the topics and the ACLs of
 * deploy/kafka/warden-acls.txt. Shared by the test broker ({@link WardenKafka}) and the local platform
 * (the local-platform module), so both set up the same broker; needs only kafka-clients.
 */
public final class KafkaSetup {

    /** Every Warden topic, dead-letter topics included. */
    public static final List<String> TOPICS = List.of(Topics.ACTIVITY, Topics.ACTIVITY_DLQ, Topics.SIGNALS,
            Topics.SIGNALS_DLQ, Topics.ENFORCEMENT, Topics.ENFORCEMENT_DLQ, Topics.NOTIFICATIONS, Topics.NOTIFICATIONS_DLQ,
            Topics.DETECTION_RULES, Topics.SIGNALS_SHADOW, Topics.ERASURES, Topics.ERASURES_DLQ);

    private static final String ACL_RESOURCE = "/warden-kafka/warden-acls.txt";

    private static final long TIMEOUT_SECONDS = 60;

    private KafkaSetup() {
    }

    /** What {@link #apply} found or made: topics created now, ACLs applied, partitions per topic. */
    public record Outcome(int created, int acls, Map<String, Integer> partitions) {
    }

    /**
     * Brings the broker to what Warden needs, idempotently: creates the missing {@link #TOPICS} with
     * {@code partitions} partitions, checks that every topic has at least that many, creates the ACLs.
     *
     * @throws IllegalStateException naming the topic or the refusal when the broker is not as needed
     */
    public static Outcome apply(Admin admin, int partitions) {
        int created = createTopics(admin, TOPICS, partitions);
        Map<String, TopicDescription> described = await(admin.describeTopics(TOPICS).allTopicNames(), "describe the topics");
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String name : TOPICS) {
            int p = described.get(name).partitions().size();
            if (p < partitions) {
                throw new IllegalStateException("topic " + name + " has " + p + " partitions, expected at least " + partitions);
            }
            counts.put(name, p);
        }
        return new Outcome(created, createAcls(admin), counts);
    }

    /** Creates those of {@code names} that do not exist yet; returns how many it created. */
    public static int createTopics(Admin admin, Collection<String> names, int partitions) {
        Set<String> existing = await(admin.listTopics().names(), "list the topics");
        List<NewTopic> missing = names.stream().filter(n -> !existing.contains(n)).map(n -> newTopic(n, partitions)).toList();
        int created = 0;
        for (Future<Void> f : admin.createTopics(missing).values().values()) {
            try {
                await(f, "create topics");
                created++;
            } catch (IllegalStateException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {   // created meanwhile by someone else: fine
                    throw e;
                }
            }
        }
        return created;
    }

    /**
     * Creates the ACLs of {@link #acls()} (creating an existing one is a no-op) and waits until the broker
     * authorizes by them; returns how many. The controller acknowledges an ACL before the broker has applied
     * it: a client that starts right then was refused ("Not authorized") by an ACL that existed.
     */
    public static int createAcls(Admin admin) {
        List<AclBinding> acls = acls();
        await(admin.createAcls(acls).all(), "create the ACLs");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!await(admin.describeAcls(AclBindingFilter.ANY).values(), "describe the ACLs").containsAll(acls)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the broker did not apply the ACLs within " + TIMEOUT_SECONDS + " s");
            }
            pause();
        }
        return acls.size();
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker's ACLs", e);
        }
    }

    private static <T> T await(Future<T> f, String what) {
        try {
            return f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("could not " + what + " within " + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to " + what, e);
        }
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
