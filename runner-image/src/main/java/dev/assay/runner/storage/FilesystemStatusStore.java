package dev.assay.runner.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.assay.model.json.Json;
import dev.assay.model.status.TaskStatus;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Status records for one process that must outlive its restarts: the laptop default, where a person expects to
 * find yesterday's datasets in the list again. Reads are served from memory ({@link InMemoryStatusStore}); every
 * {@link #put} is also appended as one JSON line to {@code status.jsonl}, which is replayed on start. A task that
 * was queued or running when the process stopped is recorded as failed on replay, because nothing will finish
 * it: the person sees why and can run it again, instead of a spinner that never ends.
 */
public final class FilesystemStatusStore implements StatusStore, Closeable {

    private static final Logger log = LoggerFactory.getLogger(FilesystemStatusStore.class);
    static final String JOURNAL = "status.jsonl";
    /** A journal line {@code {"deleted": id}} removes the task from the replay. */
    private static final String DELETED = "deleted";

    static final String INTERRUPTED = "Assay stopped before this task finished";

    private final InMemoryStatusStore memory = new InMemoryStatusStore();
    private final BufferedWriter journal;
    private boolean closed;

    private FilesystemStatusStore(BufferedWriter journal) {
        this.journal = journal;
    }

    /**
     * Replays the journal in {@code folder} (created if needed), keeps at most {@link #MAX_EVENTS} records per
     * task (the history {@link #events} can show), and appends from there.
     */
    public static FilesystemStatusStore open(Path folder, Clock clock) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(JOURNAL);
        Map<String, Deque<TaskStatus>> history = replay(file);
        compact(folder, file, history);
        FilesystemStatusStore store = new FilesystemStatusStore(
                Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND));
        for (Deque<TaskStatus> records : history.values()) {
            records.forEach(store.memory::put);
            TaskStatus last = records.getLast();
            if (!last.status().finished()) {
                store.put(last.abandoned(INTERRUPTED, clock.instant()));
            }
        }
        return store;
    }

    /**
     * Rewrites the journal with only what replay kept. Written to a new file first, so a crash leaves the old
     * journal whole; a full disk only means the journal stays uncompacted this time: an api that cannot start
     * because its disk is full would lose the person nothing more than one that starts and refuses uploads.
     */
    private static void compact(Path folder, Path file, Map<String, Deque<TaskStatus>> history) {
        Path compacted = folder.resolve(JOURNAL + ".tmp");
        try {
            try (BufferedWriter out = Files.newBufferedWriter(compacted, StandardCharsets.UTF_8)) {
                for (Deque<TaskStatus> records : history.values()) {
                    for (TaskStatus record : records) {
                        out.write(Json.write(record));
                        out.newLine();
                    }
                }
            }
            Files.move(compacted, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("{}: not compacted ({}); appending to the journal as it is", file, e.toString());
            try {
                Files.deleteIfExists(compacted);
            } catch (IOException ignored) {
                // Nothing more to free: the next start tries again.
            }
        }
    }

    private static Map<String, Deque<TaskStatus>> replay(Path file) throws IOException {
        Map<String, Deque<TaskStatus>> history = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return history;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                com.fasterxml.jackson.databind.JsonNode node = Json.mapper().readTree(line);
                if (node.has(DELETED)) {
                    history.remove(node.get(DELETED).asText());
                    continue;
                }
                TaskStatus record = Json.mapper().treeToValue(node, TaskStatus.class);
                Deque<TaskStatus> records = history.computeIfAbsent(record.id(), id -> new ArrayDeque<>());
                records.addLast(record);
                while (records.size() > MAX_EVENTS) {
                    records.removeFirst();
                }
            } catch (JsonProcessingException e) {
                // A line cut short by a crash, or edited by hand: the rest of the journal still counts.
                log.warn("{}, line {}: not a status record, skipped ({})", file, i + 1, e.getOriginalMessage());
            }
        }
        return history;
    }

    @Override
    public synchronized void put(TaskStatus status) {
        if (closed) {
            // A worker finishing while the process shuts down: the replay marks the task interrupted instead.
            log.warn("{}: status {} after the journal was closed; not recorded", status.id(), status.status());
        } else {
            append(Json.write(status), status.id());
        }
        memory.put(status);
    }

    @Override
    public synchronized boolean putIfAbsent(TaskStatus status) {
        if (memory.get(status.id()).isPresent()) {
            return false;
        }
        put(status);
        return true;
    }

    @Override
    public synchronized void delete(String id) {
        if (!closed) {
            append(Json.write(Map.of(DELETED, id)), id);
        }
        memory.delete(id);
    }

    private void append(String line, String id) {
        try {
            journal.write(line);
            journal.newLine();
            journal.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the status of " + id, e);
        }
    }

    @Override
    public void lease(String owner, Collection<String> taskIds, Instant at) {
        // Leases are not journalled: on replay every unfinished task is failed anyway, since nothing holds it.
        memory.lease(owner, taskIds, at);
    }

    @Override
    public void release(String taskId) {
        memory.release(taskId);
    }

    @Override
    public List<TaskLease> leases() {
        return memory.leases();
    }

    @Override
    public boolean tryLock(String name, String holder, Duration ttl) {
        return memory.tryLock(name, holder, ttl);
    }

    @Override
    public Optional<TaskStatus> get(String id) {
        return memory.get(id);
    }

    @Override
    public List<TaskStatus> runsOf(String jobId) {
        return memory.runsOf(jobId);
    }

    @Override
    public List<TaskStatus> jobs(int limit) {
        return memory.jobs(limit);
    }

    @Override
    public long version(String jobId) {
        return memory.version(jobId);
    }

    @Override
    public List<TaskEvent> events(String id) {
        return memory.events(id);
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        journal.close();
    }
}
