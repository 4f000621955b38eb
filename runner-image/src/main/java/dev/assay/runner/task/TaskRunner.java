package dev.assay.runner.task;

import dev.assay.model.json.Json;
import dev.assay.model.plan.Plan;
import dev.assay.model.plan.validation.PlanValidationException;
import dev.assay.model.profile.MissingMarkers;
import dev.assay.model.profile.SourceRead;
import dev.assay.model.status.TaskKind;
import dev.assay.model.status.TaskStatus;
import dev.assay.runner.core.ApplyOutcome;
import dev.assay.runner.core.InputException;
import dev.assay.runner.core.ProfileOutcome;
import dev.assay.runner.core.ProgressListener;
import dev.assay.runner.profile.ProfilePipeline;
import dev.assay.runner.source.SourceOptions;
import dev.assay.runner.storage.ArtifactKeys;
import dev.assay.runner.storage.ArtifactStore;
import dev.assay.runner.storage.StatusStore;
import dev.assay.runner.storage.TaskOutputs;
import dev.assay.runner.storage.TaskReporter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One task from start to end, the same in the api's local executor and in a runner pod: download the input
 * from the artifact store into a private work folder, run the engine, upload the outputs only if it succeeded,
 * and keep the status record current. A failed task adds nothing to the store, so the upload and earlier runs
 * stay as they were; its status says why in words a person can act on ({@link InputException} and
 * {@link PlanValidationException} messages as they are, anything else as an internal error with a reference
 * that is also in the log).
 */
public final class TaskRunner {

    /**
     * How a task ended: done, refused (a plan that does not fit the data, or a file that is not usable data), or
     * failed (a bug or the machine). The two refusals are told apart so a runner pod can say which by its exit code.
     */
    public enum Outcome {
        DONE,
        PLAN_REFUSED,
        BAD_INPUT,
        FAILED
    }

    /** The engine's profile step; a seam so tests can make it fail on purpose. */
    @FunctionalInterface
    public interface Profiler {
        ProfileOutcome profile(Path source, Path outDir, ProgressListener progress, SourceOptions options);
    }

    /** The engine's apply step. */
    @FunctionalInterface
    public interface Applier {
        ApplyOutcome apply(Path source, Plan plan, Path outDir, ProgressListener progress, SourceOptions options);
    }

    private static final Logger log = LoggerFactory.getLogger(TaskRunner.class);

    private final ArtifactStore artifacts;
    private final StatusStore statuses;
    private final Profiler profiler;
    private final Applier applier;
    private final Path workRoot;
    private final Clock clock;
    private final BooleanSupplier stopping;

    /**
     * @param stopping whether the host is shutting down: a task that fails then is reported as stopped, not as a bug
     */
    public TaskRunner(
            ArtifactStore artifacts,
            StatusStore statuses,
            Profiler profiler,
            Applier applier,
            Path workRoot,
            Clock clock,
            BooleanSupplier stopping) {
        this.artifacts = artifacts;
        this.statuses = statuses;
        this.profiler = profiler;
        this.applier = applier;
        this.workRoot = workRoot;
        this.clock = clock;
        this.stopping = stopping;
    }

    /** Profiles {@code sourceKey} as dataset {@code jobId}: profile.json, report.html, cleaned.csv. */
    public Outcome profile(String jobId, String sourceKey, String fileName) {
        return profile(jobId, sourceKey, fileName, SourceOptions.none());
    }

    /** Profiles {@code sourceKey} with the sheet or encoding the person chose. */
    public Outcome profile(String jobId, String sourceKey, String fileName, SourceOptions options) {
        TaskReporter reporter = reporter(jobId, TaskKind.PROFILE, jobId, fileName);
        return execute(reporter, work -> {
            reporter.stage(1, "reading the upload");
            Path csv = Files.createDirectories(work.resolve("in")).resolve(localName(fileName));
            artifacts.download(sourceKey, csv);
            Path out = Files.createDirectories(work.resolve("out"));
            ProfileOutcome outcome = profiler.profile(csv, out, reporter.band(5, 90), options);
            reporter.stage(92, "saving the report");
            TaskOutputs.uploadProfile(artifacts, jobId, out);
            reporter.profiled(outcome.profile().summary());
        });
    }

    /**
     * Applies a plan to dataset {@code jobId} as run {@code runId}. The input is the dataset's uploaded source:
     * re-reading it gives exactly the profiled table (duplicates are dropped again) without the formula
     * neutralisation of cleaned.csv, which is for spreadsheets, not for data.
     */
    public Outcome apply(String jobId, String runId, String sourceKey, Plan plan, String runName) {
        TaskReporter reporter = reporter(runId, TaskKind.RUN, jobId, runName);
        return execute(reporter, work -> {
            reporter.stage(1, "reading the dataset");
            Path csv = Files.createDirectories(work.resolve("in"))
                    .resolve(localName(sourceKey.substring(sourceKey.lastIndexOf('/') + 1)));
            artifacts.download(sourceKey, csv);
            Path out = Files.createDirectories(work.resolve("out"));
            ApplyOutcome outcome = applier.apply(csv, plan, out, reporter.band(5, 90), readAsProfiled(jobId));
            reporter.stage(92, "saving the results");
            TaskOutputs.uploadRun(artifacts, jobId, runId, out);
            reporter.applied(outcome.result());
        });
    }

    /**
     * The sheet, encoding and missing markers the dataset was profiled with, from its profile.json, so that a run reads the same
     * table: a workbook's chosen sheet, a given encoding. Detection decides the rest, as it did then.
     */
    private SourceOptions readAsProfiled(String jobId) throws IOException {
        Optional<InputStream> stored = artifacts.open(ArtifactKeys.job(jobId, ProfilePipeline.PROFILE_JSON));
        if (stored.isEmpty()) {
            return SourceOptions.none();
        }
        try (InputStream in = stored.get()) {
            // Only the part needed: a profile written before sources were recorded has none (a UTF-8 CSV then).
            var ingest = Json.mapper().readTree(in).path("ingest");
            var source = ingest.path("source");
            // Markers the person gave are read again; a profile without them was read with the defaults.
            Optional<java.util.List<String>> markers = Optional.empty();
            if (ingest.path("missing_markers").isObject()) {
                MissingMarkers used = Json.mapper().treeToValue(ingest.path("missing_markers"), MissingMarkers.class);
                markers = used.given() ? Optional.of(used.words()) : Optional.empty();
            }
            if (!source.isObject()) {
                return new SourceOptions(Optional.empty(), Optional.empty(), markers);
            }
            SourceRead read = Json.mapper().treeToValue(source, SourceRead.class);
            return new SourceOptions(
                    read.sheet(),
                    read.encodingBasis().filter(SourceRead.GIVEN::equals).flatMap(b -> read.encoding()),
                    markers);
        }
    }

    /** The dataset's source key for a run: the uploaded file of a dataset the api profiled. */
    public static String sourceOf(String jobId) {
        return ArtifactKeys.job(jobId, "source.csv");
    }

    @FunctionalInterface
    private interface Step {
        void run(Path work) throws Exception;
    }

    private Outcome execute(TaskReporter reporter, Step step) {
        TaskStatus task = reporter.current();
        Path work = null;
        try {
            work = Files.createTempDirectory(Files.createDirectories(workRoot), task.id() + "-");
            step.run(work);
            return Outcome.DONE;
        } catch (InputException | PlanValidationException e) {
            log.info("{} {} refused: {}", task.kind(), task.id(), e.getMessage());
            fail(reporter, e.getMessage());
            return e instanceof PlanValidationException ? Outcome.PLAN_REFUSED : Outcome.BAD_INPUT;
        } catch (OutOfMemoryError e) {
            log.error("{} {} ran out of memory", task.kind(), task.id(), e);
            fail(reporter, "the runner ran out of memory on this dataset; try a smaller file or give it more memory");
            return Outcome.FAILED;
        } catch (IOException | java.io.UncheckedIOException e) {
            // The stores or the disk, not the data and not a bug: said as such, so the person knows a retry can work.
            String why = causes(e).contains("No space left")
                    ? "the disk of the machine running it is full"
                    : "storage failed: " + e.getMessage();
            log.error("{} {} failed on storage", task.kind(), task.id(), e);
            fail(reporter, task.withAdvice(why + " (once the operator has fixed it)"));
            return Outcome.FAILED;
        } catch (Throwable e) {
            if (stopping.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                log.warn("{} {} stopped: {}", task.kind(), task.id(), e.toString());
                fail(reporter, task.withAdvice("the server stopped while this task was running"));
                return Outcome.FAILED;
            }
            String reference =
                    HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
            log.error("{} {} failed (reference {})", task.kind(), task.id(), reference, e);
            fail(reporter, "internal error (reference " + reference + "); see the server log");
            return Outcome.FAILED;
        } finally {
            delete(work);
        }
    }

    private static String causes(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append(' ');
        }
        return text.toString();
    }

    private static void fail(TaskReporter reporter, String reason) {
        try {
            reporter.failed(reason);
        } catch (RuntimeException e) {
            log.error(
                    "could not record the failure of {}: {}", reporter.current().id(), reason, e);
        }
    }

    private TaskReporter reporter(String id, TaskKind kind, String jobId, String name) {
        TaskStatus initial =
                statuses.get(id).orElseGet(() -> TaskStatus.queued(id, kind, jobId, name, clock.instant()));
        return new TaskReporter(statuses, initial, clock);
    }

    /** The uploaded name, reduced to a safe file name, so the engine's messages name the file a person knows. */
    public static String localName(String fileName) {
        String safe = fileName == null
                ? ""
                : fileName.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^[.]+", "");
        if (safe.isEmpty()) {
            return "source.csv";
        }
        return safe.length() > 120 ? safe.substring(safe.length() - 120) : safe;
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("could not delete the work folder {}: {}", dir, e.getMessage());
        }
    }
}
