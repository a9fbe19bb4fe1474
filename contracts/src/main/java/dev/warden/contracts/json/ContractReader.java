package dev.warden.contracts.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;

/**
 * Reads an incoming record of one topic: JSON that validates against the schema this module publishes
 * ({@code schemas/<name>.schema.json}), then bound to its record. Build one per consumer and keep it: the
 * schema is loaded once. A record that fails is a {@link ContractViolation} whose reason names the field.
 */
public final class ContractReader<T> {

    private static final String BASE = "https://warden.dev/schemas/";
    private static final int MAX_REPORTED = 3;
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            b -> b.schemas(iri -> iri.startsWith(BASE) ? resource(iri.substring(BASE.length())) : null)
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private final Schema schema;
    private final Class<T> type;
    private final String what;

    private ContractReader(String name, Class<T> type) {
        this.schema = REGISTRY.getSchema(SchemaLocation.of(BASE + name + ".schema.json"));
        this.schema.initializeValidators(); // resolve $refs now, not with the first record
        this.type = type;
        this.what = type.getSimpleName();
    }

    /** @param name the schema's name, e.g. {@code signal.v1} */
    public static <T> ContractReader<T> of(String name, Class<T> type) {
        return new ContractReader<>(name, type);
    }

    public T read(String json) {
        if (json == null || json.isBlank()) {
            throw new ContractViolation("empty record");
        }
        JsonNode node;
        try {
            node = WardenJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new ContractViolation("not a valid " + what + ": " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new ContractViolation("not a valid " + what + ": not a JSON object");
        }
        List<String> violations = violations(node);
        if (!violations.isEmpty()) {
            throw new ContractViolation(String.join("; ", violations));
        }
        try {
            return WardenJson.mapper().treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ContractViolation("not a valid " + what + ": " + e.getMessage());
        }
    }

    /** What is wrong with {@code json}, each naming its field (at most a few); empty when it conforms. */
    public List<String> violations(JsonNode json) {
        List<Error> errors = schema.validate(json);
        return errors.stream().limit(MAX_REPORTED).map(ContractReader::describe).toList();
    }

    private static String describe(Error e) {
        NodePath at = e.getInstanceLocation();
        String path = IntStream.range(0, at.getNameCount()).mapToObj(at::getName).collect(Collectors.joining("."));
        if ("required".equals(e.getKeyword()) && e.getProperty() != null) {
            path = path.isEmpty() ? e.getProperty() : path + "." + e.getProperty();
        }
        return "field '" + (path.isEmpty() ? "(record)" : path) + "': " + e.getMessage();
    }

    private static String resource(String file) {
        try (InputStream in = ContractReader.class.getResourceAsStream("/schemas/" + file)) {
            if (in == null) {
                throw new IllegalStateException("schemas/" + file + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
