package dev.assay.runner.ingest;

import dev.assay.model.dataset.ColumnType;
import dev.assay.runner.table.CsvExport;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Writes cleaned.csv while ingest reads the file: the rows it keeps (exact duplicates dropped), each value as it
 * was written, so nothing is reformatted or lost. Comma-separated UTF-8 without a byte order mark, missing
 * markers written as empty cells, text that a spreadsheet would run as a formula neutralised as
 * {@link CsvExport} does. Streaming it costs one more write per row instead of another pass over the table.
 *
 * <p>The rows are written on a thread of their own (about a sixth of the work of reading a big file), handed over
 * in batches; a write error is thrown by the next {@link #write} or by {@link #close}.
 */
final class CleanedCsvWriter implements Closeable {

    private static final int BATCH = 1024;
    private static final int QUEUED = 8;

    /**
     * Kept rows in order: each either as its cells ({@code rows[i]}, formatted on the writing thread) or as the line
     * the parsing thread already formatted ({@code feeds[i]} and the row's place in it, see {@link RowFeed#format}).
     */
    private record Batch(String[][] rows, RowFeed.Batch[] feeds, int[] places, int size) {}

    private static final Batch END = new Batch(new String[0][], new RowFeed.Batch[0], new int[0], 0);

    /**
     * How a kept row is written: each cell as it was written, a missing one empty, text neutralised when asked, a
     * field quoted only when it must be. The parsing thread formats rows with it too, while their cells are still in
     * its cache, so this thread mostly copies finished lines.
     *
     * @param text which columns hold text (only text is neutralised; other cells are written stripped)
     */
    record Line(boolean[] text, boolean neutraliseFormulas, Markers markers) {

        /** Appends the row's line, with its line break. */
        void append(StringBuilder out, String[] cells) {
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                String raw = cells[i];
                if (markers.isMissing(raw)) {
                    continue;
                }
                if (text[i]) {
                    field(out, raw, neutraliseFormulas && CsvExport.looksLikeFormula(raw));
                } else {
                    field(out, raw.strip(), false);
                }
            }
            out.append('\n');
        }

        /**
         * {@code CsvExport.field(formula ? "'" + value : value)} appended without the Strings in between: quoted when
         * it holds a comma, a quote or a line break, or starts or ends with a space; quotes doubled inside.
         */
        static void field(StringBuilder out, String value, boolean formula) {
            int n = value.length();
            boolean quote = n > 0 && (!formula && value.charAt(0) == ' ' || value.charAt(n - 1) == ' ');
            for (int i = 0; i < n && !quote; i++) {
                char c = value.charAt(i);
                quote = c == ',' || c == '"' || c == '\n' || c == '\r';
            }
            if (quote) {
                out.append('"');
            }
            if (formula) {
                out.append('\'');
            }
            if (quote) {
                for (int i = 0; i < n; i++) {
                    char c = value.charAt(i);
                    if (c == '"') {
                        out.append('"');
                    }
                    out.append(c);
                }
                out.append('"');
            } else {
                out.append(value);
            }
        }
    }

    private final Path file;
    private final BufferedWriter out;
    private final Line line;
    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED);
    private final Thread thread;
    private volatile IOException failure;
    private String[][] pending = new String[BATCH][];
    private RowFeed.Batch[] pendingFeeds = new RowFeed.Batch[BATCH];
    private int[] pendingPlaces = new int[BATCH];
    private int size;
    private boolean closed;

    CleanedCsvWriter(Path file, List<String> header, List<ColumnType> types, boolean neutraliseFormulas) {
        this(file, header, types, neutraliseFormulas, Markers.DEFAULT);
    }

    /** A writer that leaves the cells {@code markers} reads as missing empty. */
    CleanedCsvWriter(
            Path file, List<String> header, List<ColumnType> types, boolean neutraliseFormulas, Markers markers) {
        this.file = file;
        boolean[] text = new boolean[types.size()];
        for (int i = 0; i < text.length; i++) {
            text[i] = types.get(i) == ColumnType.STRING;
        }
        this.line = new Line(text, neutraliseFormulas, markers);
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            out = new BufferedWriter(
                    new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 20);
            for (int i = 0; i < header.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(CsvExport.field(CsvExport.text(header.get(i), neutraliseFormulas)));
            }
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        thread = Thread.ofPlatform().daemon().name("cleaned-csv-writer").start(this::drain);
    }

    /** How this writer formats a row, for {@link RowFeed#format}. */
    Line line() {
        return line;
    }

    /** Queues a kept row; the array must not change afterwards. */
    void write(String[] cells) {
        pending[size] = cells;
        pendingFeeds[size] = null;
        if (++size == BATCH) {
            handOver();
        }
    }

    /** Queues row {@code place} of a parsed batch: as the line formatted with it when it has one, else as its cells. */
    void write(RowFeed.Batch feed, int place) {
        if (!feed.formatted(place)) {
            write(feed.rows[place]);
            return;
        }
        pending[size] = null;
        pendingFeeds[size] = feed;
        pendingPlaces[size] = place;
        if (++size == BATCH) {
            handOver();
        }
    }

    private void handOver() {
        rethrow();
        put(new Batch(pending, pendingFeeds, pendingPlaces, size));
        pending = new String[BATCH][];
        pendingFeeds = new RowFeed.Batch[BATCH];
        pendingPlaces = new int[BATCH];
        size = 0;
    }

    private void put(Batch batch) {
        try {
            queue.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing " + file, e);
        }
    }

    /** The writing thread: writes every batch until the end, and after an error only takes them off the queue. */
    private void drain() {
        try {
            for (Batch batch = queue.take(); batch != END; batch = queue.take()) {
                if (failure != null) {
                    continue;
                }
                try {
                    write(batch);
                } catch (IOException e) {
                    failure = e;
                } catch (RuntimeException e) {
                    // Kept like a write error: the reading thread must hear of it, and this thread must keep taking
                    // batches so that the reading thread never waits on a full queue.
                    failure = new IOException(e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final StringBuilder formatted = new StringBuilder(1 << 12);

    /** Writes a batch; the finished lines of consecutive kept rows of one parsed batch in a single write. */
    private void write(Batch batch) throws IOException {
        String lines = null;
        int from = 0;
        int to = 0;
        for (int i = 0; i < batch.size(); i++) {
            RowFeed.Batch feed = batch.feeds()[i];
            if (feed == null) {
                formatted.setLength(0);
                line.append(formatted, batch.rows()[i]);
                out.append(formatted);
                continue;
            }
            int place = batch.places()[i];
            if (lines != null && feed.cleaned() == lines && feed.lineFrom(place) == to) {
                to = feed.lineTo(place);
                continue;
            }
            if (lines != null) {
                out.write(lines, from, to - from);
            }
            lines = feed.cleaned();
            from = feed.lineFrom(place);
            to = feed.lineTo(place);
        }
        if (lines != null) {
            out.write(lines, from, to - from);
        }
    }

    private void rethrow() {
        if (failure != null) {
            throw new UncheckedIOException("cannot write " + file, failure);
        }
    }

    /** Writes the rows still queued, then closes the file. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (size > 0) {
                put(new Batch(pending, pendingFeeds, pendingPlaces, size));
            }
            put(END);
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing " + file, e);
        } finally {
            try {
                out.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
        rethrow();
    }
}
