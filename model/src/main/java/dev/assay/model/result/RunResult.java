package dev.assay.model.result;

import dev.assay.model.plan.Plan;
import java.util.List;
import java.util.Optional;

/**
 * result.json of an applied plan.
 *
 * @param steps      what each action did, in order
 * @param model      the trained model, when the plan had train_model
 * @param comparison the dataset before and after
 * @param artifacts  artifact names written by the run (relative to the run's folder), e.g. report.html
 */
public record RunResult(Plan plan, List<StepLog> steps, Optional<ModelReport> model, Comparison comparison,
                        List<String> artifacts, long millis) {

    public RunResult {
        steps = List.copyOf(steps);
        artifacts = List.copyOf(artifacts);
    }

    public int actionsApplied() {
        return steps.size();
    }
}
