package dev.assay.runner.source;

import dev.assay.runner.core.InputException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes decoded cells as a UTF-8 CSV (comma, RFC 4180 quoting) for the CSV ingest to read, so that every
 * format ends in the same engine. An empty cell is a missing value there. Stops at the engine's file limit,
 * which keeps a small workbook or Parquet file from unpacking into an unbounded table.
 */
final class CsvOut implements AutoCloseable {

    private final Writer out;
    private final String name;
    private final long maxBytes;
    private long bytes;

    CsvOut(Path target, String name, long maxBytes) {
        try {
            this.out = new BufferedWriter(
                    new OutputStreamWriter(Files.newOutputStream(target), StandardCharsets.UTF_8), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
        this.name = name;
        this.maxBytes = maxBytes;
    }

    void row(List<String> cells) {
        try {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                write(cells.get(i));
            }
            out.write('\n');
            bytes += 1;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the decoded table of " + name, e);
        }
        if (bytes > maxBytes) {
            throw new InputException(
                    name,
                    "holds more than " + Archives.megabytes(maxBytes) + " of data once read "
                            + "as a table; the limit is " + Archives.megabytes(maxBytes));
        }
    }

    private void write(String cell) throws IOException {
        boolean quote = false;
        for (int i = 0; i < cell.length() && !quote; i++) {
            char c = cell.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        bytes += cell.length() + 1;
        if (!quote) {
            out.write(cell);
            return;
        }
        out.write('"');
        out.write(cell.replace("\"", "\"\""));
        out.write('"');
        bytes += 2;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the decoded table of " + name, e);
        }
    }
}
