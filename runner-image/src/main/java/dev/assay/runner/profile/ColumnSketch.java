package dev.assay.runner.profile;

import dev.assay.model.dataset.ColumnType;
import dev.assay.model.dataset.VariableKind;
import dev.assay.model.profile.DateStats;
import dev.assay.model.profile.Estimates;
import dev.assay.model.profile.Histogram;
import dev.assay.model.profile.NumericStats;
import dev.assay.model.profile.StrayValues;
import dev.assay.model.profile.TextStats;
import dev.assay.model.profile.ValueCount;
import dev.assay.model.profile.VariableProfile;
import dev.assay.runner.table.Kinds;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
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
import java.util.TreeSet;
import java.util.function.LongFunction;
import org.apache.datasketches.frequencies.ErrorType;
import org.apache.datasketches.frequencies.FrequentItemsSketch;
import org.apache.datasketches.frequencies.FrequentLongsSketch;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.dates.DateColumnType;
import tech.tablesaw.columns.dates.PackedLocalDate;
import tech.tablesaw.columns.datetimes.DateTimeColumnType;
import tech.tablesaw.columns.datetimes.PackedLocalDateTime;
import tech.tablesaw.columns.strings.StringColumnType;
import tech.tablesaw.columns.times.PackedLocalTime;

/**
 * One column's statistics gathered chunk by chunk in bounded memory, for the streaming profile. Counts, missing
 * values, min/max, mean, standard deviation, skewness, kurtosis, zeros, negatives, the extreme values, text lengths
 * and booleans are exact. Each value's count is kept exactly while the column has at most {@code exactDistinct}
 * distinct values, so distinct counts, top values, categories, quantiles and histograms stay exact too; past that
 * the counts are dropped for a HyperLogLog sketch (distinct) and a frequent-items sketch (top values), and
 * quantiles and histograms come from a KLL sketch fed from the first value. {@link #profile} lists what is
 * estimated.
 */
abstract sealed class ColumnSketch {

    /** KLL's k: about 1.3 % rank error at 99 % confidence, a few kB per column. */
    static final int KLL_K = 200;
    /** HyperLogLog's log2 of buckets: about 0.4 % relative standard error, 64 kB per column. */
    static final int HLL_LG_K = 16;
    /** Standard deviations of the distinct-count bound reported (about 99.7 % confidence). */
    static final int HLL_STD_DEVS = 3;
    /** Frequent-items map size: counts off by at most 3.5/4096 of the values, in practice far less. */
    static final int FREQUENT_MAP = 4096;

    final String name;
    final int exactDistinct;
    long size;
    long missing;

    ColumnSketch(String name, int exactDistinct) {
        this.name = name;
        this.exactDistinct = exactDistinct;
    }

    static ColumnSketch of(Column<?> column, int exactDistinct) {
        return switch (column) {
            case NumericColumn<?> n -> new Numbers(column.name(), exactDistinct, ColumnProfiler.storageOf(column));
            case BooleanColumn b -> new Booleans(column.name(), exactDistinct);
            case DateColumn d ->
                new Temporal(
                        column.name(),
                        exactDistinct,
                        ColumnType.DATE,
                        day -> LocalDate.ofEpochDay(day).toString());
            case DateTimeColumn d ->
                new Temporal(
                        column.name(),
                        exactDistinct,
                        ColumnType.DATETIME,
                        second -> LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC)
                                .toString());
            default -> new Text(column.name(), exactDistinct);
        };
    }

    /** Adds the values of one chunk (a column of the same type as the first). */
    abstract void add(Column<?> column);

    /** The column's profile, adding what it estimates to {@code figures}. */
    abstract VariableProfile profile(Optional<StrayValues> stray, List<Estimates.Figure> figures);

    /** Bytes the column would take in memory as a Tablesaw column (see {@link Profiler#memoryBytes}). */
    abstract long memoryBytes(VariableProfile profile);

    static double share(long part, long whole) {
        return ColumnProfiler.share(part, whole);
    }

    /** The distinct count with its bound, from a HyperLogLog sketch. */
    static long distinct(HllSketch hll, String column, List<Estimates.Figure> figures) {
        double estimate = hll.getEstimate();
        double error = estimate == 0 ? 0 : (hll.getUpperBound(HLL_STD_DEVS) - estimate) / estimate;
        figures.add(new Estimates.Figure(
                column, "distinct", "HyperLogLog lgK=" + HLL_LG_K, Estimates.ErrorKind.RELATIVE, error, 0.997));
        return Math.round(estimate);
    }

    static void quantileFigures(
            String column, KllDoublesSketch kll, boolean histogram, List<Estimates.Figure> figures) {
        figures.add(new Estimates.Figure(
                column,
                "quantiles",
                "KLL k=" + KLL_K,
                Estimates.ErrorKind.RANK,
                kll.getNormalizedRankError(false),
                0.99));
        if (histogram) {
            figures.add(new Estimates.Figure(
                    column,
                    "histogram",
                    "KLL k=" + KLL_K,
                    Estimates.ErrorKind.RANK,
                    kll.getNormalizedRankError(true),
                    0.99));
        }
    }

    /** Counts per value while they are few, then sketches: the distinct values and the most frequent ones. */
    private static final class LongCounts {
        private final int limit;
        private Long2LongOpenHashMap counts = new Long2LongOpenHashMap();
        private HllSketch hll;
        private FrequentLongsSketch frequent;

        LongCounts(int limit) {
            this.limit = limit;
        }

        void add(long key) {
            if (counts != null) {
                counts.addTo(key, 1);
                if (counts.size() > limit) {
                    hll = new HllSketch(HLL_LG_K);
                    frequent = new FrequentLongsSketch(FREQUENT_MAP);
                    counts.long2LongEntrySet().fastForEach(e -> {
                        hll.update(e.getLongKey());
                        frequent.update(e.getLongKey(), e.getLongValue());
                    });
                    counts = null;
                }
            } else {
                hll.update(key);
                frequent.update(key);
            }
        }

        boolean exact() {
            return counts != null;
        }

        /** The exact counts, sorted by key as {@code order} reads it: {keys, counts}. */
        long[][] sorted(java.util.function.LongToDoubleFunction order) {
            long[] keys = counts.keySet().toLongArray();
            Long[] boxed = Arrays.stream(keys).boxed().toArray(Long[]::new);
            Arrays.sort(boxed, java.util.Comparator.comparingDouble(order::applyAsDouble));
            long[] k = new long[boxed.length];
            long[] c = new long[boxed.length];
            for (int i = 0; i < boxed.length; i++) {
                k[i] = boxed[i];
                c[i] = counts.get(k[i]);
            }
            return new long[][] {k, c};
        }

        long distinct(String column, List<Estimates.Figure> figures) {
            return counts != null ? counts.size() : ColumnSketch.distinct(hll, column, figures);
        }

        List<Map.Entry<String, Long>> top(LongFunction<String> format, String column, List<Estimates.Figure> figures) {
            List<Map.Entry<String, Long>> entries = new ArrayList<>();
            if (counts != null) {
                TopValues top = new TopValues(ColumnProfiler.TOP);
                counts.long2LongEntrySet().fastForEach(e -> {
                    if (top.wouldKeep(e.getLongValue())) {
                        top.offer(format.apply(e.getLongKey()), e.getLongValue());
                    }
                });
                return top.entries();
            }
            for (FrequentLongsSketch.Row row : frequent.getFrequentItems(ErrorType.NO_FALSE_NEGATIVES)) {
                entries.add(Map.entry(format.apply(row.getItem()), row.getEstimate()));
            }
            figures.add(new Estimates.Figure(
                    column,
                    "top",
                    "frequent items, map " + FREQUENT_MAP,
                    Estimates.ErrorKind.COUNT,
                    frequent.getMaximumError(),
                    1));
            return entries;
        }
    }

    /** Integers and decimals. */
    static final class Numbers extends ColumnSketch {
        private final ColumnType storage;
        private final boolean integers;
        private final KllDoublesSketch kll = KllDoublesSketch.newHeapInstance(KLL_K);
        private final LongCounts counts;
        private long n;
        private long infinite;
        private long positiveInfinite;
        private long zeros;
        private long negatives;
        private boolean increasing = true;
        private double previous = Double.NEGATIVE_INFINITY;
        private double sum;
        private double mean;
        private double m2;
        private double m3;
        private double m4;
        private final TreeSet<Double> smallest = new TreeSet<>();
        private final TreeSet<Double> largest = new TreeSet<>();

        Numbers(String name, int exactDistinct, ColumnType storage) {
            super(name, exactDistinct);
            this.storage = storage;
            this.integers = storage == ColumnType.INTEGER;
            this.counts = new LongCounts(exactDistinct);
        }

        @Override
        void add(Column<?> column) {
            NumericColumn<?> numbers = (NumericColumn<?>) column;
            int rows = numbers.size();
            size += rows;
            for (int row = 0; row < rows; row++) {
                if (numbers.isMissing(row)) {
                    missing++;
                    increasing = false;
                    continue;
                }
                double value = numbers.getDouble(row);
                if (Double.isInfinite(value)) {
                    infinite++;
                    positiveInfinite += value > 0 ? 1 : 0;
                    increasing = false;
                    continue;
                }
                increasing &= value > previous;
                previous = value;
                // Counted by the value's bits, with -0.0 as 0.0, as the exact profile's sort takes them as equal.
                counts.add(Double.doubleToLongBits(value == 0 ? 0.0 : value));
                kll.update(value);
                zeros += value == 0 ? 1 : 0;
                negatives += value < 0 ? 1 : 0;
                sum += value;
                // Higher moments in one pass (Welford, Terriberry): no second pass over values already gone.
                long n1 = n++;
                double delta = value - mean;
                double deltaN = delta / n;
                double deltaN2 = deltaN * deltaN;
                double term = delta * deltaN * n1;
                mean += deltaN;
                m4 += term * deltaN2 * ((double) n * n - 3.0 * n + 3) + 6 * deltaN2 * m2 - 4 * deltaN * m3;
                m3 += term * deltaN * (n - 2) - 3 * deltaN * m2;
                m2 += term;
                keepExtreme(smallest, value, false);
                keepExtreme(largest, value, true);
            }
        }

        private static void keepExtreme(TreeSet<Double> set, double value, boolean largest) {
            if (set.size() < 5) {
                set.add(value == 0 ? 0.0 : value);
                return;
            }
            double edge = largest ? set.first() : set.last();
            if (largest ? value > edge : value < edge) {
                if (set.add(value == 0 ? 0.0 : value)) {
                    if (largest) {
                        set.pollFirst();
                    } else {
                        set.pollLast();
                    }
                }
            }
        }

        @Override
        VariableProfile profile(Optional<StrayValues> stray, List<Estimates.Figure> figures) {
            long present = size - missing;
            long distinct = counts.distinct(name, figures)
                    + (positiveInfinite > 0 ? 1 : 0)
                    + (infinite - positiveInfinite > 0 ? 1 : 0);
            double min = n == 0 ? 0 : smallest.first();
            double max = n == 0 ? 0 : largest.last();
            boolean zeroOne = integers && n > 0 && min >= 0 && max <= 1;
            VariableKind kind = Kinds.infer(name, storage, present, distinct, zeroOne, increasing, false, 0, false);
            List<Map.Entry<String, Long>> top =
                    counts.top(bits -> ColumnProfiler.format(Double.longBitsToDouble(bits), integers), name, figures);
            Optional<NumericStats> stats = n == 0 ? Optional.empty() : Optional.of(stats(min, max, figures));
            return new VariableProfile(
                    name,
                    kind,
                    storage,
                    present,
                    missing,
                    share(missing, size),
                    distinct,
                    share(distinct, present),
                    ColumnProfiler.topOf(top, present),
                    List.of(),
                    stats,
                    Optional.empty(),
                    Optional.empty(),
                    stray);
        }

        private NumericStats stats(double min, double max, List<Estimates.Figure> figures) {
            double std = n > 1 ? Math.sqrt(m2 / (n - 1)) : 0;
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
            double[] q = {0.05, 0.25, 0.5, 0.75, 0.95};
            double[] quantiles = new double[q.length];
            Histogram histogram;
            if (counts.exact()) {
                long[][] sorted = counts.sorted(Double::longBitsToDouble);
                double[] values = Arrays.stream(sorted[0])
                        .mapToDouble(Double::longBitsToDouble)
                        .toArray();
                for (int i = 0; i < q.length; i++) {
                    quantiles[i] = weightedQuantile(values, sorted[1], n, q[i]);
                }
                histogram = histogram(min, max, (low, width, bins) -> {
                    long[] binCounts = new long[bins];
                    for (int i = 0; i < values.length; i++) {
                        int bin = (int) ((values[i] - low) / width);
                        binCounts[Math.min(bins - 1, Math.max(0, bin))] += sorted[1][i];
                    }
                    return binCounts;
                });
            } else {
                for (int i = 0; i < q.length; i++) {
                    quantiles[i] = kll.getQuantile(q[i], QuantileSearchCriteria.INCLUSIVE);
                }
                histogram = histogram(min, max, (low, width, bins) -> {
                    double[] inner = new double[bins - 1];
                    for (int b = 1; b < bins; b++) {
                        inner[b - 1] = firstOfBin(low, width, b);
                    }
                    double[] pmf =
                            inner.length == 0 ? new double[] {1} : kll.getPMF(inner, QuantileSearchCriteria.EXCLUSIVE);
                    long[] binCounts = new long[bins];
                    for (int i = 0; i < binCounts.length; i++) {
                        binCounts[i] = Math.round(pmf[i] * n);
                    }
                    return binCounts;
                });
                quantileFigures(name, kll, true, figures);
            }
            return new NumericStats(
                    sum / n,
                    std,
                    min,
                    quantiles[0],
                    quantiles[1],
                    quantiles[2],
                    quantiles[3],
                    quantiles[4],
                    max,
                    skewness,
                    kurtosis,
                    zeros,
                    negatives,
                    infinite,
                    histogram,
                    new ArrayList<>(smallest),
                    new ArrayList<>(largest.descendingSet()));
        }

        /** Counts values into {@code bins} bins of {@code width} from {@code low}, as {@link Histograms#of} does. */
        private interface BinCounter {
            long[] count(double low, double width, int bins);
        }

        /**
         * The smallest double that {@link Histograms#of}'s arithmetic puts in bin {@code b} or later: the bin's
         * left edge give or take the rounding of (x - low) / width, so a value on an edge falls where it does there.
         */
        private static double firstOfBin(double low, double width, int b) {
            double x = low + width * b;
            while ((x - low) / width >= b) {
                x = Math.nextDown(x);
            }
            while ((x - low) / width < b) {
                x = Math.nextUp(x);
            }
            return x;
        }

        /** The bins {@link Histograms#of} would draw between min and max, counted by {@code count}. */
        private Histogram histogram(double min, double max, BinCounter count) {
            int bins = Histograms.BINS;
            if (integers && max - min < Histograms.BINS) {
                bins = (int) (max - min) + 1;
                min -= 0.5;
                max += 0.5;
            } else if (min == max) {
                bins = 1;
                min -= 0.5;
                max += 0.5;
            }
            double width = (max - min) / bins;
            double[] edges = new double[bins + 1];
            for (int i = 0; i <= bins; i++) {
                edges[i] = min + width * i;
            }
            long[] binCounts = count.count(min, width, bins);
            return new Histogram(
                    Arrays.stream(edges).boxed().toList(),
                    Arrays.stream(binCounts).boxed().toList());
        }

        @Override
        long memoryBytes(VariableProfile profile) {
            return size * (integers ? 4 : 8);
        }
    }

    /**
     * Linear interpolation between closest ranks over distinct sorted values with their counts: the value
     * {@link Quantiles#at} gives on the expanded sorted array.
     */
    static double weightedQuantile(double[] values, long[] counts, long n, double q) {
        double position = q * (n - 1);
        long lower = (long) Math.floor(position);
        long upper = Math.min(n - 1, lower + 1);
        double fraction = position - lower;
        double low = Double.NaN;
        double high = Double.NaN;
        long seen = 0;
        for (int i = 0; i < values.length && Double.isNaN(high); i++) {
            long next = seen + counts[i];
            if (Double.isNaN(low) && lower < next) {
                low = values[i];
            }
            if (upper < next) {
                high = values[i];
            }
            seen = next;
        }
        return low + (high - low) * fraction;
    }

    static final class Text extends ColumnSketch {
        private Object2LongOpenHashMap<String> counts = new Object2LongOpenHashMap<>();
        private HllSketch hll;
        private FrequentItemsSketch<String> frequent;
        private final Map<Integer, Long> lengths = new HashMap<>();
        private long totalLength;
        private boolean spaces;
        private boolean booleanWords = true;

        Text(String name, int exactDistinct) {
            super(name, exactDistinct);
        }

        @Override
        void add(Column<?> column) {
            StringColumn text = column instanceof StringColumn s ? s : column.asStringColumn();
            int rows = text.size();
            size += rows;
            for (int row = 0; row < rows; row++) {
                String value = text.get(row);
                if (StringColumnType.valueIsMissing(value)) {
                    missing++;
                    continue;
                }
                if (counts != null) {
                    if (counts.addTo(value, 1) == 0) {
                        describe(value);
                    }
                    if (counts.size() > exactDistinct) {
                        hll = new HllSketch(HLL_LG_K);
                        frequent = new FrequentItemsSketch<>(FREQUENT_MAP);
                        counts.object2LongEntrySet().fastForEach(e -> {
                            hll.update(e.getKey());
                            frequent.update(e.getKey(), e.getLongValue());
                        });
                        counts = null;
                    }
                } else {
                    hll.update(value);
                    frequent.update(value);
                    describe(value);
                }
                int length = value.codePointCount(0, value.length());
                totalLength += length;
                lengths.merge(length, 1L, Long::sum);
            }
        }

        /** As the exact profile reads each distinct value; once settled, a value cannot change either answer. */
        private void describe(String value) {
            if (!spaces) {
                spaces = value.strip().indexOf(' ') > 0;
            }
            if (booleanWords) {
                booleanWords =
                        ColumnProfiler.BOOLEAN_WORDS.contains(value.strip().toLowerCase(Locale.ROOT));
            }
        }

        @Override
        VariableProfile profile(Optional<StrayValues> stray, List<Estimates.Figure> figures) {
            long present = size - missing;
            long distinct;
            List<Map.Entry<String, Long>> top = new ArrayList<>();
            List<Map.Entry<String, Long>> all = new ArrayList<>();
            if (counts != null) {
                distinct = counts.size();
                TopValues best = new TopValues(ColumnProfiler.TOP);
                counts.object2LongEntrySet().fastForEach(e -> {
                    best.offer(e.getKey(), e.getLongValue());
                    if (all.size() < VariableProfile.MAX_LISTED_CATEGORIES + 1) {
                        all.add(Map.entry(e.getKey(), e.getLongValue()));
                    }
                });
                top = best.entries();
            } else {
                distinct = distinct(hll, name, figures);
                for (FrequentItemsSketch.Row<String> row : frequent.getFrequentItems(ErrorType.NO_FALSE_NEGATIVES)) {
                    top.add(Map.entry(row.getItem(), row.getEstimate()));
                }
                figures.add(new Estimates.Figure(
                        name,
                        "top",
                        "frequent items, map " + FREQUENT_MAP,
                        Estimates.ErrorKind.COUNT,
                        frequent.getMaximumError(),
                        1));
            }
            boolean words = booleanWords && distinct > 0;
            double meanLength = present == 0 ? 0 : (double) totalLength / present;
            VariableKind kind =
                    Kinds.infer(name, ColumnType.STRING, present, distinct, false, false, words, meanLength, spaces);
            Optional<TextStats> text = present == 0
                    ? Optional.empty()
                    : Optional.of(ColumnProfiler.textStats(lengths, present, meanLength));
            return new VariableProfile(
                    name,
                    kind,
                    ColumnType.STRING,
                    present,
                    missing,
                    share(missing, size),
                    distinct,
                    share(distinct, present),
                    ColumnProfiler.topOf(top, present),
                    counts != null ? ColumnProfiler.categories(all, distinct) : List.of(),
                    Optional.empty(),
                    text,
                    Optional.empty(),
                    stray);
        }

        @Override
        long memoryBytes(VariableProfile v) {
            long distinct = v.distinct() + 1;
            int keyBytes = distinct <= 256 ? 1 : distinct <= 65_535 ? 2 : 4;
            double length = v.text().map(TextStats::meanLength).orElse(0.0);
            return keyBytes * size + (long) (distinct * (56 + length));
        }
    }

    static final class Booleans extends ColumnSketch {
        private long trues;
        private long falses;

        Booleans(String name, int exactDistinct) {
            super(name, exactDistinct);
        }

        @Override
        void add(Column<?> column) {
            BooleanColumn booleans = (BooleanColumn) column;
            size += booleans.size();
            for (int row = 0; row < booleans.size(); row++) {
                if (!booleans.isMissing(row)) {
                    if (booleans.get(row)) {
                        trues++;
                    } else {
                        falses++;
                    }
                }
            }
        }

        @Override
        VariableProfile profile(Optional<StrayValues> stray, List<Estimates.Figure> figures) {
            long present = trues + falses;
            missing = size - present;
            long distinct = (trues > 0 ? 1 : 0) + (falses > 0 ? 1 : 0);
            List<ValueCount> top = ColumnProfiler.topOf(
                    List.of(Map.entry("true", trues), Map.entry("false", falses)).stream()
                            .filter(e -> e.getValue() > 0)
                            .toList(),
                    present);
            return new VariableProfile(
                    name,
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

        @Override
        long memoryBytes(VariableProfile profile) {
            return size;
        }
    }

    /** Dates (epoch days) and date-times (epoch seconds). */
    static final class Temporal extends ColumnSketch {
        private final ColumnType storage;
        private final LongFunction<String> format;
        private final LongCounts counts;
        private final KllDoublesSketch kll = KllDoublesSketch.newHeapInstance(KLL_K);
        private long n;
        private long min = Long.MAX_VALUE;
        private long max = Long.MIN_VALUE;

        Temporal(String name, int exactDistinct, ColumnType storage, LongFunction<String> format) {
            super(name, exactDistinct);
            this.storage = storage;
            this.format = format;
            this.counts = new LongCounts(exactDistinct);
        }

        @Override
        void add(Column<?> column) {
            size += column.size();
            for (int row = 0; row < column.size(); row++) {
                long value;
                if (column instanceof DateColumn dates) {
                    int packed = dates.getIntInternal(row);
                    if (packed == DateColumnType.missingValueIndicator()) {
                        continue;
                    }
                    value = PackedLocalDate.toEpochDay(packed);
                } else {
                    long packed = ((DateTimeColumn) column).getLongInternal(row);
                    if (packed == DateTimeColumnType.missingValueIndicator()) {
                        continue;
                    }
                    value = PackedLocalDate.toEpochDay(PackedLocalDateTime.date(packed)) * 86_400
                            + PackedLocalTime.getSecondOfDay(PackedLocalDateTime.time(packed));
                }
                n++;
                min = Math.min(min, value);
                max = Math.max(max, value);
                counts.add(value);
                kll.update(value);
            }
        }

        @Override
        VariableProfile profile(Optional<StrayValues> stray, List<Estimates.Figure> figures) {
            missing = size - n;
            long distinct = counts.distinct(name, figures);
            List<Map.Entry<String, Long>> top = counts.top(format, name, figures);
            Optional<DateStats> stats = Optional.empty();
            if (n > 0) {
                int bins = (int) Math.min(Histograms.BINS, Math.max(1, max - min + 1));
                double width = (max - min + 1) / (double) bins;
                long[] binCounts = new long[bins];
                if (counts.exact()) {
                    long[][] sorted = counts.sorted(v -> v);
                    for (int i = 0; i < sorted[0].length; i++) {
                        binCounts[Math.min(bins - 1, (int) ((sorted[0][i] - min) / width))] += sorted[1][i];
                    }
                } else {
                    // Bin b holds the values v with (v - min) / width in [b, b+1): v < min + (b+1) * width.
                    double[] splits = new double[bins - 1];
                    for (int b = 0; b < bins - 1; b++) {
                        splits[b] = Math.ceil(min + (b + 1) * width);
                    }
                    double[] pmf = splits.length == 0
                            ? new double[] {1}
                            : kll.getPMF(splits, QuantileSearchCriteria.EXCLUSIVE);
                    for (int b = 0; b < bins; b++) {
                        binCounts[b] = Math.round(pmf[b] * n);
                    }
                    figures.add(new Estimates.Figure(
                            name,
                            "histogram",
                            "KLL k=" + KLL_K,
                            Estimates.ErrorKind.RANK,
                            kll.getNormalizedRankError(true),
                            0.99));
                }
                List<String> edges = new ArrayList<>();
                for (int i = 0; i <= bins; i++) {
                    edges.add(format.apply(min + Math.round(width * i)));
                }
                stats = Optional.of(new DateStats(
                        format.apply(min),
                        format.apply(max),
                        edges,
                        Arrays.stream(binCounts).boxed().toList()));
            }
            return new VariableProfile(
                    name,
                    VariableKind.DATETIME,
                    storage,
                    n,
                    missing,
                    share(missing, size),
                    distinct,
                    share(distinct, n),
                    ColumnProfiler.topOf(top, n),
                    List.of(),
                    Optional.empty(),
                    Optional.empty(),
                    stats,
                    Optional.empty());
        }

        @Override
        long memoryBytes(VariableProfile profile) {
            return size * (storage == ColumnType.DATE ? 4 : 8);
        }
    }
}
