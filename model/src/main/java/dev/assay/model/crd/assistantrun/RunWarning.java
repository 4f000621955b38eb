package dev.assay.model.crd.assistantrun;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.assay.model.plan.validation.PlanWarning;

/**
 * One of the plan's semantic warnings ({@link PlanWarning}), as the run's status shows it: a step that ran but may
 * have damaged the data or the evaluation, with its numbers and what would be better.
 */
public record RunWarning(
        @JsonPropertyDescription("The step's position in spec.plan.actions (0-based).")
        Integer step,

        @JsonPropertyDescription("The step's action type, e.g. impute.")
        String action,

        @JsonPropertyDescription("The column concerned.") String column,

        @JsonPropertyDescription("critical (the result would mislead), warning (invented or lost data at a scale that "
                + "likely changes conclusions) or info (what the engine decided on the plan's behalf).")
        String severity,

        @JsonPropertyDescription("A stable name of the rule, e.g. fills_target.")
        String code,

        @JsonPropertyDescription("What the step did, with the numbers.")
        String message,

        @JsonPropertyDescription("What to do instead; empty when there is no better step.")
        String alternative) {

    public static RunWarning of(PlanWarning warning) {
        return new RunWarning(
                warning.actionIndex(),
                warning.action(),
                warning.column(),
                warning.severity().wireName(),
                warning.code(),
                warning.message(),
                warning.alternative());
    }
}
