package dev.assay.model.plan.validation;

import dev.assay.model.plan.params.ActionParams;
import dev.assay.model.plan.params.ActionType;
import dev.assay.model.plan.params.StepContext;

/** A step that passed validation: its position, typed parameters and the plan context it was checked in. */
public record ValidatedAction(int index, ActionParams params, StepContext context) {

    public ActionType type() {
        return params.type();
    }
}
