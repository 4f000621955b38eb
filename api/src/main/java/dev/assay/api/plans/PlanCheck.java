package dev.assay.api.plans;

import dev.assay.model.plan.validation.PlanError;
import java.util.List;

/** The answer of {@code POST /api/v1/plans/validate}: valid, or every problem with its action and field. */
public record PlanCheck(boolean valid, List<PlanError> errors) {
}
