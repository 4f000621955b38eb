package dev.assay.runner.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FilesystemArtifactStoreTest extends ArtifactStoreContract {

    private Path root;

    @Override
    protected ArtifactStore store() throws Exception {
        root = Files.createDirectories(temp.resolve("data"));
        return new FilesystemArtifactStore(root);
    }

    @Test
    void keysAreFilesUnderTheRootSoALaptopUserCanFindThem() throws Exception {
        ArtifactStore store = store();
        put(store, "j-1/runs/r-1/metrics.json", "{}");

        assertThat(root.resolve("j-1/runs/r-1/metrics.json")).hasContent("{}");
    }

    @Test
    void nothingIsWrittenOutsideTheRoot() throws Exception {
        ArtifactStore store = store();
        Files.writeString(temp.resolve("outside.csv"), "secret");

        assertThat(store.list("")).isEmpty();
        put(store, "j-1/source.csv", "a\n");
        try (var files = Files.list(temp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("data", "outside.csv");
        }
    }

    @Test
    void hiddenFilesInTheDataFolderAreNotArtifacts() throws Exception {
        ArtifactStore store = store();
        put(store, "j-1/source.csv", "a\n");
        Files.createDirectories(root.resolve(".status"));
        Files.writeString(root.resolve(".status/status.jsonl"), "{}\n");
        Files.writeString(root.resolve("j-1/.DS_Store"), "finder");

        assertThat(store.list("")).containsExactly("j-1/source.csv");
        assertThat(store.list("j-1/")).containsExactly("j-1/source.csv");
    }
}
