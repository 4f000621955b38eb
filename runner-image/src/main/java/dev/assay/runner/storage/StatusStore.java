package dev.assay.runner.storage;

import dev.assay.model.status.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Status records of profile and run tasks: memory on a laptop ({@link InMemoryStatusStore}), Redis on a
 * cluster ({@link RedisStatusStore}). Whoever runs the engine writes; the api and the operator read.
 * Every {@link #put} also appends a {@link TaskEvent} to the task's history, so a person can see what
 * happened and when, not only where things stand.
 */
public interface StatusStore {

    /** Stores the task's current status, replacing the previous one, and records the change as an event. */
    void put(TaskStatus status);

    /**
     * Stores the status, as {@link #put} does, only if the task has no record, in one atomic step: for a writer that
     * restores records a store lost, which must never overwrite a live task's newer record.
     *
     * @return whether it was stored
     */
    boolean putIfAbsent(TaskStatus status);

    Optional<TaskStatus> get(String id);

    /** Run tasks of a job, newest first. */
    List<TaskStatus> runsOf(String jobId);

    /** Profile tasks (one per uploaded dataset), newest first, at most {@code limit}. */
    List<TaskStatus> jobs(int limit);

    /**
     * A number that grows whenever the job's own record or any of its runs' records is put; 0 for an unknown
     * job. Lets a reader that polls a job skip reading records that have not changed.
     */
    long version(String jobId);

    /** What happened to a task, oldest first (at most the last {@link #MAX_EVENTS}); empty for an unknown task. */
    List<TaskEvent> events(String id);

    /**
     * Removes a task's record, its events and its index entries. For a profile task the caller deletes its
     * runs first; the job's version still grows, so a reader polling the job sees the change.
     */
    void delete(String id);

    /** Claims or renews tasks for {@code owner} as of {@code at}: one call for all of an owner's tasks. */
    void lease(String owner, Collection<String> taskIds, Instant at);

    /** Drops a task's lease: it finished, or it was swept. */
    void release(String taskId);

    /** Every lease held now, renewed or not. */
    List<TaskLease> leases();

    /**
     * Takes a named lock for {@code ttl} unless another holder has it: keeps periodic chores (the sweeper) to one
     * replica at a time. A single-process store keeps its locks in memory.
     */
    boolean tryLock(String name, String holder, Duration ttl);

    /** Events kept per task: enough for every stage of a run, bounded so a chatty task cannot fill the store. */
    int MAX_EVENTS = 500;
}
