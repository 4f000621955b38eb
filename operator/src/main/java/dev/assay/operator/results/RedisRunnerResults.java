package dev.assay.operator.results;

import dev.assay.model.json.Json;
import dev.assay.model.protocol.StatusKeys;
import dev.assay.model.protocol.TaskScope;
import dev.assay.model.status.TaskStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;

/** Runner reports in Redis, at the keys of {@link StatusKeys} under the task's namespace ({@link TaskScope}). */
final class RedisRunnerResults implements RunnerResults {

    private static final Logger log = LoggerFactory.getLogger(RedisRunnerResults.class);

    private final RedisClient redis;
    private final String prefix;

    RedisRunnerResults(String url, String prefix) {
        this.redis = open(url);
        this.prefix = prefix;
    }

    /**
     * Jedis 8 deprecates {@code fromURI} in favour of host, port and a client config built by hand; it is kept
     * because it reads user, password, database and TLS from the one URL the chart passes, as the runner does.
     */
    @SuppressWarnings("deprecation")
    private static RedisClient open(String url) {
        return RedisClient.builder().fromURI(url).build();
    }

    @Override
    public Optional<TaskStatus> of(TaskScope scope, String taskId) {
        try {
            String json = redis.get(scope.statusKeys(prefix).task(taskId));
            return json == null ? Optional.empty() : Optional.of(Json.mapper().readValue(json, TaskStatus.class));
        } catch (IOException | RuntimeException e) {
            // Redis down or a record from an incompatible runner: the Job's own outcome still decides the phase.
            log.warn("cannot read the runner's status of {} ({}): {}", taskId, scope, e.toString());
            return Optional.empty();
        }
    }

    @Override
    public void forget(TaskScope scope, String taskId, Optional<String> datasetOfRun) {
        StatusKeys keys = scope.statusKeys(prefix);
        List<String> gone = new ArrayList<>(keys.ofTask(taskId));
        if (datasetOfRun.isEmpty()) {
            gone.addAll(keys.ofJob(taskId));
            redis.zrem(keys.jobs(), taskId);
        } else {
            redis.zrem(keys.runs(datasetOfRun.get()), taskId);
        }
        redis.del(gone.toArray(String[]::new));
    }

    @Override
    public void close() {
        redis.close();
    }
}
