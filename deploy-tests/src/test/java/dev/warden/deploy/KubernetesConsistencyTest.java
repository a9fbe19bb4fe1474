package dev.warden.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.warden.common.security.ProductionSafety;
import dev.warden.contracts.Topics;
import dev.warden.deploy.Manifests.Doc;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;

/** deploy/kubernetes against the code: topics, ACLs, the services' configuration and references between resources. */
class KubernetesConsistencyTest {

    private static final List<Overlay> OVERLAYS = Manifests.OVERLAYS.stream().map(Overlay::new).toList();

    @Test
    void kafkaUsersGrantExactlyTheAclsOfTheAclFile() {
        assertThat(kafkaUserAcls()).isEqualTo(aclFile());
    }

    @Test
    void aclTableOfTheOperationsGuideNamesEveryResourceEachPrincipalMayUse() {
        String ops = Manifests.read(Manifests.REPO.resolve("docs/operations.md"));
        Map<String, Set<String>> documented = new TreeMap<>();
        for (String line : ops.split("\n")) {
            Matcher row = Pattern.compile("^\\| `([a-z-]+)`[^|]*\\|(.*)$").matcher(line);
            if (row.find() && !row.group(1).equals("admin")) {
                Set<String> names = new TreeSet<>();
                Matcher name = Pattern.compile("`(warden[^`]*)`").matcher(row.group(2));
                while (name.find()) {
                    names.add(name.group(1).replaceAll("\\*$", ""));
                }
                documented.put(row.group(1), names);
            }
        }
        Map<String, Set<String>> granted = new TreeMap<>();
        aclFile().forEach(acl -> {
            String[] f = acl.split(" ");
            granted.computeIfAbsent(f[0], p -> new TreeSet<>()).add(f[4]);
        });
        assertThat(documented).isEqualTo(granted);
    }

    @Test
    void everyTopicOfTheContractsIsAKafkaTopicAndOnlyTheRulesTopicIsCompacted() throws IllegalAccessException {
        Set<String> contracts = new TreeSet<>();
        for (Field f : Topics.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.get(null) instanceof String s && s.startsWith("warden.")) {
                contracts.add(s);
            }
        }
        Map<String, KafkaTopic> topics = topics();
        assertThat(topics.keySet()).isEqualTo(contracts);
        topics.forEach((name, t) -> {
            Object policy = t.getSpec().getConfig().getOrDefault("cleanup.policy", "delete");
            assertThat(policy).as(name).isEqualTo(name.equals(Topics.DETECTION_RULES) ? "compact" : "delete");
            assertThat(t.getSpec().getReplicas()).as(name).isEqualTo(3);
            if (!name.equals(Topics.DETECTION_RULES)) {
                assertThat(t.getSpec().getConfig()).as(name).containsKey("retention.ms");
            }
        });
    }

    @Test
    void detectionScalesUpToTheActivityPartitionsAndErasuresAreCoPartitioned() {
        Map<String, KafkaTopic> topics = topics();
        int activity = topics.get(Topics.ACTIVITY).getSpec().getPartitions();
        // detection's Streams group erases an account's state from the erasures topic: same partitioning
        assertThat(topics.get(Topics.ERASURES).getSpec().getPartitions()).isEqualTo(activity);
        HorizontalPodAutoscaler hpa = StrictModel.parse(KubernetesManifestsTest.find("HorizontalPodAutoscaler",
                "detection-service").node(), HorizontalPodAutoscaler.class);
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("detection-service");
        assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(activity);
        assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void everySecretConfigMapAndKeyTheWorkloadsReadExistsInEachOverlay() {
        List<String> problems = new ArrayList<>();
        for (Overlay o : OVERLAYS) {
            for (Doc d : o.docs) {
                if (d.kind().equals("Deployment")) {
                    Deployment dep = StrictModel.parse(d.node(), Deployment.class);
                    dep.getSpec().getTemplate().getSpec().getContainers().forEach(c -> o.environment(c, problems));
                    problems.addAll(Overlay.missingVolumes(o, dep));
                }
                if (d.kind().equals("Cluster")) {
                    for (JsonNode role : d.node().path("spec").path("managed").path("roles")) {
                        String secret = role.path("passwordSecret").path("name").asText();
                        Map<String, String> data = o.secrets.get(secret);
                        if (data == null || !data.containsKey("password")
                                || !role.path("name").asText().equals(data.get("username"))) {
                            problems.add(o.name + ": role " + role.path("name").asText() + " needs Secret " + secret
                                    + " with its username and a password");
                        }
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyServicePassesItsProductionCheckWithTheProductionOverlayOnceItsMailAddressesAreEdited() {
        Overlay production = overlay("production");
        for (String service : Manifests.SERVICES) {
            Map<String, String> env = environment(production, service);
            List<String> problems = ProductionSafety.problems(key -> config(service, env, key));
            if (service.equals("notification-service")) {
                // the overlay's literals are the site's to edit: unedited, its example.com addresses refuse to start
                assertThat(problems).as(service).hasSize(2).allMatch(p -> p.contains("placeholder in a reserved domain"));
                Map<String, String> edited = new HashMap<>(env);
                edited.put("QUARKUS_MAILER_FROM", "Trust & Safety <no-reply@trust.corp.net>");
                edited.put("WARDEN_NOTIFY_LEGAL_TEAM", "legal-team@corp.net");
                problems = ProductionSafety.problems(key -> config(service, edited, key));
            }
            assertThat(problems).as(service).isEmpty();
            assertThat(env).as(service).doesNotContainKey("WARDEN_SECURITY_ALLOW_LOCAL_DEFAULTS");
        }
        // the local overlay passes too, except where it says it uses the local exception (Mailpit has no TLS)
        Overlay local = overlay("local");
        for (String service : Manifests.SERVICES) {
            Map<String, String> env = environment(local, service);
            if (!"true".equals(env.get("WARDEN_SECURITY_ALLOW_LOCAL_DEFAULTS"))) {
                assertThat(ProductionSafety.problems(key -> config(service, env, key))).as(service).isEmpty();
            }
        }
    }

    @Test
    void everyLocalAddressAndCredentialOfAServiceIsSetByEachOverlay() {
        for (Overlay o : OVERLAYS) {
            for (String service : Manifests.SERVICES) {
                Map<String, String> env = environment(o, service);
                Properties props = applicationProperties(service);
                for (String key : props.stringPropertyNames()) {
                    String value = props.getProperty(key);
                    boolean local = value.contains("127.0.0.1") || value.contains("localhost")
                            || key.equals("quarkus.datasource.username") || key.endsWith(".password");
                    // a %prod value that is not local itself already replaces the local default
                    String prod = props.getProperty("%prod." + key);
                    boolean prodOverrides = prod != null && !prod.contains("127.0.0.1") && !prod.contains("localhost");
                    if (local && !prodOverrides && !key.startsWith("%")) {
                        assertThat(env).as("%s in %s: %s=%s is local", service, o.name, key, value).containsKey(envName(key));
                        assertThat(env.get(envName(key))).as(service + " " + key).doesNotContain("127.0.0.1", "localhost");
                    }
                }
                // the Kafka principal it logs in as has the password the Deployment gives it
                String user = props.getProperty("warden.kafka.username");
                Container c = container(o, service);
                String secret = c.getEnv().stream().filter(v -> v.getName().equals("WARDEN_KAFKA_PASSWORD")).findFirst()
                        .orElseThrow().getValueFrom().getSecretKeyRef().getName();
                assertThat(secret).as(service).isEqualTo(user);
                assertThat(o.docs).as(service).anyMatch(d -> d.kind().equals("KafkaUser") && d.name().equals(user));
            }
        }
    }

    @Test
    void servicesProbeTheManagementPortWithResourcesAndADisruptionBudget() {
        Overlay production = overlay("production");
        Set<String> budgets = new HashSet<>();
        production.docs.stream().filter(d -> d.kind().equals("PodDisruptionBudget"))
                .map(d -> StrictModel.parse(d.node(), PodDisruptionBudget.class))
                .forEach(p -> budgets.add(p.getSpec().getSelector().getMatchLabels().get("app.kubernetes.io/name")));
        for (String service : Manifests.SERVICES) {
            Container c = container(production, service);
            int management = c.getPorts().stream().filter(p -> "management".equals(p.getName()))
                    .map(ContainerPort::getContainerPort).findFirst().orElseThrow();
            assertThat(management).isEqualTo(Integer.parseInt(applicationProperties(service).getProperty("quarkus.management.port")));
            for (var probe : List.of(c.getReadinessProbe(), c.getLivenessProbe(), c.getStartupProbe())) {
                assertThat(probe.getHttpGet().getPort().getIntVal()).as(service).isEqualTo(management);
            }
            assertThat(c.getResources().getRequests()).as(service).containsKeys("cpu", "memory");
            assertThat(c.getResources().getLimits()).as(service).containsKey("memory");
            assertThat(budgets).contains(service);
            // the Service publishes the API only, never the management port
            Doc svc = production.docs.stream().filter(d -> d.kind().equals("Service") && d.name().equals(service))
                    .findFirst().orElseThrow();
            svc.node().path("spec").path("ports").forEach(p -> assertThat(p.path("targetPort").asInt()).isNotEqualTo(management));
        }
    }

    @Test
    void theConsoleIsGivenHttpsAddressesAndTheServicesAnswerOnlyItsOrigin() {
        for (Overlay o : OVERLAYS) {
            Map<String, String> console = environment(o, "console");
            Map<String, String> cases = environment(o, "case-service");
            assertThat(console.get("WARDEN_CONSOLE_KEYCLOAK_URL")).as(o.name).isEqualTo(cases.get("KEYCLOAK_HOSTNAME"));
            assertThat(console.get("WARDEN_CONSOLE_CASES_API")).as(o.name).startsWith("https://");
            assertThat(console.get("WARDEN_CONSOLE_DETECTION_API")).as(o.name).startsWith("https://");
            String origin = cases.get("QUARKUS_HTTP_CORS_ORIGINS");
            assertThat(origin).as(o.name).startsWith("https://").doesNotContain("*", ",");
            Map<String, String> detection = environment(o, "detection-service");
            assertThat(detection.get("QUARKUS_HTTP_CORS_ORIGINS")).as(o.name).isEqualTo(origin);
            assertThat(ProductionSafety.problems(key -> config("case-service", cases, key))).as(o.name).isEmpty();
            Container c = container(o, "console");
            assertThat(c.getReadinessProbe().getHttpGet().getPort().getIntVal()).isEqualTo(9090);
            assertThat(c.getResources().getLimits()).containsKey("memory");
        }
    }

    // ---- helpers ----

    private static Overlay overlay(String name) {
        return OVERLAYS.stream().filter(o -> o.name.equals(name)).findFirst().orElseThrow();
    }

    private static Container container(Overlay o, String service) {
        return o.deployment(service).getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static Map<String, String> environment(Overlay o, String service) {
        List<String> problems = new ArrayList<>();
        Map<String, String> env = o.environment(container(o, service), problems);
        assertThat(problems).isEmpty();
        return env;
    }

    /** A service's setting as it runs in the pod: environment over application.properties, prod profile. */
    private static Optional<String> config(String service, Map<String, String> env, String key) {
        if (env.containsKey(envName(key))) {
            return Optional.ofNullable(env.get(envName(key)));
        }
        Properties p = applicationProperties(service);
        return Optional.ofNullable(p.getProperty("%prod." + key, p.getProperty(key)));
    }

    /** The environment variable MicroProfile Config maps to a property name. */
    static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    private static Properties applicationProperties(String service) {
        return Overlay.properties(Manifests.read(Manifests.REPO.resolve(service).resolve("src/main/resources/application.properties")));
    }

    private static Map<String, KafkaTopic> topics() {
        return Manifests.allDocs().stream().filter(d -> d.kind().equals("KafkaTopic"))
                .map(d -> StrictModel.parse(d.node(), KafkaTopic.class))
                .collect(Collectors.toMap(t -> t.getMetadata().getName(), t -> t));
    }

    /** "principal OPERATION RESOURCE PATTERN name" of every ACL the KafkaUsers grant. */
    private static Set<String> kafkaUserAcls() {
        Set<String> acls = new TreeSet<>();
        for (Doc d : Manifests.allDocs()) {
            if (!d.kind().equals("KafkaUser")) {
                continue;
            }
            KafkaUser user = StrictModel.parse(d.node(), KafkaUser.class);
            for (AclRule rule : ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls()) {
                String resource;
                if (rule.getResource() instanceof AclRuleTopicResource t) {
                    resource = "TOPIC " + t.getPatternType() + " " + t.getName();
                } else if (rule.getResource() instanceof AclRuleGroupResource g) {
                    resource = "GROUP " + g.getPatternType() + " " + g.getName();
                } else {
                    throw new AssertionError("unexpected resource " + rule.getResource());
                }
                assertThat(rule.getType() == null || rule.getType().toValue().equals("allow")).isTrue();
                assertThat(rule.getOperations()).as("%s: operations of %s", d.name(), resource).isNotEmpty();
                rule.getOperations().forEach(op -> acls.add(d.name() + " " + op + " " + resource));
            }
        }
        return acls;
    }

    private static Set<String> aclFile() {
        Set<String> acls = new TreeSet<>();
        for (String line : Manifests.read(Manifests.REPO.resolve("deploy/kafka/warden-acls.txt")).split("\n")) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            String[] f = line.strip().split("\\s+");
            acls.add(String.join(" ", f[0], f[1].replace("_", ""), f[2], f[3].replace("PREFIXED", "PREFIX"), f[4]));
        }
        return acls;
    }
}
