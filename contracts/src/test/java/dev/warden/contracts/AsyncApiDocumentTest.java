package dev.warden.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The AsyncAPI document (src/main/resources/asyncapi.yaml) names every topic, resolves, and matches the ACLs. */
class AsyncApiDocumentTest {

    private static final Path ACL_FILE = Path.of("../deploy/kafka/warden-acls.txt");

    private final JsonNode doc = read();

    private static JsonNode read() {
        try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream("/asyncapi.yaml")) {
            assertThat(in).as("asyncapi.yaml on the class path").isNotNull();
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void isAnAsyncApi3DocumentWithAChannelForEveryTopic() throws IllegalAccessException {
        assertThat(doc.path("asyncapi").asText()).startsWith("3.");
        Set<String> addresses = new TreeSet<>();
        doc.path("channels").forEach(c -> addresses.add(c.path("address").asText()));
        assertThat(addresses).containsExactlyInAnyOrderElementsOf(topics());
    }

    @Test
    void everyReferencedSchemaFileExistsAndEveryInternalReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            if (ref.startsWith("#/")) {
                assertThat(doc.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
            } else {
                assertThat(getClass().getResource("/" + ref)).as("schema file " + ref).isNotNull();
            }
        }
        assertThat(refs).contains("schemas/activity.v1.schema.json", "schemas/signal.v1.schema.json",
                "schemas/enforcement.v1.schema.json", "schemas/notification.v1.schema.json");
    }

    @Test
    void operationsNameExactlyThePrincipalsTheAclFileLetWriteAndReadEachTopic() throws Exception {
        Set<String> topics = new HashSet<>(topics());
        Set<String> documented = new TreeSet<>();
        for (Map.Entry<String, JsonNode> op : doc.path("operations").properties()) {
            JsonNode o = op.getValue();
            String channel = o.path("channel").path("$ref").asText();
            String address = doc.at(channel.substring(1)).path("address").asText();
            String principal = o.path("x-kafka-principal").asText();
            assertThat(principal).as(op.getKey() + " names its principal").isNotEmpty();
            documented.add(principal + " " + ("send".equals(o.path("action").asText()) ? "WRITE" : "READ") + " " + address);
        }
        Set<String> granted = new TreeSet<>();
        for (String line : Files.readAllLines(ACL_FILE)) {
            String[] f = line.strip().split("\\s+");
            if (f.length == 5 && !f[0].startsWith("#") && f[2].equals("TOPIC") && f[3].equals("LITERAL")
                    && (f[1].equals("READ") || f[1].equals("WRITE")) && topics.contains(f[4])) {
                granted.add(f[0] + " " + f[1] + " " + f[4]);
            }
        }
        assertThat(documented).containsExactlyInAnyOrderElementsOf(granted);
    }

    private static List<String> topics() throws IllegalAccessException {
        List<String> topics = new ArrayList<>();
        for (Field f : Topics.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.get(null) instanceof String s && s.startsWith("warden.")) {
                topics.add(s);
            }
        }
        return topics;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("$ref")) {
                    refs.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectRefs(n, refs));
        }
    }
}
