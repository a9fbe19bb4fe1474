package dev.warden.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.warden.deploy.Manifests.Doc;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.kafka.Kafka;

/** deploy/kubernetes as files: strict models, generated parts equal to the build's, Kustomize references. */
class KubernetesManifestsTest {

    @Test
    void everyManifestParsesStrictlyIntoTheKubernetesOrStrimziModel() {
        List<String> failures = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        for (Doc doc : Manifests.allDocs()) {
            kinds.add(doc.kind());
            try {
                if (CloudNativePgSchema.covers(doc.node())) {
                    CloudNativePgSchema.violations(doc.node()).forEach(v -> failures.add(doc + ": " + v));
                } else {
                    StrictModel.parse(doc.node());
                }
            } catch (IllegalArgumentException e) {
                failures.add(doc + ": " + e.getMessage());
            }
        }
        assertThat(failures).isEmpty();
        assertThat(kinds).contains("Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser", "Cluster", "Database",
                "Deployment", "Service", "PodDisruptionBudget", "NetworkPolicy", "HorizontalPodAutoscaler");
    }

    @Test
    void aFieldUnknownToTheModelFailsTheParse() {
        ObjectNode kafka = find("Kafka", "warden").node().deepCopy();
        ((ObjectNode) kafka.path("spec").path("kafka")).put("listenerz", "typo");
        assertThatThrownBy(() -> StrictModel.parse(kafka)).hasMessageContaining("listenerz");

        ObjectNode deployment = find("Deployment", "case-service").node().deepCopy();
        ((ObjectNode) deployment.path("spec").path("template").path("spec").path("containers").get(0))
                .putObject("livenessProbes");
        assertThatThrownBy(() -> StrictModel.parse(deployment, Deployment.class)).hasMessageContaining("livenessProbes");

        ObjectNode aclTypo = find("KafkaUser", "case-service").node().deepCopy();
        ((ObjectNode) aclTypo.path("spec").path("authorization").path("acls").get(0).path("resource"))
                .put("patternType", "prefixed");
        assertThatThrownBy(() -> StrictModel.parse(aclTypo)).hasMessageContaining("prefixed");

        ObjectNode cluster = find("Cluster", "warden-db").node().deepCopy();
        ((ObjectNode) cluster.path("spec")).put("instancez", 3);
        assertThat(CloudNativePgSchema.violations(cluster)).containsExactly("spec.instancez:number");
    }

    @Test
    void committedServiceManifestsEqualWhatTheQuarkusBuildGenerates() {
        for (String service : Manifests.GENERATED) {
            Path generated = Manifests.REPO.resolve(service).resolve("target/kubernetes/kubernetes.yml");
            assertThat(generated).as("built by `./mvnw package -pl %s` (quarkus-kubernetes)", service).exists();
            Path committed = Manifests.BASE.resolve(service).resolve("kubernetes.yml");
            // the generator lists a container's ports in no fixed order: compare with named lists sorted
            assertThat(normalized(committed))
                    .as("%s differs from %s: copy the generated file after changing quarkus.kubernetes.*",
                            Manifests.REPO.relativize(committed), Manifests.REPO.relativize(generated))
                    .isEqualTo(normalized(generated));
        }
    }

    @Test
    void everyFileAKustomizationNamesExists() {
        List<Path> dirs = List.of(Manifests.BASE, Manifests.KUBERNETES.resolve("overlays/local"),
                Manifests.KUBERNETES.resolve("overlays/production"));
        List<String> missing = new ArrayList<>();
        List<Path> named = new ArrayList<>();
        for (Path dir : dirs) {
            JsonNode k = Manifests.kustomization(dir);
            assertThat(k.path("apiVersion").asText()).isEqualTo("kustomize.config.k8s.io/v1beta1");
            for (JsonNode r : k.path("resources")) {
                Path p = dir.resolve(r.asText()).normalize();
                named.add(p);
                if (!(Files.isRegularFile(p) || Files.isRegularFile(p.resolve("kustomization.yaml")))) {
                    missing.add(dir + ": " + r.asText());
                }
            }
            for (String generator : List.of("configMapGenerator", "secretGenerator")) {
                for (JsonNode g : k.path(generator)) {
                    for (JsonNode f : g.path("files")) {
                        if (!Files.isRegularFile(dir.resolve(f.asText()))) {
                            missing.add(dir + ": " + f.asText());
                        }
                    }
                    for (JsonNode f : g.path("envs")) {
                        // site secrets are never committed: their example must be
                        if (!Files.isRegularFile(dir.resolve(f.asText() + ".example"))) {
                            missing.add(dir + ": " + f.asText() + ".example");
                        }
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
        // and no manifest lies beside them unused
        assertThat(named).containsAll(Manifests.manifestFiles());
    }

    @Test
    void keycloakImportsTheRealmOfTheLocalPlatform() {
        assertThat(Manifests.read(Manifests.BASE.resolve("keycloak/warden-realm.json")))
                .isEqualTo(Manifests.read(Manifests.REPO.resolve("deploy/keycloak/warden-realm.json")));
    }

    @Test
    void infrastructureImagesRunTheVersionsThePomPins() {
        String pom = Manifests.read(Manifests.REPO.resolve("pom.xml"));
        Kafka kafka = StrictModel.parse(find("Kafka", "warden").node(), Kafka.class);
        assertThat(kafka.getSpec().getKafka().getVersion()).isEqualTo(property(pom, "kafka.version"));
        Deployment keycloak = StrictModel.parse(find("Deployment", "keycloak").node(), Deployment.class);
        assertThat(keycloak.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .endsWith(":" + property(pom, "keycloak.version"));
        String postgres = property(pom, "postgres-binaries.version");
        assertThat(find("Cluster", "warden-db").node().path("spec").path("imageName").asText())
                .endsWith(":" + postgres.substring(0, postgres.lastIndexOf('.')));
    }

    private static List<JsonNode> normalized(Path file) {
        return Manifests.docs(file).stream().map(d -> sortNamedLists(d.node())).toList();
    }

    private static JsonNode sortNamedLists(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = Manifests.YAML.createObjectNode();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(), sortNamedLists(e.getValue())));
            return copy;
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(n -> items.add(sortNamedLists(n)));
            if (items.stream().allMatch(n -> n.hasNonNull("name"))) {
                items.sort(java.util.Comparator.comparing(n -> n.get("name").asText()));
            }
            return Manifests.YAML.createArrayNode().addAll(items);
        }
        return node;
    }

    static Doc find(String kind, String name) {
        return Manifests.allDocs().stream().filter(d -> d.kind().equals(kind) && d.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + "/" + name + " in deploy/kubernetes"));
    }

    private static String property(String pom, String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
        assertThat(m.find()).as("property %s in pom.xml", name).isTrue();
        return m.group(1);
    }
}
