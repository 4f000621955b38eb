package dev.assay.model.status;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum TaskKind {
    /** Ingest and profile an uploaded file; the task id is the job id. */
    @JsonProperty("profile")
    PROFILE,
    /** Apply a plan to a profiled dataset; the task id is the run id. */
    @JsonProperty("run")
    RUN
}
