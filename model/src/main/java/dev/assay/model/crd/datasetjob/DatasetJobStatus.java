package dev.assay.model.crd.datasetjob;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.assay.model.crd.common.Artifacts;
import dev.assay.model.crd.common.Condition;
import dev.assay.model.crd.common.Phase;
import io.fabric8.crd.generator.annotation.PrinterColumn;
import java.util.List;

/** What the operator observed. Written only by the operator. */
public record DatasetJobStatus(
        @PrinterColumn(name = "Phase", priority = 0)
        @JsonPropertyDescription("Pending, Running, Succeeded or Failed.")
        Phase phase,
        @JsonPropertyDescription("Conditions (types: Valid, Ready, JobCreated, Running, Retrying, Complete, Failed, "
                + "SpecChanged, Reconciled); the Failed condition's reason says why and whether it was tried again.")
        List<Condition> conditions,
        @JsonPropertyDescription("The generation of the spec this status describes; the Job runs that spec.")
        Long observedGeneration,
        @JsonPropertyDescription("Name of the batch/v1 Job that runs the runner.")
        String jobName,
        @JsonPropertyDescription("When the Job started (RFC 3339).")
        String startTime,
        @JsonPropertyDescription("When it succeeded or failed (RFC 3339).")
        String completionTime,
        @JsonPropertyDescription("Progress reported by the runner, 0 to 100.")
        Integer progress,
        @JsonPropertyDescription("What the runner is doing now.")
        String stage,
        @PrinterColumn(name = "Rows", priority = 0)
        @JsonPropertyDescription("Rows of the profiled data (after dropping duplicates).")
        Long rows,
        @PrinterColumn(name = "Columns", priority = 1)
        @JsonPropertyDescription("Columns of the profiled data.")
        Integer columns,
        @JsonPropertyDescription("Artifact keys of the report, profile and cleaned CSV.")
        Artifacts artifacts,
        @PrinterColumn(name = "Message", priority = 0)
        @JsonPropertyDescription("Why it failed, or what it is waiting for, in words a person can act on.")
        String message) {
}
