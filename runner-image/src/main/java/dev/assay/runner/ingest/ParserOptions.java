package dev.assay.runner.ingest;

import com.univocity.parsers.csv.CsvParserSettings;
import dev.assay.runner.core.EngineConfig;

/** The parser's options for one file: its delimiter, quoting as RFC 4180 writes it, and the engine's limits. */
final class ParserOptions {

    private ParserOptions() {}

    /** {@code bounded}: the streaming read, which keeps the parser's read-ahead small. */
    static CsvParserSettings of(FileFormat format, EngineConfig config, boolean bounded) {
        CsvParserSettings settings = new CsvParserSettings();
        settings.getFormat().setDelimiter(format.delimiter());
        settings.getFormat().setQuote('"');
        settings.getFormat().setQuoteEscape('"');
        settings.setLineSeparatorDetectionEnabled(true);
        settings.setSkipEmptyLines(true);
        settings.setHeaderExtractionEnabled(false);
        settings.setIgnoreLeadingWhitespaces(false);
        settings.setIgnoreTrailingWhitespaces(false);
        settings.setNullValue(null);
        settings.setEmptyValue("");
        settings.setMaxCharsPerColumn(config.maxCellChars());
        settings.setMaxColumns(config.maxColumns() + 1);
        settings.setErrorContentLength(0);
        if (bounded) {
            // The parser reads ahead into ten buffers of this many characters (a million each by default: 20 MB).
            settings.setInputBufferSize(1 << 16);
        }
        return settings;
    }
}
