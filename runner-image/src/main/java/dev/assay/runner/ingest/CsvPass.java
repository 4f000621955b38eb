package dev.assay.runner.ingest;

import com.univocity.parsers.common.TextParsingException;
import com.univocity.parsers.csv.CsvParser;
import dev.assay.runner.core.EngineConfig;
import dev.assay.runner.core.InputException;
import dev.assay.runner.core.ProgressListener;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The reader under every read of {@link CsvIngest}: one pass over a CSV file from its start, handing each row as
 * written to a {@link RowHandler}, with progress by position in the file. The reads differ only in their handlers
 * and in how many passes they make.
 *
 * @param markers the words this read takes as missing
 * @param bounded whether the parser's input buffers are small (the streaming read must fit a small heap)
 */
record CsvPass(EngineConfig config, Markers markers, boolean bounded) {

    /** What a pass hands the header and each data row to: what each read does with them. */
    interface RowHandler {
        void header(String[] cells);

        /** A data row, with its {@link RowHash} when the pass was asked for hashes (else 0). */
        void row(String[] cells, long line, long hash);

        /**
         * As above, with the position among the data rows of the first row that had the same hash, or -1 when no
         * earlier row had it (always -1 without hashes).
         */
        default void row(String[] cells, long line, long hash, int first) {
            row(cells, line, hash);
        }

        /** Row {@code i} of a parsed batch; the batch is not changed afterwards, so it may be kept. */
        default void row(RowFeed.Batch batch, int i) {
            row(batch.rows[i], batch.lines[i], batch.hashes[i], batch.firsts[i]);
        }

        /** The feed of this pass, before its first row. */
        default void started(RowFeed feed) {}
    }

    /** One pass over the file, with row hashes for the duplicate check if asked; returns the number of data rows. */
    long read(
            Path file,
            String name,
            FileFormat format,
            ProgressListener progress,
            int from,
            int to,
            String stage,
            boolean hashRows,
            RowHandler handler) {
        return read(file, name, format, progress, from, to, stage, hashRows, hashRows, handler);
    }

    /**
     * As above; {@code firsts} also finds, for each row, the first row with its hash (a map of every row's hash:
     * memory in proportion to the file, so not for the streaming read, which wants the hashes alone).
     */
    long read(
            Path file,
            String name,
            FileFormat format,
            ProgressListener progress,
            int from,
            int to,
            String stage,
            boolean hashRows,
            boolean firsts,
            RowHandler handler) {
        CsvParser parser = new CsvParser(ParserOptions.of(format, config, bounded));
        long rows = 0;
        try (CountingInput counted = new CountingInput(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
                Reader reader = format.text(counted)) {
            parser.beginParsing(reader);
            String[] header = parser.parseNext();
            if (header == null) {
                throw new InputException(name, "is empty");
            }
            handler.header(header);
            int lastPercent = from;
            try (RowFeed feed = RowFeed.start(parser, name, header.length, hashRows, firsts, counted::count, markers)) {
                handler.started(feed);
                boolean last = false;
                while (!last) {
                    RowFeed.Batch batch = feed.next();
                    for (int i = 0; i < batch.size; i++) {
                        handler.row(batch, i);
                    }
                    rows += batch.size;
                    last = batch.last;
                    int percent = from + (int) ((to - from) * batch.bytesRead / Math.max(1, format.bytes()));
                    if (percent > lastPercent) {
                        progress.update(percent, stage);
                        lastPercent = percent;
                    }
                }
            }
            progress.update(to, stage);
            return rows;
        } catch (TextParsingException e) {
            throw CsvErrors.translate(e, name, config);
        } catch (UncheckedIOException e) {
            throw CsvErrors.translate(e.getCause(), name);
        } catch (IOException e) {
            throw CsvErrors.translate(e, name);
        } finally {
            parser.stopParsing();
        }
    }

    /** Counts bytes read, for progress by position in the file (read on the parsing thread, hence volatile). */
    private static final class CountingInput extends FilterInputStream {
        private volatile long count;

        CountingInput(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
