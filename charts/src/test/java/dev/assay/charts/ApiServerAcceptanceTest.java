package dev.assay.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * What `helm install` and `kubectl apply -f k8s/install.yaml` would send, sent to a real Kubernetes 1.20 API server
 * as a server-side dry run: every object must be accepted, and no field may be dropped on the way (1.20 silently
 * prunes unknown fields, so a misspelt securityContext key would otherwise pass unnoticed).
 */
@EnabledIfSystemProperty(named = "assay.k8s.enabled", matches = "true",
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
        client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(server.getKubeConfigYaml())).build();
        for (String namespace : List.of("assay", "team-a", "team-b")) {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
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

    private static void assertAccepted(Rendered rendered) {
        assertThat(rendered.objects()).isNotEmpty();
        for (JsonNode object : rendered.objects()) {
            String id = object.path("kind").asText() + " " + object.path("metadata").path("name").asText();
            GenericKubernetesResource resource = Serialization.unmarshal(object.toString(), GenericKubernetesResource.class);
            GenericKubernetesResource stored = client.resource(resource).dryRun().create();
            JsonNode answer = JSON.valueToTree(stored);
            assertThat(missingPaths(object, answer, "")).as("fields of %s the API server dropped", id).isEmpty();
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
