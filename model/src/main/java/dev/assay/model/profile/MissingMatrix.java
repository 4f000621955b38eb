package dev.assay.model.profile;

import java.util.List;

/**
 * Where in the file the values are missing: the rows cut into consecutive bins, and for each bin and column the
 * share of its cells that are missing (0 to 1). Bins keep a large file to a picture of the same size.
 *
 * @param columns      the columns drawn, in table order: the first {@link #MAX_COLUMNS}
 * @param totalColumns how many columns the table has
 * @param leftOut      the columns not drawn (beyond the first {@link #MAX_COLUMNS})
 * @param rowsPerBin   rows in each bin (the last may hold fewer)
 * @param shares       per bin (top to bottom), per column, the share missing
 */
public record MissingMatrix(
        List<String> columns, int totalColumns, List<String> leftOut, long rowsPerBin, List<List<Double>> shares) {

    public static final int MAX_COLUMNS = 30;
    public static final int MAX_BINS = 100;

    public MissingMatrix {
        columns = List.copyOf(columns);
        leftOut = List.copyOf(leftOut);
        shares = shares.stream().map(List::copyOf).toList();
    }

    public static MissingMatrix empty() {
        return new MissingMatrix(List.of(), 0, List.of(), 0, List.of());
    }
}
