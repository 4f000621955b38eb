package dev.assay.runner.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.json.Json;
import dev.assay.model.plan.Plan;
import dev.assay.model.plan.PlanStep;
import dev.assay.model.plan.params.ActionType;
import dev.assay.model.profile.AlertType;
import dev.assay.model.profile.MissingMarkers;
import dev.assay.model.profile.Profile;
import dev.assay.runner.core.EngineConfig;
import dev.assay.runner.core.InputException;
import dev.assay.runner.core.ProgressListener;
import dev.assay.runner.engine.Engine;
import dev.assay.runner.source.SourceOptions;
import dev.assay.runner.storage.ArtifactKeys;
import dev.assay.runner.storage.FilesystemArtifactStore;
import dev.assay.runner.storage.InMemoryStatusStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The words read as missing are the person's when they give them: "None" meaning no damage stays a value, a "?"
 * (as UCI files write a gap) is missing; the profile says which words were used, and every run of the dataset
 * reads its source with the same words.
 */
class GivenMissingMarkersTest {

    @TempDir
    Path dir;

    /** 100 rows: damage is None in 89, minor or major in 10, blank in 1; cost is "?" in every tenth row. */
    private Path damageFile() throws IOException {
        StringBuilder csv = new StringBuilder("id,damage,cost,code\n");
        for (int i = 0; i < 100; i++) {
            String damage = i == 99 ? "" : i < 89 ? "None" : i % 2 == 0 ? "minor" : "major";
            String cost = i % 10 == 0 ? "?" : String.valueOf(i * 3 % 17);
            String code = i % 4 == 0 ? "NA" : "EU";
            csv.append(i)
                    .append(',')
                    .append(damage)
                    .append(',')
                    .append(cost)
                    .append(',')
                    .append(code)
                    .append('\n');
        }
        Path file = dir.resolve("damage.csv");
        Files.writeString(file, csv);
        return file;
    }

    private Profile profile(Path file, SourceOptions options) {
        return new Engine(EngineConfig.defaults())
                .profile(file, dir.resolve("out"), ProgressListener.NONE, options)
                .profile();
    }

    @Test
    void byDefaultMarkerWordsAreMissingAndTheProfileSaysWhichWords() throws IOException {
        Profile profile = profile(damageFile(), SourceOptions.none());

        assertThat(profile.ingest().missingMarkers()).isEqualTo(MissingMarkers.defaults());
        assertThat(profile.variables().get("damage").missing()).isEqualTo(90);
        // "?" is no default marker: the cost column is text with stray values, "NA" (North America?) is missing.
        assertThat(profile.variables().get("cost").type().wireName()).isNotEqualTo("numeric");
        assertThat(profile.variables().get("code").missing()).isEqualTo(25);
        assertThat(profile.alerts()).anyMatch(a -> a.type() == AlertType.MISSING_MARKER);
    }

    @Test
    void givenWordsReplaceTheDefaults() throws IOException {
        Profile profile =
                profile(damageFile(), new SourceOptions(Optional.empty(), Optional.empty(), Optional.of(List.of("?"))));

        assertThat(profile.ingest().missingMarkers()).isEqualTo(MissingMarkers.given(List.of("?")));
        assertThat(profile.ingest().missingMarkers().describe()).isEqualTo("'?' (given)");
        assertThat(profile.variables().get("damage").missing()).isEqualTo(1);
        assertThat(profile.variables().get("damage").top().getFirst().value()).isEqualTo("None");
        assertThat(profile.variables().get("cost").missing()).isEqualTo(10);
        assertThat(profile.variables().get("cost").numeric()).isPresent();
        assertThat(profile.variables().get("code").missing()).isZero();
        assertThat(profile.alerts()).noneMatch(a -> a.type() == AlertType.MISSING_MARKER);
    }

    @Test
    void anEmptyListReadsEveryWordAsAValue() throws IOException {
        Profile profile =
                profile(damageFile(), new SourceOptions(Optional.empty(), Optional.empty(), Optional.of(List.of())));

        assertThat(profile.ingest().missingMarkers().words()).isEmpty();
        assertThat(profile.ingest().missingMarkers().given()).isTrue();
        // Only the one blank cell is missing.
        assertThat(profile.variables().get("damage").missing()).isEqualTo(1);
        assertThat(profile.variables().get("code").missing()).isZero();
    }

    @Test
    void unusableWordsAreRefusedNamingTheField() throws IOException {
        Path file = damageFile();
        assertThatThrownBy(() -> profile(
                        file,
                        new SourceOptions(
                                Optional.empty(), Optional.empty(), Optional.of(Collections.nCopies(33, "x")))))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("missingMarkers has 33 words; at most 32");
        assertThatThrownBy(() -> profile(
                        file, new SourceOptions(Optional.empty(), Optional.empty(), Optional.of(List.of("NA", " ")))))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("missingMarkers[1] is blank");
        assertThatThrownBy(() -> SourceOptions.fromArgs(null, null, "NA,-"))
                .hasMessageContaining("--missing-markers must be a JSON array of words");
        assertThat(SourceOptions.fromArgs(null, null, "[]").missingMarkers()).contains(List.of());
    }

    @Test
    void aRunReadsItsDatasetWithTheWordsTheProfileUsed() throws IOException {
        FilesystemArtifactStore artifacts = new FilesystemArtifactStore(dir.resolve("store"));
        String jobId = "j-0123456789abcdef";
        String sourceKey = ArtifactKeys.job(jobId, "source.csv");
        artifacts.put(sourceKey, damageFile(), "text/csv");
        Engine engine = new Engine(EngineConfig.defaults());
        TaskRunner runner = new TaskRunner(
                artifacts,
                new InMemoryStatusStore(),
                engine::profile,
                engine::apply,
                dir.resolve("work"),
                Clock.systemUTC(),
                () -> false);

        assertThat(runner.profile(
                        jobId,
                        sourceKey,
                        "damage.csv",
                        new SourceOptions(Optional.empty(), Optional.empty(), Optional.of(List.of("?")))))
                .isEqualTo(TaskRunner.Outcome.DONE);
        Plan plan = new Plan(
                "Drop the id.", List.of(new PlanStep(ActionType.DROP_COLUMNS, Map.of("columns", List.of("id")))));
        assertThat(runner.apply(jobId, "r-1", sourceKey, plan, "drop id")).isEqualTo(TaskRunner.Outcome.DONE);

        try (InputStream in =
                artifacts.open(ArtifactKeys.run(jobId, "r-1", "profile.json")).orElseThrow()) {
            Profile after = Json.mapper().readValue(in, Profile.class);
            assertThat(after.variables().get("damage").missing()).isEqualTo(1);
            assertThat(after.variables().get("cost").missing()).isEqualTo(10);
            assertThat(after.variables().get("cost").numeric()).isPresent();
        }
    }
}
