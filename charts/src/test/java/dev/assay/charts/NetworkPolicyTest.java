package dev.assay.charts;

import static dev.assay.charts.Rendered.labels;
import static dev.assay.charts.Rendered.selects;
import static dev.assay.charts.Rendered.stream;
import static dev.assay.charts.Rendered.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Default deny for Assay's pods in every namespace they run in; runners reach only Redis, MinIO and DNS; the api
 * only from what values allow. Checked on the rendered chart (the local node does not enforce NetworkPolicy).
 */
class NetworkPolicyTest {

    private static final Map<String, String> RUNNER = Map.of(
            "app.kubernetes.io/name",
            "assay-runner",
            "app.kubernetes.io/part-of",
            "assay",
            "app.kubernetes.io/component",
            "runner");

    @BeforeEach
    void firstInstall() {
        FakeCluster.shared().clear();
    }

    @Test
    void everyNamespaceWithAssayPodsDeniesByDefault() {
        Rendered rendered = AssayChart.render("more-namespaces.yaml");
        Map<String, String> api =
                labels(rendered.get("Deployment", "assay-api").path("spec").path("template"));

        for (String namespace : List.of("assay", "team-a", "team-b")) {
            JsonNode deny = rendered.get("NetworkPolicy", namespace, "assay-default-deny")
                    .path("spec");
            assertThat(texts(deny.path("policyTypes"))).containsExactlyInAnyOrder("Ingress", "Egress");
            assertThat(deny.has("ingress")).isFalse();
            assertThat(deny.has("egress")).isFalse();
            assertThat(selects(deny.path("podSelector"), RUNNER))
                    .as("runners in %s", namespace)
                    .isTrue();
        }
        assertThat(selects(
                        rendered.get("NetworkPolicy", "assay", "assay-default-deny")
                                .path("spec")
                                .path("podSelector"),
                        api))
                .isTrue();
    }

    @Test
    void runnersReachOnlyTheStoresAndDnsAndTakeNoConnections() {
        Rendered rendered = AssayChart.render("more-namespaces.yaml");
        Map<String, String> redis =
                labels(rendered.get("Deployment", "assay-redis").path("spec").path("template"));
        Map<String, String> minio =
                labels(rendered.get("Deployment", "assay-minio").path("spec").path("template"));

        for (String namespace : List.of("assay", "team-a")) {
            JsonNode policy =
                    rendered.get("NetworkPolicy", namespace, "assay-runner").path("spec");
            assertThat(selects(policy.path("podSelector"), RUNNER)).isTrue();
            assertThat(texts(policy.path("policyTypes"))).contains("Ingress", "Egress");
            assertThat(policy.has("ingress")).as("no connections to a runner").isFalse();
            List<JsonNode> egress = stream(policy.path("egress")).toList();
            assertThat(egress).hasSize(3);
            JsonNode toRedis = egress.get(0);
            assertThat(selects(toRedis.path("to").get(0).path("podSelector"), redis))
                    .isTrue();
            assertThat(toRedis.path("to")
                            .get(0)
                            .path("namespaceSelector")
                            .path("matchLabels")
                            .path("kubernetes.io/metadata.name")
                            .asText())
                    .isEqualTo("assay");
            assertThat(stream(toRedis.path("ports")).map(p -> p.path("port").asInt()))
                    .containsExactly(6379);
            assertThat(selects(egress.get(1).path("to").get(0).path("podSelector"), minio))
                    .isTrue();
            assertThat(stream(egress.get(1).path("ports"))
                            .map(p -> p.path("port").asInt()))
                    .containsExactly(9000);
            assertThat(egress.get(2).has("to")).isFalse();
            assertThat(stream(egress.get(2).path("ports"))
                            .map(p -> p.path("port").asInt()))
                    .containsOnly(53);
        }
    }

    @Test
    void theApiIsReachableOnlyFromWhatValuesAllow() {
        JsonNode byDefault =
                AssayChart.render().get("NetworkPolicy", "assay-api").path("spec");
        assertThat(byDefault
                        .path("ingress")
                        .get(0)
                        .path("from")
                        .get(0)
                        .path("podSelector")
                        .isEmpty())
                .as("default: pods of the release's namespace")
                .isTrue();
        assertThat(byDefault.path("ingress").get(0).path("from")).hasSize(1);

        JsonNode configured = AssayChart.render(
                        Map.of("networkPolicy.api.from[0].namespaceSelector.matchLabels.role", "ingress"))
                .get("NetworkPolicy", "assay-api")
                .path("spec");
        JsonNode peer = configured.path("ingress").get(0).path("from").get(0);
        assertThat(peer.path("namespaceSelector")
                        .path("matchLabels")
                        .path("role")
                        .asText())
                .isEqualTo("ingress");
        assertThat(configured.path("ingress").get(0).path("from")).hasSize(1);
        assertThat(stream(configured.path("ingress").get(0).path("ports"))
                        .map(p -> p.path("port").asInt()))
                .containsExactly(8080);
    }
}
