package dev.assay.runner.storage;

import static dev.assay.runner.storage.StatusSamples.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.status.TaskState;
import dev.assay.model.status.TaskStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemStatusStoreTest extends StatusStoreContract {

    private static final Clock LATER = Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC);

    @TempDir
    Path folder;

    private final List<FilesystemStatusStore> opened = new ArrayList<>();

    @Override
    protected StatusStore store() throws Exception {
        return open();
    }

    private FilesystemStatusStore open() throws Exception {
        FilesystemStatusStore store = FilesystemStatusStore.open(folder, LATER);
        opened.add(store);
        return store;
    }

    @AfterEach
    void close() throws Exception {
        for (FilesystemStatusStore store : opened) {
            store.close();
        }
    }

    @Test
    void aRestartedProcessFindsItsJobsRunsAndHistoryAgain() throws Exception {
        FilesystemStatusStore before = open();
        TaskStatus job = StatusSamples.queuedProfile("j-1", T0)
                .progress(40, "profiling", T0.plusSeconds(1))
                .profiled(StatusSamples.summary(), T0.plusSeconds(2));
        before.put(StatusSamples.queuedProfile("j-1", T0));
        before.put(job);
        TaskStatus run = StatusSamples.queuedRun("j-1", "r-1", T0.plusSeconds(5))
                .applied(StatusSamples.result(), T0.plusSeconds(9));
        before.put(run);
        before.close();

        FilesystemStatusStore after = open();

        assertThat(after.get("j-1")).contains(job);
        assertThat(after.jobs(10)).containsExactly(job);
        assertThat(after.runsOf("j-1")).containsExactly(run);
        assertThat(after.events("j-1")).extracting(TaskEvent::status).containsExactly(TaskState.QUEUED, TaskState.DONE);
        assertThat(after.version("j-1")).isPositive();
    }

    @Test
    void aTaskThatWasRunningWhenTheProcessStoppedIsFailedWithTheReason() throws Exception {
        FilesystemStatusStore before = open();
        before.put(StatusSamples.queuedProfile("j-1", T0).progress(60, "profiling", T0.plusSeconds(1)));
        before.put(StatusSamples.queuedRun("j-1", "r-1", T0.plusSeconds(2)));
        before.close();

        FilesystemStatusStore after = open();

        for (String id : List.of("j-1", "r-1")) {
            TaskStatus status = after.get(id).orElseThrow();
            assertThat(status.status()).isEqualTo(TaskState.FAILED);
            assertThat(status.error().orElseThrow()).startsWith(FilesystemStatusStore.INTERRUPTED);
            assertThat(status.updatedAt()).isEqualTo(LATER.instant());
        }
        // What the person can do differs: a profile can only be uploaded again, a run applied again.
        assertThat(after.get("j-1").orElseThrow().error().orElseThrow()).endsWith("upload the file again");
        assertThat(after.get("r-1").orElseThrow().error().orElseThrow()).endsWith("apply the plan again");
        assertThat(after.get("j-1").orElseThrow().stage()).isEqualTo("profiling");
        after.close();
        // Recorded once: a second restart finds the failure, not another one.
        assertThat(open().events("j-1"))
                .extracting(TaskEvent::status)
                .containsExactly(TaskState.RUNNING, TaskState.FAILED);
    }

    @Test
    void aLineCutShortByACrashIsSkippedAndTheRestKept() throws Exception {
        FilesystemStatusStore before = open();
        TaskStatus done = StatusSamples.queuedProfile("j-1", T0).profiled(StatusSamples.summary(), T0.plusSeconds(2));
        before.put(done);
        before.close();
        Files.writeString(
                folder.resolve(FilesystemStatusStore.JOURNAL),
                "{\"id\":\"j-2\",\"kind\":\"pro",
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        FilesystemStatusStore after = open();

        assertThat(after.get("j-1")).contains(done);
        assertThat(after.get("j-2")).isEmpty();
        assertThat(Files.readString(folder.resolve(FilesystemStatusStore.JOURNAL)))
                .doesNotContain("\"j-2\"");
    }
}
