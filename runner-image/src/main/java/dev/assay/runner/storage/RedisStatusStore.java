package dev.assay.runner.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.assay.model.json.Json;
import dev.assay.model.protocol.StatusKeys;
import dev.assay.model.status.TaskKind;
import dev.assay.model.status.TaskState;
import dev.assay.model.status.TaskStatus;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.Connection;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.params.ZRangeParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Status records in Redis, shared by the api, the operator and runner pods. The layout is {@link StatusKeys}
 * (declared in model/), under a key prefix ({@code assay:} by default; a namespace's own on a cluster, see
 * {@link dev.assay.model.protocol.TaskScope}), every key expiring {@code ttl} after the last change of its task:
 * <ul>
 *   <li>{@code task:{id}}: the {@link TaskStatus} as JSON ({@link Json}, snake_case);</li>
 *   <li>{@code task:{id}:events}: a Redis Stream of {@link TaskEvent}s (fields {@code at}, {@code status},
 *       {@code progress}, {@code stage}, {@code error}), trimmed to the last {@link #MAX_EVENTS};</li>
 *   <li>{@code job:{job_id}:runs}: sorted set of the job's run ids, scored by creation time;</li>
 *   <li>{@code jobs}: sorted set of profile task ids, scored by creation time; entries whose task expired
 *       are removed when met;</li>
 *   <li>{@code job:{job_id}:version}: a counter incremented with every change of the job or its runs;</li>
 *   <li>{@code leases}: hash of task id to "{heartbeat millis} {owner}" for tasks a process holds
 *       ({@link TaskLease}); {@code lock:{name}}: short-lived locks of periodic chores.</li>
 * </ul>
 * A run's changes also renew its job's expiry, so a dataset in use does not vanish under its runs. Each
 * {@link #put} is one MULTI/EXEC transaction: readers never see a record without its index entry.
 */
public final class RedisStatusStore implements StatusStore, AutoCloseable {

    public static final String DEFAULT_PREFIX = "assay:";
    public static final Duration DEFAULT_TTL = Duration.ofDays(7);
    private static final int PRUNE_BATCH = 100;

    private static final int PARSED_CACHE = 1024;

    private final RedisClient redis;
    private final String prefix;
    private final StatusKeys keys;
    /** Record text to record; bounded, cleared when full (records are small and immutable once finished). */
    private final Map<String, TaskStatus> parsed = new java.util.concurrent.ConcurrentHashMap<>();

    private final long ttlMillis;

    public RedisStatusStore(RedisClient redis, String prefix, Duration ttl) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.keys = new StatusKeys(prefix);
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("the status expiry must be positive, not " + ttl);
        }
        this.ttlMillis = ttl.toMillis();
    }

    /**
     * Connects to {@code redis://[:password@]host:port[/db]} (or {@code rediss://}) with a connection pool
     * sized for a busy api.
     */
    public static RedisStatusStore connect(String url, String prefix, Duration ttl) {
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(64);
        pool.setMaxIdle(64);
        pool.setMinIdle(2);
        pool.setJmxEnabled(false);
        // After a Redis restart every pooled connection is dead; a PING on borrow replaces it instead of failing
        // the request that happened to get it.
        pool.setTestOnBorrow(true);
        RedisClient client = open(URI.create(url), pool);
        return new RedisStatusStore(client, prefix, ttl);
    }

    /**
     * A client builder for the URL. Jedis 8 deprecates {@code fromURI} in favour of host, port and a client config
     * built by hand; it is kept because it reads user, password, database, TLS and protocol from the one URL that the
     * chart and the api pass, and copying that parsing here would be a second, drifting parser.
     */
    @SuppressWarnings("deprecation")
    private static RedisClient open(URI url, GenericObjectPoolConfig<Connection> pool) {
        return RedisClient.builder().fromURI(url).poolConfig(pool).build();
    }

    /** Answers PONG when Redis is reachable; throws otherwise. For health checks. */
    public String ping() {
        return redis.ping();
    }

    public String prefix() {
        return prefix;
    }

    @Override
    public void put(TaskStatus status) {
        try (AbstractTransaction tx = redis.multi()) {
            queuePut(tx, status);
            tx.exec();
        }
        afterPut(status);
    }

    /**
     * WATCH makes the check and the write one step: if anyone writes the record between the check and EXEC, Redis
     * aborts the transaction and this writer, which only restores what was lost, leaves the newer record alone.
     */
    @Override
    public boolean putIfAbsent(TaskStatus status) {
        boolean stored;
        try (AbstractTransaction tx = redis.transaction(false)) {
            tx.watch(taskKey(status.id()));
            // Asked on the transaction's own connection (before MULTI it runs at once): borrowing a second pooled
            // connection while holding this one could wait forever when every connection is held this way.
            if (tx.exists(taskKey(status.id())).get()) {
                tx.unwatch();
                return false;
            }
            tx.multi();
            queuePut(tx, status);
            stored = tx.exec() != null;
        }
        if (stored) {
            afterPut(status);
        }
        return stored;
    }

    private void queuePut(AbstractTransaction tx, TaskStatus status) {
        String json = write(status);
        double score = status.createdAt().toEpochMilli();
        tx.set(taskKey(status.id()), json, SetParams.setParams().px(ttlMillis));
        tx.xadd(eventsKey(status.id()), XAddParams.xAddParams().maxLen(MAX_EVENTS), eventFields(TaskEvent.of(status)));
        tx.pexpire(eventsKey(status.id()), ttlMillis);
        tx.incr(versionKey(status.jobId()));
        tx.pexpire(versionKey(status.jobId()), ttlMillis);
        if (status.kind() == TaskKind.RUN) {
            tx.zadd(runsKey(status.jobId()), score, status.id());
            tx.pexpire(runsKey(status.jobId()), ttlMillis);
            tx.pexpire(taskKey(status.jobId()), ttlMillis);
            tx.pexpire(eventsKey(status.jobId()), ttlMillis);
        } else {
            tx.zadd(jobsKey(), score, status.id());
        }
    }

    private void afterPut(TaskStatus status) {
        if (status.kind() == TaskKind.PROFILE) {
            pruneExpiredJobs(Instant.now().toEpochMilli() - ttlMillis);
        }
    }

    @Override
    public Optional<TaskStatus> get(String id) {
        return Optional.ofNullable(redis.get(taskKey(id))).map(this::read);
    }

    @Override
    public List<TaskStatus> runsOf(String jobId) {
        List<String> ids =
                redis.zrange(runsKey(jobId), ZRangeParams.zrangeParams(0, -1).rev());
        return fetch(runsKey(jobId), ids);
    }

    @Override
    public List<TaskStatus> jobs(int limit) {
        List<TaskStatus> found = new ArrayList<>();
        long start = 0;
        while (found.size() < limit) {
            int wanted = limit - found.size();
            List<String> ids = redis.zrange(
                    jobsKey(),
                    ZRangeParams.zrangeParams(start, start + wanted - 1).rev());
            if (ids.isEmpty()) {
                break;
            }
            List<TaskStatus> batch = fetch(jobsKey(), ids);
            found.addAll(batch);
            // Expired ids were removed from the index, so the next unseen one is right after what was kept.
            start += batch.size();
        }
        return found;
    }

    @Override
    public long version(String jobId) {
        String value = redis.get(versionKey(jobId));
        return value == null ? 0 : Long.parseLong(value);
    }

    @Override
    public List<TaskEvent> events(String id) {
        List<StreamEntry> entries = redis.xrange(eventsKey(id), (StreamEntryID) null, (StreamEntryID) null);
        return entries.stream().map(e -> readEvent(e.getFields())).toList();
    }

    @Override
    public void delete(String id) {
        Optional<TaskStatus> found = get(id);
        try (AbstractTransaction tx = redis.multi()) {
            tx.del(taskKey(id), eventsKey(id));
            tx.hdel(leasesKey(), id);
            found.ifPresent(task -> {
                tx.incr(versionKey(task.jobId()));
                tx.pexpire(versionKey(task.jobId()), ttlMillis);
                if (task.kind() == TaskKind.RUN) {
                    tx.zrem(runsKey(task.jobId()), id);
                } else {
                    tx.zrem(jobsKey(), id);
                    tx.del(runsKey(id));
                }
            });
            tx.exec();
        }
    }

    @Override
    public void lease(String owner, Collection<String> taskIds, Instant at) {
        if (taskIds.isEmpty()) {
            return;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String id : taskIds) {
            fields.put(id, at.toEpochMilli() + " " + owner);
        }
        redis.hset(leasesKey(), fields);
    }

    @Override
    public void release(String taskId) {
        redis.hdel(leasesKey(), taskId);
    }

    @Override
    public List<TaskLease> leases() {
        List<TaskLease> leases = new ArrayList<>();
        redis.hgetAll(leasesKey()).forEach((id, value) -> {
            int space = value.indexOf(' ');
            if (space > 0) {
                leases.add(new TaskLease(
                        id,
                        value.substring(space + 1),
                        Instant.ofEpochMilli(Long.parseLong(value.substring(0, space)))));
            }
        });
        return leases;
    }

    @Override
    public boolean tryLock(String name, String holder, Duration ttl) {
        return "OK"
                .equals(redis.set(
                        keys.lock(name), holder, SetParams.setParams().nx().px(ttl.toMillis())));
    }

    @Override
    public void close() {
        redis.close();
    }

    /** Loads tasks by id in one MGET, dropping (and unindexing) those that expired. */
    private List<TaskStatus> fetch(String indexKey, List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<String> values = redis.mget(ids.stream().map(this::taskKey).toArray(String[]::new));
        List<TaskStatus> tasks = new ArrayList<>(ids.size());
        List<String> expired = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (values.get(i) == null) {
                expired.add(ids.get(i));
            } else {
                tasks.add(read(values.get(i)));
            }
        }
        if (!expired.isEmpty()) {
            redis.zrem(indexKey, expired.toArray(String[]::new));
        }
        return tasks;
    }

    /** Keeps the jobs index from growing with datasets nobody lists any more. */
    private void pruneExpiredJobs(long createdBeforeMillis) {
        List<String> old = redis.zrange(
                jobsKey(),
                ZRangeParams.zrangeByScoreParams(Double.NEGATIVE_INFINITY, createdBeforeMillis)
                        .limit(0, PRUNE_BATCH));
        List<String> gone =
                old.stream().filter(id -> !redis.exists(taskKey(id))).toList();
        if (!gone.isEmpty()) {
            redis.zrem(jobsKey(), gone.toArray(String[]::new));
        }
    }

    private String taskKey(String id) {
        return keys.task(id);
    }

    private String eventsKey(String id) {
        return keys.events(id);
    }

    private String runsKey(String jobId) {
        return keys.runs(jobId);
    }

    private String versionKey(String jobId) {
        return keys.version(jobId);
    }

    private String leasesKey() {
        return keys.leases();
    }

    private String jobsKey() {
        return keys.jobs();
    }

    private static Map<String, String> eventFields(TaskEvent event) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("at", event.at().toString());
        fields.put("status", event.status().name());
        fields.put("progress", Integer.toString(event.progress()));
        fields.put("stage", event.stage() == null ? "" : event.stage());
        event.error().ifPresent(error -> fields.put("error", error));
        return fields;
    }

    private static TaskEvent readEvent(Map<String, String> fields) {
        return new TaskEvent(
                Instant.parse(fields.get("at")),
                TaskState.valueOf(fields.get("status")),
                Integer.parseInt(fields.get("progress")),
                fields.get("stage"),
                Optional.ofNullable(fields.get("error")));
    }

    private static String write(TaskStatus status) {
        return Json.write(status);
    }

    /**
     * Parses a record, reusing the last parse of the same text: a finished task is polled many times over
     * and its record (several KB with a model's results) does not change.
     */
    private TaskStatus read(String json) {
        TaskStatus cached = parsed.get(json);
        if (cached != null) {
            return cached;
        }
        TaskStatus status = parse(json);
        if (parsed.size() >= PARSED_CACHE) {
            parsed.clear();
        }
        parsed.put(json, status);
        return status;
    }

    private static TaskStatus parse(String json) {
        try {
            return Json.mapper().readValue(json, TaskStatus.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("unreadable status record in Redis", e);
        }
    }
}
