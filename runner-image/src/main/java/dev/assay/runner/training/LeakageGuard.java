package dev.assay.runner.training;

import dev.assay.model.plan.params.ModelAlgorithm;
import dev.assay.model.plan.params.ModelTask;
import dev.assay.model.result.Metrics;
import dev.assay.model.result.ModelReport.FeatureNote;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Flags a feature that alone predicts the target almost perfectly: a small tree on that one feature, fitted
 * on the training rows and scored on the held-out rows. Such a feature is usually the target in disguise
 * (recorded after the fact, or derived from it), and a model that leans on it will fail on new data.
 * Flagged features stay in the model; the model card says which and how well they predict on their own.
 */
final class LeakageGuard {

    static final double THRESHOLD = 0.98;
    /** Fewer held-out rows than this and a perfect score says little. */
    static final int MIN_TEST_ROWS = 20;

    private LeakageGuard() {}

    static List<FeatureNote> check(
            ModelTask task,
            List<RawColumn> features,
            List<RawColumn.Reading> readings,
            int[] classes,
            double[] values,
            List<String> labels,
            Splits.Holdout split,
            int maxCategories,
            long seed) {
        List<FeatureNote> flagged = new ArrayList<>();
        if (split.test().length < MIN_TEST_ROWS) {
            return flagged;
        }
        for (int f = 0; f < features.size(); f++) {
            RawColumn feature = features.get(f);
            List<RawColumn> single = List.of(feature);
            Preprocessor preprocessor =
                    Preprocessor.fit(single, List.of(readings.get(f)), split.train(), maxCategories);
            double[][] train = preprocessor.transform(single, split.train());
            double[][] test = preprocessor.transform(single, split.test());
            if (task == ModelTask.CLASSIFICATION) {
                Predictor.ForClasses tree = Learners.classifier(
                        ModelAlgorithm.DECISION_TREE, train, pick(classes, split.train()), labels.size(), seed);
                int[] predicted = new int[test.length];
                double[][] probabilities = new double[test.length][labels.size()];
                for (int i = 0; i < test.length; i++) {
                    predicted[i] = tree.predict(test[i], probabilities[i]);
                }
                Metrics metrics = Scores.classification(pick(classes, split.test()), predicted, probabilities, labels);
                double score = metrics.scores().get(Scores.BALANCED_ACCURACY);
                if (score >= THRESHOLD) {
                    flagged.add(new FeatureNote(
                            feature.name(),
                            String.format(
                                    Locale.ROOT,
                                    "alone predicts the target with balanced accuracy %.3f on held-out rows: check it is not "
                                            + "known only after the fact or derived from the target",
                                    score)));
                }
            } else {
                Predictor.ForValues tree =
                        Learners.regressor(ModelAlgorithm.DECISION_TREE, train, pick(values, split.train()), seed);
                double[] predicted = new double[test.length];
                for (int i = 0; i < test.length; i++) {
                    predicted[i] = tree.predict(test[i]);
                }
                double score = Scores.regression(pick(values, split.test()), predicted)
                        .scores()
                        .get(Scores.R2_NAME);
                if (score >= THRESHOLD) {
                    flagged.add(new FeatureNote(
                            feature.name(),
                            String.format(
                                    Locale.ROOT,
                                    "alone predicts the target with R² %.3f on held-out rows: check it is not known only "
                                            + "after the fact or derived from the target",
                                    score)));
                }
            }
        }
        return flagged;
    }

    static int[] pick(int[] values, int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }

    static double[] pick(double[] values, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }
}
