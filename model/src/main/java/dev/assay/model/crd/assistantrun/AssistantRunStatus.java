package dev.assay.model.crd.assistantrun;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.assay.model.crd.common.Artifacts;
import dev.assay.model.crd.common.Condition;
import dev.assay.model.crd.common.LifecycleStatus;
import dev.assay.model.crd.common.Phase;
import io.fabric8.crd.generator.annotation.PrinterColumn;
import java.util.List;

/** What the operator observed of the run. Written only by the operator. */
public record AssistantRunStatus(
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

        @PrinterColumn(name = "Actions", priority = 1)
        @JsonPropertyDescription("How many actions of the plan were applied.")
        Integer actionsApplied,

        @PrinterColumn(name = "Rows", priority = 0) @JsonPropertyDescription("Rows of the processed data.")
        Long rows,

        @JsonPropertyDescription("Columns of the processed data.")
        Integer columns,

        @JsonPropertyDescription("The trained model, when the plan trained one.")
        ModelSummary model,

        @PrinterColumn(name = "Score", priority = 0)
        @JsonPropertyDescription("The model's primary metric on held-out rows, as text (e.g. accuracy 0.815).")
        String score,

        @JsonPropertyDescription("Artifact keys of the run's report, profile, processed CSV, model and metrics.")
        Artifacts artifacts,

        @PrinterColumn(name = "Warnings", priority = 0)
        @JsonPropertyDescription("How many semantic warnings the plan drew (steps that ran but may mislead: a filled "
                + "target, a leaking feature, many rows dropped); see warnings.")
        Integer warningCount,

        @JsonPropertyDescription("The plan's semantic warnings, most severe first; at most "
                + AssistantRunStatus.MAX_WARNINGS + " (warningCount has the total, result.json all of them).")
        List<RunWarning> warnings,

        @PrinterColumn(name = "Message", priority = 0) @JsonPropertyDescription(LifecycleStatus.MESSAGE)
        String message)
        implements LifecycleStatus {

    /** How many warnings the status lists; a resource's size is bounded, result.json has them all. */
    public static final int MAX_WARNINGS = 20;
}
