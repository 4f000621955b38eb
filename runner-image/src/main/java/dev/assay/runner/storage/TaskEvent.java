package dev.assay.runner.storage;

import dev.assay.model.status.TaskState;
import dev.assay.model.status.TaskStatus;
import java.time.Instant;
import java.util.Optional;

/** One change of a task's status, as recorded by {@link StatusStore#put}. */
public record TaskEvent(Instant at, TaskState status, int progress, String stage, Optional<String> error) {

    public static TaskEvent of(TaskStatus status) {
        return new TaskEvent(status.updatedAt(), status.status(), status.progress(), status.stage(), status.error());
    }
}
