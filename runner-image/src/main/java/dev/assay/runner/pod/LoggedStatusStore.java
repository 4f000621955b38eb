package dev.assay.runner.pod;

import dev.assay.model.status.TaskState;
import dev.assay.model.status.TaskStatus;
import dev.assay.runner.storage.StatusStore;
import dev.assay.runner.storage.TaskEvent;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A status store that also writes each new stage, and the outcome as one last line, to the pod's log: a person
 * running {@code kubectl logs} sees what the runner did, and the last line (the pod's termination message on
 * failure) is the runner's own words.
 */
final class LoggedStatusStore implements StatusStore {

    private final StatusStore store;
    private final PrintStream log;
    private String lastStage = "";

    LoggedStatusStore(StatusStore store, PrintStream log) {
        this.store = store;
        this.log = log;
    }

    @Override
    public synchronized void put(TaskStatus status) {
        store.put(status);
        if (status.status() == TaskState.DONE) {
            log.println("result: done " + status.kind().name().toLowerCase(Locale.ROOT) + " " + status.id() + ": "
                    + status.profile()
                            .map(p -> p.rows() + " rows × " + p.columns() + " columns")
                            .or(() -> status.result()
                                    .map(r -> r.actionsApplied() + " actions applied, "
                                            + r.comparison().after().rows() + " rows × "
                                            + r.comparison().after().columns() + " columns"
                                            + r.model()
                                                    .map(m -> ", " + m.primaryMetric() + " "
                                                            + String.format(Locale.ROOT, "%.3f", m.score()))
                                                    .orElse("")))
                            .orElse(""));
        } else if (status.status() == TaskState.FAILED) {
            log.println("error: " + status.error().orElse("failed"));
        } else if (!status.stage().equals(lastStage)) {
            log.printf(Locale.ROOT, "%3d%% %s%n", status.progress(), status.stage());
            lastStage = status.stage();
        }
        log.flush();
    }

    /** Only the api's restore of lost records writes this way; a runner's stages all go through {@link #put}. */
    @Override
    public synchronized boolean putIfAbsent(TaskStatus status) {
        return store.putIfAbsent(status);
    }

    @Override
    public Optional<TaskStatus> get(String id) {
        return store.get(id);
    }

    @Override
    public List<TaskStatus> runsOf(String jobId) {
        return store.runsOf(jobId);
    }

    @Override
    public List<TaskStatus> jobs(int limit) {
        return store.jobs(limit);
    }

    @Override
    public long version(String jobId) {
        return store.version(jobId);
    }

    @Override
    public List<TaskEvent> events(String id) {
        return store.events(id);
    }

    @Override
    public void delete(String id) {
        store.delete(id);
    }

    @Override
    public void lease(String owner, java.util.Collection<String> taskIds, java.time.Instant at) {
        store.lease(owner, taskIds, at);
    }

    @Override
    public void release(String taskId) {
        store.release(taskId);
    }

    @Override
    public List<dev.assay.runner.storage.TaskLease> leases() {
        return store.leases();
    }

    @Override
    public boolean tryLock(String name, String holder, java.time.Duration ttl) {
        return store.tryLock(name, holder, ttl);
    }
}
