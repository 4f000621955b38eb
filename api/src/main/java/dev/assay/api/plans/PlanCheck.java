package dev.assay.api.plans;

import dev.assay.model.plan.validation.PlanError;
import dev.assay.model.plan.validation.PlanWarning;
import java.util.List;

/**
 * The answer of {@code POST /api/v1/plans/validate}: valid, or every problem with its action and field; and the
 * warnings of steps that may run but would likely mislead, each with a better alternative; and the plan in plain
 * words ({@link PlanSummary}), for the plan card.
 */
public record PlanCheck(boolean valid, List<PlanError> errors, List<PlanWarning> warnings, List<String> summary) {

    public PlanCheck(boolean valid, List<PlanError> errors) {
        this(valid, errors, List.of(), List.of());
    }
}
