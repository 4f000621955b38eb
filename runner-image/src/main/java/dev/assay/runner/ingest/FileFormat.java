package dev.assay.runner.ingest;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import dev.assay.runner.core.EngineConfig;
import dev.assay.runner.core.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the start of a file says about it: its size, whether it starts with a UTF-8 byte order mark, and its
 * separator. Refuses what cannot be a CSV before any parsing: empty files, oversized files, binary data,
 * text that is not UTF-8.
 */
record FileFormat(long bytes, boolean bom, char delimiter) {

    private static final int SAMPLE = 64 * 1024;
    private static final char[] DELIMITERS = {',', ';', '\t', '|'};

    static FileFormat sniff(Path file, String name, EngineConfig config) {
        try {
            long bytes = Files.size(file);
            if (bytes == 0) {
                throw new InputException(name, "is empty");
            }
            if (bytes > config.maxFileBytes()) {
                throw new InputException(
                        name, "is " + megabytes(bytes) + "; the limit is " + megabytes(config.maxFileBytes()));
            }
            byte[] sample;
            try (InputStream in = Files.newInputStream(file)) {
                sample = in.readNBytes(SAMPLE);
            }
            boolean bom = sample.length >= 3
                    && (sample[0] & 0xFF) == 0xEF
                    && (sample[1] & 0xFF) == 0xBB
                    && (sample[2] & 0xFF) == 0xBF;
            int start = bom ? 3 : 0;
            for (int i = start; i < sample.length; i++) {
                if (sample[i] == 0) {
                    throw new InputException(name, "contains binary data, not CSV text");
                }
            }
            String text = decode(sample, start, sample.length == SAMPLE, name);
            if (text.isBlank()) {
                throw new InputException(name, "is empty");
            }
            return new FileFormat(bytes, bom, detectDelimiter(text));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    /**
     * The file's text from its start: the byte order mark sniffed here is skipped, and the rest decoded as strict
     * UTF-8, so a byte that is not UTF-8 further on than the sample fails the read as it does here.
     */
    Reader text(InputStream in) throws IOException {
        if (bom) {
            in.skipNBytes(3);
        }
        return new InputStreamReader(
                in,
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /** Strict UTF-8; a multi-byte character cut by the end of the sample is not an error. */
    private static String decode(byte[] sample, int start, boolean truncated, String name) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int end = sample.length;
        if (truncated) {
            while (end > start && end > sample.length - 4 && (sample[end - 1] & 0xC0) == 0x80) {
                end--;
            }
            if (end > start && (sample[end - 1] & 0x80) != 0) {
                end--;
            }
        }
        try {
            return decoder.decode(ByteBuffer.wrap(sample, start, end - start)).toString();
        } catch (CharacterCodingException e) {
            throw new InputException(name, "is not UTF-8 text; save it as UTF-8 and upload it again");
        }
    }

    /**
     * The separator that splits the sample's complete lines into the same number of fields, more than one;
     * quotes are respected, so commas inside quoted names do not count.
     */
    static char detectDelimiter(String text) {
        int cut = text.lastIndexOf('\n');
        String lines = cut > 0 ? text.substring(0, cut) : text;
        char best = ',';
        double bestScore = 0;
        for (char delimiter : DELIMITERS) {
            double score = consistency(lines, delimiter);
            if (score > bestScore) {
                best = delimiter;
                bestScore = score;
            }
        }
        return best;
    }

    /** Fields per row × share of rows with the header's field count; 0 when rows have a single field. */
    private static double consistency(String lines, char delimiter) {
        CsvParserSettings settings = new CsvParserSettings();
        settings.getFormat().setDelimiter(delimiter);
        settings.getFormat().setQuote('"');
        settings.getFormat().setQuoteEscape('"');
        settings.setLineSeparatorDetectionEnabled(true);
        settings.setSkipEmptyLines(true);
        settings.setMaxCharsPerColumn(-1);
        settings.setMaxColumns(100_000);
        settings.setErrorContentLength(0);
        CsvParser parser = new CsvParser(settings);
        try {
            parser.beginParsing(new StringReader(lines));
            String[] header = parser.parseNext();
            if (header == null || header.length < 2) {
                return 0;
            }
            int rows = 0;
            int matching = 0;
            String[] row;
            while ((row = parser.parseNext()) != null && rows < 200) {
                rows++;
                if (row.length == header.length) {
                    matching++;
                }
            }
            double share = rows == 0 ? 1 : (double) matching / rows;
            return share < 0.8 ? 0 : share * Math.log(header.length + 1);
        } catch (RuntimeException e) {
            return 0;
        } finally {
            parser.stopParsing();
        }
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
