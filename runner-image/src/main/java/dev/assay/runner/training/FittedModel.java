package dev.assay.runner.training;

import dev.assay.model.plan.params.ModelAlgorithm;
import dev.assay.model.plan.params.ModelTask;
import dev.assay.runner.core.InputException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * A trained model with its preprocessing, as saved in model.bin: give it a table with the feature columns and
 * it predicts. It reads each feature the way it did in training and applies the statistics fitted then.
 *
 * @param features  raw feature columns, in the order of the preprocessor's encoders
 * @param classes   classification: the class labels, by code; empty for regression
 */
public record FittedModel(
        int formatVersion,
        ModelTask task,
        ModelAlgorithm algorithm,
        String target,
        List<String> features,
        List<RawColumn.Reading> readings,
        List<String> classes,
        Preprocessor preprocessor,
        Predictor predictor)
        implements Serializable {

    /** 2: date features and the frequency input of high-cardinality categories. */
    public static final int FORMAT_VERSION = 2;

    public FittedModel {
        features = List.copyOf(features);
        readings = List.copyOf(readings);
        classes = List.copyOf(classes);
    }

    /**
     * Predictions for every row of the table.
     *
     * @throws InputException when a feature column is missing from the table
     */
    public Predictions predict(Table table) {
        List<RawColumn> raw = new ArrayList<>();
        for (int f = 0; f < features.size(); f++) {
            if (!table.containsColumn(features.get(f))) {
                throw new InputException(
                        table.name(),
                        java.util.OptionalLong.empty(),
                        java.util.Optional.of(features.get(f)),
                        "the model needs this column, which the data does not have");
            }
            raw.add(RawColumn.read(table.column(features.get(f)), readings.get(f)));
        }
        int[] rows = java.util.stream.IntStream.range(0, table.rowCount()).toArray();
        return predict(preprocessor.transform(raw, rows));
    }

    Predictions predict(double[][] x) {
        if (predictor instanceof Predictor.ForClasses classifier) {
            int[] codes = new int[x.length];
            double[][] probabilities = new double[x.length][classes.size()];
            for (int i = 0; i < x.length; i++) {
                codes[i] = classifier.predict(x[i], probabilities[i]);
            }
            return new Predictions(classes, codes, probabilities, new double[0]);
        }
        Predictor.ForValues regressor = (Predictor.ForValues) predictor;
        double[] values = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            values[i] = regressor.predict(x[i]);
        }
        return new Predictions(List.of(), new int[0], new double[0][], values);
    }

    /**
     * What a model predicted. Classification fills {@code codes} and {@code probabilities} (per row, per class in
     * the order of {@code classes}); regression fills {@code values}.
     */
    public record Predictions(List<String> classes, int[] codes, double[][] probabilities, double[] values) {

        public String label(int row) {
            return classes.get(codes[row]);
        }

        public int size() {
            return classes.isEmpty() ? values.length : codes.length;
        }
    }
}
