package dev.assay.api.runs;

import dev.assay.model.plan.Plan;
import dev.assay.model.plan.PlanStep;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * {@code POST /api/v1/assistant/apply}: run a plan on a profiled dataset.
 *
 * @param prompt  what the person asked the assistant, kept with the run for the audit trail
 * @param runName a name for the run; derived from the actions when blank
 */
public record ApplyRequest(
        @NotBlank String jobId,
        @NotNull List<@NotNull(message = "is empty; give each step a type and params") PlanStep> actions,
        String explanation,
        @Size(max = 4000) String prompt,
        @Size(max = 120) String runName) {

    public Plan plan() {
        return new Plan(explanation, actions);
    }
}
