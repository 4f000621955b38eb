package dev.assay.charts;

import static dev.assay.charts.Rendered.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.DryRun;
import com.marcnuri.helm.Helm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user reads after `helm install`, and what `helm test` checks. */
class NotesAndHelmTestTest {

    @BeforeEach
    void firstInstall() {
        FakeCluster.shared().clear();
    }

    @Test
    void notesTellHowToOpenTheUiThroughAPortForward() {
        String notes = installOutput(Map.of());

        assertThat(notes)
                .contains("kubectl --namespace assay port-forward service/assay-api 8080:80")
                .contains("http://localhost:8080")
                .contains("helm test assay --namespace assay")
                .contains("get assay")
                .contains("get assistantruns -w")
                .doesNotContain("get datasetjobs,assistantruns -w")
                .contains("Persistence is off for Redis and MinIO");
    }

    @Test
    void notesSayWhetherKubectlMadeRunsAreAttributed() {
        assertThat(installOutput(Map.of()))
                .contains("attributed to the Kubernetes user who created them")
                .contains("While no operator pod is ready, creating\nthem is refused.");
        assertThat(installOutput(Map.of("operator.webhook.enabled", false)))
                .contains("runs created with kubectl show \"creator not recorded\"")
                .doesNotContain("attributed to the Kubernetes user");
    }

    @Test
    void notesNameTheExternalStoreAndDoNotMentionAMinioThatIsNotThere() {
        String notes = installOutput(Map.of(
                "minio.enabled",
                false,
                "s3.endpoint",
                "http://assay-s3.assay.svc:8080",
                "s3.existingSecret",
                "assay-s3-keys"));

        assertThat(notes)
                .contains("Persistence is off for Redis:")
                .doesNotContain("MinIO")
                .contains("Artifacts go to the S3 store at http://assay-s3.assay.svc:8080 (bucket \"assay\")")
                .contains("take effect only with a network plugin that enforces them");
    }

    @Test
    void notesPointAtTheIngressWhenThereIsOne() {
        String notes = installOutput(Map.of(
                "api.ingress.enabled",
                true,
                "api.ingress.host",
                "assay.example.com",
                "api.ingress.tls.enabled",
                true,
                "redis.persistence.enabled",
                true,
                "minio.persistence.enabled",
                true));

        assertThat(notes)
                .contains("https://assay.example.com/")
                .doesNotContain("port-forward")
                .doesNotContain("Persistence is off");
    }

    @Test
    void helmTestAsksTheApiHealthThroughItsServiceAndRunsLockedDown(@TempDir Path copy) throws IOException {
        // `helm template` through helm-java leaves hooks out; render the test pod from a copy of the chart
        // without its hook annotations to see exactly what `helm test` would create.
        copyChart(AssayChart.chartDir(), copy);
        Path hook = copy.resolve("templates/tests/test-api-health.yaml");
        Files.writeString(hook, Files.readString(hook).replaceAll("(?m)^\\s*helm\\.sh/hook.*\\n", ""));

        Rendered rendered = Rendered.parse(AssayChart.template(copy, List.of(), Map.of()));

        JsonNode pod = rendered.get("Pod", "assay-api-test-health");
        assertThat(AssayChart.read(AssayChart.chartDir().resolve("templates/tests/test-api-health.yaml")))
                .contains("helm.sh/hook: test");
        JsonNode container = pod.path("spec").path("containers").get(0);
        String script = String.join(" ", texts(container.path("args")));
        assertThat(script).contains("http://assay-api:80/actuator/health").contains("\"status\":\"UP\"");
        assertThat(container.path("image").asText()).isEqualTo("busybox:1.36");
        assertThat(pod.path("spec").path("restartPolicy").asText()).isEqualTo("Never");
        assertThat(pod.path("spec").path("securityContext").path("runAsNonRoot").asBoolean())
                .isTrue();
        assertThat(container
                        .path("securityContext")
                        .path("readOnlyRootFilesystem")
                        .asBoolean())
                .isTrue();
        assertThat(container.path("resources").path("limits").path("memory").asText())
                .isNotBlank();
    }

    private static String installOutput(Map<String, Object> sets) {
        FakeCluster.shared();
        var install = new Helm(AssayChart.chartDir())
                .install()
                .withName(AssayChart.RELEASE)
                .withNamespace(AssayChart.NAMESPACE)
                .dryRun()
                .withDryRunOption(DryRun.CLIENT)
                .clientOnly();
        for (var set : sets.entrySet()) {
            install = install.set(set.getKey(), set.getValue());
        }
        return install.call().getOutput();
    }

    private static void copyChart(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
