package dev.assay.api.manifests;

import dev.assay.model.plan.Plan;
import dev.assay.model.plan.PlanStep;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * {@code POST /api/v1/jobs/{id}/manifest}: the plan on the card, as the plan's own JSON, and what the run would be
 * called and asked for (kept in the resource like an applied run's).
 */
public record ManifestRequest(
        @NotNull List<@NotNull(message = "is empty; give each step a type and params") PlanStep> actions,
        String explanation,
        @Size(max = 4000) String prompt,
        @Size(max = 120) String runName) {

    public Plan plan() {
        return new Plan(explanation, actions);
    }
}
