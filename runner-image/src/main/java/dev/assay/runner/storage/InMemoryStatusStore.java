package dev.assay.runner.storage;

import dev.assay.model.status.TaskKind;
import dev.assay.model.status.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Status records in the process's memory: the laptop default, where the api runs every task itself. Lost
 * on restart (the artifacts on disk are not). One lock keeps a record, its events and the indexes
 * consistent; status traffic is tiny next to the work it describes.
 */
public final class InMemoryStatusStore implements StatusStore {

    static final Comparator<TaskStatus> NEWEST_FIRST = Comparator.comparing(TaskStatus::createdAt)
            .thenComparing(TaskStatus::id)
            .reversed();

    private final Map<String, TaskStatus> tasks = new HashMap<>();
    private final Map<String, Deque<TaskEvent>> events = new HashMap<>();
    private final Map<String, Set<String>> runsByJob = new HashMap<>();
    private final Map<String, Long> versions = new HashMap<>();
    private final Map<String, TaskLease> leases = new HashMap<>();
    private final Map<String, Instant> locks = new HashMap<>();

    @Override
    public synchronized void put(TaskStatus status) {
        tasks.put(status.id(), status);
        Deque<TaskEvent> history = events.computeIfAbsent(status.id(), id -> new ArrayDeque<>());
        history.addLast(TaskEvent.of(status));
        while (history.size() > MAX_EVENTS) {
            history.removeFirst();
        }
        if (status.kind() == TaskKind.RUN) {
            runsByJob
                    .computeIfAbsent(status.jobId(), id -> new LinkedHashSet<>())
                    .add(status.id());
        }
        versions.merge(status.jobId(), 1L, Long::sum);
    }

    @Override
    public synchronized boolean putIfAbsent(TaskStatus status) {
        if (tasks.containsKey(status.id())) {
            return false;
        }
        put(status);
        return true;
    }

    @Override
    public synchronized long version(String jobId) {
        return versions.getOrDefault(jobId, 0L);
    }

    @Override
    public synchronized Optional<TaskStatus> get(String id) {
        return Optional.ofNullable(tasks.get(id));
    }

    @Override
    public synchronized List<TaskStatus> runsOf(String jobId) {
        List<TaskStatus> runs = new ArrayList<>();
        for (String runId : runsByJob.getOrDefault(jobId, Set.of())) {
            runs.add(tasks.get(runId));
        }
        runs.sort(NEWEST_FIRST);
        return runs;
    }

    @Override
    public synchronized List<TaskStatus> jobs(int limit) {
        return tasks.values().stream()
                .filter(t -> t.kind() == TaskKind.PROFILE)
                .sorted(NEWEST_FIRST)
                .limit(Math.max(0, limit))
                .toList();
    }

    @Override
    public synchronized List<TaskEvent> events(String id) {
        return List.copyOf(events.getOrDefault(id, new ArrayDeque<>()));
    }

    @Override
    public synchronized void delete(String id) {
        TaskStatus gone = tasks.remove(id);
        events.remove(id);
        leases.remove(id);
        if (gone == null) {
            return;
        }
        if (gone.kind() == TaskKind.RUN) {
            Set<String> runs = runsByJob.get(gone.jobId());
            if (runs != null) {
                runs.remove(id);
            }
        } else {
            runsByJob.remove(id);
        }
        versions.merge(gone.jobId(), 1L, Long::sum);
    }

    @Override
    public synchronized void lease(String owner, Collection<String> taskIds, Instant at) {
        for (String id : taskIds) {
            leases.put(id, new TaskLease(id, owner, at));
        }
    }

    @Override
    public synchronized void release(String taskId) {
        leases.remove(taskId);
    }

    @Override
    public synchronized List<TaskLease> leases() {
        return List.copyOf(leases.values());
    }

    @Override
    public synchronized boolean tryLock(String name, String holder, Duration ttl) {
        Instant now = Instant.now();
        Instant until = locks.get(name);
        if (until != null && until.isAfter(now)) {
            return false;
        }
        locks.put(name, now.plus(ttl));
        return true;
    }
}
