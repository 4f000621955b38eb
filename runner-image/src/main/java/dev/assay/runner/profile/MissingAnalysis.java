package dev.assay.runner.profile;

import dev.assay.model.profile.CorrelationMatrix;
import dev.assay.model.profile.MissingMatrix;
import dev.assay.model.profile.MissingProfile;
import dev.assay.model.profile.VariableProfile;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Which columns go missing, and which go missing together. Works from each column's sorted list of missing
 * rows (Tablesaw answers that from its bitmaps or dictionary at once), so a 10-million-row table is never asked
 * row by row whether a cell is missing.
 */
final class MissingAnalysis {

    static final int PATTERNS = 10;
    /** Patterns are row bitmasks over the columns that have missing values; wider tables use the first 63. */
    private static final int MASK_BITS = 63;

    private MissingAnalysis() {}

    static MissingProfile of(Table table, Map<String, VariableProfile> variables, int[] sample) {
        Map<String, Long> counts = new LinkedHashMap<>();
        List<Column<?>> tracked = new ArrayList<>();
        for (Column<?> column : table.columns()) {
            long missing = variables.get(column.name()).missing();
            counts.put(column.name(), missing);
            if (missing > 0 && tracked.size() < MASK_BITS) {
                tracked.add(column);
            }
        }
        int[][] missingRows = new int[tracked.size()][];
        for (int c = 0; c < tracked.size(); c++) {
            missingRows[c] = tracked.get(c).isMissing().toArray();
        }

        List<MissingProfile.MissingPattern> top = patterns(missingRows).long2LongEntrySet().stream()
                .sorted((x, y) -> y.getLongValue() != x.getLongValue()
                        ? Long.compare(y.getLongValue(), x.getLongValue())
                        : Long.compare(x.getLongKey(), y.getLongKey()))
                .limit(PATTERNS)
                .map(e -> new MissingProfile.MissingPattern(columnsOf(e.getLongKey(), tracked), e.getLongValue()))
                .toList();

        // Nullity correlation: only columns that are sometimes, not always, missing tell anything.
        List<String> names = new ArrayList<>();
        List<double[]> indicators = new ArrayList<>();
        for (int c = 0; c < tracked.size(); c++) {
            if (missingRows[c].length < table.rowCount() && names.size() < CorrelationCalculator.MAX_COLUMNS) {
                names.add(tracked.get(c).name());
                indicators.add(indicator(missingRows[c], sample));
            }
        }
        CorrelationMatrix together =
                names.size() < 2 ? CorrelationMatrix.empty() : CorrelationCalculator.pearson(names, indicators);
        return new MissingProfile(counts, together, top, matrix(table, counts));
    }

    /**
     * The first {@link MissingMatrix#MAX_COLUMNS} columns' missing cells counted per bin of consecutive rows, as
     * shares: from each column's sorted missing rows, so the cost is that of the missing cells, not of the table.
     */
    static MissingMatrix matrix(Table table, Map<String, Long> counts) {
        int rows = table.rowCount();
        if (rows == 0 || counts.values().stream().allMatch(n -> n == 0)) {
            return MissingMatrix.empty();
        }
        List<Column<?>> drawn =
                table.columns().stream().limit(MissingMatrix.MAX_COLUMNS).toList();
        List<String> leftOut = table.columns().stream()
                .skip(MissingMatrix.MAX_COLUMNS)
                .map(Column::name)
                .toList();
        int bins = Math.min(rows, MissingMatrix.MAX_BINS);
        long perBin = (rows + bins - 1L) / bins;
        bins = (int) ((rows + perBin - 1) / perBin);
        long[][] missing = new long[bins][drawn.size()];
        for (int c = 0; c < drawn.size(); c++) {
            if (counts.get(drawn.get(c).name()) == 0) {
                continue;
            }
            for (int row : drawn.get(c).isMissing().toArray()) {
                missing[(int) (row / perBin)][c]++;
            }
        }
        List<List<Double>> shares = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            long inBin = Math.min(perBin, rows - b * perBin);
            List<Double> line = new ArrayList<>();
            for (int c = 0; c < drawn.size(); c++) {
                line.add((double) missing[b][c] / inBin);
            }
            shares.add(line);
        }
        return new MissingMatrix(
                drawn.stream().map(Column::name).toList(), table.columnCount(), leftOut, perBin, shares);
    }

    /** How many rows have each combination of missing columns: a merge of the sorted lists of missing rows. */
    private static Long2LongOpenHashMap patterns(int[][] missingRows) {
        Long2LongOpenHashMap patterns = new Long2LongOpenHashMap();
        int[] at = new int[missingRows.length];
        while (true) {
            int row = Integer.MAX_VALUE;
            for (int c = 0; c < missingRows.length; c++) {
                if (at[c] < missingRows[c].length) {
                    row = Math.min(row, missingRows[c][at[c]]);
                }
            }
            if (row == Integer.MAX_VALUE) {
                return patterns;
            }
            long mask = 0;
            for (int c = 0; c < missingRows.length; c++) {
                if (at[c] < missingRows[c].length && missingRows[c][at[c]] == row) {
                    mask |= 1L << c;
                    at[c]++;
                }
            }
            patterns.addTo(mask, 1);
        }
    }

    /** 1 where the sampled row is missing, else 0; both lists are in row order. */
    private static double[] indicator(int[] missingRows, int[] sample) {
        double[] indicator = new double[sample.length];
        int m = 0;
        for (int i = 0; i < sample.length; i++) {
            while (m < missingRows.length && missingRows[m] < sample[i]) {
                m++;
            }
            indicator[i] = m < missingRows.length && missingRows[m] == sample[i] ? 1 : 0;
        }
        return indicator;
    }

    private static List<String> columnsOf(long mask, List<Column<?>> tracked) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < tracked.size(); c++) {
            if ((mask & (1L << c)) != 0) {
                names.add(tracked.get(c).name());
            }
        }
        return names;
    }
}
