package dev.assay.api.jobs;

import dev.assay.model.profile.ProfileSummary;
import dev.assay.model.status.TaskState;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/jobs/{job_id}/status}: where a dataset stands, its profile summary once profiled, the
 * latest run ({@code ai_result}) and every run, newest first.
 */
public record JobStatusView(
        String jobId,
        String fileName,
        TaskState status,
        int progress,
        String stage,
        String error,
        Instant createdAt,
        Instant updatedAt,
        String sourceUrl,
        String reportUrl,
        String cleanedCsvUrl,
        String profileUrl,
        ProfileSummary summary,
        RunView aiResult,
        List<RunView> runs) {}
