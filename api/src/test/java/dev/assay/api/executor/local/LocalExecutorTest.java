package dev.assay.api.executor.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.assay.api.TestProfiles;
import dev.assay.api.executor.ExecutorBusyException;
import dev.assay.api.executor.ProfileTask;
import dev.assay.api.executor.RunTask;
import dev.assay.model.plan.Plan;
import dev.assay.model.plan.PlanStep;
import dev.assay.model.plan.params.ActionType;
import dev.assay.model.plan.validation.PlanError;
import dev.assay.model.plan.validation.PlanValidationException;
import dev.assay.model.result.Comparison;
import dev.assay.model.result.RunResult;
import dev.assay.model.status.TaskKind;
import dev.assay.model.status.TaskState;
import dev.assay.model.status.TaskStatus;
import dev.assay.runner.core.ApplyOutcome;
import dev.assay.runner.core.InputException;
import dev.assay.runner.core.ProfileOutcome;
import dev.assay.runner.storage.ArtifactStore;
import dev.assay.runner.storage.FilesystemArtifactStore;
import dev.assay.runner.storage.InMemoryStatusStore;
import dev.assay.runner.storage.StatusStore;
import dev.assay.runner.storage.TaskEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local executor's own duties, with the engine's two steps replaced by functions that write what the
 * engine writes or fail the way it fails (the real engine runs in the end-to-end tests).
 */
class LocalExecutorTest {

    private static final Plan PLAN = new Plan(
            "impute", List.of(new PlanStep(ActionType.IMPUTE, Map.of("strategy", "median", "columns", List.of()))));

    @TempDir
    Path temp;

    private ArtifactStore artifacts;
    private StatusStore statuses;
    private LocalExecutor executor;

    @BeforeEach
    void stores() throws IOException {
        artifacts = new FilesystemArtifactStore(temp.resolve("data"));
        statuses = new InMemoryStatusStore();
    }

    @AfterEach
    void stop() {
        if (executor != null) {
            executor.close();
        }
    }

    private LocalExecutor executor(
            dev.assay.runner.task.TaskRunner.Profiler profiler,
            dev.assay.runner.task.TaskRunner.Applier applier,
            int workers,
            int queue) {
        executor = new LocalExecutor(
                artifacts,
                statuses,
                profiler,
                applier,
                workers,
                queue,
                temp.resolve("work"),
                Clock.systemUTC(),
                new SimpleMeterRegistry());
        return executor;
    }

    /** Writes what Engine.profile writes, reporting progress as it goes. */
    private static ProfileOutcome profiles(
            Path csv,
            Path out,
            dev.assay.runner.core.ProgressListener progress,
            dev.assay.runner.source.SourceOptions options) {
        try {
            progress.update(10, "reading " + csv.getFileName());
            Files.writeString(out.resolve("profile.json"), "{}");
            Files.writeString(out.resolve("report.html"), "<h1>" + csv.getFileName() + "</h1>");
            Files.copy(csv, out.resolve("cleaned.csv"));
            progress.update(100, "report");
            return new ProfileOutcome(TestProfiles.titanic(), out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Writes what Engine.apply writes for a plan without a model. */
    private static ApplyOutcome applies(
            Path csv,
            Plan plan,
            Path out,
            dev.assay.runner.core.ProgressListener progress,
            dev.assay.runner.source.SourceOptions options) {
        try {
            for (String name : List.of("cleaned.csv", "report.html", "profile.json", "result.json", "plan.json")) {
                Files.writeString(out.resolve(name), name + " of the run");
            }
            Files.writeString(out.resolve("scratch.tmp"), "not an artifact");
            RunResult result = new RunResult(
                    plan,
                    List.of(),
                    Optional.empty(),
                    new Comparison(
                            new Comparison.Side(891, 12, 866, 3),
                            new Comparison.Side(891, 12, 0, 1),
                            List.of(),
                            List.of()),
                    List.of("cleaned.csv", "report.html"),
                    5);
            return new ApplyOutcome(result, TestProfiles.titanic(), out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void upload(String jobId) throws IOException {
        byte[] csv = "PassengerId,Survived\n1,0\n2,1\n".getBytes(StandardCharsets.UTF_8);
        artifacts.put(jobId + "/source.csv", new ByteArrayInputStream(csv), csv.length, "text/csv");
        statuses.put(TaskStatus.queued(jobId, TaskKind.PROFILE, jobId, "titanic.csv", java.time.Instant.now()));
    }

    private void queueRun(String jobId, String runId) {
        statuses.put(TaskStatus.queued(runId, TaskKind.RUN, jobId, "impute", java.time.Instant.now()));
    }

    private TaskStatus awaitFinished(String id) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> statuses.get(id).map(s -> s.status().finished()).orElse(false));
        return statuses.get(id).orElseThrow();
    }

    private String read(String key) throws IOException {
        try (InputStream in = artifacts.open(key).orElseThrow(() -> new AssertionError("missing " + key))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aProfiledUploadIsDoneWithItsSummaryAndItsThreeArtifacts() throws Exception {
        upload("j-1");
        executor(LocalExecutorTest::profiles, LocalExecutorTest::applies, 1, 4)
                .submitProfile(new ProfileTask("j-1", "j-1/source.csv", "titanic.csv"));

        TaskStatus done = awaitFinished("j-1");

        assertThat(done.status()).isEqualTo(TaskState.DONE);
        assertThat(done.progress()).isEqualTo(100);
        assertThat(done.profile().orElseThrow().rows()).isEqualTo(891);
        assertThat(artifacts.list("j-1/"))
                .containsExactly("j-1/cleaned.csv", "j-1/profile.json", "j-1/report.html", "j-1/source.csv");
        // The engine saw the file under the name the person uploaded, so its messages name it.
        assertThat(read("j-1/report.html")).isEqualTo("<h1>titanic.csv</h1>");
        List<TaskEvent> events = statuses.events("j-1");
        assertThat(events)
                .extracting(TaskEvent::status)
                .startsWith(TaskState.QUEUED, TaskState.RUNNING)
                .endsWith(TaskState.DONE);
        assertThat(events).extracting(TaskEvent::progress).isSorted();
        assertThat(events).extracting(TaskEvent::stage).contains("reading titanic.csv");
    }

    @Test
    void badInputFailsTheTaskWithTheEnginesMessageAndStoresNothing() throws Exception {
        upload("j-1");
        executor(
                        (csv, out, progress, options) -> {
                            throw new InputException(
                                    "titanic.csv", OptionalLong.of(12), Optional.of("Age"), "'abc' is not a number");
                        },
                        LocalExecutorTest::applies,
                        1,
                        4)
                .submitProfile(new ProfileTask("j-1", "j-1/source.csv", "titanic.csv"));

        TaskStatus failed = awaitFinished("j-1");

        assertThat(failed.status()).isEqualTo(TaskState.FAILED);
        assertThat(failed.error()).contains("titanic.csv, line 12, column 'Age': 'abc' is not a number");
        assertThat(artifacts.list("j-1/")).containsExactly("j-1/source.csv");
    }

    @Test
    void anInvalidPlanFailsTheRunWithTheValidatorsMessage() throws Exception {
        upload("j-1");
        executor(
                LocalExecutorTest::profiles,
                (csv, plan, out, progress, options) -> {
                    throw new PlanValidationException(List.of(PlanError.ofStep(
                            0, "impute", "columns", "column 'Agee' does not exist (did you mean 'Age'?)")));
                },
                1,
                4);
        executor.submitProfile(new ProfileTask("j-1", "j-1/source.csv", "titanic.csv"));
        awaitFinished("j-1");
        queueRun("j-1", "r-1");
        executor.submitRun(new RunTask("j-1", "r-1", PLAN, Optional.of("impute"), Optional.empty()));

        assertThat(awaitFinished("r-1").error())
                .contains("actions[0] (impute) columns: column 'Agee' does not exist (did you mean 'Age'?)");
    }

    @Test
    void aFullDiskIsToldApartFromABugWithWhatToDo() throws Exception {
        upload("j-1");
        executor(
                (csv, out, progress, options) -> {
                    throw new java.io.UncheckedIOException(
                            "cannot write profile.json", new java.io.IOException("No space left on device"));
                },
                LocalExecutorTest::applies,
                1,
                4);

        executor.submitProfile(new ProfileTask("j-1", "j-1/source.csv", "titanic.csv"));

        assertThat(awaitFinished("j-1").error().orElseThrow())
                .contains("disk", "is full", "upload the file again")
                .doesNotContain("internal error");
    }

    @Test
    void aBugIsReportedWithAReferenceNotItsInternalsAndThePoolKeepsServing() throws Exception {
        upload("j-1");
        upload("j-2");
        executor(
                (csv, out, progress, options) -> {
                    if (csv.getParent().getParent().getFileName().toString().startsWith("j-1")) {
                        throw new IllegalStateException("index 7 out of bounds in ColumnProfiler");
                    }
                    return profiles(csv, out, progress, options);
                },
                LocalExecutorTest::applies,
                1,
                4);

        executor.submitProfile(new ProfileTask("j-1", "j-1/source.csv", "titanic.csv"));
        executor.submitProfile(new ProfileTask("j-2", "j-2/source.csv", "titanic.csv"));

        TaskStatus failed = awaitFinished("j-1");
        assertThat(failed.error().orElseThrow())
                .matches("internal error \\(reference [0-9a-f]{8}\\); see the server log")
                .doesNotContain("ColumnProfiler");
        assertThat(awaitFinished("j-2").status()).isEqualTo(TaskState.DONE);
    }

    @Test
    void aFailingRunLeavesTheUploadTheProfileAndEarlierRunsIntact() throws Exception {
        upload("j-1");
        CountDownLatch secondRun = new CountDownLatch(1);
        executor(
                LocalExecutorTest::profiles,
                (csv, plan, out, progress, options) -> {
                    if (secondRun.getCount() == 0) {
                        // Half the outputs written, then the failure.
                        try {
                            Files.writeString(out.resolve("cleaned.csv"), "partial");
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                        throw new InputException("cleaned.csv", "column 'Age' holds 'n/a', which cannot be a number");
                    }
                    return applies(csv, plan, out, progress, options);
                },
                1,
                4);
        executor.submitProfile(new ProfileTask("j-1", "j-1/source.csv", "titanic.csv"));
        awaitFinished("j-1");
        queueRun("j-1", "r-1");
        executor.submitRun(new RunTask("j-1", "r-1", PLAN, Optional.of("first"), Optional.empty()));
        awaitFinished("r-1");
        List<String> before = artifacts.list("j-1/");
        String source = read("j-1/source.csv");
        String firstRun = read("j-1/runs/r-1/cleaned.csv");

        secondRun.countDown();
        queueRun("j-1", "r-2");
        executor.submitRun(new RunTask("j-1", "r-2", PLAN, Optional.of("second"), Optional.empty()));

        assertThat(awaitFinished("r-2").error())
                .contains("cleaned.csv: column 'Age' holds 'n/a', which cannot be a number");
        assertThat(artifacts.list("j-1/")).isEqualTo(before);
        assertThat(read("j-1/source.csv")).isEqualTo(source);
        assertThat(read("j-1/runs/r-1/cleaned.csv")).isEqualTo(firstRun);
        assertThat(statuses.get("j-1").orElseThrow().status()).isEqualTo(TaskState.DONE);
        assertThat(statuses.get("r-1").orElseThrow().status()).isEqualTo(TaskState.DONE);
    }

    @Test
    void aRunUploadsOnlyArtifactNamesAndRecordsItsResult() throws Exception {
        upload("j-1");
        executor(LocalExecutorTest::profiles, LocalExecutorTest::applies, 1, 4)
                .submitProfile(new ProfileTask("j-1", "j-1/source.csv", "titanic.csv"));
        awaitFinished("j-1");
        queueRun("j-1", "r-1");
        executor.submitRun(new RunTask("j-1", "r-1", PLAN, Optional.of("impute"), Optional.empty()));

        TaskStatus done = awaitFinished("r-1");

        assertThat(done.result().orElseThrow().plan()).isEqualTo(PLAN);
        assertThat(artifacts.list("j-1/runs/r-1/"))
                .containsExactly(
                        "j-1/runs/r-1/cleaned.csv",
                        "j-1/runs/r-1/plan.json",
                        "j-1/runs/r-1/profile.json",
                        "j-1/runs/r-1/report.html",
                        "j-1/runs/r-1/result.json");
    }

    @Test
    void aFullQueueRefusesWorkUntilAWorkerIsFree() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        for (String id : List.of("j-1", "j-2", "j-3")) {
            upload(id);
        }
        executor(
                (csv, out, progress, options) -> {
                    started.countDown();
                    try {
                        release.await(20, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return profiles(csv, out, progress, options);
                },
                LocalExecutorTest::applies,
                1,
                1);

        executor.submitProfile(new ProfileTask("j-1", "j-1/source.csv", "titanic.csv"));
        started.await(20, TimeUnit.SECONDS);
        executor.submitProfile(new ProfileTask("j-2", "j-2/source.csv", "titanic.csv"));

        assertThat(executor.hasCapacity()).isFalse();
        assertThatThrownBy(() -> executor.submitProfile(new ProfileTask("j-3", "j-3/source.csv", "titanic.csv")))
                .isInstanceOf(ExecutorBusyException.class)
                .hasMessageContaining("1 tasks are running and 1 are waiting")
                .satisfies(e ->
                        assertThat(((ExecutorBusyException) e).retryAfter()).isPositive());

        release.countDown();
        assertThat(awaitFinished("j-2").status()).isEqualTo(TaskState.DONE);
        assertThat(executor.hasCapacity()).isTrue();
    }

    @Test
    void stoppingMarksTasksThatNeverStartedAsFailedInsteadOfLeavingThemQueued() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        upload("j-1");
        upload("j-2");
        executor(
                (csv, out, progress, options) -> {
                    started.countDown();
                    try {
                        Thread.sleep(Duration.ofSeconds(30));
                    } catch (InterruptedException e) {
                        throw new IllegalStateException("interrupted");
                    }
                    return profiles(csv, out, progress, options);
                },
                LocalExecutorTest::applies,
                1,
                4);
        executor.submitProfile(new ProfileTask("j-1", "j-1/source.csv", "titanic.csv"));
        started.await(20, TimeUnit.SECONDS);
        executor.submitProfile(new ProfileTask("j-2", "j-2/source.csv", "titanic.csv"));

        executor.close();

        assertThat(statuses.get("j-2").orElseThrow().error())
                .contains("the server stopped before this task started; upload the file again");
        assertThat(awaitFinished("j-1").error())
                .contains("the server stopped while this task was running; upload the file again");
    }

    @Test
    void workFoldersAreRemovedAfterEachTask() throws Exception {
        upload("j-1");
        executor(LocalExecutorTest::profiles, LocalExecutorTest::applies, 1, 4)
                .submitProfile(new ProfileTask("j-1", "j-1/source.csv", "titanic.csv"));
        awaitFinished("j-1");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            try (var left = Files.list(temp.resolve("work"))) {
                assertThat(left).isEmpty();
            }
        });
    }

    @Test
    void uploadedNamesBecomeSafeLocalFileNames() {
        assertThat(LocalExecutor.localName("titanic.csv")).isEqualTo("titanic.csv");
        assertThat(LocalExecutor.localName("../../etc/passwd")).isEqualTo("_.._etc_passwd");
        assertThat(LocalExecutor.localName("données été.csv")).isEqualTo("donn_es__t_.csv");
        assertThat(LocalExecutor.localName("")).isEqualTo("source.csv");
    }
}
