package dev.assay.runner.training;

import java.io.Serializable;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.columns.Column;

/**
 * One feature's values as the model pipeline reads them: numbers (NaN where missing) or categories (null where
 * missing). Which of the two a column is is decided once, at training, and kept in the fitted pipeline so that
 * prediction reads new data the same way.
 */
public sealed interface RawColumn permits RawColumn.Numbers, RawColumn.Categories {

    String name();

    int size();

    boolean isMissing(int row);

    /** How a feature is read; stored with the fitted model. A date is read as days since 1970-01-01. */
    enum Reading implements Serializable {
        NUMBER,
        CATEGORY,
        DATE
    }

    record Numbers(String name, double[] values) implements RawColumn {
        @Override
        public int size() {
            return values.length;
        }

        @Override
        public boolean isMissing(int row) {
            return Double.isNaN(values[row]);
        }
    }

    record Categories(String name, String[] values) implements RawColumn {
        @Override
        public int size() {
            return values.length;
        }

        @Override
        public boolean isMissing(int row) {
            return values[row] == null;
        }
    }

    /** Reads a Tablesaw column; a numeric column read as categories uses its printed values ("1", "2"). */
    static RawColumn read(Column<?> column, Reading reading) {
        if (reading == Reading.DATE) {
            return new Numbers(column.name(), days(column));
        }
        if (reading == Reading.NUMBER && column instanceof NumericColumn<?> numbers) {
            double[] values = new double[numbers.size()];
            for (int row = 0; row < values.length; row++) {
                values[row] = numbers.isMissing(row) ? Double.NaN : numbers.getDouble(row);
            }
            return new Numbers(column.name(), values);
        }
        if (reading == Reading.NUMBER) {
            // Prediction data whose column became text: read what parses, the rest is missing.
            double[] values = new double[column.size()];
            for (int row = 0; row < values.length; row++) {
                values[row] = column.isMissing(row) ? Double.NaN : parse(column.getString(row));
            }
            return new Numbers(column.name(), values);
        }
        String[] values = new String[column.size()];
        for (int row = 0; row < values.length; row++) {
            values[row] = column.isMissing(row) ? null : column.getString(row);
        }
        return new Categories(column.name(), values);
    }

    /** Days since 1970-01-01 (with the time of day as a fraction); NaN where missing or not a date. */
    private static double[] days(Column<?> column) {
        double[] values = new double[column.size()];
        for (int row = 0; row < values.length; row++) {
            values[row] = Double.NaN;
            if (column.isMissing(row)) {
                continue;
            }
            Object value = column.get(row);
            if (value instanceof java.time.LocalDate date) {
                values[row] = date.toEpochDay();
            } else if (value instanceof java.time.LocalDateTime time) {
                values[row] =
                        time.toLocalDate().toEpochDay() + time.toLocalTime().toSecondOfDay() / 86_400.0;
            } else if (value instanceof java.time.Instant instant) {
                values[row] = instant.getEpochSecond() / 86_400.0;
            }
        }
        return values;
    }

    private static double parse(String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
