package dev.warden.deploy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;

import dev.warden.deploy.Manifests.Doc;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * What an overlay assembles, as far as the services' environment goes: its documents, the ConfigMaps and Secrets
 * it generates or that an operator makes from its resources, with their keys and values.
 */
final class Overlay {

    /** Stands for a value the operator or the site supplies: present, not a local default. */
    static final String SUPPLIED = "<supplied at deploy time>";

    final String name;
    final List<Doc> docs;
    final Map<String, Map<String, String>> configMaps = new LinkedHashMap<>();
    final Map<String, Map<String, String>> secrets = new LinkedHashMap<>();

    Overlay(String name) {
        this.name = name;
        Path dir = Manifests.KUBERNETES.resolve("overlays").resolve(name);
        this.docs = Manifests.assembled(dir);
        generators(Manifests.BASE);
        generators(dir);
        for (Doc d : docs) {
            switch (d.kind()) {
                // Strimzi's User Operator: a Secret per KafkaUser; its Cluster Operator: the cluster CA
                case "KafkaUser" -> secrets.put(d.name(), supplied("password", "sasl.jaas.config"));
                case "Kafka" -> secrets.put(d.name() + "-cluster-ca-cert", supplied("ca.crt", "ca.p12", "ca.password"));
                case "ConfigMap", "Secret" -> {
                    Map<String, String> data = new LinkedHashMap<>();
                    d.node().path("data").fields().forEachRemaining(e -> data.put(e.getKey(), e.getValue().asText()));
                    d.node().path("stringData").fields().forEachRemaining(e -> data.put(e.getKey(), e.getValue().asText()));
                    (d.kind().equals("Secret") ? secrets : configMaps).put(d.name(), data);
                }
                default -> {
                }
            }
        }
    }

    private static Map<String, String> supplied(String... keys) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String k : keys) {
            m.put(k, SUPPLIED);
        }
        return m;
    }

    private void generators(Path dir) {
        JsonNode k = Manifests.kustomization(dir);
        read(dir, k.path("configMapGenerator"), configMaps);
        read(dir, k.path("secretGenerator"), secrets);
    }

    private static void read(Path dir, JsonNode generators, Map<String, Map<String, String>> into) {
        for (JsonNode g : generators) {
            Map<String, String> data = into.computeIfAbsent(g.path("name").asText(), n -> new LinkedHashMap<>());
            for (JsonNode l : g.path("literals")) {
                String s = l.asText();
                data.put(s.substring(0, s.indexOf('=')), s.substring(s.indexOf('=') + 1));
            }
            for (JsonNode f : g.path("files")) {
                data.put(Path.of(f.asText()).getFileName().toString(), Manifests.read(dir.resolve(f.asText())));
            }
            for (JsonNode f : g.path("envs")) {
                Path file = dir.resolve(f.asText());
                Properties p = properties(Manifests.read(Files.exists(file) ? file : dir.resolve(f.asText() + ".example")));
                // a site secret's example leaves the value empty: the site fills it in
                p.stringPropertyNames().forEach(key -> data.put(key, p.getProperty(key).isEmpty() ? SUPPLIED : p.getProperty(key)));
            }
        }
    }

    static Properties properties(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    Deployment deployment(String name) {
        return docs.stream().filter(d -> d.kind().equals("Deployment") && d.name().equals(name)).findFirst()
                .map(d -> StrictModel.parse(d.node(), Deployment.class))
                .orElseThrow(() -> new AssertionError(this.name + " has no Deployment " + name));
    }

    /**
     * The container's environment as the pod would see it; each reference that cannot be resolved (missing
     * ConfigMap, Secret or key) is added to {@code problems}.
     */
    Map<String, String> environment(Container c, List<String> problems) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvFromSource from : c.getEnvFrom()) {
            String ref = from.getConfigMapRef() != null ? from.getConfigMapRef().getName() : from.getSecretRef().getName();
            Map<String, String> data = (from.getConfigMapRef() != null ? configMaps : secrets).get(ref);
            if (data == null) {
                problems.add(name + ": " + c.getName() + " envFrom " + ref + " does not exist");
            } else {
                env.putAll(data);
            }
        }
        for (EnvVar v : c.getEnv()) {
            if (v.getValueFrom() == null) {
                env.put(v.getName(), v.getValue());
            } else if (v.getValueFrom().getSecretKeyRef() != null) {
                env.put(v.getName(), lookup(secrets, "Secret", v.getValueFrom().getSecretKeyRef().getName(),
                        v.getValueFrom().getSecretKeyRef().getKey(), c, problems));
            } else if (v.getValueFrom().getConfigMapKeyRef() != null) {
                env.put(v.getName(), lookup(configMaps, "ConfigMap", v.getValueFrom().getConfigMapKeyRef().getName(),
                        v.getValueFrom().getConfigMapKeyRef().getKey(), c, problems));
            } else {
                env.put(v.getName(), SUPPLIED);
            }
        }
        return env;
    }

    private String lookup(Map<String, Map<String, String>> all, String kind, String ref, String key, Container c,
            List<String> problems) {
        Map<String, String> data = all.get(ref);
        if (data == null || !data.containsKey(key)) {
            problems.add(name + ": " + c.getName() + " reads " + kind + " " + ref + " key " + key + ", which does not exist");
            return null;
        }
        return data.get(key);
    }

    static List<String> missingVolumes(Overlay o, Deployment d) {
        List<String> problems = new ArrayList<>();
        d.getSpec().getTemplate().getSpec().getVolumes().forEach(v -> {
            if (v.getSecret() != null && !o.secrets.containsKey(v.getSecret().getSecretName())) {
                problems.add(o.name + ": volume Secret " + v.getSecret().getSecretName() + " does not exist");
            }
            if (v.getConfigMap() != null && !o.configMaps.containsKey(v.getConfigMap().getName())) {
                problems.add(o.name + ": volume ConfigMap " + v.getConfigMap().getName() + " does not exist");
            }
        });
        return problems;
    }
}
