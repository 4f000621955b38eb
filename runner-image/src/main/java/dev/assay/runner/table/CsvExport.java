package dev.assay.runner.table;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Writes cleaned.csv as RFC 4180 (comma-separated, CRLF-free lines ending in LF, a field quoted when it holds a
 * comma, a quote, a line break or edge spaces, quotes doubled inside). Text cells and column names that a
 * spreadsheet would run as a formula (starting with =, +, -, @, or a tab or carriage return, after OWASP's advice
 * on CSV injection) are prefixed with a single quote, so opening the file runs nothing; numbers are never touched,
 * so -5 stays a number. Switched by {@link dev.assay.runner.core.EngineConfig#neutraliseFormulas()}.
 */
public final class CsvExport {

    private CsvExport() {}

    public static void write(Table table, Path file, boolean neutraliseFormulas) {
        try (Writer out = new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
            List<Column<?>> columns = table.columns();
            for (int c = 0; c < columns.size(); c++) {
                if (c > 0) {
                    out.write(',');
                }
                out.write(field(text(columns.get(c).name(), neutraliseFormulas)));
            }
            out.write('\n');
            for (int row = 0; row < table.rowCount(); row++) {
                for (int c = 0; c < columns.size(); c++) {
                    if (c > 0) {
                        out.write(',');
                    }
                    Column<?> column = columns.get(c);
                    if (column.isMissing(row)) {
                        continue;
                    }
                    String value = column.getUnformattedString(row);
                    out.write(field(column instanceof StringColumn ? text(value, neutraliseFormulas) : value));
                }
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Text as a spreadsheet may see it: a formula-looking value gets a leading quote when asked. */
    public static String text(String value, boolean neutraliseFormulas) {
        return neutraliseFormulas && looksLikeFormula(value) ? "'" + value : value;
    }

    /** One RFC 4180 field: quoted only when it must be (a comma, a quote or a line break inside, or edge spaces). */
    public static String field(String value) {
        boolean quote = !value.isEmpty() && (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ');
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    /** Whether a spreadsheet would read this text as a formula. */
    public static boolean looksLikeFormula(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
