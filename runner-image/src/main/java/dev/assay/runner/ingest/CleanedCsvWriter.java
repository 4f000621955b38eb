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

    private record Batch(String[][] rows, int size) {}

    private static final Batch END = new Batch(new String[0][], 0);

    private final Path file;
    private final BufferedWriter out;
    private final boolean[] text;
    private final boolean neutraliseFormulas;
    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED);
    private final Thread thread;
    private volatile IOException failure;
    private String[][] pending = new String[BATCH][];
    private int size;
    private boolean closed;

    CleanedCsvWriter(Path file, List<String> header, List<ColumnType> types, boolean neutraliseFormulas) {
        this(file, header, types, neutraliseFormulas, Markers.DEFAULT);
    }

    private final Markers markers;

    /** A writer that leaves the cells {@code markers} reads as missing empty. */
    CleanedCsvWriter(
            Path file, List<String> header, List<ColumnType> types, boolean neutraliseFormulas, Markers markers) {
        this.markers = markers;
        this.file = file;
        this.neutraliseFormulas = neutraliseFormulas;
        this.text = new boolean[types.size()];
        for (int i = 0; i < text.length; i++) {
            text[i] = types.get(i) == ColumnType.STRING;
        }
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

    /** Queues a kept row; the array must not change afterwards. */
    void write(String[] cells) {
        pending[size++] = cells;
        if (size == BATCH) {
            handOver();
        }
    }

    private void handOver() {
        rethrow();
        put(new Batch(pending, size));
        pending = new String[BATCH][];
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
                    for (int i = 0; i < batch.size(); i++) {
                        row(batch.rows()[i]);
                    }
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

    private void row(String[] cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            String raw = cells[i];
            if (markers.isMissing(raw)) {
                continue;
            }
            out.write(CsvExport.field(text[i] ? CsvExport.text(raw, neutraliseFormulas) : raw.strip()));
        }
        out.write('\n');
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
                put(new Batch(pending, size));
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
