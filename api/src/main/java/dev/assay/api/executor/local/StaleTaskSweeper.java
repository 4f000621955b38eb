package dev.assay.api.executor.local;

import dev.assay.model.status.TaskStatus;
import dev.assay.runner.storage.StatusStore;
import dev.assay.runner.storage.TaskLease;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends tasks that nothing will finish. A task leased by another process whose heartbeat is older than
 * {@code staleAfter} belongs to an api that died (kill -9, a lost node); a task leased by this process that this
 * process no longer holds is one whose final state could not be recorded (the store was away longer than the
 * runner kept trying). Either is recorded as failed with what the person can do, so no task shows "running"
 * for good. One replica sweeps at a time (a lock in the status store); a sweep that cannot reach the store
 * tries again next time.
 */
final class StaleTaskSweeper implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(StaleTaskSweeper.class);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final StatusStore statuses;
    private final String owner;
    private final Predicate<String> holds;
    private final Duration staleAfter;
    private final Duration lockFor;
    private final Clock clock;

    /**
     * @param owner this process's lease owner name
     * @param holds whether this process still holds a task (queued or running here)
     */
    StaleTaskSweeper(
            StatusStore statuses,
            String owner,
            Predicate<String> holds,
            Duration staleAfter,
            Duration lockFor,
            Clock clock) {
        this.statuses = statuses;
        this.owner = owner;
        this.holds = holds;
        this.staleAfter = staleAfter;
        this.lockFor = lockFor;
        this.clock = clock;
    }

    @Override
    public void run() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("sweep of stale tasks skipped: {}", e.toString());
        }
    }

    /** @return how many tasks were failed */
    int sweep() {
        if (!statuses.tryLock("sweeper", owner, lockFor)) {
            return 0;
        }
        Instant now = clock.instant();
        int failed = 0;
        for (TaskLease lease : statuses.leases()) {
            boolean mine = lease.owner().equals(owner);
            if (mine ? holds.test(lease.taskId()) : !lease.staleAt(now, staleAfter)) {
                continue;
            }
            // Read again: the task may have finished between its last heartbeat and now.
            TaskStatus task = statuses.get(lease.taskId()).orElse(null);
            if (task != null && !task.status().finished()) {
                String why = mine
                        ? "its result could not be recorded because the status store was unreachable"
                        : "the Assay server running it stopped (last sign of life " + TIME.format(lease.heartbeatAt())
                                + ")";
                statuses.put(task.abandoned(why, now));
                log.warn("{} {} failed by the sweeper: {}", task.kind(), task.id(), why);
                failed++;
            }
            statuses.release(lease.taskId());
        }
        return failed;
    }
}
