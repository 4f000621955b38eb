package dev.assay.runner.ingest;

import dev.assay.model.dataset.ColumnType;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
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
import tech.tablesaw.columns.booleans.BooleanColumnType;
import tech.tablesaw.columns.dates.DateColumnType;
import tech.tablesaw.columns.dates.PackedLocalDate;
import tech.tablesaw.columns.datetimes.DateTimeColumnType;
import tech.tablesaw.columns.datetimes.PackedLocalDateTime;
import tech.tablesaw.columns.numbers.IntColumnType;
import tech.tablesaw.columns.numbers.LongColumnType;

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

    private static final int MISSING_INT = IntColumnType.missingValueIndicator();
    private static final long MISSING_LONG = LongColumnType.missingValueIndicator();

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
            case BOOLEAN -> new Booleans(name, markers);
            case DATE -> {
                DateFormats.Layout layout = decision.layout().orElseThrow();
                yield new Dates(name, markers, raw -> dateCell(raw, layout::date));
            }
            case DATETIME -> {
                DateFormats.Layout layout = decision.layout().orElseThrow();
                yield new DateTimes(name, markers, raw -> dateCell(raw, layout::dateTime));
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
        /** The values while they fit an int (missing: Tablesaw's missing int), else null. */
        private Blocks.Ints ints;
        /** The values once one needed a long (missing: Tablesaw's missing long), else null. */
        private Blocks.Longs longs;

        private Column<?> built;
        private long staged;
        private boolean missing;
        private final Markers markers;

        Integers(String name, boolean wide, Markers markers) {
            this.name = name;
            this.markers = markers;
            if (wide) {
                longs = new Blocks.Longs();
            } else {
                ints = new Blocks.Ints();
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
            Blocks.Longs wide = new Blocks.Longs();
            ints.drain((row, value) -> wide.add(value == MISSING_INT ? MISSING_LONG : value));
            longs = wide;
            ints = null;
        }

        @Override
        boolean stagedEquals(int row) {
            if (longs != null) {
                long stored = longs.get(row);
                return missing ? stored == MISSING_LONG : stored != MISSING_LONG && stored == staged;
            }
            int stored = ints.get(row);
            return missing ? stored == MISSING_INT : stored != MISSING_INT && stored == staged;
        }

        @Override
        void commit() {
            if (longs != null) {
                longs.add(missing ? MISSING_LONG : staged);
            } else {
                ints.add(missing ? MISSING_INT : (int) staged);
            }
        }

        @Override
        ColumnType type() {
            return ColumnType.INTEGER;
        }

        @Override
        Column<?> column() {
            if (built == null) {
                if (longs != null) {
                    LongColumn column = LongColumn.create(name, longs.size());
                    longs.drain(column::set);
                    built = column;
                } else {
                    IntColumn column = IntColumn.create(name, ints.size());
                    ints.drain(column::set);
                    built = column;
                }
            }
            return built;
        }
    }

    static final class Doubles extends ColumnSink {
        private final String name;
        /** Each value's bits, as Tablesaw keeps the double (missing: NaN). */
        private final Blocks.Longs values = new Blocks.Longs();

        private DoubleColumn built;
        private double staged;
        private final Markers markers;

        Doubles(String name, Markers markers) {
            this.name = name;
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
            return Double.compare(Double.longBitsToDouble(values.get(row)), staged) == 0;
        }

        @Override
        void commit() {
            values.add(Double.doubleToRawLongBits(staged));
        }

        @Override
        ColumnType type() {
            return ColumnType.DECIMAL;
        }

        @Override
        Column<?> column() {
            if (built == null) {
                // Tablesaw's one way to a double column of an exact size is a copy of an array: its column from a
                // collection appends each value boxed to a list grown by half again (13.8 M slots for 10 M rows).
                // The blocks are drained into that array, each dropped once copied, and the array copied once.
                double[] exact = new double[values.size()];
                values.drain((row, bits) -> exact[row] = Double.longBitsToDouble(bits));
                built = DoubleColumn.create(name, exact);
            }
            return built;
        }
    }

    /** Booleans as Tablesaw stores them, a byte each: 1, 0, or its missing byte. */
    static final class Booleans extends ColumnSink {
        private final String name;
        private final Blocks.Bytes values = new Blocks.Bytes();
        private final Markers markers;

        private BooleanColumn built;
        private byte staged;

        Booleans(String name, Markers markers) {
            this.name = name;
            this.markers = markers;
        }

        @Override
        void stage(String raw) {
            if (markers.isMissing(raw)) {
                staged = BooleanColumnType.MISSING_VALUE;
                return;
            }
            String value = raw.strip();
            if (!Values.isBoolean(value)) {
                throw MISFIT;
            }
            staged = Values.parseBoolean(value) ? BooleanColumnType.BYTE_TRUE : BooleanColumnType.BYTE_FALSE;
        }

        @Override
        boolean stagedEquals(int row) {
            return values.get(row) == staged;
        }

        @Override
        void commit() {
            values.add(staged);
        }

        @Override
        ColumnType type() {
            return ColumnType.BOOLEAN;
        }

        @Override
        Column<?> column() {
            if (built == null) {
                BooleanColumn column = BooleanColumn.create(name, values.size());
                values.drain(column::set);
                built = column;
            }
            return built;
        }
    }

    /**
     * Dates packed as Tablesaw packs them, an int each. A staged date is compared with a stored one as Tablesaw would
     * hand it back, unpacked, exactly as when the column held it.
     */
    static final class Dates extends ColumnSink {
        private final String name;
        private final Blocks.Ints values = new Blocks.Ints();
        private final Markers markers;
        private final Function<String, LocalDate> parse;

        private DateColumn built;
        private LocalDate staged;

        Dates(String name, Markers markers, Function<String, LocalDate> parse) {
            this.name = name;
            this.markers = markers;
            this.parse = parse;
        }

        @Override
        void stage(String raw) {
            staged = markers.isMissing(raw) ? null : parse.apply(raw);
        }

        @Override
        boolean stagedEquals(int row) {
            int stored = values.get(row);
            return stored == DateColumnType.missingValueIndicator()
                    ? staged == null
                    : Objects.equals(PackedLocalDate.asLocalDate(stored), staged);
        }

        @Override
        void commit() {
            values.add(PackedLocalDate.pack(staged));
        }

        @Override
        ColumnType type() {
            return ColumnType.DATE;
        }

        @Override
        Column<?> column() {
            if (built == null) {
                DateColumn column = DateColumn.create(name, values.size());
                values.drain(column::set);
                built = column;
            }
            return built;
        }
    }

    /** Date-times packed as Tablesaw packs them, a long each; compared as {@link Dates} are. */
    static final class DateTimes extends ColumnSink {
        private final String name;
        private final Blocks.Longs values = new Blocks.Longs();
        private final Markers markers;
        private final Function<String, LocalDateTime> parse;

        private DateTimeColumn built;
        private LocalDateTime staged;

        DateTimes(String name, Markers markers, Function<String, LocalDateTime> parse) {
            this.name = name;
            this.markers = markers;
            this.parse = parse;
        }

        @Override
        void stage(String raw) {
            staged = markers.isMissing(raw) ? null : parse.apply(raw);
        }

        @Override
        boolean stagedEquals(int row) {
            long stored = values.get(row);
            return stored == DateTimeColumnType.missingValueIndicator()
                    ? staged == null
                    : Objects.equals(PackedLocalDateTime.asLocalDateTime(stored), staged);
        }

        @Override
        void commit() {
            values.add(staged == null ? DateTimeColumnType.missingValueIndicator() : PackedLocalDateTime.pack(staged));
        }

        @Override
        ColumnType type() {
            return ColumnType.DATETIME;
        }

        @Override
        Column<?> column() {
            if (built == null) {
                DateTimeColumn column = DateTimeColumn.create(name, values.size());
                values.drain(column::set);
                built = column;
            }
            return built;
        }
    }

    /**
     * Text: a Tablesaw column that keeps each distinct value once. The parse function gets the cell as written and
     * throws {@link Misfit} for a cell that does not fit.
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
