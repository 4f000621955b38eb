package dev.assay.api.plans;

import dev.assay.model.plan.validation.PlanError;
import dev.assay.model.plan.validation.PlanWarning;
import java.util.List;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The answer of {@code POST /api/v1/plans/validate}: valid, or every problem with its action and field; and the
 * warnings of steps that may run but would likely mislead, each with a better alternative; and the plan in plain
 * words ({@link PlanSummary}), for the plan card.
 */
@NullMarked
public record PlanCheck(
        boolean valid,
        List<PlanError> errors,
        @Nullable List<PlanWarning> warnings,
        @Nullable List<String> summary) {

    public PlanCheck(boolean valid, List<PlanError> errors) {
        this(valid, errors, List.of(), List.of());
    }
}
