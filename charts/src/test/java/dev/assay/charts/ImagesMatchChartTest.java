package dev.assay.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The images Jib builds (the "images" profiles) are the ones the chart runs, with the user and ports it expects. */
class ImagesMatchChartTest {

    @Test
    void chartPullsTheImagesTheBuildMakes() throws Exception {
        Document parent = pom("pom.xml");
        JsonNode values = AssayChart.YAML.readTree(
                AssayChart.chartDir().resolve("values.yaml").toFile());
        String prefix = text(parent, "/project/properties/assay.image.prefix");

        Map<String, String> chartRepositories = Map.of(
                "runner-image",
                        values.path("runner").path("image").path("repository").asText(),
                "api", values.path("api").path("image").path("repository").asText(),
                "operator",
                        values.path("operator").path("image").path("repository").asText());
        chartRepositories.forEach((module, repository) -> {
            String name = text(
                    pom(module + "/pom.xml"), "/project/profiles/profile[id='images']/properties/assay.image.name");
            assertThat(prefix + "/" + name).as(module).isEqualTo(repository);
        });
        assertThat(text(parent, "//plugin[artifactId='jib-maven-plugin']/configuration/to/image"))
                .isEqualTo("${assay.image.prefix}/${assay.image.name}:${assay.image.tag}");
        assertThat(text(parent, "/project/properties/assay.image.tag")).isEqualTo("${project.version}");
    }

    @Test
    void imagesRunAsTheUserThePodsRequire() throws Exception {
        JsonNode values = AssayChart.YAML.readTree(
                AssayChart.chartDir().resolve("values.yaml").toFile());
        String user = text(pom("pom.xml"), "//plugin[artifactId='jib-maven-plugin']/configuration/container/user");

        assertThat(user)
                .isEqualTo(values.path("podSecurityContext").path("runAsUser").asText() + ":"
                        + values.path("podSecurityContext").path("runAsGroup").asText());
    }

    @Test
    void imagesExposeThePortsTheProbesUse() throws Exception {
        JsonNode values = AssayChart.YAML.readTree(
                AssayChart.chartDir().resolve("values.yaml").toFile());
        String jibProfile =
                "/project/profiles/profile[id='images']/build/plugins/plugin[artifactId='jib-maven-plugin']";

        assertThat(text(pom("api/pom.xml"), jibProfile + "/configuration/container/ports/port"))
                .isEqualTo("8080");
        assertThat(text(pom("operator/pom.xml"), jibProfile + "/configuration/container/ports/port"))
                .isEqualTo(values.path("operator").path("healthPort").asText());
    }

    private static Document pom(String path) {
        try {
            Path file = AssayChart.repoRoot().resolve(path);
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }

    private static String text(Document document, String xpath) {
        try {
            String value =
                    (String) XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.STRING);
            assertThat(value).as("%s in the pom", xpath).isNotBlank();
            return value.trim();
        } catch (javax.xml.xpath.XPathExpressionException e) {
            throw new IllegalArgumentException(xpath, e);
        }
    }
}
