package dev.assay.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;

class ChartLintTest {

    @Test
    void lintsCleanInStrictMode() {
        LintResult result = new Helm(AssayChart.chartDir()).lint().strict().call();

        // INFO lines are advice (an icon); warnings and errors are defects a user would hit.
        assertThat(result.getMessages()).noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]"));
        assertThat(result.isFailed())
                .as(String.join("\n", result.getMessages()))
                .isFalse();
    }

    @Test
    void appVersionIsTheTagTheImagesAreBuiltWith() throws Exception {
        // scripts/build-images.sh tags the images with the Maven version; the chart pulls appVersion by default.
        JsonNode chart = AssayChart.YAML.readTree(
                AssayChart.chartDir().resolve("Chart.yaml").toFile());

        assertThat(chart.path("appVersion").asText()).isEqualTo(System.getProperty("assay.version"));
        assertThat(chart.path("annotations").path("artifacthub.io/license").asText())
                .isEqualTo("GPL-3.0-or-later");
    }
}
