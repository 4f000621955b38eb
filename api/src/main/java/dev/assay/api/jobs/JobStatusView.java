package dev.assay.api.jobs;

import dev.assay.model.profile.ProfileSummary;
import dev.assay.model.status.TaskState;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/v1/jobs/{job_id}/status}: where a dataset stands, its profile summary once profiled, the
 * latest run ({@code ai_result}) and every run, newest first.
 */
@NullMarked
public record JobStatusView(
        String jobId,
        String fileName,
        TaskState status,
        int progress,
        String stage,
        @Nullable String error,
        Instant createdAt,
        Instant updatedAt,
        @Nullable String sourceUrl,
        @Nullable String reportUrl,
        @Nullable String cleanedCsvUrl,
        @Nullable String profileUrl,
        @Nullable ProfileSummary summary,
        @Nullable RunView aiResult,
        List<RunView> runs) {}
