package dev.assay.runner.ingest;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Drops exact duplicate rows: a 64-bit hash of each row's cells finds candidates (on the parsing thread, see
 * {@link RowFeed.Batch#firsts}), and the typed values decide, so a hash collision can never drop a row that
 * differs. The first row with a hash is never a duplicate, so it is always kept: a candidate is compared with it.
 */
final class DuplicateRows {
    private final List<ColumnSink> sinks;
    private final boolean enabled;
    /** Positions among the data rows of the rows dropped, ascending: a data row's index in the table follows. */
    private final IntArrayList droppedRows = new IntArrayList();
    /** Kept row → how many later rows repeated it. */
    private final Map<Integer, Integer> repeats = new HashMap<>();

    private int position;
    private long dropped;

    DuplicateRows(List<ColumnSink> sinks, boolean enabled) {
        this.sinks = sinks;
        this.enabled = enabled;
    }

    /**
     * Keeps the row unless it repeats the data row at position {@code first} (the first with its hash, or -1);
     * returns whether it was kept. See {@link RowHash}.
     */
    boolean offer(String[] cells, int first) {
        for (int i = 0; i < cells.length; i++) {
            sinks.get(i).stage(cells[i]);
        }
        position++;
        if (enabled && first >= 0) {
            int earlier = tableRow(first);
            if (sameAsStaged(earlier)) {
                dropped++;
                droppedRows.add(position - 1);
                repeats.merge(earlier, 1, Integer::sum);
                return false;
            }
        }
        for (ColumnSink sink : sinks) {
            sink.commit();
        }
        return true;
    }

    /** The table row of a kept data row: its position less the rows dropped before it. */
    private int tableRow(int position) {
        int before = Arrays.binarySearch(droppedRows.elements(), 0, droppedRows.size(), position);
        return position - (before >= 0 ? before : -before - 1);
    }

    long dropped() {
        return dropped;
    }

    /** The kept rows that were repeated most, as {row, times seen}, most first (ties: earlier row first). */
    List<int[]> mostRepeated(int limit) {
        return repeats.entrySet().stream()
                .sorted(Map.Entry.<Integer, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .map(e -> new int[] {e.getKey(), e.getValue() + 1})
                .toList();
    }

    private boolean sameAsStaged(int row) {
        for (ColumnSink sink : sinks) {
            if (!sink.stagedEquals(row)) {
                return false;
            }
        }
        return true;
    }
}
