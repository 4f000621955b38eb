package dev.assay.api.plans;

import dev.assay.model.plan.Plan;
import dev.assay.model.plan.PlanStep;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** {@code POST /api/v1/plans/validate}: a plan being edited, checked against the dataset's schema. */
public record ValidatePlanRequest(
        @NotBlank String jobId,
        @NotNull List<@NotNull(message = "is empty; give each step a type and params") PlanStep> actions,
        String explanation) {

    public Plan plan() {
        return new Plan(explanation, actions);
    }
}
