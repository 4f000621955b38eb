package dev.assay.api.jobs;

import dev.assay.model.status.TaskState;
import java.time.Instant;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * One dataset in {@code GET /api/v1/jobs}. {@code rows}, {@code columns} and {@code sizeBytes} (the uploaded
 * file's size, so uploads of one file name can be told apart) are null until profiled.
 */
@NullMarked
public record JobListItem(
        String jobId,
        String fileName,
        TaskState status,
        int progress,
        String stage,
        @Nullable String error,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Long rows,
        @Nullable Integer columns,
        @Nullable Long sizeBytes,
        String statusUrl) {}
