package dev.assay.api.jobs;

import dev.assay.model.plan.Plan;
import dev.assay.model.result.RunResult;
import dev.assay.model.status.TaskState;
import java.time.Instant;

/**
 * One run of a plan on a dataset, as the UI shows it. Links are null until the artifact exists; metrics and
 * model links only when the plan trained a model. {@code origin} says who started it, and whether Assay may act on it.
 */
public record RunView(
        String runId,
        String jobId,
        String runName,
        TaskState status,
        int progress,
        String stage,
        String error,
        Instant createdAt,
        Instant updatedAt,
        String reportUrl,
        String cleanedCsvUrl,
        String profileUrl,
        String metricsUrl,
        String modelUrl,
        String planUrl,
        Plan plan,
        int actionsApplied,
        RunResult result,
        RunOrigin origin) {}
