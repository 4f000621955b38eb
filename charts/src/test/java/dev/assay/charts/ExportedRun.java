package dev.assay.charts;

import dev.assay.model.crd.assistantrun.AssistantRunManifest;
import dev.assay.model.plan.Plan;
import dev.assay.model.plan.validation.PlanReader;
import java.util.Optional;

/**
 * An AssistantRun as the api exports it ({@code POST /api/v1/jobs/{id}/manifest}) and as its Kubernetes executor
 * creates it: both go through {@link AssistantRunManifest}, so the tests take their YAML from it, never from a
 * file written by hand. The plan is one the validator accepts on Titanic and has steps with nested parameters
 * (renames), lists and numbers, the shapes a schema could drop.
 */
final class ExportedRun {

    static final String DATASET = "j-0123456789abcdef";
    static final String RUN = "r-fedcba9876543210";

    static final Plan PLAN = PlanReader.read("""
            {"explanation": "Drop the cabin, name siblings plainly, fill ages, clip fares, encode, then predict survival.",
             "actions": [
              {"type": "drop_columns", "params": {"columns": ["Cabin"]}},
              {"type": "rename_columns", "params": {"renames": [{"from": "SibSp", "to": "siblings_spouses"}]}},
              {"type": "impute", "params": {"strategy": "median", "columns": ["Age"]}},
              {"type": "clip_outliers", "params": {"columns": ["Fare"], "method": "iqr", "factor": 1.5}},
              {"type": "encode", "params": {"method": "onehot", "columns": ["Sex", "Embarked"]}},
              {"type": "feature_engineer", "params": {"operation": "add", "columns": ["siblings_spouses", "Parch"],
                "new_column": "family"}},
              {"type": "drop_duplicates", "params": {"columns": []}},
              {"type": "train_model", "params": {"target": "Survived", "task": "classification", "cv_folds": 5}}]}""");

    private ExportedRun() {}

    /** The export of the laptop mode: no namespace, kubectl's context decides. */
    static String exported() {
        return new AssistantRunManifest(
                        RUN,
                        Optional.empty(),
                        DATASET,
                        PLAN,
                        Optional.of("predict who survived"),
                        Optional.of("survival, tidy"),
                        Optional.empty())
                .yaml();
    }

    /** What the api's Kubernetes executor creates in its namespace. */
    static String created(String namespace) {
        return new AssistantRunManifest(
                        RUN,
                        Optional.of(namespace),
                        DATASET,
                        PLAN,
                        Optional.empty(),
                        Optional.of("survival, tidy"),
                        Optional.of("assay-api"))
                .yaml();
    }
}
