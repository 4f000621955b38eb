package dev.assay.api.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.assay.api.HttpApi;
import dev.assay.api.TestProfiles;
import dev.assay.model.json.Json;
import dev.assay.runner.storage.FilesystemArtifactStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The upgrade from the version before the database: a data folder holding a profiled dataset with one run, as that
 * version left it, and an empty database. After the start every table exists, the dataset and its run belong to the
 * configured legacy owner and team, the run keeps its plan, and the dataset is listed as before.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"assay.database.legacy-owner=olga", "assay.database.legacy-team=analysts"})
class UpgradeFromStoresIT {

    static Path data;

    @DynamicPropertySource
    static void previousVersionsData(DynamicPropertyRegistry registry) throws IOException {
        data = Files.createTempDirectory("assay-upgrade");
        FilesystemArtifactStore store = new FilesystemArtifactStore(data);
        put(store, "j-before/source.csv", Files.readString(Path.of("../examples/datasets/titanic.csv")));
        put(store, "j-before/profile.json", Json.write(TestProfiles.titanic()));
        put(store, "j-before/cleaned.csv", "PassengerId,Survived\n1,0\n");
        put(store, "j-before/runs/r-before/plan.json", """
                {"explanation": "fill ages", "actions": [{"type": "impute", "params": {"strategy": "median", "columns": ["Age"]}}]}""");
        registry.add("assay.data-dir", () -> data.toString());
    }

    private static void put(FilesystemArtifactStore store, String key, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            store.put(key, new ByteArrayInputStream(bytes), bytes.length, "application/octet-stream");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    Metadata metadata;

    @Autowired
    LegacyImport legacy;

    @Autowired
    JdbcClient jdbc;

    @Test
    void datasetsStoredBeforeTheDatabaseExistedBelongToTheLegacyOwnerAfterTheUpgrade() throws IOException {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> metadata.dataset("j-before").isPresent());

        assertThat(metadata.dataset("j-before"))
                .contains(new Metadata.Ownership("olga", "analysts", Metadata.Origin.LEGACY));
        assertThat(metadata.run("r-before"))
                .contains(new Metadata.Ownership("olga", "analysts", Metadata.Origin.LEGACY));
        assertThat(jdbc.sql("select plan->'actions'->0->>'type' from runs where id = 'r-before'")
                        .query(String.class)
                        .single())
                .isEqualTo("impute");
        assertThat(new HttpApi(port).get("/api/v1/jobs").json().findValuesAsText("job_id"))
                .contains("j-before");
        // Every start looks again; what is recorded is recorded once.
        assertThat(legacy.importUnknown()).isZero();
        assertThat(jdbc.sql("select count(*) from datasets").query(Long.class).single())
                .isEqualTo(1);
    }
}
