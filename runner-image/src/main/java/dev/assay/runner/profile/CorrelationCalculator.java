package dev.assay.runner.profile;

import dev.assay.model.profile.CorrelationMatrix;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.strings.DictionaryMap;
import tech.tablesaw.columns.strings.NullDictionaryMap;
import tech.tablesaw.columns.strings.StringColumnType;

/** Pearson and Spearman between numeric columns, Cramér's V between categorical ones, on a row sample. */
final class CorrelationCalculator {

    /** Wide tables: correlate at most this many columns of each family, in table order. */
    static final int MAX_COLUMNS = 30;

    private CorrelationCalculator() {}

    /** Sampled numeric values, NaN where missing or infinite. */
    static double[] numbers(NumericColumn<?> column, int[] rows) {
        double[] values = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            double value = column.isMissing(rows[i]) ? Double.NaN : column.getDouble(rows[i]);
            values[i] = Double.isInfinite(value) ? Double.NaN : value;
        }
        return values;
    }

    static CorrelationMatrix pearson(List<String> names, List<double[]> columns) {
        return matrix(names, columns, CorrelationCalculator::pearson);
    }

    static CorrelationMatrix spearman(List<String> names, List<double[]> columns) {
        return matrix(
                names, columns.stream().map(CorrelationCalculator::ranks).toList(), CorrelationCalculator::pearson);
    }

    /** Codes 0, 1, 2… per sampled row (-1 missing) of a categorical column, in order of first appearance. */
    static int[] codes(Column<?> column, int[] rows) {
        int[] codes = new int[rows.length];
        if (column instanceof StringColumn text && !(text.getDictionary() instanceof NullDictionaryMap)) {
            // The dictionary's keys already tell values apart: renumber them densely instead of hashing strings.
            DictionaryMap dictionary = text.getDictionary();
            Int2IntOpenHashMap dense = new Int2IntOpenHashMap();
            for (int i = 0; i < rows.length; i++) {
                int key = dictionary.getKeyAtIndex(rows[i]);
                codes[i] = StringColumnType.valueIsMissing(dictionary.getValueForKey(key))
                        ? -1
                        : dense.computeIfAbsent(key, k -> dense.size());
            }
            return codes;
        }
        Map<String, Integer> dictionary = new HashMap<>();
        for (int i = 0; i < rows.length; i++) {
            codes[i] = column.isMissing(rows[i])
                    ? -1
                    : dictionary.computeIfAbsent(column.getString(rows[i]), k -> dictionary.size());
        }
        return codes;
    }

    static CorrelationMatrix cramersV(List<String> names, List<int[]> columns) {
        int k = names.size();
        List<List<Double>> values = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            List<Double> row = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                row.add(i == j ? 1.0 : null);
            }
            values.add(row);
        }
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                Double v = cramersV(columns.get(i), columns.get(j));
                values.get(i).set(j, v);
                values.get(j).set(i, v);
            }
        }
        return new CorrelationMatrix(names, values);
    }

    private interface Pair {
        Double of(double[] a, double[] b);
    }

    private static CorrelationMatrix matrix(List<String> names, List<double[]> columns, Pair pair) {
        int k = names.size();
        List<List<Double>> values = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            values.add(new ArrayList<>(java.util.Collections.nCopies(k, (Double) null)));
        }
        for (int i = 0; i < k; i++) {
            for (int j = i; j < k; j++) {
                Double r = pair.of(columns.get(i), columns.get(j));
                values.get(i).set(j, r);
                values.get(j).set(i, r);
            }
        }
        return new CorrelationMatrix(names, values);
    }

    /** Over rows where both are present; null when either is constant there or fewer than 3 rows remain. */
    static Double pearson(double[] a, double[] b) {
        long n = 0;
        double sumA = 0;
        double sumB = 0;
        for (int i = 0; i < a.length; i++) {
            if (!Double.isNaN(a[i]) && !Double.isNaN(b[i])) {
                n++;
                sumA += a[i];
                sumB += b[i];
            }
        }
        if (n < 3) {
            return null;
        }
        double meanA = sumA / n;
        double meanB = sumB / n;
        double cov = 0;
        double varA = 0;
        double varB = 0;
        for (int i = 0; i < a.length; i++) {
            if (!Double.isNaN(a[i]) && !Double.isNaN(b[i])) {
                double da = a[i] - meanA;
                double db = b[i] - meanB;
                cov += da * db;
                varA += da * da;
                varB += db * db;
            }
        }
        if (varA <= 0 || varB <= 0) {
            return null;
        }
        return Math.max(-1, Math.min(1, cov / Math.sqrt(varA * varB)));
    }

    /** Average ranks of the present values; NaN stays NaN. Sorts primitives: a rank is found by binary search. */
    static double[] ranks(double[] values) {
        double[] sorted =
                Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        double[] ranks = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                ranks[i] = Double.NaN;
            } else {
                int first = firstIndex(sorted, values[i]);
                int last = firstIndex(sorted, Math.nextUp(values[i]));
                ranks[i] = (first + last + 1) / 2.0;
            }
        }
        return ranks;
    }

    /** The first position in a sorted array whose value is at least {@code value}. */
    private static int firstIndex(double[] sorted, double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] < value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** Bias-corrected Cramér's V (Bergsma 2013) over rows where both are present; codes are dense (0…k-1). */
    static Double cramersV(int[] a, int[] b) {
        int ka = Arrays.stream(a).max().orElse(-1) + 1;
        int kb = Arrays.stream(b).max().orElse(-1) + 1;
        long[] cells = new long[ka * kb];
        long[] rowsA = new long[ka];
        long[] rowsB = new long[kb];
        long n = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] >= 0 && b[i] >= 0) {
                n++;
                cells[a[i] * kb + b[i]]++;
                rowsA[a[i]]++;
                rowsB[b[i]]++;
            }
        }
        int r = (int) Arrays.stream(rowsA).filter(count -> count > 0).count();
        int c = (int) Arrays.stream(rowsB).filter(count -> count > 0).count();
        if (n < 3 || r < 2 || c < 2) {
            return null;
        }
        double chi2 = 0;
        for (int i = 0; i < ka; i++) {
            for (int j = 0; j < kb; j++) {
                if (rowsA[i] > 0 && rowsB[j] > 0) {
                    double expected = (double) rowsA[i] * rowsB[j] / n;
                    double o = cells[i * kb + j];
                    chi2 += (o - expected) * (o - expected) / expected;
                }
            }
        }
        double phi2 = chi2 / n;
        double phi2corr = Math.max(0, phi2 - (double) (r - 1) * (c - 1) / (n - 1));
        double rcorr = r - (double) (r - 1) * (r - 1) / (n - 1);
        double ccorr = c - (double) (c - 1) * (c - 1) / (n - 1);
        double denominator = Math.min(rcorr - 1, ccorr - 1);
        return denominator <= 0 ? null : Math.min(1, Math.sqrt(phi2corr / denominator));
    }
}
