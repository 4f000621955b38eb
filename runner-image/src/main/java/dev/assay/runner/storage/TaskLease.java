package dev.assay.runner.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Who is working on a task and when it last said so. A process that holds tasks (the api's local executor)
 * renews its leases every few seconds; a lease that stops being renewed belongs to a process that died, and its
 * task is failed by a sweeper instead of staying "running" for good.
 *
 * @param owner       the holding process, unique per start (so a restarted api does not mistake the dead
 *                    one's tasks for its own)
 * @param heartbeatAt the last renewal
 */
public record TaskLease(String taskId, String owner, Instant heartbeatAt) {

    public TaskLease {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(heartbeatAt, "heartbeatAt");
    }

    /** Whether the owner has been silent longer than {@code staleAfter}. */
    public boolean staleAt(Instant now, Duration staleAfter) {
        return heartbeatAt.plus(staleAfter).isBefore(now);
    }
}
