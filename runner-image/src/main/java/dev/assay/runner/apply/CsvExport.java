package dev.assay.runner.apply;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.io.csv.CsvWriteOptions;

/**
 * Writes cleaned.csv. Text cells that a spreadsheet would run as a formula (starting with =, +, -, @, or a tab or
 * carriage return, after OWASP's advice on CSV injection) are prefixed with a single quote, so opening the
 * file runs nothing; numbers are never touched, so -5 stays a number. Switched by
 * {@link dev.assay.runner.engine.EngineConfig#neutraliseFormulas()}.
 */
public final class CsvExport {

    private CsvExport() {
    }

    public static void write(Table table, Path file, boolean neutraliseFormulas) {
        Table out = neutraliseFormulas ? neutralised(table) : table;
        try {
            out.write().csv(CsvWriteOptions.builder(file.toFile()).build());
        } catch (RuntimeException e) {
            if (e.getCause() instanceof IOException io) {
                throw new UncheckedIOException("cannot write " + file, io);
            }
            throw e;
        }
    }

    /** Whether a spreadsheet would read this text as a formula. */
    public static boolean looksLikeFormula(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    static Table neutralised(Table table) {
        Table out = Table.create(table.name());
        for (Column<?> column : table.columns()) {
            if (column instanceof StringColumn text && text.asList().stream().anyMatch(CsvExport::looksLikeFormula)) {
                StringColumn safe = StringColumn.create(text.name());
                for (int row = 0; row < text.size(); row++) {
                    String value = text.get(row);
                    if (text.isMissing(row)) {
                        safe.appendMissing();
                    } else {
                        safe.append(looksLikeFormula(value) ? "'" + value : value);
                    }
                }
                out.addColumns(safe);
            } else {
                out.addColumns(column);
            }
        }
        return out;
    }
}
