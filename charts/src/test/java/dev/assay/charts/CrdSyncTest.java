package dev.assay.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The CRDs are generated from the Java classes in model/ (fabric8 crd-generator); the chart and k8s/ ship copies
 * made by scripts/sync-crds.sh. A copy that differs, is missing or has no generated original fails here.
 */
class CrdSyncTest {

    static final Path GENERATED = AssayChart.repoRoot().resolve("model/target/classes/META-INF/fabric8");

    @Test
    void chartShipsExactlyTheGeneratedCrds() throws IOException {
        assertThat(crds(AssayChart.chartDir().resolve("crds")))
                .as("charts/assay/crds/ differs from %s: run scripts/sync-crds.sh", GENERATED)
                .isEqualTo(crds(GENERATED));
    }

    @Test
    void plainManifestsShipExactlyTheGeneratedCrds() throws IOException {
        assertThat(crds(AssayChart.repoRoot().resolve("k8s/crds")))
                .as("k8s/crds/ differs from %s: run scripts/sync-crds.sh", GENERATED)
                .isEqualTo(crds(GENERATED));
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yml") || name.endsWith(".yaml");
    }

    /** The YAML files of a folder, by name, with their content (none when the folder does not exist yet). */
    static Map<String, String> crds(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> list = Files.list(dir)) {
            for (Path file : list.filter(CrdSyncTest::isYaml).toList()) {
                files.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        return files;
    }
}
