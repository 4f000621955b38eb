package dev.assay.model.crd.assistantrun;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.Map;

/** The trained model, as the runner evaluated it; the full report is the run's metrics.json. */
public record ModelSummary(
        @JsonPropertyDescription("classification or regression.")
        String task,

        @JsonPropertyDescription("The algorithm kept, e.g. random_forest.")
        String algorithm,

        @JsonPropertyDescription("The column predicted.") String target,

        @JsonPropertyDescription("accuracy for classification, r2 for regression.")
        String primaryMetric,

        @JsonPropertyDescription("The primary metric on held-out rows.")
        Double score,

        @JsonPropertyDescription("The same metric for the majority class or the mean.")
        Double baseline,

        @JsonPropertyDescription("Every held-out metric by name.")
        Map<String, Double> metrics,

        @JsonPropertyDescription("Features the model used.") List<String> features,

        @JsonPropertyDescription("The most important features, most important first.")
        List<Importance> importances) {

    public record Importance(String feature, Double importance) {}
}
