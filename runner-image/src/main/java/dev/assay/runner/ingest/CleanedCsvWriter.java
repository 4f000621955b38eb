package dev.assay.runner.ingest;

import dev.assay.model.dataset.ColumnType;
import dev.assay.runner.apply.CsvExport;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes cleaned.csv while ingest reads the file: the rows it keeps (exact duplicates dropped), each value as it
 * was written, so nothing is reformatted or lost. Comma-separated UTF-8 without a byte order mark, missing
 * markers written as empty cells, text that a spreadsheet would run as a formula neutralised as
 * {@link CsvExport} does. Streaming it costs one more write per row instead of another pass over the table.
 */
final class CleanedCsvWriter implements Closeable {

    private final Path file;
    private final BufferedWriter out;
    private final boolean[] text;
    private final boolean neutraliseFormulas;

    CleanedCsvWriter(Path file, List<String> header, List<ColumnType> types, boolean neutraliseFormulas) {
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
            out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 20);
            for (int i = 0; i < header.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                cell(header.get(i));
            }
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    void write(String[] cells) {
        try {
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                String raw = cells[i];
                if (Values.isMissing(raw)) {
                    continue;
                }
                if (!text[i]) {
                    cell(raw.strip());
                } else if (neutraliseFormulas && CsvExport.looksLikeFormula(raw)) {
                    cell("'" + raw);
                } else {
                    cell(raw);
                }
            }
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Quoted only when it must be: a comma, a quote or a line break inside, or spaces at either end. */
    private void cell(String value) throws IOException {
        boolean quote = !value.isEmpty() && (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ');
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            out.write(value);
            return;
        }
        out.write('"');
        out.write(value.replace("\"", "\"\""));
        out.write('"');
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
