package dev.assay.runner.profile;

import dev.assay.model.dataset.VariableKind;
import dev.assay.model.profile.Alert;
import dev.assay.model.profile.CorrelationMatrix;
import dev.assay.model.profile.Correlations;
import dev.assay.model.profile.IngestReport;
import dev.assay.model.profile.Interaction;
import dev.assay.model.profile.MissingProfile;
import dev.assay.model.profile.Profile;
import dev.assay.model.profile.Sample;
import dev.assay.model.profile.StrayValues;
import dev.assay.model.profile.TableStats;
import dev.assay.model.profile.VariableProfile;
import dev.assay.runner.core.ProgressListener;
import dev.assay.runner.table.Kinds;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Profiles a table: every column's statistics (exact), correlations and missing-value structure (on a fixed
 * uniform sample of rows when the table is large), and alerts with suggested actions.
 */
public final class Profiler {

    /** Wide tables: the correlation matrices hold at most this many columns of each family, in table order. */
    public static final int MAX_CORRELATED_COLUMNS = CorrelationCalculator.MAX_COLUMNS;

    static final int SAMPLE_ROWS = 10;

    /** Profiles a table read by {@link dev.assay.runner.ingest.CsvIngest}, with what ingest learned. */
    public Profile profile(
            Table table, IngestReport ingest, Map<String, StrayValues> stray, ProgressListener progress) {
        int columns = table.columnCount();
        AtomicInteger done = new AtomicInteger();
        // Columns are independent: profile them on every core, the costliest first, each thread taking the next
        // column when it is done, so that two costly text columns do not end up queued on one thread.
        VariableProfile[] profiles = new VariableProfile[columns];
        int[] order = IntStream.range(0, columns)
                .boxed()
                .sorted(java.util.Comparator.comparingLong((Integer i) -> -ColumnProfiler.cost(table.column(i))))
                .mapToInt(Integer::intValue)
                .toArray();
        AtomicInteger next = new AtomicInteger();
        int threads = Math.min(columns, Runtime.getRuntime().availableProcessors());
        IntStream.range(0, threads).parallel().forEach(t -> {
            for (int k = next.getAndIncrement(); k < columns; k = next.getAndIncrement()) {
                Column<?> column = table.column(order[k]);
                profiles[order[k]] = ColumnProfiler.profile(column, Optional.ofNullable(stray.get(column.name())));
                progress.update(5 + 70 * done.incrementAndGet() / Math.max(1, columns), "profiling columns");
            }
        });
        Map<String, VariableProfile> variables = new LinkedHashMap<>();
        for (VariableProfile profile : profiles) {
            variables.put(profile.name(), profile);
        }

        progress.update(80, "correlations");
        int[] sample = RowSample.of(table.rowCount());
        Correlations correlations = correlations(table, variables, sample);
        progress.update(90, "missing values");
        MissingProfile missing = MissingAnalysis.of(table, variables, sample);
        List<Alert> alerts =
                AlertRules.of(variables, correlations.pearson(), correlations.cramersV(), ingest, table.rowCount());

        long missingCells =
                variables.values().stream().mapToLong(VariableProfile::missing).sum();
        long cells = (long) table.rowCount() * columns;
        Map<VariableKind, Integer> types = new EnumMap<>(VariableKind.class);
        variables.values().forEach(v -> types.merge(v.type(), 1, Integer::sum));
        TableStats stats = new TableStats(
                table.rowCount(),
                columns,
                missingCells,
                cells == 0 ? 0 : (double) missingCells / cells,
                ingest.duplicatesDropped(),
                memoryBytes(table, variables),
                types);
        progress.update(95, "profiled");
        return new Profile(
                Profile.SCHEMA_VERSION,
                ingest.fileName(),
                stats,
                variables,
                correlations,
                missing,
                alerts,
                sample(table),
                ingest);
    }

    /** Profiles a table that did not come from a file (the result of a plan). */
    public Profile profile(Table table, String source) {
        IngestReport ingest = new IngestReport(source, 0, ",", false, table.rowCount(), 0, List.of(), 0);
        return profile(table, ingest, Map.of(), ProgressListener.NONE);
    }

    static Correlations correlations(Table table, Map<String, VariableProfile> variables, int[] sample) {
        List<String> numericNames = new ArrayList<>();
        List<double[]> numeric = new ArrayList<>();
        List<String> categoricalNames = new ArrayList<>();
        List<int[]> categorical = new ArrayList<>();
        for (Column<?> column : table.columns()) {
            VariableProfile v = variables.get(column.name());
            if (column instanceof NumericColumn<?> numbers
                    && Kinds.correlatesAsNumber(v)
                    && numericNames.size() < CorrelationCalculator.MAX_COLUMNS) {
                numericNames.add(column.name());
                numeric.add(CorrelationCalculator.numbers(numbers, sample));
            }
            if (Kinds.correlatesAsCategory(v) && categoricalNames.size() < CorrelationCalculator.MAX_COLUMNS) {
                categoricalNames.add(column.name());
                categorical.add(CorrelationCalculator.codes(column, sample));
            }
        }
        CorrelationMatrix pearson = numericNames.size() < 2
                ? CorrelationMatrix.empty()
                : CorrelationCalculator.pearson(numericNames, numeric);
        CorrelationMatrix spearman = numericNames.size() < 2
                ? CorrelationMatrix.empty()
                : CorrelationCalculator.spearman(numericNames, numeric);
        CorrelationMatrix cramers = categoricalNames.size() < 2
                ? CorrelationMatrix.empty()
                : CorrelationCalculator.cramersV(categoricalNames, categorical);
        return new Correlations(
                pearson,
                spearman,
                cramers,
                interactions(
                        pearson,
                        numericNames,
                        numeric,
                        name -> variables.get(name).type() == VariableKind.NUMERIC));
    }

    /** Scatter plots drawn for at most this many pairs, the most correlated first. */
    static final int INTERACTIONS = 4;
    /** A pair correlated less than this is no interaction worth a plot. */
    static final double INTERACTION_FLOOR = 0.3;

    /**
     * The {@link #INTERACTIONS} pairs with the largest |Pearson| (at least {@link #INTERACTION_FLOOR}), each with
     * up to {@link Interaction#MAX_POINTS} points evenly spaced through the sampled rows where both have a value.
     */
    static List<Interaction> interactions(
            CorrelationMatrix pearson,
            List<String> names,
            List<double[]> values,
            java.util.function.Predicate<String> drawable) {
        record Pair(int a, int b, double r) {}
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < pearson.columns().size(); i++) {
            for (int j = i + 1; j < pearson.columns().size(); j++) {
                Double r = pearson.values().get(i).get(j);
                // Booleans correlate as 0/1 but draw as two lines of dots: only numeric pairs are plotted.
                if (r != null
                        && !r.isNaN()
                        && Math.abs(r) >= INTERACTION_FLOOR
                        && drawable.test(pearson.columns().get(i))
                        && drawable.test(pearson.columns().get(j))) {
                    pairs.add(new Pair(
                            names.indexOf(pearson.columns().get(i)),
                            names.indexOf(pearson.columns().get(j)),
                            r));
                }
            }
        }
        pairs.sort(java.util.Comparator.comparingDouble((Pair p) -> -Math.abs(p.r()))
                .thenComparingInt(Pair::a)
                .thenComparingInt(Pair::b));
        List<Interaction> out = new ArrayList<>();
        for (Pair pair : pairs.subList(0, Math.min(INTERACTIONS, pairs.size()))) {
            double[] x = values.get(pair.a());
            double[] y = values.get(pair.b());
            it.unimi.dsi.fastutil.ints.IntArrayList both = new it.unimi.dsi.fastutil.ints.IntArrayList();
            for (int row = 0; row < x.length; row++) {
                if (!Double.isNaN(x[row]) && !Double.isNaN(y[row])) {
                    both.add(row);
                }
            }
            int n = Math.min(both.size(), Interaction.MAX_POINTS);
            List<List<Double>> points = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                int row = both.getInt((int) ((long) k * both.size() / n));
                points.add(List.of(x[row], y[row]));
            }
            out.add(new Interaction(names.get(pair.a()), names.get(pair.b()), pair.r(), both.size(), points));
        }
        return out;
    }

    private static Sample sample(Table table) {
        List<String> names = table.columnNames();
        int rows = table.rowCount();
        List<List<String>> head = rows(table, 0, Math.min(SAMPLE_ROWS, rows));
        List<List<String>> tail = rows(table, Math.max(Math.min(SAMPLE_ROWS, rows), rows - SAMPLE_ROWS), rows);
        return new Sample(names, head, tail);
    }

    static List<List<String>> rows(Table table, int from, int to) {
        List<List<String>> rows = new ArrayList<>();
        for (int row = from; row < to; row++) {
            List<String> cells = new ArrayList<>();
            for (Column<?> column : table.columns()) {
                cells.add(column.isMissing(row) ? null : column.getString(row));
            }
            rows.add(java.util.Collections.unmodifiableList(cells));
        }
        return rows;
    }

    /**
     * Bytes the table takes in memory, roughly: fixed-width values, and for text a dictionary key per row (1, 2 or 4
     * bytes by the number of distinct values, as Tablesaw stores them) plus each distinct string once.
     */
    static long memoryBytes(Table table, Map<String, VariableProfile> variables) {
        long bytes = 0;
        for (Column<?> column : table.columns()) {
            if (column instanceof StringColumn) {
                VariableProfile v = variables.get(column.name());
                long distinct = v.distinct() + 1;
                int keyBytes = distinct <= Byte.MAX_VALUE - Byte.MIN_VALUE ? 1 : distinct <= 65_535 ? 2 : 4;
                double length = v.text().map(t -> t.meanLength()).orElse(0.0);
                bytes += (long) keyBytes * column.size() + (long) (distinct * (56 + length));
            } else {
                bytes += (long) column.type().byteSize() * column.size();
            }
        }
        return bytes;
    }
}
