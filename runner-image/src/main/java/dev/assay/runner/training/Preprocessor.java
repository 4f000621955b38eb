package dev.assay.runner.training;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The model's own input pipeline: one fitted {@link FeatureEncoder} per feature, fitted on the training rows
 * it is given and on nothing else, so that cross-validation and the hold-out score never see statistics of
 * the rows they are scored on.
 */
public record Preprocessor(List<FeatureEncoder> encoders) implements Serializable {

    public Preprocessor {
        encoders = List.copyOf(encoders);
    }

    public static Preprocessor fit(List<RawColumn> features, int[] trainRows, int maxCategories) {
        return new Preprocessor(features.stream()
                .map(f -> FeatureEncoder.fit(f, trainRows, maxCategories))
                .toList());
    }

    /** As {@link #fit(List, int[], int)}, reading each feature as training decided (dates become their parts). */
    public static Preprocessor fit(
            List<RawColumn> features, List<RawColumn.Reading> readings, int[] trainRows, int maxCategories) {
        List<FeatureEncoder> encoders = new ArrayList<>();
        for (int f = 0; f < features.size(); f++) {
            encoders.add(
                    readings.get(f) == RawColumn.Reading.DATE
                            ? FeatureEncoder.DateEncoder.fit((RawColumn.Numbers) features.get(f), trainRows)
                            : FeatureEncoder.fit(features.get(f), trainRows, maxCategories));
        }
        return new Preprocessor(encoders);
    }

    public List<String> outputs() {
        List<String> names = new ArrayList<>();
        encoders.forEach(e -> names.addAll(e.outputs()));
        return names;
    }

    /** For each model input, the index of the raw feature it comes from. */
    public int[] sourceOf() {
        List<Integer> sources = new ArrayList<>();
        for (int f = 0; f < encoders.size(); f++) {
            for (int i = 0; i < encoders.get(f).outputs().size(); i++) {
                sources.add(f);
            }
        }
        return sources.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Model inputs of the given rows, row-major. {@code features} are in the order of the encoders. */
    public double[][] transform(List<RawColumn> features, int[] rows) {
        int width = outputs().size();
        int[] widths = encoders.stream().mapToInt(e -> e.outputs().size()).toArray();
        double[][] x = new double[rows.length][width];
        for (int i = 0; i < rows.length; i++) {
            int offset = 0;
            for (int f = 0; f < encoders.size(); f++) {
                encoders.get(f).encode(features.get(f), rows[i], x[i], offset);
                offset += widths[f];
            }
        }
        return x;
    }
}
