package dev.assay.runner.table;

import java.util.Arrays;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.columns.Column;

/** Small helpers over Tablesaw columns that several actions share. */
public final class Columns {

    private Columns() {}

    /** The values as doubles, NaN where missing. */
    public static double[] doubles(NumericColumn<?> column) {
        double[] values = new double[column.size()];
        for (int row = 0; row < values.length; row++) {
            values[row] = column.isMissing(row) ? Double.NaN : column.getDouble(row);
        }
        return values;
    }

    /** The non-missing values, sorted. */
    public static double[] sortedPresent(double[] values) {
        return Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
    }

    public static boolean isIntegral(Column<?> column) {
        return column instanceof IntColumn || column instanceof LongColumn || column instanceof ShortColumn;
    }

    /**
     * A new column of the same storage as {@code like} (integers stay integers, rounded half up), named
     * {@code name}, holding {@code values} (NaN means missing).
     */
    public static Column<?> numericLike(Column<?> like, String name, double[] values) {
        return switch (like) {
            case IntColumn c -> {
                IntColumn out = IntColumn.create(name, values.length);
                for (int row = 0; row < values.length; row++) {
                    if (Double.isNaN(values[row])) {
                        out.setMissing(row);
                    } else {
                        out.set(row, (int) Math.round(values[row]));
                    }
                }
                yield out;
            }
            case LongColumn c -> {
                LongColumn out = LongColumn.create(name, values.length);
                for (int row = 0; row < values.length; row++) {
                    if (Double.isNaN(values[row])) {
                        out.setMissing(row);
                    } else {
                        out.set(row, Math.round(values[row]));
                    }
                }
                yield out;
            }
            case ShortColumn c -> {
                ShortColumn out = ShortColumn.create(name, values.length);
                for (int row = 0; row < values.length; row++) {
                    if (Double.isNaN(values[row])) {
                        out.setMissing(row);
                    } else {
                        out.set(row, (short) Math.round(values[row]));
                    }
                }
                yield out;
            }
            case FloatColumn c -> {
                FloatColumn out = FloatColumn.create(name, values.length);
                for (int row = 0; row < values.length; row++) {
                    if (Double.isNaN(values[row])) {
                        out.setMissing(row);
                    } else {
                        out.set(row, (float) values[row]);
                    }
                }
                yield out;
            }
            default -> DoubleColumn.create(name, values);
        };
    }

    /**
     * The q-quantile (0..1) of sorted values by linear interpolation between closest ranks, as numpy and
     * pandas compute it by default.
     */
    public static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /** Up to {@code max} examples for a warning, quoted. */
    public static String examples(List<String> values, int max) {
        return String.join(
                ", ",
                values.stream().limit(max).map(v -> "'" + abbreviate(v) + "'").toList());
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
