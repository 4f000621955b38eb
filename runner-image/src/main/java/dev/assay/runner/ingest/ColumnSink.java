package dev.assay.runner.ingest;

import dev.assay.model.dataset.ColumnType;
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
 * Second pass: turns one column's cells into a typed Tablesaw column. A row is first staged in every sink,
 * compared with an earlier row when its hash says it may be a duplicate, and only then committed.
 */
abstract sealed class ColumnSink {

    /** Parses a cell into the staging slot; null or a missing marker stages a missing value. */
    abstract void stage(String raw);

    /** Whether the staged value equals the value stored at {@code row}. */
    abstract boolean stagedEquals(int row);

    abstract void commit();

    abstract Column<?> column();

    /** How the column is stored. */
    abstract ColumnType type();

    static ColumnSink of(String name, ColumnGuess.Decision decision) {
        return switch (decision.type()) {
            case INTEGER -> decision.wideIntegers() ? new Longs(name) : new Ints(name);
            case DECIMAL -> new Doubles(name);
            case BOOLEAN -> new Cells<>(BooleanColumn.create(name), raw -> Values.parseBoolean(raw.strip()),
                    ColumnType.BOOLEAN);
            case DATE -> {
                DateFormats.Layout layout = decision.layout().orElseThrow();
                yield new Cells<>(DateColumn.create(name), raw -> layout.date(raw.strip()), ColumnType.DATE);
            }
            case DATETIME -> {
                DateFormats.Layout layout = decision.layout().orElseThrow();
                yield new Cells<>(DateTimeColumn.create(name), raw -> layout.dateTime(raw.strip()), ColumnType.DATETIME);
            }
            // Text keeps the cell exactly as written; only missing markers become missing.
            case STRING -> new Cells<>(StringColumn.create(name), raw -> raw, ColumnType.STRING);
        };
    }

    static final class Ints extends ColumnSink {
        private final IntColumn column;
        private int staged;
        private boolean missing;

        Ints(String name) {
            column = IntColumn.create(name);
        }

        @Override
        void stage(String raw) {
            missing = Values.isMissing(raw);
            staged = missing ? 0 : Integer.parseInt(raw.strip());
        }

        @Override
        boolean stagedEquals(int row) {
            return missing ? column.isMissing(row) : !column.isMissing(row) && column.getInt(row) == staged;
        }

        @Override
        void commit() {
            if (missing) {
                column.appendMissing();
            } else {
                column.append(staged);
            }
        }

        @Override
        ColumnType type() {
            return ColumnType.INTEGER;
        }

        @Override
        Column<?> column() {
            return column;
        }
    }

    static final class Longs extends ColumnSink {
        private final LongColumn column;
        private long staged;
        private boolean missing;

        Longs(String name) {
            column = LongColumn.create(name);
        }

        @Override
        void stage(String raw) {
            missing = Values.isMissing(raw);
            staged = missing ? 0 : Long.parseLong(raw.strip());
        }

        @Override
        boolean stagedEquals(int row) {
            return missing ? column.isMissing(row) : !column.isMissing(row) && column.getLong(row) == staged;
        }

        @Override
        void commit() {
            if (missing) {
                column.appendMissing();
            } else {
                column.append(staged);
            }
        }

        @Override
        ColumnType type() {
            return ColumnType.INTEGER;
        }

        @Override
        Column<?> column() {
            return column;
        }
    }

    static final class Doubles extends ColumnSink {
        private final DoubleColumn column;
        private double staged;

        Doubles(String name) {
            column = DoubleColumn.create(name);
        }

        @Override
        void stage(String raw) {
            staged = Values.isMissing(raw) ? Double.NaN : Values.parseDecimal(raw.strip());
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
     * function gets the cell as written; text keeps it exactly, the others strip it first.
     */
    static final class Cells<T> extends ColumnSink {
        private final Column<T> column;
        private final Function<String, T> parse;
        private final ColumnType type;
        private T staged;

        Cells(Column<T> column, Function<String, T> parse, ColumnType type) {
            this.column = column;
            this.parse = parse;
            this.type = type;
        }

        @Override
        void stage(String raw) {
            staged = Values.isMissing(raw) ? null : parse.apply(raw);
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
