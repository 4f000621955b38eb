package dev.assay.runner.profile;

import dev.assay.model.dataset.VariableKind;
import dev.assay.model.profile.Alert;
import dev.assay.model.profile.Correlations;
import dev.assay.model.profile.Estimates;
import dev.assay.model.profile.IngestReport;
import dev.assay.model.profile.MissingProfile;
import dev.assay.model.profile.Profile;
import dev.assay.model.profile.Sample;
import dev.assay.model.profile.TableStats;
import dev.assay.model.profile.VariableProfile;
import dev.assay.runner.ingest.CsvIngest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.datasketches.hll.HllSketch;
import tech.tablesaw.api.Table;

/**
 * The profile of a file read in streaming mode ({@link CsvIngest#stream}): every column through a
 * {@link ColumnSketch} chunk by chunk, correlations and missing-value patterns on a uniform sample of rows kept as
 * the rows go (reservoir sampling), and the duplicate rows estimated from a HyperLogLog sketch of the rows' hashes.
 * Memory is bounded by the number of columns, never by the number of rows. The profile's {@link Estimates} name
 * every figure that is not exact.
 */
public final class StreamingProfiler implements CsvIngest.Chunks {

    /**
     * Cells kept in the row sample (correlations and missing-value patterns are computed on it): one per 2,000
     * bytes of the maximum heap, at most a million, so that a small heap is not filled by the sample.
     */
    static final long SAMPLE_CELLS =
            Math.max(10_000, Math.min(1_000_000, Runtime.getRuntime().maxMemory() / 2_000));
    /**
     * Exact value counts kept, shared among the columns, before a column switches to sketches: one per 1,000 bytes
     * of the maximum heap, at most two million.
     */
    static final long EXACT_COUNTS =
            Math.max(10_000, Math.min(2_000_000, Runtime.getRuntime().maxMemory() / 1_000));
    /** The row hashes' HyperLogLog: about 0.1 % relative standard error, 1 MB. */
    static final int ROWS_LG_K = 20;

    private final int exactDistinctOverride;
    private List<String> names;
    private CsvIngest.RowTyper typer;
    private ColumnSketch[] columns;
    private final HllSketch rowHashes = new HllSketch(ROWS_LG_K);
    private final SplittableRandom random = new SplittableRandom(42);
    private int sampleSize;
    private final List<String[]> reservoir = new ArrayList<>();
    private long[] reservoirRows;
    private final List<String[]> head = new ArrayList<>();
    private final ArrayDeque<String[]> tail = new ArrayDeque<>();
    private long rows;

    /** Counts values exactly while a column has few enough distinct values (see {@link #EXACT_COUNTS}). */
    public StreamingProfiler() {
        this(-1);
    }

    /**
     * With {@code exactDistinct} distinct values per column counted exactly before the sketches take over: 0 makes
     * every distinct count, top list, quantile and histogram come from the sketches (the tests use it).
     */
    public StreamingProfiler(int exactDistinct) {
        this.exactDistinctOverride = exactDistinct;
    }

    @Override
    public void columns(List<String> names, CsvIngest.RowTyper typer) {
        this.names = names;
        this.typer = typer;
        this.sampleSize = (int) Math.max(1_000, Math.min(RowSample.MAX_ROWS, SAMPLE_CELLS / Math.max(1, names.size())));
        this.reservoirRows = new long[sampleSize];
    }

    @Override
    public void row(String[] cells, long hash) {
        rowHashes.update(hash);
        if (head.size() < Profiler.SAMPLE_ROWS) {
            head.add(cells);
        }
        tail.addLast(cells);
        if (tail.size() > Profiler.SAMPLE_ROWS) {
            tail.removeFirst();
        }
        // Reservoir sampling (Algorithm R): each row so far is in the sample with the same probability.
        if (reservoir.size() < sampleSize) {
            reservoirRows[reservoir.size()] = rows;
            reservoir.add(cells);
        } else {
            long slot = random.nextLong(rows + 1);
            if (slot < sampleSize) {
                reservoir.set((int) slot, cells);
                reservoirRows[(int) slot] = rows;
            }
        }
        rows++;
    }

    @Override
    public void chunk(Table chunk) {
        if (columns == null) {
            int exactDistinct = exactDistinctOverride >= 0
                    ? exactDistinctOverride
                    : (int) Math.max(1_000, Math.min(100_000, EXACT_COUNTS / Math.max(1, chunk.columnCount())));
            columns = new ColumnSketch[chunk.columnCount()];
            for (int i = 0; i < columns.length; i++) {
                columns[i] = ColumnSketch.of(chunk.column(i), exactDistinct);
            }
        }
        // Columns are independent: each core takes some.
        java.util.stream.IntStream.range(0, columns.length).parallel().forEach(i -> columns[i].add(chunk.column(i)));
    }

    /** The profile, once every row was read; {@code reason} says why the file streamed. */
    public Profile profile(CsvIngest.Streamed read, String reason, long thresholdBytes) {
        IngestReport ingest = read.report();
        List<Estimates.Figure> figures = new ArrayList<>();
        Map<String, VariableProfile> variables = new LinkedHashMap<>();
        long memory = 0;
        for (ColumnSketch column : columns) {
            VariableProfile profile =
                    column.profile(Optional.ofNullable(read.stray().get(column.name)), figures);
            variables.put(profile.name(), profile);
            memory += column.memoryBytes(profile);
        }

        // The sample's rows in file order, so the missing-value matrix runs from the top of the file to its end.
        Integer[] order = new Integer[reservoir.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(reservoirRows[a], reservoirRows[b]));
        List<String[]> sampled = new ArrayList<>(order.length);
        for (Integer i : order) {
            sampled.add(reservoir.get(i));
        }
        Table sample = typer.type(sampled);
        int[] all = new int[sample.rowCount()];
        Arrays.setAll(all, i -> i);
        Correlations correlations = Profiler.correlations(sample, variables, all);
        MissingProfile missing = MissingAnalysis.of(sample, variables, all);
        if (sample.rowCount() < rows) {
            String method = "uniform sample of " + sample.rowCount() + " rows";
            figures.add(
                    new Estimates.Figure("", "correlations", method, Estimates.ErrorKind.SAMPLE, sample.rowCount(), 1));
            figures.add(new Estimates.Figure(
                    "", "missing_patterns", method, Estimates.ErrorKind.SAMPLE, sample.rowCount(), 1));
        }

        double distinctRows = Math.min(rows, rowHashes.getEstimate());
        long duplicates = Math.max(0, Math.round(rows - distinctRows));
        figures.add(new Estimates.Figure(
                "",
                "duplicate_rows",
                "HyperLogLog lgK=" + ROWS_LG_K + " of row hashes",
                Estimates.ErrorKind.COUNT,
                Math.ceil(rowHashes.getUpperBound(2) - rowHashes.getEstimate()),
                0.954));

        List<Alert> alerts = AlertRules.of(variables, correlations.pearson(), correlations.cramersV(), ingest, rows);
        long missingCells =
                variables.values().stream().mapToLong(VariableProfile::missing).sum();
        long cells = rows * columns.length;
        Map<VariableKind, Integer> types = new EnumMap<>(VariableKind.class);
        variables.values().forEach(v -> types.merge(v.type(), 1, Integer::sum));
        TableStats stats = new TableStats(
                rows,
                columns.length,
                missingCells,
                cells == 0 ? 0 : (double) missingCells / cells,
                duplicates,
                memory,
                types);
        Table first = typer.type(head);
        // As in the exact profile, the last rows shown are those after the first ones shown.
        List<String[]> lastRows = new ArrayList<>(tail);
        int lastCount = (int) Math.max(0, Math.min(Profiler.SAMPLE_ROWS, rows - Profiler.SAMPLE_ROWS));
        Table last = typer.type(lastRows.subList(lastRows.size() - lastCount, lastRows.size()));
        Sample rowsShown =
                new Sample(names, Profiler.rows(first, 0, first.rowCount()), Profiler.rows(last, 0, last.rowCount()));
        Estimates estimates = new Estimates(reason, thresholdBytes, figures);
        return new Profile(
                Profile.SCHEMA_VERSION,
                ingest.fileName(),
                stats,
                variables,
                correlations,
                missing,
                alerts,
                rowsShown,
                ingest,
                Optional.of(estimates));
    }
}
