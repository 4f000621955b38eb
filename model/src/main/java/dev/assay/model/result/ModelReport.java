package dev.assay.model.result;

import dev.assay.model.plan.params.ModelAlgorithm;
import dev.assay.model.plan.params.ModelTask;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.NullMarked;

/**
 * What train_model produced, honestly: hold-out and cross-validated scores beside a baseline.
 *
 * @param algorithm     the algorithm kept (for auto: the leaderboard's best)
 * @param primaryMetric accuracy for classification, r2 for regression
 * @param holdout       scores on the held-out rows (stratified split, fixed seed)
 * @param crossValidation mean and standard deviation over the folds, by metric name
 * @param baseline      the same metrics for the majority class / the mean
 * @param excluded      features left out, with why (identifier-like, constant...)
 * @param leakage       features that alone predict the target almost perfectly
 * @param folds         number of cross-validation folds (fewer than asked when the data is small)
 * @param leaderboard   auto only: every algorithm tried, best first
 * @param derived       features the model read in a way of its own, with how (a date as year, month, day and
 *                      weekday; a category of many values with its frequency)
 */
@NullMarked
public record ModelReport(
        ModelTask task,
        ModelAlgorithm algorithm,
        String target,
        List<String> features,
        List<FeatureNote> excluded,
        List<FeatureNote> leakage,
        int trainRows,
        int testRows,
        long seed,
        int folds,
        String primaryMetric,
        Metrics holdout,
        Map<String, MeanStd> crossValidation,
        Metrics baseline,
        List<FeatureImportance> importances,
        List<LeaderboardEntry> leaderboard,
        List<String> warnings,
        long trainMillis,
        List<FeatureNote> derived) {

    public ModelReport {
        features = List.copyOf(features);
        excluded = List.copyOf(excluded);
        leakage = List.copyOf(leakage);
        crossValidation = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(crossValidation));
        importances = List.copyOf(importances);
        leaderboard = List.copyOf(leaderboard);
        warnings = List.copyOf(warnings);
        derived = derived == null ? List.of() : List.copyOf(derived);
    }

    public ModelReport(
            ModelTask task,
            ModelAlgorithm algorithm,
            String target,
            List<String> features,
            List<FeatureNote> excluded,
            List<FeatureNote> leakage,
            int trainRows,
            int testRows,
            long seed,
            int folds,
            String primaryMetric,
            Metrics holdout,
            Map<String, MeanStd> crossValidation,
            Metrics baseline,
            List<FeatureImportance> importances,
            List<LeaderboardEntry> leaderboard,
            List<String> warnings,
            long trainMillis) {
        this(
                task,
                algorithm,
                target,
                features,
                excluded,
                leakage,
                trainRows,
                testRows,
                seed,
                folds,
                primaryMetric,
                holdout,
                crossValidation,
                baseline,
                importances,
                leaderboard,
                warnings,
                trainMillis,
                List.of());
    }

    /** The headline number: the primary metric on the hold-out rows. */
    public double score() {
        return holdout.scores().getOrDefault(primaryMetric, Double.NaN);
    }

    public double baselineScore() {
        return baseline.scores().getOrDefault(primaryMetric, Double.NaN);
    }

    @NullMarked
    public record FeatureNote(String column, String reason) {}

    @NullMarked
    public record FeatureImportance(String feature, double importance) {}

    @NullMarked
    public record MeanStd(double mean, double std) {}

    @NullMarked
    public record LeaderboardEntry(ModelAlgorithm algorithm, MeanStd score, long millis) {}
}
