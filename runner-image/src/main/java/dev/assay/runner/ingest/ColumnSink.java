package dev.assay.runner.ingest;

import dev.assay.model.dataset.ColumnType;
import java.time.DateTimeException;
import java.util.Objects;
import java.util.function.Function;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

/**
 * Turns one column's cells into a typed Tablesaw column. A row is first staged in every sink, compared with an
 * earlier row when its hash says it may be a duplicate, and only then committed.
 *
 * <p>Staging checks that the cell fits the column's type by the same rules as {@link ColumnGuess}, and throws
 * {@link Misfit} when it does not: the one-pass read settles types on the first rows only, and a later cell of
 * another kind sends it back to the two-pass read. In the two-pass read every cell fits by construction.
 */
abstract sealed class ColumnSink {

    /** A cell that does not fit the type the column was settled on; carries no stack trace (it is control flow). */
    static final class Misfit extends RuntimeException {
        Misfit() {
            super("a value does not fit its column's type", null, false, false);
        }
    }

    static final Misfit MISFIT = new Misfit();

    /** Parses a cell into the staging slot; null or a missing marker stages a missing value. */
    abstract void stage(String raw);

    /** Whether the staged value equals the value stored at {@code row}. */
    abstract boolean stagedEquals(int row);

    abstract void commit();

    abstract Column<?> column();

    /** How the column is stored. */
    abstract ColumnType type();

    static ColumnSink of(String name, ColumnGuess.Decision decision) {
        return of(name, decision, Markers.DEFAULT);
    }

    /** A column that reads {@code markers} as missing. */
    static ColumnSink of(String name, ColumnGuess.Decision decision, Markers markers) {
        return switch (decision.type()) {
            case INTEGER -> new Integers(name, decision.wideIntegers(), markers);
            case DECIMAL -> new Doubles(name, markers);
            case BOOLEAN ->
                new Cells<>(
                        BooleanColumn.create(name),
                        markers,
                        raw -> {
                            String value = raw.strip();
                            if (!Values.isBoolean(value)) {
                                throw MISFIT;
                            }
                            return Values.parseBoolean(value);
                        },
                        ColumnType.BOOLEAN);
            case DATE -> {
                DateFormats.Layout layout = decision.layout().orElseThrow();
                yield new Cells<>(
                        DateColumn.create(name), markers, raw -> dateCell(raw, layout::date), ColumnType.DATE);
            }
            case DATETIME -> {
                DateFormats.Layout layout = decision.layout().orElseThrow();
                yield new Cells<>(
                        DateTimeColumn.create(name),
                        markers,
                        raw -> dateCell(raw, layout::dateTime),
                        ColumnType.DATETIME);
            }
            // Text keeps the cell exactly as written; only missing markers become missing.
            case STRING -> new Cells<>(StringColumn.create(name), markers, raw -> raw, ColumnType.STRING);
        };
    }

    /** A date cell read with the column's layout; a value {@link ColumnGuess} would not count as a date misfits. */
    private static <T> T dateCell(String raw, Function<String, T> parse) {
        String value = raw.strip();
        if (!DateFormats.mightBeDate(value)) {
            throw MISFIT;
        }
        try {
            return parse.apply(value);
        } catch (DateTimeException e) {
            throw MISFIT;
        }
    }

    /**
     * Integers, stored as ints until a value needs more (or is Integer.MIN_VALUE, Tablesaw's missing int), then
     * as longs: the one-pass read cannot know beforehand whether a later value outgrows an int.
     */
    static final class Integers extends ColumnSink {
        private final String name;
        private IntColumn ints;
        private LongColumn longs;
        private long staged;
        private boolean missing;
        private final Markers markers;

        Integers(String name, boolean wide, Markers markers) {
            this.name = name;
            this.markers = markers;
            if (wide) {
                longs = LongColumn.create(name);
            } else {
                ints = IntColumn.create(name);
            }
        }

        @Override
        void stage(String raw) {
            missing = markers.isMissing(raw);
            if (missing) {
                return;
            }
            String value = raw.strip();
            if (!Values.looksIntegral(value)) {
                throw MISFIT;
            }
            long parsed;
            try {
                parsed = Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw MISFIT;
            }
            if (parsed == Long.MIN_VALUE) {
                throw MISFIT;
            }
            staged = parsed;
            if (longs == null && (parsed <= Integer.MIN_VALUE || parsed > Integer.MAX_VALUE)) {
                widen();
            }
        }

        private void widen() {
            longs = LongColumn.create(name, ints.size());
            for (int row = 0; row < ints.size(); row++) {
                if (ints.isMissing(row)) {
                    longs.setMissing(row);
                } else {
                    longs.set(row, (long) ints.getInt(row));
                }
            }
            ints = null;
        }

        @Override
        boolean stagedEquals(int row) {
            if (longs != null) {
                return missing ? longs.isMissing(row) : !longs.isMissing(row) && longs.getLong(row) == staged;
            }
            return missing ? ints.isMissing(row) : !ints.isMissing(row) && ints.getInt(row) == staged;
        }

        @Override
        void commit() {
            if (longs != null) {
                if (missing) {
                    longs.appendMissing();
                } else {
                    longs.append(staged);
                }
            } else if (missing) {
                ints.appendMissing();
            } else {
                ints.append((int) staged);
            }
        }

        @Override
        ColumnType type() {
            return ColumnType.INTEGER;
        }

        @Override
        Column<?> column() {
            return longs != null ? longs : ints;
        }
    }

    static final class Doubles extends ColumnSink {
        private final DoubleColumn column;
        private double staged;
        private final Markers markers;

        Doubles(String name, Markers markers) {
            column = DoubleColumn.create(name);
            this.markers = markers;
        }

        @Override
        void stage(String raw) {
            if (markers.isMissing(raw)) {
                staged = Double.NaN;
                return;
            }
            String value = raw.strip();
            if (!Values.isNumber(value)) {
                throw MISFIT;
            }
            staged = Values.parseDecimal(value);
        }

        @Override
        boolean stagedEquals(int row) {
            return Double.compare(column.getDouble(row), staged) == 0;
        }

        @Override
        void commit() {
            column.append(staged);
        }

        @Override
        ColumnType type() {
            return ColumnType.DECIMAL;
        }

        @Override
        Column<?> column() {
            return column;
        }
    }

    /**
     * Booleans, dates, date-times and text: object-valued Tablesaw columns, so one sink serves them all. The parse
     * function gets the cell as written (text keeps it exactly, the others strip it first) and throws
     * {@link Misfit} for a cell that does not fit.
     */
    static final class Cells<T> extends ColumnSink {
        private final Column<T> column;
        private final Function<String, T> parse;
        private final ColumnType type;
        private T staged;
        private final Markers markers;

        Cells(Column<T> column, Markers markers, Function<String, T> parse, ColumnType type) {
            this.column = column;
            this.markers = markers;
            this.parse = parse;
            this.type = type;
        }

        @Override
        void stage(String raw) {
            staged = markers.isMissing(raw) ? null : parse.apply(raw);
        }

        @Override
        boolean stagedEquals(int row) {
            return column.isMissing(row) ? staged == null : Objects.equals(column.get(row), staged);
        }

        @Override
        void commit() {
            if (staged == null) {
                column.appendMissing();
            } else {
                column.append(staged);
            }
        }

        @Override
        ColumnType type() {
            return type;
        }

        @Override
        Column<?> column() {
            return column;
        }
    }
}
