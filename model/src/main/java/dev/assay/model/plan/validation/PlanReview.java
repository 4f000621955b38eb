package dev.assay.model.plan.validation;

import java.util.List;

/**
 * What the validator found in a plan.
 *
 * @param errors   problems that stop the plan; empty when it may run
 * @param warnings steps that may run but would likely mislead, each with a better alternative
 */
public record PlanReview(List<PlanError> errors, List<PlanWarning> warnings) {

    public PlanReview {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public boolean valid() {
        return errors.isEmpty();
    }
}
