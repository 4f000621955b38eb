package dev.assay.api.jobs;

import dev.assay.model.status.TaskState;
import java.time.Instant;

/** One dataset in {@code GET /api/v1/jobs}. {@code rows} and {@code columns} are null until profiled. */
public record JobListItem(String jobId, String fileName, TaskState status, int progress, String stage, String error,
                          Instant createdAt, Instant updatedAt, Long rows, Integer columns, String statusUrl) {
}
