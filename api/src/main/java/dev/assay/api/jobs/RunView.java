package dev.assay.api.jobs;

import dev.assay.model.plan.Plan;
import dev.assay.model.result.RunResult;
import dev.assay.model.status.TaskState;
import java.time.Instant;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * One run of a plan on a dataset, as the UI shows it. Links are null until the artifact exists; metrics and
 * model links only when the plan trained a model. {@code origin} says who started it, and whether Assay may act on it.
 */
@NullMarked
public record RunView(
        String runId,
        String jobId,
        String runName,
        TaskState status,
        int progress,
        String stage,
        @Nullable String error,
        Instant createdAt,
        Instant updatedAt,
        @Nullable String reportUrl,
        @Nullable String cleanedCsvUrl,
        @Nullable String profileUrl,
        @Nullable String metricsUrl,
        @Nullable String modelUrl,
        @Nullable String planUrl,
        @Nullable Plan plan,
        int actionsApplied,
        @Nullable RunResult result,
        RunOrigin origin) {}
