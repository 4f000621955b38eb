package dev.assay.model.result;

import dev.assay.model.plan.Plan;
import dev.assay.model.plan.validation.PlanWarning;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.NullMarked;

/**
 * result.json of an applied plan.
 *
 * @param steps      what each action did, in order
 * @param model      the trained model, when the plan had train_model
 * @param comparison the dataset before and after
 * @param artifacts  artifact names written by the run (relative to the run's folder), e.g. report.html
 * @param warnings   what the validator judged unsound in the plan (it ran anyway), each with a better alternative
 */
@NullMarked
public record RunResult(
        Plan plan,
        List<StepLog> steps,
        Optional<ModelReport> model,
        Comparison comparison,
        List<String> artifacts,
        long millis,
        List<PlanWarning> warnings) {

    public RunResult {
        steps = List.copyOf(steps);
        artifacts = List.copyOf(artifacts);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public RunResult(
            Plan plan,
            List<StepLog> steps,
            Optional<ModelReport> model,
            Comparison comparison,
            List<String> artifacts,
            long millis) {
        this(plan, steps, model, comparison, artifacts, millis, List.of());
    }

    public int actionsApplied() {
        return steps.size();
    }
}
