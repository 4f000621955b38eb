package dev.assay.runner.training;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one raw feature into model inputs, with statistics fitted on training rows only. What the plan did
 * not do, the model does here: a missing number gets the training median (and a 0/1 "missing" input when
 * training rows had gaps, since the gap itself often carries signal); a category gets one 0/1 input per
 * frequent training category, the rest sharing "other".
 */
public sealed interface FeatureEncoder extends Serializable permits FeatureEncoder.NumberEncoder, FeatureEncoder.CategoryEncoder {

    /** The raw feature this encoder reads. */
    String feature();

    RawColumn.Reading reading();

    /** Names of the inputs produced, in order. */
    List<String> outputs();

    /** Writes this feature's inputs for one row at {@code offset}. */
    void encode(RawColumn column, int row, double[] out, int offset);

    static FeatureEncoder fit(RawColumn column, int[] rows, int maxCategories) {
        return switch (column) {
            case RawColumn.Numbers numbers -> NumberEncoder.fit(numbers, rows);
            case RawColumn.Categories categories -> CategoryEncoder.fit(categories, rows, maxCategories);
        };
    }

    record NumberEncoder(String feature, double fill, boolean indicator) implements FeatureEncoder {

        static NumberEncoder fit(RawColumn.Numbers column, int[] rows) {
            double[] present = new double[rows.length];
            int count = 0;
            for (int row : rows) {
                if (!Double.isNaN(column.values()[row])) {
                    present[count++] = column.values()[row];
                }
            }
            double[] sorted = java.util.Arrays.copyOf(present, count);
            java.util.Arrays.sort(sorted);
            double median = count == 0 ? 0.0 : dev.assay.runner.actions.Columns.quantile(sorted, 0.5);
            return new NumberEncoder(column.name(), median, count < rows.length);
        }

        @Override
        public RawColumn.Reading reading() {
            return RawColumn.Reading.NUMBER;
        }

        @Override
        public List<String> outputs() {
            return indicator ? List.of(feature, feature + " is missing") : List.of(feature);
        }

        @Override
        public void encode(RawColumn column, int row, double[] out, int offset) {
            double value = ((RawColumn.Numbers) column).values()[row];
            boolean missing = Double.isNaN(value) || Double.isInfinite(value);
            out[offset] = missing ? fill : value;
            if (indicator) {
                out[offset + 1] = missing ? 1 : 0;
            }
        }
    }

    /**
     * @param categories the kept training categories, most frequent first
     * @param other      whether rarer (or unseen) categories have an input of their own
     */
    record CategoryEncoder(String feature, List<String> categories, boolean other) implements FeatureEncoder {

        public CategoryEncoder {
            categories = List.copyOf(categories);
        }

        static CategoryEncoder fit(RawColumn.Categories column, int[] rows, int maxCategories) {
            Map<String, Integer> counts = new HashMap<>();
            for (int row : rows) {
                String value = column.values()[row];
                if (value != null) {
                    counts.merge(value, 1, Integer::sum);
                }
            }
            List<String> ranked = dev.assay.runner.actions.TableSchema.byFrequency(counts);
            List<String> kept = new ArrayList<>(ranked.subList(0, Math.min(maxCategories, ranked.size())));
            return new CategoryEncoder(column.name(), kept, ranked.size() > kept.size());
        }

        @Override
        public RawColumn.Reading reading() {
            return RawColumn.Reading.CATEGORY;
        }

        @Override
        public List<String> outputs() {
            List<String> names = new ArrayList<>();
            categories.forEach(c -> names.add(feature + " = " + c));
            if (other) {
                names.add(feature + " = other");
            }
            return names;
        }

        @Override
        public void encode(RawColumn column, int row, double[] out, int offset) {
            int width = categories.size() + (other ? 1 : 0);
            java.util.Arrays.fill(out, offset, offset + width, 0.0);
            String value = ((RawColumn.Categories) column).values()[row];
            if (value == null) {
                return;
            }
            int index = indexOf(value);
            if (index >= 0) {
                out[offset + index] = 1;
            } else if (other) {
                out[offset + categories.size()] = 1;
            }
        }

        private int indexOf(String value) {
            // Categories are few (capped); a linear scan avoids keeping a transient map in the serialized model.
            for (int i = 0; i < categories.size(); i++) {
                if (categories.get(i).equals(value)) {
                    return i;
                }
            }
            return -1;
        }
    }
}
