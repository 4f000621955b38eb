package dev.assay.runner.storage;

import static dev.assay.runner.storage.StatusSamples.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.status.TaskStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/** Against the real Redis on 127.0.0.1:6379, under a key prefix of its own that is removed afterwards. */
class RedisStatusStoreIT extends StatusStoreContract {

    static final String REDIS_URL = System.getProperty("assay.test.redis-url", "redis://127.0.0.1:6379");
    private static final Duration TTL = Duration.ofHours(1);

    private final String prefix = "assay-test:" + UUID.randomUUID() + ":";
    private final RedisClient redis = RedisClient.create(REDIS_URL);
    private final List<RedisStatusStore> opened = new ArrayList<>();

    @Override
    protected StatusStore store() {
        RedisStatusStore store = RedisStatusStore.connect(REDIS_URL, prefix, TTL);
        opened.add(store);
        return store;
    }

    @AfterEach
    void removeTestKeys() {
        opened.forEach(RedisStatusStore::close);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page =
                    redis.scan(cursor, new ScanParams().match(prefix + "*").count(500));
            if (!page.getResult().isEmpty()) {
                redis.del(page.getResult().toArray(String[]::new));
            }
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        redis.close();
    }

    @Test
    void everyKeyOfATaskExpiresWithinTheConfiguredTime() {
        StatusStore store = store();
        store.put(StatusSamples.queuedProfile("j-1", T0));
        store.put(StatusSamples.queuedRun("j-1", "r-1", T0.plusSeconds(1)));

        for (String key : List.of(
                "task:j-1", "task:j-1:events", "task:r-1", "task:r-1:events", "job:j-1:runs", "job:j-1:version")) {
            assertThat(redis.pttl(prefix + key)).as(key).isPositive().isLessThanOrEqualTo(TTL.toMillis());
        }
    }

    @Test
    void aRunRenewsItsJobsExpirySoADatasetInUseStays() {
        StatusStore store = store();
        store.put(StatusSamples.queuedProfile("j-1", T0));
        redis.pexpire(prefix + "task:j-1", 5_000);

        store.put(StatusSamples.queuedRun("j-1", "r-1", T0.plusSeconds(1)));

        assertThat(redis.pttl(prefix + "task:j-1")).isGreaterThan(5_000);
    }

    @Test
    void anExpiredJobLeavesTheListAndItsIndexEntryIsRemoved() {
        StatusStore store = store();
        store.put(StatusSamples.queuedProfile("j-1", T0));
        store.put(StatusSamples.queuedProfile("j-2", T0.plusSeconds(1)));
        store.put(StatusSamples.queuedProfile("j-3", T0.plusSeconds(2)));
        redis.del(prefix + "task:j-2");

        assertThat(store.jobs(2)).extracting(TaskStatus::id).containsExactly("j-3", "j-1");
        assertThat(redis.zrange(prefix + "jobs", 0, -1)).containsExactly("j-1", "j-3");
    }

    @Test
    void theRecordIsSnakeCaseJsonThatOtherComponentsCanRead() {
        StatusStore store = store();
        store.put(StatusSamples.queuedRun("j-1", "r-1", T0).applied(StatusSamples.result(), T0.plusSeconds(1)));

        String json = redis.get(prefix + "task:r-1");
        assertThat(json)
                .contains(
                        "\"job_id\":\"j-1\"",
                        "\"kind\":\"run\"",
                        "\"status\":\"done\"",
                        "\"primary_metric\":\"accuracy\"",
                        "\"created_at\":\"2026-11-24T15:00:00.123456Z\"");
    }

    @Test
    void twoStoresWithTheSameRedisSeeEachOthersWrites() {
        StatusStore writer = store();
        StatusStore reader = store();

        writer.put(StatusSamples.queuedProfile("j-1", T0).progress(70, "report", T0.plusSeconds(1)));

        assertThat(reader.get("j-1").orElseThrow().progress()).isEqualTo(70);
    }
}
