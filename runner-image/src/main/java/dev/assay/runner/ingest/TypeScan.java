package dev.assay.runner.ingest;

import dev.assay.runner.core.InputException;
import dev.assay.runner.core.ProgressListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The type detector: the header's column names, per column the type guessed from all of its values (see
 * {@link ColumnGuess}), and the number of rows. The two-pass and streaming reads settle their types with it; the
 * one-pass read guesses on a sample but names its columns with {@link #readHeader} too.
 */
record TypeScan(List<String> header, List<ColumnGuess> guesses, long rows) {

    /**
     * The first pass of both reads: the header, then every value offered to its column's type guess (progress
     * from 0 to {@code progressTo}). Refuses a file with a header and no rows.
     */
    static TypeScan scan(
            CsvPass passes,
            Path file,
            String name,
            FileFormat format,
            ProgressListener progress,
            int progressTo,
            List<String> warnings) {
        progress.update(1, "reading the header");
        List<String> header = new ArrayList<>();
        List<ColumnGuess> guesses = new ArrayList<>();
        long rows = passes.read(
                file, name, format, progress, 0, progressTo, "checking types", false, new CsvPass.RowHandler() {
                    @Override
                    public void header(String[] cells) {
                        readHeader(
                                cells, name, passes.config().maxColumns(), passes.markers(), warnings, header, guesses);
                    }

                    @Override
                    public void row(String[] cells, long line, long hash) {
                        for (int i = 0; i < cells.length; i++) {
                            guesses.get(i).add(cells[i]);
                        }
                    }
                });
        if (rows == 0) {
            throw new InputException(name, "has a header but no data rows");
        }
        return new TypeScan(header, guesses, rows);
    }

    /** The header's column names (made unique and non-empty, with warnings) and one type guess per column. */
    static void readHeader(
            String[] cells,
            String name,
            int maxColumns,
            Markers markers,
            List<String> warnings,
            List<String> header,
            List<ColumnGuess> guesses) {
        header.addAll(HeaderNames.of(cells, name, maxColumns, warnings));
        for (int i = 0; i < header.size(); i++) {
            guesses.add(new ColumnGuess(markers));
        }
    }
}
