package dev.assay.runner.pod;

import dev.assay.runner.engine.Engine;
import dev.assay.runner.engine.EngineConfig;
import dev.assay.runner.storage.ArtifactStore;
import dev.assay.runner.storage.StatusStore;
import dev.assay.runner.storage.StorageSettings;
import dev.assay.runner.task.TaskRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * What a runner pod needs to run one task: the stores named by its environment (ASSAY_S3_*, ASSAY_REDIS_*; the
 * operator passes them from a Secret), the engine, and a work folder on the pod's scratch volume.
 */
final class PodTask {

    /** Exit codes, so a Job's pod says how it ended: refused input is not a crash. */
    static final int DONE = 0;
    static final int FAILED = 1;
    static final int REFUSED = 3;

    private PodTask() {
    }

    static TaskRunner runner(Map<String, String> env) {
        StorageSettings settings = StorageSettings.fromEnvironment(env);
        try {
            ArtifactStore artifacts = settings.openArtifacts();
            StatusStore statuses = settings.openStatus();
            Engine engine = new Engine(EngineConfig.defaults());
            Path work = Path.of(env.getOrDefault("ASSAY_WORK_DIR", System.getProperty("java.io.tmpdir")), "assay-work");
            return new TaskRunner(artifacts, statuses, engine::profile, engine::apply, work, Clock.systemUTC(), () -> false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the stores (" + settings + ")", e);
        }
    }

    static int exitCode(TaskRunner.Outcome outcome) {
        return switch (outcome) {
            case DONE -> DONE;
            case REFUSED -> REFUSED;
            case FAILED -> FAILED;
        };
    }
}
