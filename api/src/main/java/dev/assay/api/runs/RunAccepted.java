package dev.assay.api.runs;

import org.jspecify.annotations.NullMarked;

/** The answer to an accepted plan: poll {@code status_url} (the dataset) or {@code run_url} (this run). */
@NullMarked
public record RunAccepted(String runId, String jobId, String runName, String statusUrl, String runUrl) {}
