package dev.assay.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class InstallManifestTest {

    @Test
    void installYamlIsTheChartAsItIsNow() {
        assertThat(Files.exists(InstallManifest.file()))
                .as("k8s/install.yaml exists; run scripts/render-install.sh")
                .isTrue();

        assertThat(AssayChart.read(InstallManifest.file()))
                .as("k8s/install.yaml is stale: run scripts/render-install.sh")
                .isEqualTo(InstallManifest.render());
    }

    @Test
    void installYamlShipsNoCredentials() {
        // One file applied by many people must not carry one password for all of them.
        Rendered install = Rendered.parse(AssayChart.read(InstallManifest.file()));

        assertThat(install.ofKind("Secret")).isEmpty();
        assertThat(install.find("Deployment", "assay-api")).isPresent();
        assertThat(install.find("Deployment", "assay-operator")).isPresent();
        JsonNode redis = Rendered.container(
                install.get("Deployment", "assay-redis").path("spec").path("template"), "redis");
        assertThat(Rendered.envEntry(redis, "REDIS_PASSWORD")
                        .orElseThrow()
                        .path("valueFrom")
                        .path("secretKeyRef")
                        .path("name")
                        .asText())
                .isEqualTo("assay-redis");
    }
}
