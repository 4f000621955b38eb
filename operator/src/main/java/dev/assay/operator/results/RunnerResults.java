package dev.assay.operator.results;

import dev.assay.model.protocol.TaskScope;
import dev.assay.model.status.TaskStatus;
import java.util.Optional;

/**
 * What a runner reported about its task: progress while it runs, the profile summary or run result when done, its
 * own error message when it failed. Runners write it to Redis ({@link RedisRunnerResults}) under their namespace's
 * keys; the operator reads it and, when a resource is deleted, removes it.
 */
public interface RunnerResults extends AutoCloseable {

    /** The task's status record; empty when there is none yet or it cannot be read now. */
    Optional<TaskStatus> of(TaskScope scope, String taskId);

    /**
     * Removes a task's status keys: its record and events, and for a dataset also its runs index and version counter;
     * for a run, its entry in its dataset's runs index.
     *
     * @param datasetOfRun the run's dataset id, or empty when the task is a dataset (a profile task)
     */
    void forget(TaskScope scope, String taskId, Optional<String> datasetOfRun);

    @Override
    void close();

    static RunnerResults redis(Optional<String> redisUrl, String prefix) {
        return redisUrl.<RunnerResults>map(url -> new RedisRunnerResults(url, prefix))
                .orElseGet(RunnerResults::none);
    }

    /** No Redis: the Job's own outcome decides the phase, and there is nothing to mirror. */
    static RunnerResults none() {
        return new RunnerResults() {
            @Override
            public Optional<TaskStatus> of(TaskScope scope, String taskId) {
                return Optional.empty();
            }

            @Override
            public void forget(TaskScope scope, String taskId, Optional<String> datasetOfRun) {}

            @Override
            public void close() {}
        };
    }
}
