package dev.assay.api.executor;

import dev.assay.model.plan.Plan;
import java.util.Optional;

/**
 * @param jobId   the profiled dataset the plan applies to (its uploaded {@code source.csv}, re-read as profiled)
 * @param runId   the run's id, also the task id
 * @param plan    already validated against the dataset's schema, and stored as the run's {@code plan.json}
 * @param runName what the person called the run, if anything
 * @param prompt  what the person asked the assistant, kept for the audit trail
 */
public record RunTask(String jobId, String runId, Plan plan, Optional<String> runName, Optional<String> prompt) {}
