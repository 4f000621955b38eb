package dev.assay.charts;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** k8s/install.yaml: the chart rendered for people who apply plain manifests. One renderer for the script and the test. */
final class InstallManifest {

    static final String HEADER = """
            # Assay, rendered from charts/assay with k8s/install-values.yaml by scripts/render-install.sh. Do not edit:
            # change the chart and run the script (InstallManifestTest fails while this file is stale).
            # Before applying: kubectl apply -f k8s/crds/, and create the Secrets install-values.yaml names
            # (docs/install-kind.md, "Without Helm").
            """;

    private InstallManifest() {}

    static Path file() {
        return AssayChart.repoRoot().resolve("k8s/install.yaml");
    }

    static Path values() {
        return AssayChart.repoRoot().resolve("k8s/install-values.yaml");
    }

    static String render() {
        FakeCluster.shared().clear();
        return HEADER + AssayChart.template(AssayChart.chartDir(), List.of(values()), Map.of());
    }
}
