package dev.warden.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

/** The files of deploy/kubernetes, read as YAML documents; paths are relative to the repository root. */
final class Manifests {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final Path REPO = repositoryRoot();
    static final Path KUBERNETES = REPO.resolve("deploy/kubernetes");
    static final Path BASE = KUBERNETES.resolve("base");
    static final List<String> SERVICES = List.of("detection-service", "case-service", "notification-service");
    /** Modules whose Deployment and Service quarkus-kubernetes generates: the services and the reviewer console. */
    static final List<String> GENERATED = List.of("detection-service", "case-service", "notification-service", "console");
    static final List<String> OVERLAYS = List.of("local", "production");

    /** One document of a manifest file. */
    record Doc(Path file, int index, ObjectNode node) {
        String kind() {
            return node.path("kind").asText();
        }

        String apiVersion() {
            return node.path("apiVersion").asText();
        }

        String name() {
            return node.path("metadata").path("name").asText();
        }

        @Override
        public String toString() {
            return KUBERNETES.relativize(file) + "#" + index + " " + kind() + "/" + name();
        }
    }

    private Manifests() {
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("deploy/kubernetes"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("deploy/kubernetes not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** Every manifest file (kustomizations excluded), base and overlays. */
    static List<Path> manifestFiles() {
        try (Stream<Path> files = Files.walk(KUBERNETES)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .filter(p -> !p.getFileName().toString().equals("kustomization.yaml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Doc> docs(Path file) {
        List<Doc> docs = new ArrayList<>();
        try (YAMLParser parser = ((YAMLFactory) YAML.getFactory()).createParser(file.toFile())) {
            int i = 0;
            for (JsonNode node : YAML.readValues(parser, JsonNode.class).readAll()) {
                if (node != null && !node.isNull() && !node.isMissingNode()) {
                    docs.add(new Doc(file, i++, (ObjectNode) node));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
        return docs;
    }

    static List<Doc> allDocs() {
        return manifestFiles().stream().flatMap(f -> docs(f).stream()).toList();
    }

    static JsonNode kustomization(Path dir) {
        try {
            return YAML.readTree(dir.resolve("kustomization.yaml").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The documents an overlay assembles: its resources and, recursively, those of the kustomizations it includes. */
    static List<Doc> assembled(Path dir) {
        List<Doc> docs = new ArrayList<>();
        for (JsonNode r : kustomization(dir).path("resources")) {
            Path p = dir.resolve(r.asText()).normalize();
            docs.addAll(Files.isDirectory(p) ? assembled(p) : docs(p));
        }
        return docs;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
