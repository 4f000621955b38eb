package dev.assay.runner.storage;

import dev.assay.model.profile.ProfileSummary;
import dev.assay.model.result.RunResult;
import dev.assay.model.status.TaskState;
import dev.assay.model.status.TaskStatus;
import dev.assay.runner.core.ProgressListener;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one task's progress to the status store as the work goes: the same in the api's local executor and
 * in a runner pod. Progress never goes backwards and only reaches 100 with {@link #profiled} or
 * {@link #applied}; unchanged progress is not written again, so a chatty engine does not flood Redis.
 */
public final class TaskReporter {

    /** How long the final state is retried while the store is away: past a Redis restart or failover. */
    public static final Duration FINAL_RETRY = Duration.ofMinutes(2);

    private static final Logger log = LoggerFactory.getLogger(TaskReporter.class);

    private final StatusStore store;
    private final Clock clock;
    private final Duration finalRetry;
    private TaskStatus current;
    private boolean progressLost;

    public TaskReporter(StatusStore store, TaskStatus initial, Clock clock) {
        this(store, initial, clock, FINAL_RETRY);
    }

    public TaskReporter(StatusStore store, TaskStatus initial, Clock clock, Duration finalRetry) {
        this.store = store;
        this.clock = clock;
        this.current = initial;
        this.finalRetry = finalRetry;
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
        // Progress is for the person watching: the work goes on while the store is away, and the next stage or
        // the final state tells them where it got to.
        try {
            store.put(current);
            progressLost = false;
        } catch (RuntimeException e) {
            if (!progressLost) {
                log.warn("{}: progress not recorded ({}); the task goes on", current.id(), e.toString());
            }
            progressLost = true;
        }
    }

    /** A listener for the engine that maps its 0–100 into {@code from}–{@code to} of this task. */
    public ProgressListener band(int from, int to) {
        return (percent, stage) -> stage(from + (to - from) * Math.max(0, Math.min(100, percent)) / 100, stage);
    }

    public synchronized void profiled(ProfileSummary summary) {
        current = current.profiled(summary, clock.instant());
        putFinal();
    }

    public synchronized void applied(RunResult result) {
        current = current.applied(result, clock.instant());
        putFinal();
    }

    /** @param reason words a person can act on; never a stack trace */
    public synchronized void failed(String reason) {
        current = current.failed(reason, clock.instant());
        putFinal();
    }

    /**
     * Records the final state, retrying with backoff for up to {@link #FINAL_RETRY} while the store is away, so a
     * short outage does not leave a finished task "running".
     *
     * @throws RuntimeException the store's last error when it stayed away that long
     */
    private void putFinal() {
        long deadline = System.nanoTime() + finalRetry.toNanos();
        long pause = 200;
        while (true) {
            try {
                store.put(current);
                return;
            } catch (RuntimeException e) {
                if (System.nanoTime() + pause * 1_000_000 > deadline) {
                    throw e;
                }
                log.warn(
                        "{}: final state {} not recorded yet ({}); trying again in {} ms",
                        current.id(),
                        current.status(),
                        e.toString(),
                        pause);
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pause = Math.min(5_000, pause * 2);
            }
        }
    }
}
