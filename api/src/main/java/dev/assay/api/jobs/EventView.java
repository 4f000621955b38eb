package dev.assay.api.jobs;

import dev.assay.model.status.TaskKind;
import dev.assay.model.status.TaskState;
import java.time.Instant;

/** One change of a task's status, in {@code GET /api/v1/jobs/{job_id}/events}. */
public record EventView(
        String taskId, TaskKind kind, Instant at, TaskState status, int progress, String stage, String error) {}
