package dev.assay.api.jobs;

import dev.assay.model.status.TaskState;
import java.time.Instant;

/**
 * One dataset in {@code GET /api/v1/jobs}. {@code rows}, {@code columns} and {@code sizeBytes} (the uploaded
 * file's size, so uploads of one file name can be told apart) are null until profiled.
 */
public record JobListItem(
        String jobId,
        String fileName,
        TaskState status,
        int progress,
        String stage,
        String error,
        Instant createdAt,
        Instant updatedAt,
        Long rows,
        Integer columns,
        Long sizeBytes,
        String statusUrl) {}
