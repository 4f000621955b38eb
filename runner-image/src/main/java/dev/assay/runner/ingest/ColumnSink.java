package dev.assay.runner.ingest;

import dev.assay.model.dataset.ColumnType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;
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
            case BOOLEAN -> new Booleans(name);
            case DATE -> new Dates(name, decision.layout().orElseThrow());
            case DATETIME -> new DateTimes(name, decision.layout().orElseThrow());
            case STRING -> new Strings(name);
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

    static final class Booleans extends ColumnSink {
        private final BooleanColumn column;
        private Boolean staged;

        Booleans(String name) {
            column = BooleanColumn.create(name);
        }

        @Override
        void stage(String raw) {
            staged = Values.isMissing(raw) ? null : Values.parseBoolean(raw.strip());
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
            return ColumnType.BOOLEAN;
        }

        @Override
        Column<?> column() {
            return column;
        }
    }

    static final class Dates extends ColumnSink {
        private final DateColumn column;
        private final DateFormats.Layout layout;
        private LocalDate staged;

        Dates(String name, DateFormats.Layout layout) {
            column = DateColumn.create(name);
            this.layout = layout;
        }

        @Override
        void stage(String raw) {
            staged = Values.isMissing(raw) ? null : layout.date(raw.strip());
        }

        @Override
        boolean stagedEquals(int row) {
            return Objects.equals(column.get(row), staged);
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
            return ColumnType.DATE;
        }

        @Override
        Column<?> column() {
            return column;
        }
    }

    static final class DateTimes extends ColumnSink {
        private final DateTimeColumn column;
        private final DateFormats.Layout layout;
        private LocalDateTime staged;

        DateTimes(String name, DateFormats.Layout layout) {
            column = DateTimeColumn.create(name);
            this.layout = layout;
        }

        @Override
        void stage(String raw) {
            staged = Values.isMissing(raw) ? null : layout.dateTime(raw.strip());
        }

        @Override
        boolean stagedEquals(int row) {
            return Objects.equals(column.get(row), staged);
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
            return ColumnType.DATETIME;
        }

        @Override
        Column<?> column() {
            return column;
        }
    }

    /** Text keeps the cell exactly as written; only missing markers become missing. */
    static final class Strings extends ColumnSink {
        private final StringColumn column;
        private String staged;

        Strings(String name) {
            column = StringColumn.create(name);
        }

        @Override
        void stage(String raw) {
            staged = Values.isMissing(raw) ? null : raw;
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
            return ColumnType.STRING;
        }

        @Override
        Column<?> column() {
            return column;
        }
    }
}
