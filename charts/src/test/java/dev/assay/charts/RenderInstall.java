package dev.assay.charts;

import java.nio.file.Files;

/** Writes k8s/install.yaml; run by scripts/render-install.sh (Maven profile render-install of charts/pom.xml). */
public final class RenderInstall {

    private RenderInstall() {}

    public static void main(String[] args) throws Exception {
        String manifest = InstallManifest.render();
        Files.writeString(InstallManifest.file(), manifest);
        System.out.println("wrote " + InstallManifest.file() + " ("
                + AssayChart.parseAll(manifest).size() + " objects)");
        System.exit(0);
    }
}
