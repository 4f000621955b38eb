package dev.assay.runner.storage;

import static dev.assay.runner.storage.StatusSamples.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.status.TaskState;
import dev.assay.model.status.TaskStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link StatusStore} promises; each implementation's test extends this. */
abstract class StatusStoreContract {

    /** A fresh, empty store. */
    protected abstract StatusStore store() throws Exception;

    @Test
    void aFinishedProfileReadsBackEqualWithItsSummary() throws Exception {
        StatusStore store = store();
        TaskStatus done = StatusSamples.queuedProfile("j-1", T0).profiled(StatusSamples.summary(), T0.plusSeconds(1));

        store.put(done);

        assertThat(store.get("j-1")).contains(done);
    }

    @Test
    void aFinishedRunReadsBackEqualWithItsResultAndModel() throws Exception {
        StatusStore store = store();
        TaskStatus done = StatusSamples.queuedRun("j-1", "r-1", T0).applied(StatusSamples.result(), T0.plusSeconds(2));

        store.put(done);

        assertThat(store.get("r-1")).contains(done);
        assertThat(store.get("r-1")
                        .orElseThrow()
                        .result()
                        .orElseThrow()
                        .model()
                        .orElseThrow()
                        .score())
                .isEqualTo(0.82);
    }

    @Test
    void aFailedTaskKeepsItsReason() throws Exception {
        StatusStore store = store();
        TaskStatus failed = StatusSamples.queuedProfile("j-1", T0)
                .progress(30, "reading", T0)
                .failed("titanic.csv, line 12: 13 fields where the header has 12", T0.plusSeconds(1));

        store.put(failed);

        TaskStatus read = store.get("j-1").orElseThrow();
        assertThat(read.status()).isEqualTo(TaskState.FAILED);
        assertThat(read.error()).contains("titanic.csv, line 12: 13 fields where the header has 12");
        assertThat(read.stage()).isEqualTo("reading");
    }

    @Test
    void anUnknownTaskIsEmpty() throws Exception {
        StatusStore store = store();

        assertThat(store.get("j-404")).isEmpty();
        assertThat(store.runsOf("j-404")).isEmpty();
        assertThat(store.events("j-404")).isEmpty();
    }

    @Test
    void theLatestPutWins() throws Exception {
        StatusStore store = store();
        TaskStatus queued = StatusSamples.queuedProfile("j-1", T0);
        store.put(queued);
        store.put(queued.progress(40, "profiling columns", T0.plusMillis(300)));

        TaskStatus read = store.get("j-1").orElseThrow();
        assertThat(read.status()).isEqualTo(TaskState.RUNNING);
        assertThat(read.progress()).isEqualTo(40);
        assertThat(read.stage()).isEqualTo("profiling columns");
        assertThat(store.jobs(10)).hasSize(1);
    }

    @Test
    void runsOfAJobComeNewestFirstAndOnlyThatJobs() throws Exception {
        StatusStore store = store();
        store.put(StatusSamples.queuedProfile("j-1", T0));
        store.put(StatusSamples.queuedRun("j-1", "r-a", T0.plusSeconds(10)));
        store.put(StatusSamples.queuedRun("j-1", "r-c", T0.plusSeconds(30)));
        store.put(StatusSamples.queuedRun("j-2", "r-x", T0.plusSeconds(40)));
        store.put(StatusSamples.queuedRun("j-1", "r-b", T0.plusSeconds(20)));
        // An update keeps a run's place: order is by creation, not by last change.
        store.put(
                StatusSamples.queuedRun("j-1", "r-a", T0.plusSeconds(10)).progress(50, "training", T0.plusSeconds(50)));

        assertThat(store.runsOf("j-1")).extracting(TaskStatus::id).containsExactly("r-c", "r-b", "r-a");
        assertThat(store.runsOf("j-2")).extracting(TaskStatus::id).containsExactly("r-x");
        assertThat(store.runsOf("j-1").getLast().stage()).isEqualTo("training");
    }

    @Test
    void jobsComeNewestFirstLimitedAndWithoutRuns() throws Exception {
        StatusStore store = store();
        for (int i = 1; i <= 5; i++) {
            store.put(StatusSamples.queuedProfile("j-" + i, T0.plusSeconds(i)));
        }
        store.put(StatusSamples.queuedRun("j-5", "r-1", T0.plusSeconds(60)));

        assertThat(store.jobs(3)).extracting(TaskStatus::id).containsExactly("j-5", "j-4", "j-3");
        assertThat(store.jobs(100)).extracting(TaskStatus::id).containsExactly("j-5", "j-4", "j-3", "j-2", "j-1");
        assertThat(store.jobs(0)).isEmpty();
    }

    @Test
    void aJobsVersionGrowsWithEveryChangeOfItOrItsRunsAndOnlyThen() throws Exception {
        StatusStore store = store();
        assertThat(store.version("j-1")).isZero();
        TaskStatus job = StatusSamples.queuedProfile("j-1", T0);

        store.put(job);
        long queued = store.version("j-1");
        store.put(job.progress(30, "reading", T0.plusSeconds(1)));
        long running = store.version("j-1");
        store.put(StatusSamples.queuedProfile("j-2", T0));
        long afterOtherJob = store.version("j-1");
        store.put(StatusSamples.queuedRun("j-1", "r-1", T0.plusSeconds(2)));
        long afterRun = store.version("j-1");

        assertThat(queued).isPositive();
        assertThat(running).isGreaterThan(queued);
        assertThat(afterOtherJob).isEqualTo(running);
        assertThat(afterRun).isGreaterThan(running);
    }

    @Test
    void everyPutIsRecordedAsAnEventInOrder() throws Exception {
        StatusStore store = store();
        TaskStatus queued = StatusSamples.queuedRun("j-1", "r-1", T0);
        TaskStatus reading = queued.progress(5, "reading cleaned.csv", T0.plusMillis(100));
        TaskStatus training = reading.progress(60, "training random_forest (fold 3/5)", T0.plusMillis(900));
        TaskStatus failed = training.failed("Survived has one class only", T0.plusMillis(1200));
        for (TaskStatus status : List.of(queued, reading, training, failed)) {
            store.put(status);
        }

        assertThat(store.events("r-1"))
                .containsExactly(
                        TaskEvent.of(queued), TaskEvent.of(reading), TaskEvent.of(training), TaskEvent.of(failed));
        assertThat(store.events("r-1").getLast().error()).contains("Survived has one class only");
        assertThat(store.events("j-1")).isEmpty();
    }

    @Test
    void theEventHistoryIsBounded() throws Exception {
        StatusStore store = store();
        TaskStatus status = StatusSamples.queuedProfile("j-1", T0);
        for (int i = 0; i < StatusStore.MAX_EVENTS + 50; i++) {
            store.put(status.progress(i % 100, "step " + i, T0.plusMillis(i)));
        }

        List<TaskEvent> events = store.events("j-1");
        assertThat(events).hasSize(StatusStore.MAX_EVENTS);
        assertThat(events.getFirst().stage()).isEqualTo("step 50");
        assertThat(events.getLast().stage()).isEqualTo("step " + (StatusStore.MAX_EVENTS + 49));
    }

    @Test
    void concurrentWritersOfDifferentTasksLoseNothing() throws Exception {
        StatusStore store = store();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                writes.add(pool.submit(() -> {
                    TaskStatus run = StatusSamples.queuedRun("j-1", "r-" + n, T0.plusMillis(n));
                    store.put(run);
                    store.put(run.progress(50, "halfway", T0.plusMillis(n + 1)));
                    store.put(run.applied(StatusSamples.result(), T0.plusMillis(n + 2)));
                }));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } finally {
            pool.shutdown();
        }

        List<TaskStatus> runs = store.runsOf("j-1");
        assertThat(runs).hasSize(40).allMatch(r -> r.status() == TaskState.DONE);
        assertThat(runs.getFirst().id()).isEqualTo("r-39");
        assertThat(store.events("r-7"))
                .extracting(TaskEvent::status)
                .containsExactly(TaskState.QUEUED, TaskState.RUNNING, TaskState.DONE);
    }

    @Test
    void aRestoredRecordNeverReplacesALiveOne() throws Exception {
        StatusStore store = store();
        TaskStatus live = StatusSamples.queuedProfile("j-1", T0).progress(40, "reading", T0.plusSeconds(1));
        store.put(live);
        long version = store.version("j-1");

        boolean stored =
                store.putIfAbsent(StatusSamples.queuedProfile("j-1", T0).abandoned("lost", T0.plusSeconds(2)));

        assertThat(stored).isFalse();
        assertThat(store.get("j-1")).contains(live);
        assertThat(store.version("j-1")).isEqualTo(version);
        assertThat(store.events("j-1")).extracting(TaskEvent::status).containsExactly(TaskState.RUNNING);
    }

    @Test
    void aRestoredRecordOfAnUnknownTaskIsStoredAndListed() throws Exception {
        StatusStore store = store();
        TaskStatus restored = StatusSamples.queuedProfile("j-1", T0).abandoned("lost", T0.plusSeconds(1));
        TaskStatus run = StatusSamples.queuedRun("j-1", "r-1", T0).applied(StatusSamples.result(), T0.plusSeconds(2));

        assertThat(store.putIfAbsent(restored)).isTrue();
        assertThat(store.putIfAbsent(run)).isTrue();

        assertThat(store.get("j-1")).contains(restored);
        assertThat(store.jobs(10)).containsExactly(restored);
        assertThat(store.runsOf("j-1")).containsExactly(run);
    }

    @Test
    void ofWritersRacingToRestoreOneTaskExactlyOneWins() throws Exception {
        StatusStore store = store();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> writes = new ArrayList<>();
        try {
            for (int round = 0; round < 20; round++) {
                String id = "j-race-" + round;
                writes.clear();
                for (int i = 0; i < 8; i++) {
                    int n = i;
                    writes.add(pool.submit(() -> store.putIfAbsent(
                            StatusSamples.queuedProfile(id, T0).abandoned("writer " + n, T0.plusMillis(n)))));
                }
                List<Integer> winners = new ArrayList<>();
                for (int i = 0; i < writes.size(); i++) {
                    if (writes.get(i).get()) {
                        winners.add(i);
                    }
                }
                assertThat(winners).as("writers that stored %s", id).hasSize(1);
                String winner = "writer " + winners.getFirst() + ";";
                assertThat(store.get(id).orElseThrow().error())
                        .hasValueSatisfying(e -> assertThat(e).startsWith(winner));
                assertThat(store.events(id)).hasSize(1);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void deletingARunRemovesItFromItsJobAndChangesTheJobsVersion() throws Exception {
        StatusStore store = store();
        store.put(StatusSamples.queuedProfile("j-1", T0));
        store.put(StatusSamples.queuedRun("j-1", "r-1", T0.plusSeconds(1)));
        store.put(StatusSamples.queuedRun("j-1", "r-2", T0.plusSeconds(2)));
        long before = store.version("j-1");

        store.delete("r-1");

        assertThat(store.get("r-1")).isEmpty();
        assertThat(store.events("r-1")).isEmpty();
        assertThat(store.runsOf("j-1")).extracting(TaskStatus::id).containsExactly("r-2");
        assertThat(store.version("j-1")).isGreaterThan(before);
    }

    @Test
    void deletingAJobRemovesItFromTheListing() throws Exception {
        StatusStore store = store();
        store.put(StatusSamples.queuedProfile("j-1", T0));
        store.put(StatusSamples.queuedProfile("j-2", T0.plusSeconds(1)));

        store.delete("j-1");
        store.delete("j-404");

        assertThat(store.get("j-1")).isEmpty();
        assertThat(store.jobs(10)).extracting(TaskStatus::id).containsExactly("j-2");
    }

    @Test
    void leasesAreRenewedPerTaskAndReleased() throws Exception {
        StatusStore store = store();
        // Heartbeats are kept to the millisecond.
        java.time.Instant T0 = StatusSamples.T0.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        store.lease("api@a/1", java.util.List.of("j-1", "r-1"), T0);
        store.lease("api@a/1", java.util.List.of("r-1"), T0.plusSeconds(5));
        store.lease("api@b/2", java.util.List.of("j-2"), T0.plusSeconds(1));

        store.release("j-2");

        assertThat(store.leases())
                .containsExactlyInAnyOrder(
                        new TaskLease("j-1", "api@a/1", T0), new TaskLease("r-1", "api@a/1", T0.plusSeconds(5)));
        assertThat(new TaskLease("j-1", "api@a/1", T0).staleAt(T0.plusSeconds(31), java.time.Duration.ofSeconds(30)))
                .isTrue();
        assertThat(new TaskLease("j-1", "api@a/1", T0).staleAt(T0.plusSeconds(30), java.time.Duration.ofSeconds(30)))
                .isFalse();
    }

    @Test
    void aLockIsHeldByOneHolderUntilItExpires() throws Exception {
        StatusStore store = store();
        String name = "chore-" + java.util.UUID.randomUUID();

        assertThat(store.tryLock(name, "a", java.time.Duration.ofMillis(300))).isTrue();
        assertThat(store.tryLock(name, "b", java.time.Duration.ofMillis(300))).isFalse();
        Thread.sleep(400);
        assertThat(store.tryLock(name, "b", java.time.Duration.ofMillis(300))).isTrue();
    }
}
