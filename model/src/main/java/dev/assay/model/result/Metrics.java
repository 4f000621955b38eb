package dev.assay.model.result;

import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.NullMarked;

/**
 * Scores by name: classification accuracy, balanced_accuracy, macro_f1, roc_auc (binary), log_loss;
 * regression rmse, mae, r2.
 */
@NullMarked
public record Metrics(Map<String, Double> scores, Optional<ConfusionMatrix> confusion) {

    public Metrics {
        scores = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(scores));
    }

    /** rows are actual classes, columns predicted, in the order of labels. */
    @NullMarked
    public record ConfusionMatrix(java.util.List<String> labels, java.util.List<java.util.List<Long>> counts) {}
}
