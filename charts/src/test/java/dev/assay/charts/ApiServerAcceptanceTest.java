package dev.assay.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.model.crd.assistantrun.AssistantRun;
import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * What `helm install` and `kubectl apply -f k8s/install.yaml` would send, sent to a real Kubernetes 1.20 API server
 * as a server-side dry run: every object must be accepted, and no field may be dropped on the way (1.20 silently
 * prunes unknown fields, so a misspelt securityContext key would otherwise pass unnoticed). And an AssistantRun exported
 * from the screens, which people apply with kubectl.
 */
@EnabledIfSystemProperty(
        named = "assay.k8s.enabled",
        matches = "true",
        disabledReason = "needs the Kubernetes 1.20 binaries of shared/k8s: run with -Pk8s, as .ci/run does")
class ApiServerAcceptanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static KubeAPIServer server;
    private static KubernetesClient client;

    @BeforeAll
    static void startApiServer() {
        String home = System.getenv().getOrDefault("ASSAY_K8S_HOME", "/var/cache/assay-k8s");
        server = new KubeAPIServer(KubeAPIServerConfigBuilder.anAPIServerConfig()
                .withTestDir(home + "/kube-api-test")
                .withOfflineMode(true)
                .withApiServerVersion("1.20.2")
                .withApiServerFlag("--insecure-port", "0")
                .build());
        server.start();
        client = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(server.getKubeConfigYaml()))
                .build();
        for (String namespace : List.of("assay", "team-a", "team-b")) {
            client.namespaces()
                    .resource(new NamespaceBuilder()
                            .withNewMetadata()
                            .withName(namespace)
                            .endMetadata()
                            .build())
                    .create();
        }
    }

    @AfterAll
    static void stopApiServer() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    @BeforeEach
    void firstInstall() {
        FakeCluster.shared().clear();
    }

    @Test
    void defaultInstallationIsAccepted() {
        assertAccepted(AssayChart.render());
    }

    @Test
    void persistenceIngressAndMoreNamespacesAreAccepted() {
        assertAccepted(AssayChart.render("persistence-ingress.yaml", "more-namespaces.yaml"));
    }

    @Test
    void ownSecretsAndLanguageModelSettingsAreAccepted() {
        assertAccepted(AssayChart.render("own-secrets.yaml"));
    }

    @Test
    void installYamlIsAccepted() {
        assertAccepted(Rendered.parse(AssayChart.read(InstallManifest.file())));
    }

    /**
     * A plan exported from the screens ({@link ExportedRun}, made by the api's builder) and the api executor's own
     * AssistantRun, sent to the API server with the CRD the chart ships really installed: both are accepted in the
     * test's own namespace with no field pruned, and a run the CRD's schema forbids is refused, so acceptance means
     * something. The CRD is removed again: the chart renders above dry-run theirs.
     */
    @Test
    void anExportedAssistantRunIsAccepted() throws Exception {
        String namespace = "exported-runs";
        CustomResourceDefinition crd;
        try (InputStream in =
                Files.newInputStream(AssayChart.chartDir().resolve("crds/assistantruns.assay.dev-v1.yml"))) {
            crd = client.apiextensions()
                    .v1()
                    .customResourceDefinitions()
                    .load(in)
                    .item();
        }
        client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
        try {
            client.apiextensions()
                    .v1()
                    .customResourceDefinitions()
                    .withName(crd.getMetadata().getName())
                    .waitUntilCondition(
                            c -> c.getStatus() != null
                                    && c.getStatus().getConditions() != null
                                    && c.getStatus().getConditions().stream()
                                            .anyMatch(x -> x.getType().equals("Established")
                                                    && x.getStatus().equals("True")),
                            30,
                            TimeUnit.SECONDS);
            client.namespaces()
                    .resource(new NamespaceBuilder()
                            .withNewMetadata()
                            .withName(namespace)
                            .endMetadata()
                            .build())
                    .create();

            for (String yaml : List.of(ExportedRun.exported(), ExportedRun.created(namespace))) {
                JsonNode sent = AssayChart.YAML.readTree(yaml);
                GenericKubernetesResource resource = Serialization.unmarshal(yaml, GenericKubernetesResource.class);
                GenericKubernetesResource stored = client.resource(resource)
                        .inNamespace(namespace)
                        .dryRun()
                        .create();
                assertThat(stored.getMetadata().getNamespace()).isEqualTo(namespace);
                assertThat(missingPaths(sent, JSON.valueToTree(stored), ""))
                        .as("fields the API server dropped of %s", yaml)
                        .isEmpty();
            }
            // Created for real, as kubectl apply would, and read back through the CRD's own class.
            GenericKubernetesResource created = client.resource(
                            Serialization.unmarshal(ExportedRun.exported(), GenericKubernetesResource.class))
                    .inNamespace(namespace)
                    .create();
            AssistantRun read = client.resources(AssistantRun.class)
                    .inNamespace(namespace)
                    .withName(created.getMetadata().getName())
                    .get();
            assertThat(read.getSpec().plan()).isEqualTo(ExportedRun.PLAN);
            assertThat(read.getSpec().datasetRef()).isEqualTo(ExportedRun.DATASET);
            client.resources(AssistantRun.class)
                    .inNamespace(namespace)
                    .withName(read.getMetadata().getName())
                    .delete();

            ObjectNode forbidden = (ObjectNode) AssayChart.YAML.readTree(ExportedRun.exported());
            ((ObjectNode) forbidden.path("spec")).put("datasetRef", "Titanic CSV");
            assertThatThrownBy(() -> client.resource(
                                    Serialization.unmarshal(forbidden.toString(), GenericKubernetesResource.class))
                            .inNamespace(namespace)
                            .dryRun()
                            .create())
                    .isInstanceOfSatisfying(
                            KubernetesClientException.class,
                            e -> assertThat(e.getCode()).isEqualTo(422))
                    .hasMessageContaining("spec.datasetRef");
        } finally {
            client.apiextensions()
                    .v1()
                    .customResourceDefinitions()
                    .withName(crd.getMetadata().getName())
                    .delete();
            client.apiextensions()
                    .v1()
                    .customResourceDefinitions()
                    .withName(crd.getMetadata().getName())
                    .waitUntilCondition(java.util.Objects::isNull, 60, TimeUnit.SECONDS);
        }
    }

    private static void assertAccepted(Rendered rendered) {
        assertThat(rendered.objects()).isNotEmpty();
        for (JsonNode object : rendered.objects()) {
            String id = object.path("kind").asText() + " "
                    + object.path("metadata").path("name").asText();
            GenericKubernetesResource resource =
                    Serialization.unmarshal(object.toString(), GenericKubernetesResource.class);
            GenericKubernetesResource stored =
                    client.resource(resource).dryRun().create();
            JsonNode answer = JSON.valueToTree(stored);
            assertThat(missingPaths(object, answer, ""))
                    .as("fields of %s the API server dropped", id)
                    .isEmpty();
        }
    }

    /** Paths of fields present in what was sent and absent from what the API server kept. */
    private static List<String> missingPaths(JsonNode sent, JsonNode kept, String at) {
        List<String> missing = new ArrayList<>();
        if (sent.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = sent.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                // stringData is folded into data by the server, by design.
                if (at.isEmpty() && field.getKey().equals("stringData")) {
                    continue;
                }
                if (!kept.has(field.getKey())) {
                    missing.add(at + "/" + field.getKey());
                } else {
                    missing.addAll(missingPaths(field.getValue(), kept.get(field.getKey()), at + "/" + field.getKey()));
                }
            }
        } else if (sent.isArray()) {
            for (int i = 0; i < sent.size(); i++) {
                if (kept.size() <= i) {
                    missing.add(at + "/" + i);
                } else {
                    missing.addAll(missingPaths(sent.get(i), kept.get(i), at + "/" + i));
                }
            }
        }
        return missing;
    }
}
