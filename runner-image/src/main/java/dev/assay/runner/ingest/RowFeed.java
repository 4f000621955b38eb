package dev.assay.runner.ingest;

import com.univocity.parsers.csv.CsvParser;
import dev.assay.runner.core.InputException;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Parses the rows of a CSV on a thread of its own and hands them over in batches, so that splitting the text into
 * cells overlaps with building the columns (about a third of the work each on a big file). Whatever the parser
 * throws, or a row with the wrong number of fields, reaches the reading thread from {@link #next()} after every row
 * before it, so errors and their order are those of a read on one thread.
 */
final class RowFeed implements AutoCloseable {

    /** Rows handed over at a time: enough to make the hand-over cheap, few enough to keep both threads busy. */
    private static final int BATCH = 512;

    private static final int QUEUED = 8;

    /**
     * Parsed rows, with their line numbers and hashes, and how many bytes of the file were read by the end of them.
     * {@code firsts} holds, for a row whose hash an earlier row had, that earlier row's position among the data rows
     * (0 for the first), else -1: the duplicate check then only compares the rows it names.
     */
    static final class Batch {
        final String[][] rows = new String[BATCH][];
        final long[] lines = new long[BATCH];
        final long[] hashes = new long[BATCH];
        final int[] firsts = new int[BATCH];
        /** The rows' cleaned.csv lines, once {@link #format} was called: row i's is {@code [from[i], to[i])}. */
        private String cleaned;

        private final int[] from = new int[BATCH];
        private final int[] to = new int[BATCH];
        int size;
        long bytesRead;
        Throwable error;
        boolean last;

        /** Whether row {@code i} was parsed after {@link #format} and so has its line. */
        boolean formatted(int i) {
            return from[i] >= 0;
        }

        String cleaned() {
            return cleaned;
        }

        int lineFrom(int i) {
            return from[i];
        }

        int lineTo(int i) {
            return to[i];
        }
    }

    /** Distinct values remembered per text column for {@link #shareText}: bounds the memory of the remembering. */
    static final int SHARED_VALUES = 1 << 20;

    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED);
    /** The text columns, once the reader knows them; their repeated values are handed over as one String each. */
    private volatile boolean[] text;

    /** How cleaned.csv writes a row, once the reader has opened it: each row's line is then formatted here. */
    private volatile CleanedCsvWriter.Line format;

    private final Thread thread;
    private volatile boolean stopped;

    private final Markers markers;

    private RowFeed(
            CsvParser parser,
            String name,
            int width,
            boolean hashRows,
            boolean firsts,
            LongSupplier bytesRead,
            Markers markers) {
        this.markers = markers;
        thread = Thread.ofPlatform()
                .daemon()
                .name("csv-parser")
                .unstarted(() -> parse(parser, name, width, hashRows, firsts, bytesRead));
    }

    /**
     * Starts parsing the rows after the header, which the caller has already taken from the parser; with
     * {@code hashRows}, each row's {@link RowHash} is computed here too.
     */
    static RowFeed start(CsvParser parser, String name, int width, boolean hashRows, LongSupplier bytesRead) {
        return start(parser, name, width, hashRows, hashRows, bytesRead, Markers.DEFAULT);
    }

    /**
     * As above, hashing rows with {@code markers} read as missing; with {@code firsts}, each hashed row's
     * {@link Batch#firsts} too.
     */
    static RowFeed start(
            CsvParser parser,
            String name,
            int width,
            boolean hashRows,
            boolean firsts,
            LongSupplier bytesRead,
            Markers markers) {
        RowFeed feed = new RowFeed(parser, name, width, hashRows, firsts, bytesRead, markers);
        feed.thread.start();
        return feed;
    }

    private void parse(
            CsvParser parser, String name, int width, boolean hashRows, boolean firsts, LongSupplier bytesRead) {
        Batch batch = new Batch();
        // Which row first had each hash: probing this map of every row is a cache miss per row, done here on the
        // parsing thread rather than on the reading thread, which has more to do.
        Long2IntOpenHashMap firstByHash = hashRows && firsts ? new Long2IntOpenHashMap() : null;
        if (firstByHash != null) {
            firstByHash.defaultReturnValue(-1);
        }
        int ordinal = 0;
        TextInterner[] shared = null;
        StringBuilder lines = new StringBuilder();
        try {
            String[] cells;
            // Where the row before the last one ended: the last record begins on the next line.
            long beforeLast = 1;
            long last = 1;
            while (!stopped && (cells = parser.parseNext()) != null) {
                long line = parser.getContext().currentLine();
                beforeLast = last;
                last = line;
                if (cells.length != width) {
                    throw new InputException(
                            name,
                            OptionalLong.of(line),
                            Optional.empty(),
                            "has " + cells.length + " field" + (cells.length == 1 ? "" : "s") + " but the header has "
                                    + width + " (check for an unquoted separator or a missing quote)");
                }
                boolean[] textColumns = text;
                if (textColumns != null) {
                    if (shared == null) {
                        shared = new TextInterner[width];
                        for (int i = 0; i < width; i++) {
                            shared[i] = textColumns[i] ? new TextInterner(SHARED_VALUES) : null;
                        }
                    }
                    share(cells, shared);
                }
                batch.rows[batch.size] = cells;
                batch.lines[batch.size] = line;
                if (hashRows) {
                    batch.hashes[batch.size] = RowHash.of(cells, markers);
                }
                CleanedCsvWriter.Line cleaned = format;
                if (cleaned != null) {
                    batch.from[batch.size] = lines.length();
                    cleaned.append(lines, cells);
                    batch.to[batch.size] = lines.length();
                } else {
                    batch.from[batch.size] = -1;
                }
                if (++batch.size == BATCH) {
                    ordinal = findFirsts(batch, firstByHash, ordinal);
                    batch.bytesRead = bytesRead.getAsLong();
                    hand(batch, lines);
                    batch = new Batch();
                }
            }
            if (!stopped) {
                requireClosedQuotes(parser, name, beforeLast + 1);
            }
            batch.last = true;
        } catch (RuntimeException | Error e) {
            batch.error = e;
        }
        findFirsts(batch, firstByHash, ordinal);
        batch.bytesRead = bytesRead.getAsLong();
        hand(batch, lines);
        // The tables of every row's hash and of each text column's values are the largest things this thread made:
        // dropped now, while the columns are built, rather than left for a marking cycle (see Blocks).
        if (firstByHash != null) {
            // Emptied, then trimmed to its smallest size, so its large arrays are replaced rather than kept.
            firstByHash.clear();
            firstByHash.trim();
        }
        if (shared != null) {
            for (TextInterner seen : shared) {
                if (seen != null) {
                    seen.release();
                }
            }
        }
    }

    /** Hands a batch over with the lines formatted for it, which then start afresh. */
    private void hand(Batch batch, StringBuilder lines) {
        if (!lines.isEmpty()) {
            batch.cleaned = lines.toString();
            lines.setLength(0);
        }
        hand(batch);
    }

    /**
     * From now on, each row's cleaned.csv line is formatted here with {@code line}, while its cells are fresh in this
     * thread's cache: the writing thread would otherwise read every cell again from memory. Rows parsed before are
     * formatted by the writer itself (see {@link Batch#formatted}).
     */
    void format(CleanedCsvWriter.Line line) {
        format = line;
    }

    /**
     * Fills a batch's {@link Batch#firsts} (all -1 without a map), its first row being data row {@code ordinal};
     * returns the ordinal of the next batch's first row. The map of every row's hash is far larger than the
     * processor's caches, so each probe is a miss to memory: probed here, in one short loop over the batch rather
     * than between the parsing of rows, the processor overlaps many of those misses instead of waiting for each.
     */
    private static int findFirsts(Batch batch, Long2IntOpenHashMap firstByHash, int ordinal) {
        if (firstByHash == null) {
            Arrays.fill(batch.firsts, 0, batch.size, -1);
        } else {
            for (int i = 0; i < batch.size; i++) {
                batch.firsts[i] = firstByHash.putIfAbsent(batch.hashes[i], ordinal + i);
            }
        }
        return ordinal + batch.size;
    }

    /**
     * From now on, the cells of the columns marked in {@code columns} that repeat a value seen before are handed over
     * as the String first seen: a text column of ten million cells and a million distinct values then holds a
     * million Strings, not ten million. Done here, where the cells are made, to spare the reading thread the work.
     */
    void shareText(boolean[] columns) {
        text = columns.clone();
    }

    private static void share(String[] cells, TextInterner[] shared) {
        for (int i = 0; i < cells.length; i++) {
            TextInterner seen = shared[i];
            String cell = cells[i];
            if (seen != null && cell != null) {
                cells[i] = seen.intern(cell);
            }
        }
    }

    /**
     * A quote opened and never closed makes every later line part of one cell, and that last row then still has
     * the right number of fields: without this check the rows after it would vanish silently. At the end of the
     * file the parser still holds the raw text of a record that did not end with a line break; an odd number of
     * quotes in a record that spans lines means its quote is still open.
     */
    private static void requireClosedQuotes(CsvParser parser, String name, long lastRecordLine) {
        String raw = parser.getContext().currentParsedContent();
        if (raw == null || raw.indexOf('\n') < 0 && raw.indexOf('\r') < 0) {
            return;
        }
        long quotes = raw.chars().filter(c -> c == '"').count();
        if (quotes % 2 == 1) {
            long lines = raw.strip().lines().count();
            throw new InputException(
                    name,
                    OptionalLong.of(lastRecordLine),
                    Optional.empty(),
                    "opens a quote that is never closed, so the " + lines + " lines from here to the end of the file "
                            + "would be read as one cell (close the quote, or double a quote inside a quoted value)");
        }
    }

    private void hand(Batch batch) {
        try {
            while (!stopped && !queue.offer(batch, 50, TimeUnit.MILLISECONDS)) {
                // The reader is busy; wait unless it has stopped reading.
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The next batch, or null after the last row; rethrows what the parsing thread met. */
    Batch next() {
        Batch batch;
        try {
            batch = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading", e);
        }
        if (batch.error instanceof RuntimeException e) {
            throw e;
        }
        if (batch.error instanceof Error e) {
            throw e;
        }
        return batch;
    }

    /** Stops the parsing thread, when the reader stops early, and waits for it: the parser is not shared after this. */
    @Override
    public void close() {
        stopped = true;
        queue.clear();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
