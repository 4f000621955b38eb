package dev.assay.model.plan.validation;

import dev.assay.model.dataset.DatasetSchema;
import dev.assay.model.plan.Plan;
import java.util.List;

/**
 * A plan that passed {@link PlanValidator} against a dataset schema. Only this type reaches the engine.
 *
 * @param source   the plan as written
 * @param actions  typed steps, in order
 * @param expected the schema the plan is expected to produce
 * @param warnings steps that may run but would likely damage the data or the evaluation
 */
public record ValidatedPlan(
        Plan source, List<ValidatedAction> actions, DatasetSchema expected, List<PlanWarning> warnings) {

    public ValidatedPlan {
        actions = List.copyOf(actions);
        warnings = List.copyOf(warnings);
    }

    public String explanation() {
        return source.explanation();
    }
}
