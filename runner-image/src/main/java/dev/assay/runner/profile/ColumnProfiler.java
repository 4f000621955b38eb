package dev.assay.runner.profile;

import dev.assay.model.dataset.ColumnType;
import dev.assay.model.dataset.VariableKind;
import dev.assay.model.profile.DateStats;
import dev.assay.model.profile.Histogram;
import dev.assay.model.profile.NumericStats;
import dev.assay.model.profile.StrayValues;
import dev.assay.model.profile.TextStats;
import dev.assay.model.profile.ValueCount;
import dev.assay.model.profile.VariableProfile;
import dev.assay.runner.table.Kinds;
import it.unimi.dsi.fastutil.objects.Object2LongOpenHashMap;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.dates.DateColumnType;
import tech.tablesaw.columns.dates.PackedLocalDate;
import tech.tablesaw.columns.datetimes.DateTimeColumnType;
import tech.tablesaw.columns.datetimes.PackedLocalDateTime;
import tech.tablesaw.columns.strings.ByteDictionaryMap;
import tech.tablesaw.columns.strings.IntDictionaryMap;
import tech.tablesaw.columns.strings.NullDictionaryMap;
import tech.tablesaw.columns.strings.ShortDictionaryMap;
import tech.tablesaw.columns.strings.StringColumnType;
import tech.tablesaw.columns.times.PackedLocalTime;

/** One column's {@link VariableProfile}: exact counts, quantiles from the sorted values, top values. */
final class ColumnProfiler {

    static final int TOP = 20;
    static final Set<String> BOOLEAN_WORDS = Set.of("true", "false", "yes", "no", "y", "n", "t", "f");

    private ColumnProfiler() {}

    static VariableProfile profile(Column<?> column, Optional<StrayValues> stray) {
        return switch (column) {
            case NumericColumn<?> numbers -> numeric(numbers, stray);
            case StringColumn text -> text(text, stray);
            case BooleanColumn booleans -> booleans(booleans);
            case DateColumn dates -> temporal(column, ColumnType.DATE, epochDays(dates));
            case DateTimeColumn dateTimes -> temporal(column, ColumnType.DATETIME, epochSeconds(dateTimes));
            default -> text(column.asStringColumn(), stray);
        };
    }

    /**
     * Roughly how long a column takes to profile, to start the costly ones first: text without a dictionary is
     * hashed row by row, numbers and dates are sorted, booleans and dictionary text only counted.
     */
    static long cost(Column<?> column) {
        long rows = column.size();
        return switch (column) {
            case StringColumn text -> text.getDictionary() instanceof NullDictionaryMap ? 8 * rows : rows / 4;
            case NumericColumn<?> n -> 3 * rows;
            case DateColumn d -> 3 * rows;
            case DateTimeColumn d -> 3 * rows;
            default -> rows;
        };
    }

    static ColumnType storageOf(Column<?> column) {
        return switch (column) {
            case tech.tablesaw.api.DoubleColumn d -> ColumnType.DECIMAL;
            case tech.tablesaw.api.FloatColumn f -> ColumnType.DECIMAL;
            case NumericColumn<?> n -> ColumnType.INTEGER;
            case BooleanColumn b -> ColumnType.BOOLEAN;
            case DateColumn d -> ColumnType.DATE;
            case DateTimeColumn d -> ColumnType.DATETIME;
            default -> ColumnType.STRING;
        };
    }

    private static VariableProfile numeric(NumericColumn<?> column, Optional<StrayValues> stray) {
        int size = column.size();
        double[] values = new double[size];
        int n = 0;
        long missing = 0;
        long infinite = 0;
        long positiveInfinite = 0;
        boolean increasing = true;
        double previous = Double.NEGATIVE_INFINITY;
        for (int row = 0; row < size; row++) {
            if (column.isMissing(row)) {
                missing++;
                increasing = false;
                continue;
            }
            double value = column.getDouble(row);
            if (Double.isInfinite(value)) {
                infinite++;
                positiveInfinite += value > 0 ? 1 : 0;
                increasing = false;
                continue;
            }
            increasing &= value > previous;
            previous = value;
            values[n++] = value;
        }
        if (n > 200_000) {
            Arrays.parallelSort(values, 0, n);
        } else {
            Arrays.sort(values, 0, n);
        }
        ColumnType storage = storageOf(column);
        Runs runs = Runs.of(values, n, storage == ColumnType.INTEGER);
        long distinct = runs.distinct + (positiveInfinite > 0 ? 1 : 0) + (infinite - positiveInfinite > 0 ? 1 : 0);
        long present = size - missing;
        boolean zeroOne = storage == ColumnType.INTEGER && n > 0 && values[0] >= 0 && values[n - 1] <= 1;
        VariableKind kind =
                Kinds.infer(column.name(), storage, present, distinct, zeroOne, increasing, false, 0, false);
        Optional<NumericStats> stats = n == 0
                ? Optional.empty()
                : Optional.of(numericStats(values, n, infinite, storage == ColumnType.INTEGER));
        return new VariableProfile(
                column.name(),
                kind,
                storage,
                present,
                missing,
                share(missing, size),
                distinct,
                share(distinct, present),
                topOf(runs.top(), present),
                List.of(),
                stats,
                Optional.empty(),
                Optional.empty(),
                stray);
    }

    private static NumericStats numericStats(double[] sorted, int n, long infinite, boolean integers) {
        double sum = 0;
        long zeros = 0;
        long negatives = 0;
        for (int i = 0; i < n; i++) {
            sum += sorted[i];
            zeros += sorted[i] == 0 ? 1 : 0;
            negatives += sorted[i] < 0 ? 1 : 0;
        }
        double mean = sum / n;
        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        for (int i = 0; i < n; i++) {
            double d = sorted[i] - mean;
            double d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
        }
        double std = n > 1 ? Math.sqrt(m2 / (n - 1)) : 0;
        // Adjusted Fisher-Pearson skewness and excess kurtosis, as pandas reports them; 0 when undefined.
        double skewness = 0;
        double kurtosis = 0;
        if (n > 2 && m2 > 0) {
            double g1 = (m3 / n) / Math.pow(m2 / n, 1.5);
            skewness = Math.sqrt((double) n * (n - 1)) / (n - 2) * g1;
        }
        if (n > 3 && m2 > 0) {
            double g2 = (m4 / n) / Math.pow(m2 / n, 2) - 3;
            kurtosis = ((n + 1) * g2 + 6) * (n - 1) / ((double) (n - 2) * (n - 3));
        }
        Histogram histogram = Histograms.of(sorted, n, integers);
        return new NumericStats(
                mean,
                std,
                sorted[0],
                Quantiles.at(sorted, n, 0.05),
                Quantiles.at(sorted, n, 0.25),
                Quantiles.at(sorted, n, 0.5),
                Quantiles.at(sorted, n, 0.75),
                Quantiles.at(sorted, n, 0.95),
                sorted[n - 1],
                skewness,
                kurtosis,
                zeros,
                negatives,
                infinite,
                histogram,
                extremes(sorted, n, false),
                extremes(sorted, n, true));
    }

    /** The five smallest (or largest) distinct values of the first n sorted ones, most extreme first. */
    private static List<Double> extremes(double[] sorted, int n, boolean largest) {
        List<Double> values = new ArrayList<>();
        for (int k = 0; k < n && values.size() < 5; k++) {
            double value = sorted[largest ? n - 1 - k : k];
            if (values.isEmpty() || values.getLast() != value) {
                values.add(value);
            }
        }
        return values;
    }

    /**
     * Counts each distinct value once: from the counts Tablesaw's dictionary keeps, or by hashing the rows of a
     * column too varied for a dictionary (Tablesaw drops it when over half the values are distinct).
     */
    private static VariableProfile text(StringColumn column, Optional<StrayValues> stray) {
        int size = column.size();
        TextCounts tally = new TextCounts();
        switch (column.getDictionary()) {
            case NullDictionaryMap none -> {
                // Open addressing without a node or boxed count per value: this loop runs over every row of the
                // column, and a HashMap of millions of distinct values spent most of its time chasing pointers.
                // Sized for many distinct values (the column lost its dictionary for having them): fewer rehashes.
                Object2LongOpenHashMap<String> counts = new Object2LongOpenHashMap<>(Math.min(size, 1 << 20));
                for (int row = 0; row < size; row++) {
                    counts.addTo(column.get(row), 1);
                }
                counts.object2LongEntrySet().fastForEach(e -> tally.add(e.getKey(), e.getLongValue()));
            }
            // The dictionary's own counts, read in place: Tablesaw's countByCategory copies them into a table with a
            // dictionary of its own, which for a million distinct values was the largest thing on the heap while
            // the columns were profiled.
            case ByteDictionaryMap bytes ->
                bytes.getKeyCountEntries()
                        .fastForEach(e -> tally.add(bytes.getValueForKey(e.getByteKey()), e.getIntValue()));
            case ShortDictionaryMap shorts ->
                shorts.getKeyCountEntries()
                        .fastForEach(e -> tally.add(shorts.getValueForKey(e.getShortKey()), e.getIntValue()));
            case IntDictionaryMap ints ->
                ints.getKeyCountEntries()
                        .fastForEach(e -> tally.add(ints.getValueForKey(e.getIntKey()), e.getIntValue()));
            default -> {
                Table byCategory = column.countByCategory();
                StringColumn values = byCategory.stringColumn(0);
                IntColumn counts = byCategory.intColumn(1);
                for (int i = 0; i < values.size(); i++) {
                    tally.add(values.get(i), counts.getInt(i));
                }
            }
        }
        long missing = tally.missing;
        long distinct = tally.distinct;
        boolean spaces = tally.spaces;
        boolean booleanWords = tally.booleanWords;
        long totalLength = tally.totalLength;
        Map<Integer, Long> lengths = tally.lengths;
        TopValues top = tally.top;
        List<Map.Entry<String, Long>> all = tally.all;
        booleanWords &= distinct > 0;
        long present = size - missing;
        double meanLength = present == 0 ? 0 : (double) totalLength / present;
        VariableKind kind = Kinds.infer(
                column.name(), ColumnType.STRING, present, distinct, false, false, booleanWords, meanLength, spaces);
        Optional<TextStats> text =
                present == 0 ? Optional.empty() : Optional.of(textStats(lengths, present, meanLength));
        return new VariableProfile(
                column.name(),
                kind,
                ColumnType.STRING,
                present,
                missing,
                share(missing, size),
                distinct,
                share(distinct, present),
                topOf(top.entries(), present),
                categories(all, distinct),
                Optional.empty(),
                text,
                Optional.empty(),
                stray);
    }

    /** What the text profile learns from each distinct value and its count, in any order. */
    private static final class TextCounts {
        long missing;
        long distinct;
        boolean spaces;
        boolean booleanWords = true;
        long totalLength;
        final Map<Integer, Long> lengths = new HashMap<>();
        final TopValues top = new TopValues(TOP);
        final List<Map.Entry<String, Long>> all = new ArrayList<>();

        void add(String value, long count) {
            if (count == 0) {
                return;
            }
            if (StringColumnType.valueIsMissing(value)) {
                missing += count;
                return;
            }
            distinct++;
            int length = value.codePointCount(0, value.length());
            totalLength += length * count;
            lengths.merge(length, count, Long::sum);
            // Settled once true (false): a column of a million distinct values need not strip and lower-case each.
            if (!spaces) {
                spaces = value.strip().indexOf(' ') > 0;
            }
            if (booleanWords) {
                booleanWords = BOOLEAN_WORDS.contains(value.strip().toLowerCase(Locale.ROOT));
            }
            top.offer(value, count);
            if (distinct <= VariableProfile.MAX_LISTED_CATEGORIES) {
                all.add(Map.entry(value, count));
            }
        }
    }

    static TextStats textStats(Map<Integer, Long> lengths, long present, double meanLength) {
        int[] sorted =
                lengths.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        long seen = 0;
        double median = sorted[sorted.length - 1];
        for (int length : sorted) {
            seen += lengths.get(length);
            if (seen * 2 >= present) {
                median = length;
                break;
            }
        }
        int min = sorted[0];
        int max = sorted[sorted.length - 1];
        int bins = Math.min(Histograms.BINS, max - min + 1);
        double width = (max - min + 1) / (double) bins;
        long[] counts = new long[bins];
        lengths.forEach((length, count) -> counts[Math.min(bins - 1, (int) ((length - min) / width))] += count);
        List<Double> edges = new ArrayList<>();
        for (int i = 0; i <= bins; i++) {
            edges.add(min + width * i);
        }
        return new TextStats(
                min,
                meanLength,
                median,
                max,
                new Histogram(edges, Arrays.stream(counts).boxed().toList()));
    }

    private static VariableProfile booleans(BooleanColumn column) {
        int size = column.size();
        long trues = 0;
        long falses = 0;
        for (int row = 0; row < size; row++) {
            if (!column.isMissing(row)) {
                if (column.get(row)) {
                    trues++;
                } else {
                    falses++;
                }
            }
        }
        long present = trues + falses;
        long missing = size - present;
        long distinct = (trues > 0 ? 1 : 0) + (falses > 0 ? 1 : 0);
        List<ValueCount> top = topOf(
                List.of(Map.entry("true", trues), Map.entry("false", falses)).stream()
                        .filter(e -> e.getValue() > 0)
                        .toList(),
                present);
        return new VariableProfile(
                column.name(),
                VariableKind.BOOLEAN,
                ColumnType.BOOLEAN,
                present,
                missing,
                share(missing, size),
                distinct,
                share(distinct, present),
                top,
                top.stream().map(ValueCount::value).toList(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /**
     * A temporal column's values as epoch days or seconds, how to write one, and the range [orderedFrom, orderedTo)
     * within which writing keeps the order (years 0 to 9999: fixed-width ISO text).
     */
    private record Temporal(
            long[] values, int n, java.util.function.LongFunction<String> format, long orderedFrom, long orderedTo) {}

    private static final long DAY_0000 = LocalDate.of(0, 1, 1).toEpochDay();
    private static final long DAY_10000 = LocalDate.of(10_000, 1, 1).toEpochDay();

    private static Temporal epochDays(DateColumn column) {
        long[] values = new long[column.size()];
        int n = 0;
        for (int row = 0; row < column.size(); row++) {
            int packed = column.getIntInternal(row);
            if (packed != DateColumnType.missingValueIndicator()) {
                values[n++] = PackedLocalDate.toEpochDay(packed);
            }
        }
        return new Temporal(values, n, day -> LocalDate.ofEpochDay(day).toString(), DAY_0000, DAY_10000);
    }

    private static Temporal epochSeconds(DateTimeColumn column) {
        long[] values = new long[column.size()];
        int n = 0;
        for (int row = 0; row < column.size(); row++) {
            long packed = column.getLongInternal(row);
            if (packed != DateTimeColumnType.missingValueIndicator()) {
                values[n++] = PackedLocalDate.toEpochDay(PackedLocalDateTime.date(packed)) * 86_400
                        + PackedLocalTime.getSecondOfDay(PackedLocalDateTime.time(packed));
            }
        }
        return new Temporal(
                values,
                n,
                second -> LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC).toString(),
                DAY_0000 * 86_400,
                DAY_10000 * 86_400);
    }

    private static VariableProfile temporal(Column<?> column, ColumnType storage, Temporal temporal) {
        long[] values = temporal.values();
        int n = temporal.n();
        Arrays.sort(values, 0, n);
        int size = column.size();
        long missing = size - n;
        TopValues top = new TopValues(TOP);
        long distinct = 0;
        // Runs come in ascending order. Where the written values sort the same way, a run no more frequent than the
        // weakest value kept would lose the tie to it (ties go to the smaller value), so it is skipped unwritten:
        // in a column of timestamps, nearly every value is such a run.
        boolean ordered = n > 0 && values[0] >= temporal.orderedFrom() && values[n - 1] < temporal.orderedTo();
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && values[j] == values[i]) {
                j++;
            }
            distinct++;
            if (ordered ? top.wouldKeepLarger(j - i) : top.wouldKeep(j - i)) {
                top.offer(temporal.format().apply(values[i]), j - i);
            }
            i = j;
        }
        List<Map.Entry<String, Long>> runs = top.entries();
        Optional<DateStats> stats = Optional.empty();
        if (n > 0) {
            int bins = (int) Math.min(Histograms.BINS, Math.max(1, values[n - 1] - values[0] + 1));
            double width = (values[n - 1] - values[0] + 1) / (double) bins;
            long[] counts = new long[bins];
            for (int i = 0; i < n; i++) {
                counts[Math.min(bins - 1, (int) ((values[i] - values[0]) / width))]++;
            }
            List<String> edges = new ArrayList<>();
            for (int i = 0; i <= bins; i++) {
                edges.add(temporal.format().apply(values[0] + Math.round(width * i)));
            }
            stats = Optional.of(new DateStats(
                    temporal.format().apply(values[0]),
                    temporal.format().apply(values[n - 1]),
                    edges,
                    Arrays.stream(counts).boxed().toList()));
        }
        return new VariableProfile(
                column.name(),
                VariableKind.DATETIME,
                storage,
                n,
                missing,
                share(missing, size),
                distinct,
                share(distinct, n),
                topOf(runs, n),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                stats,
                Optional.empty());
    }

    /** Distinct values and the most frequent ones of a sorted array. */
    private record Runs(long distinct, List<Map.Entry<String, Long>> top) {

        static Runs of(double[] sorted, int n, boolean integers) {
            TopValues top = new TopValues(TOP);
            long distinct = 0;
            // A whole number is first written here to decide a tie with the weakest value kept: in a column of
            // millions of distinct ids every value ties, and nearly all of them lose, so most need no String.
            StringBuilder written = new StringBuilder(24);
            for (int i = 0; i < n; ) {
                int j = i;
                while (j < n && sorted[j] == sorted[i]) {
                    j++;
                }
                distinct++;
                long count = j - i;
                if (top.wouldKeepLarger(count)) {
                    top.offer(format(sorted[i], integers), count);
                } else if (top.wouldKeep(count)) {
                    if (wholeNumber(sorted[i], integers)) {
                        written.setLength(0);
                        written.append((long) sorted[i]);
                        if (top.wouldKeep(count, written)) {
                            top.offer(written.toString(), count);
                        }
                    } else {
                        top.offer(format(sorted[i], integers), count);
                    }
                }
                i = j;
            }
            return new Runs(distinct, top.entries());
        }
    }

    static String format(double value, boolean integers) {
        if (wholeNumber(value, integers)) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    /** Whether {@link #format} writes the value as a long. */
    private static boolean wholeNumber(double value, boolean integers) {
        return integers || (value == Math.rint(value) && Math.abs(value) < 1e15);
    }

    /** Most frequent first, ties by value, so two profiles of the same data agree. */
    private static final java.util.Comparator<Map.Entry<String, Long>> BY_FREQUENCY =
            Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());

    static List<ValueCount> topOf(List<Map.Entry<String, Long>> entries, long present) {
        return entries.stream()
                .sorted(BY_FREQUENCY)
                .limit(TOP)
                .map(e -> new ValueCount(e.getKey(), e.getValue(), share(e.getValue(), present)))
                .toList();
    }

    /** Every distinct value, most frequent first, when there are few enough to list (else none). */
    static List<String> categories(List<Map.Entry<String, Long>> listed, long distinct) {
        if (distinct > VariableProfile.MAX_LISTED_CATEGORIES) {
            return List.of();
        }
        return listed.stream().sorted(BY_FREQUENCY).map(Map.Entry::getKey).toList();
    }

    static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
