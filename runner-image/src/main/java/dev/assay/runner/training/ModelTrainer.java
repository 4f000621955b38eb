package dev.assay.runner.training;

import dev.assay.model.dataset.DatasetSchema;
import dev.assay.model.plan.params.ModelAlgorithm;
import dev.assay.model.plan.params.ModelTask;
import dev.assay.model.plan.params.TrainModelParams;
import dev.assay.model.result.Metrics;
import dev.assay.model.result.ModelReport;
import dev.assay.model.result.ModelReport.FeatureImportance;
import dev.assay.model.result.ModelReport.FeatureNote;
import dev.assay.model.result.ModelReport.LeaderboardEntry;
import dev.assay.model.result.ModelReport.MeanStd;
import dev.assay.runner.core.InputException;
import dev.assay.runner.core.ProgressListener;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import tech.tablesaw.api.Table;

/**
 * train_model, honestly: a stratified hold-out split with a fixed seed; k-fold cross-validation on the
 * training part (mean and standard deviation); the final model fitted on the training part and scored once on
 * the held-out rows, beside a baseline (majority class or mean). Every statistic of preprocessing is fitted on
 * the rows a model trains on and on nothing else. {@code auto} compares several algorithms by cross-validation
 * and keeps the best, with the leaderboard.
 */
public final class ModelTrainer {

    public static final long SEED = 42;

    private final int maxCategories;

    /** @param maxCategories most one-hot inputs per categorical feature inside the model's pipeline */
    public ModelTrainer(int maxCategories) {
        this.maxCategories = maxCategories;
    }

    /** The outcome of fitting on some rows and scoring on others. */
    public record Fit(Predictor predictor, Preprocessor preprocessor, Metrics metrics, long fitMillis) {}

    public TrainedModel train(Table table, DatasetSchema schema, TrainModelParams params, ProgressListener progress) {
        long start = System.nanoTime();
        List<String> warnings = new ArrayList<>();
        progress.update(0, "preparing the training data");
        TrainingData data = TrainingData.of(table, schema, params);
        if (data.droppedForMissingTarget() > 0) {
            warnings.add(
                    data.droppedForMissingTarget() + " row" + (data.droppedForMissingTarget() == 1 ? " has" : "s have")
                            + " no value in '" + data.target() + "' and "
                            + (data.droppedForMissingTarget() == 1 ? "was" : "were")
                            + " left out of training and evaluation");
        }
        if (!data.excluded().isEmpty()) {
            warnings.add("Left out of the model: "
                    + String.join(
                            "; ",
                            data.excluded().stream()
                                    .map(n -> n.column() + " (" + n.reason() + ")")
                                    .toList()));
        }
        if (data.task() == ModelTask.CLASSIFICATION) {
            smallClasses(data).ifPresent(warnings::add);
        }

        Splits.Holdout split = Splits.holdout(data.strata(), params.holdoutShare(), SEED);
        int folds = Math.min(params.folds(), split.train().length / 2);
        if (folds < 2) {
            throw new InputException(
                    "train_model",
                    OptionalLong.empty(),
                    Optional.of(data.target()),
                    "too few rows (" + data.rows() + ") to hold some out and cross-validate");
        }
        if (folds < params.folds()) {
            warnings.add("only " + split.train().length + " training rows: " + folds
                    + "-fold cross-validation instead of " + params.folds());
        }
        int[] foldOf = Splits.folds(LeakageGuard.pick(data.strata(), split.train()), folds, SEED);

        List<ModelAlgorithm> algorithms =
                params.model() == ModelAlgorithm.AUTO ? Learners.candidates(data.task()) : List.of(params.model());
        String primary = data.task() == ModelTask.CLASSIFICATION ? Scores.ACCURACY : Scores.R2_NAME;
        int steps = algorithms.size() * folds + 2;
        int done = 0;

        List<LeaderboardEntry> board = new ArrayList<>();
        Map<ModelAlgorithm, Map<String, MeanStd>> cvByAlgorithm = new LinkedHashMap<>();
        for (ModelAlgorithm algorithm : algorithms) {
            long algorithmStart = System.nanoTime();
            List<Metrics> foldMetrics = new ArrayList<>();
            for (int fold = 0; fold < folds; fold++) {
                progress.update(
                        100 * done++ / steps,
                        "training " + algorithm.wireName() + " (fold " + (fold + 1) + "/" + folds + ")");
                int[] fitRows = rowsWhere(split.train(), foldOf, fold, false);
                int[] scoreRows = rowsWhere(split.train(), foldOf, fold, true);
                foldMetrics.add(fitAndScore(algorithm, data, fitRows, scoreRows).metrics());
            }
            Map<String, MeanStd> summary = summarise(foldMetrics);
            cvByAlgorithm.put(algorithm, summary);
            board.add(new LeaderboardEntry(
                    algorithm, summary.get(primary), (System.nanoTime() - algorithmStart) / 1_000_000));
        }
        List<LeaderboardEntry> ranked = board.stream()
                .sorted(Comparator.comparingDouble(
                        (LeaderboardEntry e) -> -e.score().mean()))
                .toList();
        ModelAlgorithm chosen = ranked.getFirst().algorithm();

        progress.update(100 * done++ / steps, "training " + chosen.wireName() + " on all training rows");
        Fit fit = fitAndScore(chosen, data, split.train(), split.test());
        Metrics baseline = baseline(data, split);

        progress.update(100 * done / steps, "checking for leakage");
        List<FeatureNote> leakage = LeakageGuard.check(
                data.task(),
                data.features(),
                data.readings(),
                data.classes(),
                data.values(),
                data.labels(),
                split,
                maxCategories,
                SEED);
        leakage.forEach(n -> warnings.add("Possible leakage: '" + n.column() + "' " + n.reason()));
        if (fit.metrics().scores().getOrDefault(primary, Double.NaN)
                <= baseline.scores().getOrDefault(primary, Double.NaN)) {
            warnings.add(String.format(
                    Locale.ROOT,
                    "the model does no better than the baseline on held-out rows "
                            + "(%s %.3f vs %.3f): the features may not carry information about '%s'",
                    primary,
                    fit.metrics().scores().get(primary),
                    baseline.scores().get(primary),
                    data.target()));
        }

        FittedModel model = new FittedModel(
                FittedModel.FORMAT_VERSION,
                data.task(),
                chosen,
                data.target(),
                data.featureNames(),
                data.readings(),
                data.labels(),
                fit.preprocessor(),
                fit.predictor());
        ModelReport report = new ModelReport(
                data.task(),
                chosen,
                data.target(),
                data.featureNames(),
                data.excluded(),
                leakage,
                split.train().length,
                split.test().length,
                SEED,
                folds,
                primary,
                fit.metrics(),
                cvByAlgorithm.get(chosen),
                baseline,
                importances(fit, data),
                algorithms.size() > 1 ? ranked : List.of(),
                warnings,
                (System.nanoTime() - start) / 1_000_000,
                derived(fit.preprocessor()));
        progress.update(100, "model trained");
        return new TrainedModel(report, model);
    }

    /**
     * Fits preprocessing and the model on {@code fitRows} only, then scores on {@code scoreRows}. Public for the
     * benchmark, which runs the same folds through scikit-learn.
     */
    public Fit fitAndScore(ModelAlgorithm algorithm, TrainingData data, int[] fitRows, int[] scoreRows) {
        long start = System.nanoTime();
        Preprocessor preprocessor = Preprocessor.fit(data.features(), data.readings(), fitRows, maxCategories);
        double[][] x = preprocessor.transform(data.features(), fitRows);
        Predictor predictor = data.task() == ModelTask.CLASSIFICATION
                ? Learners.classifier(
                        algorithm,
                        x,
                        LeakageGuard.pick(data.classes(), fitRows),
                        data.labels().size(),
                        SEED)
                : Learners.regressor(algorithm, x, LeakageGuard.pick(data.values(), fitRows), SEED);
        long fitMillis = (System.nanoTime() - start) / 1_000_000;
        FittedModel scorer = new FittedModel(
                FittedModel.FORMAT_VERSION,
                data.task(),
                algorithm,
                data.target(),
                data.featureNames(),
                data.readings(),
                data.labels(),
                preprocessor,
                predictor);
        FittedModel.Predictions predictions = scorer.predict(preprocessor.transform(data.features(), scoreRows));
        Metrics metrics = data.task() == ModelTask.CLASSIFICATION
                ? Scores.classification(
                        LeakageGuard.pick(data.classes(), scoreRows),
                        predictions.codes(),
                        predictions.probabilities(),
                        data.labels())
                : Scores.regression(LeakageGuard.pick(data.values(), scoreRows), predictions.values());
        return new Fit(predictor, preprocessor, metrics, fitMillis);
    }

    /** The majority class (with the training class shares as probabilities) or the training mean. */
    static Metrics baseline(TrainingData data, Splits.Holdout split) {
        if (data.task() == ModelTask.CLASSIFICATION) {
            int k = data.labels().size();
            double[] share = new double[k];
            for (int row : split.train()) {
                share[data.classes()[row]] += 1.0 / split.train().length;
            }
            int majority = 0;
            for (int c = 1; c < k; c++) {
                if (share[c] > share[majority]) {
                    majority = c;
                }
            }
            int[] predicted = new int[split.test().length];
            double[][] probabilities = new double[split.test().length][];
            java.util.Arrays.fill(predicted, majority);
            java.util.Arrays.fill(probabilities, share);
            return Scores.classification(
                    LeakageGuard.pick(data.classes(), split.test()), predicted, probabilities, data.labels());
        }
        double mean = java.util.Arrays.stream(LeakageGuard.pick(data.values(), split.train()))
                .average()
                .orElse(0);
        double[] predicted = new double[split.test().length];
        java.util.Arrays.fill(predicted, mean);
        return Scores.regression(LeakageGuard.pick(data.values(), split.test()), predicted);
    }

    /** What the model's own pipeline made of features it does not read as they are, for the model card. */
    private List<FeatureNote> derived(Preprocessor preprocessor) {
        List<FeatureNote> notes = new ArrayList<>();
        for (FeatureEncoder encoder : preprocessor.encoders()) {
            switch (encoder) {
                case FeatureEncoder.DateEncoder date ->
                    notes.add(new FeatureNote(
                            date.feature(),
                            "date: read as year, month, day and weekday"
                                    + (date.indicator() ? ", and whether it is missing" : "")));
                case FeatureEncoder.CategoryEncoder category
                when !category.frequency().isEmpty() ->
                    notes.add(new FeatureNote(
                            category.feature(),
                            category.frequency().size()
                                    + " categories: the "
                                    + category.categories().size() + " most frequent as 0/1 inputs, the "
                                    + "rest as 'other', plus each value's share of the training rows (frequency encoding, "
                                    + "computed in each cross-validation fold from that fold's training rows only)"));
                default -> {
                    // Numbers and few categories are read as they are.
                }
            }
        }
        return notes;
    }

    /** Importance per raw feature: the model's importance of its inputs summed by feature, normalised to 1. */
    private static List<FeatureImportance> importances(Fit fit, TrainingData data) {
        double[] byInput = fit.predictor().importance();
        int[] source = fit.preprocessor().sourceOf();
        double[] byFeature = new double[data.features().size()];
        for (int i = 0; i < byInput.length && i < source.length; i++) {
            if (Double.isFinite(byInput[i])) {
                byFeature[source[i]] += Math.abs(byInput[i]);
            }
        }
        double total = java.util.Arrays.stream(byFeature).sum();
        List<FeatureImportance> list = new ArrayList<>();
        for (int f = 0; f < byFeature.length; f++) {
            list.add(new FeatureImportance(data.features().get(f).name(), total > 0 ? byFeature[f] / total : 0));
        }
        list.sort(Comparator.comparingDouble(FeatureImportance::importance).reversed());
        return list;
    }

    private static Map<String, MeanStd> summarise(List<Metrics> folds) {
        Map<String, List<Double>> byName = new LinkedHashMap<>();
        for (Metrics metrics : folds) {
            metrics.scores().forEach((name, value) -> {
                if (Double.isFinite(value)) {
                    byName.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
                }
            });
        }
        Map<String, MeanStd> summary = new LinkedHashMap<>();
        byName.forEach((name, values) -> {
            double mean =
                    values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            double variance =
                    values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / values.size();
            summary.put(name, new MeanStd(mean, Math.sqrt(variance)));
        });
        return summary;
    }

    private static int[] rowsWhere(int[] rows, int[] foldOf, int fold, boolean inFold) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            if ((foldOf[i] == fold) == inFold) {
                out.add(rows[i]);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static Optional<String> smallClasses(TrainingData data) {
        int[] counts = new int[data.labels().size()];
        for (int c : data.classes()) {
            counts[c]++;
        }
        List<String> small = new ArrayList<>();
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] < 5) {
                small.add("'" + data.labels().get(c) + "' (" + counts[c] + ")");
            }
        }
        return small.isEmpty()
                ? Optional.empty()
                : Optional.of(
                        "some classes have very few rows, so their scores are unreliable: " + String.join(", ", small));
    }
}
