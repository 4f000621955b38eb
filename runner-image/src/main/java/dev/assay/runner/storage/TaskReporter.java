package dev.assay.runner.storage;

import dev.assay.model.profile.ProfileSummary;
import dev.assay.model.result.RunResult;
import dev.assay.model.status.TaskState;
import dev.assay.model.status.TaskStatus;
import dev.assay.runner.engine.ProgressListener;
import java.time.Clock;

/**
 * Writes one task's progress to the status store as the work goes: the same in the api's local executor and
 * in a runner pod. Progress never goes backwards and only reaches 100 with {@link #profiled} or
 * {@link #applied}; unchanged progress is not written again, so a chatty engine does not flood Redis.
 */
public final class TaskReporter {

    private final StatusStore store;
    private final Clock clock;
    private TaskStatus current;

    public TaskReporter(StatusStore store, TaskStatus initial, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.current = initial;
    }

    public synchronized TaskStatus current() {
        return current;
    }

    /** Sets progress (capped at 99 until the task is done) and stage. */
    public synchronized void stage(int percent, String stage) {
        int capped = Math.min(99, Math.max(current.progress(), percent));
        if (capped == current.progress() && stage.equals(current.stage()) && current.status() != TaskState.QUEUED) {
            return;
        }
        current = current.progress(capped, stage, clock.instant());
        store.put(current);
    }

    /** A listener for the engine that maps its 0–100 into {@code from}–{@code to} of this task. */
    public ProgressListener band(int from, int to) {
        return (percent, stage) -> stage(from + (to - from) * Math.max(0, Math.min(100, percent)) / 100, stage);
    }

    public synchronized void profiled(ProfileSummary summary) {
        current = current.profiled(summary, clock.instant());
        store.put(current);
    }

    public synchronized void applied(RunResult result) {
        current = current.applied(result, clock.instant());
        store.put(current);
    }

    /** @param reason words a person can act on; never a stack trace */
    public synchronized void failed(String reason) {
        current = current.failed(reason, clock.instant());
        store.put(current);
    }
}
