package dev.assay.operator.results;

import dev.assay.model.json.Json;
import dev.assay.model.status.TaskStatus;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;

/**
 * What a runner reported about its task: progress while it runs, the profile summary or run result when done,
 * its own error message when it failed. Runners write it to Redis as the status record
 * ({@code {prefix}task:{id}}); the operator only reads it, so it needs neither the engine nor the stores.
 */
public final class RunnerResults implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunnerResults.class);

    private final Optional<RedisClient> redis;
    private final String prefix;

    public RunnerResults(Optional<String> redisUrl, String prefix) {
        this.redis = redisUrl.map(url -> RedisClient.builder().fromURI(url).build());
        this.prefix = prefix;
    }

    public static RunnerResults none() {
        return new RunnerResults(Optional.empty(), "");
    }

    /** The task's status record; empty when there is no Redis, no record yet, or it cannot be read now. */
    public Optional<TaskStatus> of(String taskId) {
        if (redis.isEmpty()) {
            return Optional.empty();
        }
        try {
            String json = redis.get().get(prefix + "task:" + taskId);
            return json == null ? Optional.empty() : Optional.of(Json.mapper().readValue(json, TaskStatus.class));
        } catch (IOException | RuntimeException e) {
            // Redis down or a record from an incompatible runner: the Job's own outcome still decides the phase.
            log.warn("cannot read the runner's status of {}: {}", taskId, e.toString());
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        redis.ifPresent(RedisClient::close);
    }
}
