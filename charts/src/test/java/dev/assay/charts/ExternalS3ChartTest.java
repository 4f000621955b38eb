package dev.assay.charts;

import static dev.assay.charts.Rendered.container;
import static dev.assay.charts.Rendered.env;
import static dev.assay.charts.Rendered.envEntry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Any S3-compatible store instead of the release's MinIO: its endpoint and a Secret of the user's with its keys,
 * given in values. The keys reach the api and the operator from that Secret only; runners never get them.
 */
class ExternalS3ChartTest {

    private static final Map<String, Object> EXTERNAL = Map.of(
            "minio.enabled",
            false,
            "s3.endpoint",
            "http://s3.storage.svc:9000",
            "s3.existingSecret",
            "corp-s3",
            "s3.bucket",
            "analytics");

    @BeforeEach
    void firstInstall() {
        FakeCluster.shared().clear();
    }

    @Test
    void theApiAndTheOperatorUseTheGivenEndpointWithKeysFromTheGivenSecret() {
        Rendered rendered = AssayChart.render(EXTERNAL);

        assertThat(rendered.names()).noneMatch(n -> n.contains("assay-minio"));
        JsonNode runtime = rendered.get("Secret", "assay-runtime").path("stringData");
        assertThat(runtime.path("ASSAY_S3_ENDPOINT").asText()).isEqualTo("http://s3.storage.svc:9000");
        assertThat(runtime.path("ASSAY_S3_BUCKET").asText()).isEqualTo("analytics");
        assertThat(runtime.has("ASSAY_S3_ACCESS_KEY"))
                .as("the keys are not copied into the chart's Secret")
                .isFalse();
        assertThat(runtime.has("ASSAY_S3_SECRET_KEY")).isFalse();
        for (String workload : List.of("assay-api", "assay-operator")) {
            JsonNode pod = rendered.get("Deployment", workload).path("spec").path("template");
            JsonNode main = container(pod, workload.substring("assay-".length()));
            for (String[] key :
                    new String[][] {{"ASSAY_S3_ACCESS_KEY", "access-key"}, {"ASSAY_S3_SECRET_KEY", "secret-key"}}) {
                JsonNode ref =
                        envEntry(main, key[0]).orElseThrow().path("valueFrom").path("secretKeyRef");
                assertThat(ref.path("name").asText()).as(workload).isEqualTo("corp-s3");
                assertThat(ref.path("key").asText()).as(workload).isEqualTo(key[1]);
            }
        }
        // Runners get Redis only; the object store reaches them as presigned URLs made by the operator.
        assertThat(rendered.get("Secret", "assay-runner").path("stringData").has("ASSAY_S3_ENDPOINT"))
                .isFalse();
        // The store's address is not the release's: runner egress is open for it (see NetworkPolicyTest).
        assertThat(rendered.get("NetworkPolicy", "assay-runner")
                        .path("spec")
                        .path("egress")
                        .toString())
                .contains("{}");
    }

    @Test
    void theKeysOfTheSecretCanBeNamed() {
        Map<String, Object> values = new java.util.HashMap<>(EXTERNAL);
        values.put("s3.existingSecretAccessKeyKey", "AWS_ACCESS_KEY_ID");
        values.put("s3.existingSecretSecretKeyKey", "AWS_SECRET_ACCESS_KEY");
        JsonNode api = container(
                AssayChart.render(values)
                        .get("Deployment", "assay-api")
                        .path("spec")
                        .path("template"),
                "api");

        assertThat(envEntry(api, "ASSAY_S3_ACCESS_KEY")
                        .orElseThrow()
                        .path("valueFrom")
                        .path("secretKeyRef")
                        .path("key")
                        .asText())
                .isEqualTo("AWS_ACCESS_KEY_ID");
        assertThat(envEntry(api, "ASSAY_S3_SECRET_KEY")
                        .orElseThrow()
                        .path("valueFrom")
                        .path("secretKeyRef")
                        .path("key")
                        .asText())
                .isEqualTo("AWS_SECRET_ACCESS_KEY");
    }

    @Test
    void theDefaultIsTheReleasesOwnMinioWithGeneratedKeys() {
        Rendered rendered = AssayChart.render();

        assertThat(rendered.find("Deployment", "assay-minio")).isPresent();
        assertThat(rendered.get("Secret", "assay-runtime")
                        .path("stringData")
                        .path("ASSAY_S3_ENDPOINT")
                        .asText())
                .isEqualTo("http://assay-minio.assay.svc:9000");
        JsonNode api =
                container(rendered.get("Deployment", "assay-api").path("spec").path("template"), "api");
        assertThat(env(api, "ASSAY_S3_ACCESS_KEY"))
                .as("from the runtime Secret (envFrom), not an env entry")
                .isEmpty();
    }

    @Test
    void contradictoryOrIncompleteStoreSettingsFailWithWhatToDo() {
        assertThatThrownBy(() -> AssayChart.render(
                        Map.of("s3.endpoint", "http://s3.storage.svc:9000", "s3.existingSecret", "corp-s3")))
                .hasMessageContaining("minio.enabled=false");
        assertThatThrownBy(() ->
                        AssayChart.render(Map.of("minio.enabled", false, "s3.endpoint", "http://s3.storage.svc:9000")))
                .hasMessageContaining("s3.existingSecret");
        assertThatThrownBy(() -> AssayChart.render(Map.of("minio.enabled", false)))
                .hasMessageContaining("s3.endpoint")
                .hasMessageContaining("runtimeSecret.existingSecret");
    }
}
