package dev.assay.model.crd.datasetjob;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.assay.model.crd.common.Artifacts;
import dev.assay.model.crd.common.Condition;
import dev.assay.model.crd.common.LifecycleStatus;
import dev.assay.model.crd.common.Phase;
import io.fabric8.crd.generator.annotation.PrinterColumn;
import java.util.List;

/** What the operator observed. Written only by the operator. */
public record DatasetJobStatus(
        @PrinterColumn(name = "Phase", priority = 0) @JsonPropertyDescription(LifecycleStatus.PHASE)
        Phase phase,

        @JsonPropertyDescription(LifecycleStatus.CONDITIONS) List<Condition> conditions,

        @JsonPropertyDescription(LifecycleStatus.OBSERVED_GENERATION)
        Long observedGeneration,

        @JsonPropertyDescription(LifecycleStatus.JOB_NAME) String jobName,
        @JsonPropertyDescription(LifecycleStatus.START_TIME) String startTime,

        @JsonPropertyDescription(LifecycleStatus.COMPLETION_TIME)
        String completionTime,

        @JsonPropertyDescription(LifecycleStatus.PROGRESS) Integer progress,
        @JsonPropertyDescription(LifecycleStatus.STAGE) String stage,

        @PrinterColumn(name = "Rows", priority = 0)
        @JsonPropertyDescription("Rows of the profiled data (after dropping duplicates).")
        Long rows,

        @PrinterColumn(name = "Columns", priority = 1) @JsonPropertyDescription("Columns of the profiled data.")
        Integer columns,

        @JsonPropertyDescription("Artifact keys of the report, profile and cleaned CSV.")
        Artifacts artifacts,

        @PrinterColumn(name = "Message", priority = 0) @JsonPropertyDescription(LifecycleStatus.MESSAGE)
        String message)
        implements LifecycleStatus {}
