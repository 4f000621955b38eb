package dev.assay.api.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.TestProfiles;
import dev.assay.api.config.AssayProperties;
import dev.assay.api.jobs.Jobs;
import dev.assay.model.json.Json;
import dev.assay.model.status.TaskKind;
import dev.assay.model.status.TaskState;
import dev.assay.model.status.TaskStatus;
import dev.assay.runner.storage.FilesystemArtifactStore;
import dev.assay.runner.storage.InMemoryStatusStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Retention and the listing rebuilt from stored files, on a real folder store and the in-memory status store. */
class DatasetsTest {

    static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @TempDir
    Path data;

    InMemoryStatusStore statuses;
    FilesystemArtifactStore artifacts;

    @BeforeEach
    void stores() throws IOException {
        statuses = new InMemoryStatusStore();
        artifacts = new FilesystemArtifactStore(data);
    }

    Datasets datasets(int retentionDays) {
        AssayProperties properties = new Binder(new MapConfigurationPropertySource(
                        java.util.Map.of("assay.retention-days", Integer.toString(retentionDays))))
                .bindOrCreate("assay", Bindable.of(AssayProperties.class));
        // Outside a request the actor is the api itself, which sees every dataset: the database is not asked.
        dev.assay.api.metadata.Metadata metadata = org.mockito.Mockito.mock(dev.assay.api.metadata.Metadata.class);
        org.mockito.Mockito.when(
                        metadata.visible(org.mockito.ArgumentMatchers.anyString(), org.mockito.ArgumentMatchers.any()))
                .thenReturn(true);
        return new Datasets(
                statuses,
                artifacts,
                new Jobs(
                        statuses,
                        artifacts,
                        metadata,
                        new dev.assay.api.identity.Actors(new dev.assay.api.auth.NoLogin())),
                () -> {
                    throw new IllegalStateException("no task is started here");
                },
                Clock.fixed(NOW, ZoneOffset.UTC),
                properties,
                metadata);
    }

    void put(String key, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        artifacts.put(key, new ByteArrayInputStream(bytes), bytes.length, "application/octet-stream");
    }

    void dataset(String jobId, Instant at) throws IOException {
        put(jobId + "/source.csv", "a,b\n1,2\n");
        put(jobId + "/profile.json", Json.write(TestProfiles.titanic()));
        statuses.put(TaskStatus.queued(jobId, TaskKind.PROFILE, jobId, "titanic.csv", at)
                .profiled(TestProfiles.titanic().summary(), at));
    }

    @Test
    void retentionDeletesWhatNobodyTouchedForThatLongAndKeepsADatasetWhoseRunIsRecent() throws IOException {
        dataset("j-old", NOW.minus(Duration.ofDays(40)));
        dataset("j-used", NOW.minus(Duration.ofDays(40)));
        statuses.put(TaskStatus.queued("r-1", TaskKind.RUN, "j-used", "run", NOW.minus(Duration.ofDays(2)))
                .failed("refused", NOW.minus(Duration.ofDays(2))));
        dataset("j-new", NOW.minus(Duration.ofDays(1)));

        assertThat(datasets(30).applyRetention()).isEqualTo(1);

        assertThat(statuses.jobs(10)).extracting(TaskStatus::id).containsExactlyInAnyOrder("j-used", "j-new");
        assertThat(artifacts.list("j-old/")).isEmpty();
        assertThat(datasets(0).applyRetention()).as("0 keeps everything").isZero();
    }

    @Test
    void aListingLostByTheStatusStoreIsRebuiltFromTheStoredFiles() throws IOException {
        dataset("j-1", NOW.minus(Duration.ofHours(1)));
        put("j-1/runs/r-1/plan.json", "{\"actions\":[]}");
        put("j-2/source.csv", "a,b\n1,2\n");
        statuses = new InMemoryStatusStore(); // the status store restarted empty

        datasets(0).rebuildIfForgotten();

        TaskStatus job = statuses.get("j-1").orElseThrow();
        assertThat(job.status()).isEqualTo(TaskState.DONE);
        assertThat(job.profile().orElseThrow().rows()).isEqualTo(891);
        assertThat(statuses.get("r-1").orElseThrow().error().orElseThrow()).contains("lost before it finished");
        assertThat(statuses.get("j-2").orElseThrow().error().orElseThrow())
                .contains("lost before it was profiled", "upload the file again");
        assertThat(statuses.runsOf("j-1")).hasSize(1);

        // Once rebuilt, the store remembers it: a second pass does not overwrite what happened since.
        statuses.put(statuses.get("j-2").orElseThrow().failed("changed since", NOW));
        datasets(0).rebuildIfForgotten();
        assertThat(statuses.get("j-2").orElseThrow().error()).contains("changed since");
        assertThat(List.of(statuses.jobs(10).size())).containsExactly(2);
    }

    @Test
    void anUploadWhoseStatusArrivesWhileTheListingIsRebuiltIsNotMarkedLost() throws IOException {
        put("j-live/source.csv", "a,b\n1,2\n");
        TaskStatus uploaded = TaskStatus.queued("j-live", TaskKind.PROFILE, "j-live", "tips.csv", NOW);
        InMemoryStatusStore store = org.mockito.Mockito.spy(new InMemoryStatusStore());
        // The upload stored its file before the rebuild listed the files, and writes its status right after the
        // rebuild found none.
        org.mockito.Mockito.doAnswer(call -> {
                    store.put(uploaded);
                    return java.util.Optional.empty();
                })
                .when(store)
                .get("j-live");
        statuses = store;

        datasets(0).rebuildIfForgotten();

        org.mockito.Mockito.doCallRealMethod().when(store).get("j-live");
        assertThat(statuses.get("j-live")).contains(uploaded);
        assertThat(statuses.events("j-live")).hasSize(1);
    }
}
