package dev.assay.runner.storage;

import dev.assay.model.status.TaskKind;
import dev.assay.model.status.TaskStatus;
import java.util.ArrayDeque;
import java.util.ArrayList;
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
            .thenComparing(TaskStatus::id).reversed();

    private final Map<String, TaskStatus> tasks = new HashMap<>();
    private final Map<String, Deque<TaskEvent>> events = new HashMap<>();
    private final Map<String, Set<String>> runsByJob = new HashMap<>();
    private final Map<String, Long> versions = new HashMap<>();

    @Override
    public synchronized void put(TaskStatus status) {
        tasks.put(status.id(), status);
        Deque<TaskEvent> history = events.computeIfAbsent(status.id(), id -> new ArrayDeque<>());
        history.addLast(TaskEvent.of(status));
        while (history.size() > MAX_EVENTS) {
            history.removeFirst();
        }
        if (status.kind() == TaskKind.RUN) {
            runsByJob.computeIfAbsent(status.jobId(), id -> new LinkedHashSet<>()).add(status.id());
        }
        versions.merge(status.jobId(), 1L, Long::sum);
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
        return tasks.values().stream().filter(t -> t.kind() == TaskKind.PROFILE).sorted(NEWEST_FIRST)
                .limit(Math.max(0, limit)).toList();
    }

    @Override
    public synchronized List<TaskEvent> events(String id) {
        return List.copyOf(events.getOrDefault(id, new ArrayDeque<>()));
    }
}
