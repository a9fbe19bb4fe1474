package dev.warden.deploy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

/**
 * Parses a manifest into the fabric8 Kubernetes model or the Strimzi API model and refuses any field the model
 * does not know. Both models keep unknown fields in an {@code additionalProperties} map (Jackson's any-setter,
 * which FAIL_ON_UNKNOWN_PROPERTIES does not reach), so after parsing every such map in the object tree must be
 * empty.
 */
final class StrictModel {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    /** apiVersion/kind of every resource Warden's manifests may hold, with its model class. */
    static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1/KafkaUser", KafkaUser.class));

    private StrictModel() {
    }

    static boolean hasModel(JsonNode node) {
        return MODELS.containsKey(key(node));
    }

    /** The typed resource; throws naming the path of each field the model does not know. */
    static <T> T parse(JsonNode node, Class<T> type) {
        T value;
        try {
            value = MAPPER.treeToValue(node, type);
        } catch (Exception e) {
            throw new IllegalArgumentException("does not parse as " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
        List<String> unknown = new ArrayList<>();
        walk(value, "", unknown);
        // a value the model could not take (an unknown enum constant reads as null) is gone after a round trip;
        // so is a value equal to the model's default, which parses to the same object as its absence
        List<String> lost = new ArrayList<>();
        missing(node, MAPPER.valueToTree(value), "", lost);
        for (String pointer : lost) {
            JsonNode without = node.deepCopy();
            JsonNode parent = without.at(pointer.substring(0, pointer.lastIndexOf('/')));
            String last = pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
            if (parent instanceof ObjectNode o) {
                o.remove(last);
            } else if (parent instanceof ArrayNode a) {
                a.remove(Integer.parseInt(last));
            }
            try {
                if (!MAPPER.treeToValue(without, type).equals(value)) {
                    unknown.add(pointer + "=" + node.at(pointer));
                }
            } catch (Exception e) {
                unknown.add(pointer + "=" + node.at(pointer));
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("fields unknown to " + type.getSimpleName() + ": " + unknown);
        }
        return value;
    }

    static Object parse(JsonNode node) {
        Class<?> type = MODELS.get(key(node));
        if (type == null) {
            throw new IllegalArgumentException("no model for " + key(node) + "; known: " + MODELS.keySet());
        }
        return parse(node, type);
    }

    private static String key(JsonNode node) {
        return node.path("apiVersion").asText() + "/" + node.path("kind").asText();
    }

    private static void walk(Object value, String path, List<String> unknown) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> c) {
            int i = 0;
            for (Object o : c) {
                walk(o, path + "[" + i++ + "]", unknown);
            }
            return;
        }
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> walk(v, path + "." + k, unknown));
            return;
        }
        if (!isModel(value.getClass())) {
            return;
        }
        for (Class<?> c = value.getClass(); c != null && isModel(c); c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                f.setAccessible(true);
                Object v;
                try {
                    v = f.get(value);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
                if (f.getName().equals("additionalProperties") && v instanceof Map<?, ?> extra) {
                    extra.keySet().forEach(k -> unknown.add(path + "." + k));
                } else {
                    walk(v, path + "." + f.getName(), unknown);
                }
            }
        }
    }

    private static void missing(JsonNode in, JsonNode out, String path, List<String> lost) {
        if (in.isObject()) {
            in.fields().forEachRemaining(e -> {
                JsonNode o = out == null ? null : out.get(e.getKey());
                if (o == null || o.isNull()) {
                    lost.add(path + "/" + escape(e.getKey()));
                } else {
                    missing(e.getValue(), o, path + "/" + escape(e.getKey()), lost);
                }
            });
        } else if (in.isArray()) {
            for (int i = 0; i < in.size(); i++) {
                JsonNode o = out == null ? null : out.get(i);
                if (o == null || o.isNull()) {
                    lost.add(path + "/" + i);
                } else {
                    missing(in.get(i), o, path + "/" + i, lost);
                }
            }
        }
    }

    /** A key as a JSON Pointer segment (labels and annotations hold '/'). */
    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        // CustomResource (the Strimzi resources' superclass, which holds spec) is in the client package
        return name.startsWith("io.fabric8.kubernetes.api.model") || name.equals("io.fabric8.kubernetes.client.CustomResource")
                || name.startsWith("io.strimzi.api");
    }
}
