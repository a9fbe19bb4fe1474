package dev.warden.deploy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * CloudNativePG publishes no Java model on Maven Central, so its resources are checked against this
 * hand-kept part of its API reference (postgresql.cnpg.io/v1, operator 1.25 or later): the fields Warden
 * uses, with their JSON types. A field not listed here fails the check: add it after reading the
 * operator's reference for it. Paths ending in {@code .*} take any map below them.
 */
final class CloudNativePgSchema {

    static final String API_VERSION = "postgresql.cnpg.io/v1";

    private static final Map<String, Set<String>> FIELDS = Map.of(
            "Cluster", Set.of("spec.instances:number", "spec.imageName:string", "spec.primaryUpdateStrategy:string",
                    "spec.storage.size:string", "spec.storage.storageClass:string",
                    "spec.resources.requests.*", "spec.resources.limits.*", "spec.postgresql.parameters.*",
                    "spec.managed.roles[].name:string", "spec.managed.roles[].ensure:string",
                    "spec.managed.roles[].login:boolean", "spec.managed.roles[].passwordSecret.name:string"),
            "Database", Set.of("spec.cluster.name:string", "spec.name:string", "spec.owner:string"));

    private static final Set<String> METADATA = Set.of("metadata.name:string", "metadata.labels.*",
            "metadata.annotations.*");

    private CloudNativePgSchema() {
    }

    static boolean covers(JsonNode node) {
        return API_VERSION.equals(node.path("apiVersion").asText());
    }

    /** The fields of {@code node} outside the known schema; empty when it conforms. */
    static List<String> violations(JsonNode node) {
        List<String> problems = new ArrayList<>();
        Set<String> allowed = FIELDS.get(node.path("kind").asText());
        if (allowed == null) {
            problems.add("kind " + node.path("kind").asText() + " is not a known CloudNativePG kind " + FIELDS.keySet());
            return problems;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!Set.of("apiVersion", "kind").contains(e.getKey())) {
                check(e.getValue(), e.getKey(), allowed, problems);
            }
        }
        return problems;
    }

    private static void check(JsonNode value, String path, Set<String> allowed, List<String> problems) {
        if (matchesWildcard(path, allowed)) {
            return;
        }
        if (value.isObject()) {
            if (allowed.stream().noneMatch(a -> a.startsWith(path + ".")) && !METADATA.stream().anyMatch(a -> a.startsWith(path + "."))) {
                problems.add(path + " (unknown object)");
                return;
            }
            value.fields().forEachRemaining(e -> check(e.getValue(), path + "." + e.getKey(), allowed, problems));
        } else if (value.isArray()) {
            value.forEach(v -> check(v, path + "[]", allowed, problems));
        } else {
            String type = value.isNumber() ? "number" : value.isBoolean() ? "boolean" : "string";
            if (!allowed.contains(path + ":" + type) && !METADATA.contains(path + ":" + type)) {
                problems.add(path + ":" + type);
            }
        }
    }

    private static boolean matchesWildcard(String path, Set<String> allowed) {
        for (String a : allowed) {
            if (a.endsWith(".*") && path.startsWith(a.substring(0, a.length() - 1))) {
                return true;
            }
        }
        for (String a : METADATA) {
            if (a.endsWith(".*") && path.startsWith(a.substring(0, a.length() - 1))) {
                return true;
            }
        }
        return false;
    }
}
