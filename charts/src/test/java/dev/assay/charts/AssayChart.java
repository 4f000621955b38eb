package dev.assay.charts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The chart under test and where things live in the repository. */
final class AssayChart {

    static final String RELEASE = "assay";
    static final String NAMESPACE = "assay";
    static final YAMLMapper YAML = new YAMLMapper();

    private AssayChart() {}

    static Path repoRoot() {
        return Path.of(System.getProperty("assay.repo.root", ".."))
                .toAbsolutePath()
                .normalize();
    }

    static Path chartDir() {
        return repoRoot().resolve("charts/assay");
    }

    static Path valuesFile(String name) {
        return repoRoot().resolve("charts/src/test/resources/values").resolve(name);
    }

    /** Renders like {@code helm template assay charts/assay -n assay [-f file]... [--set k=v]...}. */
    static String template(Path chart, List<Path> valuesFiles, Map<String, Object> sets) {
        FakeCluster.shared();
        TemplateCommand command = new Helm(chart).template().withName(RELEASE).withNamespace(NAMESPACE);
        for (Path file : valuesFiles) {
            command = command.withValuesFile(file);
        }
        for (Map.Entry<String, Object> set : sets.entrySet()) {
            command = command.set(set.getKey(), set.getValue());
        }
        return command.call();
    }

    static Rendered render(String... valuesFiles) {
        return render(Map.of(), valuesFiles);
    }

    static Rendered render(Map<String, Object> sets, String... valuesFiles) {
        List<Path> files = new ArrayList<>();
        for (String name : valuesFiles) {
            files.add(valuesFile(name));
        }
        return Rendered.parse(template(chartDir(), files, sets));
    }

    /** Every YAML document of a multi-document text, blank ones skipped. */
    static List<JsonNode> parseAll(String yaml) {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (it.hasNext()) {
                JsonNode node = it.next();
                if (node != null && !node.isNull() && !node.isMissingNode() && !node.isEmpty()) {
                    documents.add(node);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
