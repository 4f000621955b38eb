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
public sealed interface FeatureEncoder extends Serializable
        permits FeatureEncoder.NumberEncoder, FeatureEncoder.CategoryEncoder, FeatureEncoder.DateEncoder {

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
            double median = count == 0 ? 0.0 : dev.assay.runner.table.Columns.quantile(sorted, 0.5);
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
     * A date as year, month, day of month and weekday (1 = Monday): what a date usually means to a model (season,
     * trend, week rhythm) where its raw day count means little. A missing date gets each part's training median.
     *
     * @param fills     training medians of year, month, day and weekday
     * @param indicator whether training rows had missing dates (then a 0/1 input says so)
     */
    record DateEncoder(String feature, double[] fills, boolean indicator) implements FeatureEncoder {

        static final List<String> PARTS = List.of("year", "month", "day", "weekday");

        static DateEncoder fit(RawColumn.Numbers column, int[] rows) {
            List<double[]> present = new ArrayList<>();
            for (int row : rows) {
                double days = column.values()[row];
                if (Double.isFinite(days)) {
                    present.add(parts(days));
                }
            }
            double[] fills = new double[PARTS.size()];
            for (int p = 0; p < fills.length; p++) {
                int part = p;
                double[] sorted =
                        present.stream().mapToDouble(v -> v[part]).sorted().toArray();
                fills[p] = sorted.length == 0 ? 0 : dev.assay.runner.table.Columns.quantile(sorted, 0.5);
            }
            return new DateEncoder(column.name(), fills, present.size() < rows.length);
        }

        static double[] parts(double days) {
            java.time.LocalDate date = java.time.LocalDate.ofEpochDay((long) Math.floor(days));
            return new double[] {
                date.getYear(),
                date.getMonthValue(),
                date.getDayOfMonth(),
                date.getDayOfWeek().getValue()
            };
        }

        @Override
        public RawColumn.Reading reading() {
            return RawColumn.Reading.DATE;
        }

        @Override
        public List<String> outputs() {
            List<String> names =
                    new ArrayList<>(PARTS.stream().map(p -> feature + " " + p).toList());
            if (indicator) {
                names.add(feature + " is missing");
            }
            return names;
        }

        @Override
        public void encode(RawColumn column, int row, double[] out, int offset) {
            double days = ((RawColumn.Numbers) column).values()[row];
            boolean missing = !Double.isFinite(days);
            double[] parts = missing ? fills : parts(days);
            System.arraycopy(parts, 0, out, offset, PARTS.size());
            if (indicator) {
                out[offset + PARTS.size()] = missing ? 1 : 0;
            }
        }
    }

    /**
     * @param categories the kept training categories, most frequent first
     * @param other      whether rarer (or unseen) categories have an input of their own
     * @param frequency  high-cardinality only (more training categories than are kept): each training value's share
     *                   of the training rows, one more input that lets the model tell the rare values apart; fitted
     *                   on the rows of each fold like every statistic here. Empty otherwise.
     */
    record CategoryEncoder(String feature, List<String> categories, boolean other, Map<String, Double> frequency)
            implements FeatureEncoder {

        public CategoryEncoder {
            categories = List.copyOf(categories);
            frequency = new HashMap<>(frequency);
        }

        public CategoryEncoder(String feature, List<String> categories, boolean other) {
            this(feature, categories, other, Map.of());
        }

        static CategoryEncoder fit(RawColumn.Categories column, int[] rows, int maxCategories) {
            Map<String, Integer> counts = new HashMap<>();
            for (int row : rows) {
                String value = column.values()[row];
                if (value != null) {
                    counts.merge(value, 1, Integer::sum);
                }
            }
            List<String> ranked = dev.assay.runner.table.TableSchema.byFrequency(counts);
            List<String> kept = new ArrayList<>(ranked.subList(0, Math.min(maxCategories, ranked.size())));
            Map<String, Double> frequency = new HashMap<>();
            if (ranked.size() > kept.size()) {
                counts.forEach((value, n) -> frequency.put(value, n / (double) rows.length));
            }
            return new CategoryEncoder(column.name(), kept, ranked.size() > kept.size(), frequency);
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
            if (!frequency.isEmpty()) {
                names.add(feature + " frequency");
            }
            return names;
        }

        @Override
        public void encode(RawColumn column, int row, double[] out, int offset) {
            int width = categories.size() + (other ? 1 : 0);
            java.util.Arrays.fill(out, offset, offset + width + (frequency.isEmpty() ? 0 : 1), 0.0);
            String value = ((RawColumn.Categories) column).values()[row];
            if (value == null) {
                return;
            }
            if (!frequency.isEmpty()) {
                out[offset + width] = frequency.getOrDefault(value, 0.0);
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
