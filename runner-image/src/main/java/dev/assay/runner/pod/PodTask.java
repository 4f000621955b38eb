package dev.assay.runner.pod;

import dev.assay.model.protocol.RunnerAccess;
import dev.assay.model.protocol.RunnerEnv;
import dev.assay.model.protocol.RunnerExit;
import dev.assay.model.protocol.TaskScope;
import dev.assay.model.status.TaskKind;
import dev.assay.model.status.TaskStatus;
import dev.assay.runner.core.EngineConfig;
import dev.assay.runner.engine.Engine;
import dev.assay.runner.storage.ArtifactStore;
import dev.assay.runner.storage.PresignedArtifactStore;
import dev.assay.runner.storage.ScopedArtifactStore;
import dev.assay.runner.storage.StatusStore;
import dev.assay.runner.storage.StorageSettings;
import dev.assay.runner.storage.TaskReporter;
import dev.assay.runner.task.TaskRunner;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * What a runner pod needs to run one task: the stores named by its environment ({@link RunnerEnv}), seen through
 * the task's namespace ({@link TaskScope}: its artifact keys and status keys carry the namespace), the engine, and
 * a work folder on the pod's scratch volume. Every status change is also logged, so {@code kubectl logs} shows the
 * stages and a one-line result.
 */
final class PodTask {

    private final Map<String, String> env;
    private final TaskScope scope;
    private final StorageSettings settings;
    private final Optional<RunnerAccess> access;
    private final ArtifactStore artifacts;
    private final StatusStore statuses;

    private PodTask(Map<String, String> env, PrintStream log) {
        this.env = env;
        this.scope = TaskScope.of(Optional.ofNullable(env.get(RunnerEnv.NAMESPACE)));
        StorageSettings base = StorageSettings.fromEnvironment(env);
        this.settings = new StorageSettings(
                base.dataDir(), base.s3(), base.redisUrl(), base.redisTtl(), scope.statusPrefix(base.redisPrefix()));
        this.access = Optional.ofNullable(env.get(RunnerEnv.S3_ACCESS))
                .filter(json -> !json.isBlank())
                .map(RunnerAccess::fromJson);
        try {
            // On a cluster the operator grants presigned URLs for this task's keys (they already name the namespaced
            // objects) and the pod has no store credentials; the root settings are the laptop's and the tests'.
            this.artifacts = access.isPresent()
                    ? new PresignedArtifactStore(access.get())
                    : ScopedArtifactStore.of(settings.openArtifacts(), scope);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the artifact store (" + settings + ")", e);
        }
        this.statuses = new LoggedStatusStore(settings.openStatus(), log);
    }

    static PodTask open(Map<String, String> env) {
        return new PodTask(env, System.err);
    }

    TaskRunner runner(boolean dropDuplicates) {
        EngineConfig defaults = EngineConfig.defaults();
        Engine engine = new Engine(new EngineConfig(
                defaults.maxFileBytes(),
                defaults.maxColumns(),
                defaults.maxCellChars(),
                dropDuplicates,
                defaults.neutraliseFormulas(),
                defaults.maxOneHotCategories()));
        Path work = Path.of(env.getOrDefault(RunnerEnv.WORK_DIR, System.getProperty("java.io.tmpdir")), "assay-work");
        return new TaskRunner(
                artifacts, statuses, engine::profile, engine::apply, work, Clock.systemUTC(), () -> false);
    }

    /**
     * Checks that the source exists before anything runs, so a missing object fails with its own name (and an exit
     * code that tells the operator not to try again) instead of as an unexpected error.
     *
     * @return the failure's exit code, or empty when the source is there
     */
    Optional<RunnerExit> checkSource(String taskId, TaskKind kind, String jobId, String name, String source) {
        try {
            if (artifacts.size(source).isPresent()) {
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty(); // the download reports it, with the store's own words
        }
        String where = access.map(a -> "bucket '" + a.bucket() + "'")
                .or(() -> settings.s3().map(s3 -> "bucket '" + s3.bucket() + "'"))
                .orElse("folder " + settings.dataDir().toAbsolutePath());
        String message = "source '" + source + "' does not exist in " + where
                + scope.namespace()
                        .map(ns -> " (namespace " + ns + ": key '" + scope.artifactKey(source) + "')")
                        .orElse("");
        refuse(taskId, kind, jobId, name, message);
        return Optional.of(RunnerExit.SOURCE_MISSING);
    }

    /** Records a failure found before the engine ran, in the status (and, through it, the log). */
    void refuse(String taskId, TaskKind kind, String jobId, String name, String message) {
        TaskStatus initial = statuses.get(taskId)
                .orElseGet(() -> TaskStatus.queued(
                        taskId, kind, jobId, name, Clock.systemUTC().instant()));
        new TaskReporter(statuses, initial, Clock.systemUTC()).failed(message);
    }

    static int exitCode(TaskRunner.Outcome outcome) {
        return (switch (outcome) {
                    case DONE -> RunnerExit.DONE;
                    case PLAN_REFUSED -> RunnerExit.PLAN_REFUSED;
                    case BAD_INPUT -> RunnerExit.BAD_INPUT;
                    case FAILED -> RunnerExit.FAILED;
                })
                .code();
    }
}
