package dev.assay.model.plan.params;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

public enum ModelAlgorithm {
    @JsonProperty("auto")
    AUTO(Optional.empty()),
    @JsonProperty("random_forest")
    RANDOM_FOREST(Optional.empty()),
    @JsonProperty("gradient_boosting")
    GRADIENT_BOOSTING(Optional.empty()),
    @JsonProperty("decision_tree")
    DECISION_TREE(Optional.empty()),
    @JsonProperty("logistic_regression")
    LOGISTIC_REGRESSION(Optional.of(ModelTask.CLASSIFICATION)),
    @JsonProperty("linear_regression")
    LINEAR_REGRESSION(Optional.of(ModelTask.REGRESSION));

    private final Optional<ModelTask> onlyFor;

    ModelAlgorithm(Optional<ModelTask> onlyFor) {
        this.onlyFor = onlyFor;
    }

    /** The one task this algorithm can do, when it cannot do both. */
    public Optional<ModelTask> onlyFor() {
        return onlyFor;
    }

    public boolean supports(ModelTask task) {
        return onlyFor.map(task::equals).orElse(true);
    }

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
