package dev.assay.operator;

import dev.assay.model.protocol.TaskScope;
import dev.assay.model.status.TaskStatus;
import dev.assay.operator.results.RunnerResults;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Runner reports kept in memory, keyed as in Redis (namespace and task id): unit tests need no Redis. */
public final class FakeRunnerResults implements RunnerResults {

    private final Map<String, TaskStatus> reports = new ConcurrentHashMap<>();

    private static String key(TaskScope scope, String taskId) {
        return scope.statusKeys("").task(taskId);
    }

    public void report(String namespace, TaskStatus status) {
        reports.put(key(TaskScope.namespace(namespace), status.id()), status);
    }

    public boolean has(String namespace, String taskId) {
        return reports.containsKey(key(TaskScope.namespace(namespace), taskId));
    }

    @Override
    public Optional<TaskStatus> of(TaskScope scope, String taskId) {
        return Optional.ofNullable(reports.get(key(scope, taskId)));
    }

    @Override
    public void forget(TaskScope scope, String taskId, Optional<String> datasetOfRun) {
        reports.remove(key(scope, taskId));
    }

    @Override
    public void close() {}
}
