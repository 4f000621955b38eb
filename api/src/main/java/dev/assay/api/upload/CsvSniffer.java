package dev.assay.api.upload;

import dev.assay.model.profile.SourceRead;
import dev.assay.runner.core.InputException;
import dev.assay.runner.source.ArchiveHead;
import dev.assay.runner.source.ParquetFiles;
import dev.assay.runner.source.SampleEncoding;
import dev.assay.runner.source.SourceKind;
import dev.assay.runner.source.SourceOptions;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides from the first bytes of an upload whether the engine can read it, before anything is stored. What
 * the file is comes from its content ({@link SourceKind}, shared with the engine; the extension is not trusted
 * either way): PDFs, images and old .xls files are refused; an .xlsx or zip archive is accepted for the engine
 * to open (its parts are at the end of the file); a Parquet file is checked from its footer ({@link #parquet}, the
 * caller reads the end of the file); a gzip file is inflated as far as the sample goes and checked
 * as text. Text is decoded with the encoding the engine would choose (byte order mark, the one given, UTF-8,
 * else detected) and must have a header row of column names and a separator (comma, semicolon, tab or pipe)
 * that splits every sampled row into the same number of fields. Quoted fields may hold separators and line
 * breaks. The engine still reads the whole file and reports any later problem with its line number.
 */
public final class CsvSniffer {

    /** {@link Shape#format()} of a Parquet file. */
    public static final String PARQUET = "parquet";
    /** How much of the file is looked at. */
    public static final int SAMPLE_BYTES = 64 * 1024;

    private static final int SAMPLE_RECORDS = 50;
    private static final char[] SEPARATORS = {',', ';', '\t', '|'};
    private static final double CONSISTENT_SHARE = 0.9;

    /**
     * What was found: the separator, the header's column count and how many rows were sampled, for text; for a
     * workbook or zip archive only its format (columns and rows are 0: the engine reads them).
     *
     * @param format   {@code csv}, {@code csv.gz}, {@code zip} (an .xlsx workbook or a zip holding a CSV) or
     *                 {@code parquet}
     * @param encoding the text encoding the sample was read in; empty for a zip
     */
    public record Shape(char separator, int columns, int sampledRows, String format, String encoding) {

        public Shape(char separator, int columns, int sampledRows) {
            this(separator, columns, sampledRows, "csv", "UTF-8");
        }

        public String separatorName() {
            return nameOf(separator);
        }

        /** For the log: "csv (windows-1252), 12 columns separated by commas" or "zip". */
        public String describe() {
            return columns == 0
                    ? format
                    : format + " (" + encoding + "), " + columns + " columns separated by " + separatorName();
        }
    }

    private CsvSniffer() {}

    /**
     * @param head     the first bytes of the file (at most {@link #SAMPLE_BYTES})
     * @param complete whether {@code head} is the whole file
     * @throws RefusedUploadException naming what is wrong
     */
    public static Shape check(byte[] head, boolean complete, String fileName) {
        return check(head, complete, fileName, SourceOptions.none());
    }

    /**
     * @param options the sheet or encoding given with the upload
     * @throws RefusedUploadException naming what is wrong
     */
    public static Shape check(byte[] head, boolean complete, String fileName, SourceOptions options) {
        if (head.length == 0) {
            throw RefusedUploadException.empty(fileName);
        }
        options.problem().ifPresent(problem -> {
            throw RefusedUploadException.badOption(fileName, problem);
        });
        SourceKind kind = SourceKind.of(head);
        if (!kind.readable()) {
            throw RefusedUploadException.notCsv(fileName, "it is " + kind.description());
        }
        ArchiveHead.problem(head).ifPresent(problem -> {
            throw RefusedUploadException.unusable(fileName, problem + "; nothing was stored");
        });
        return switch (kind) {
            case ZIP -> new Shape(',', 0, 0, "zip", "");
            case GZIP -> {
                Inflated inflated = gunzip(head, complete, fileName);
                Shape inner = text(inflated.bytes(), inflated.complete(), fileName, options);
                yield new Shape(inner.separator(), inner.columns(), inner.sampledRows(), "csv.gz", inner.encoding());
            }
            case PARQUET -> {
                if (options.sheet().isPresent()) {
                    throw RefusedUploadException.badOption(
                            fileName, "a sheet was given, but the file is a Parquet file, " + "not an Excel workbook");
                }
                if (options.encoding().isPresent()) {
                    throw RefusedUploadException.badOption(
                            fileName, "an encoding was given, but a Parquet file's text is " + "always UTF-8");
                }
                // Its schema is in the footer, at the end: {@link #parquet} reads it there.
                yield new Shape(',', 0, 0, PARQUET, "");
            }
            default -> text(head, complete, fileName, options);
        };
    }

    /**
     * Checks a Parquet file from its footer, at the end of the file: complete, flat, of types and codecs the engine
     * reads. Nested columns, a cut file and an unknown codec are refused before anything is stored.
     *
     * @param bytes reads the file's bytes at an offset
     * @throws RefusedUploadException naming what is wrong (a nested column by its path)
     */
    public static Shape parquet(ParquetFiles.Bytes bytes, long size, String fileName) {
        try {
            ParquetFiles.Layout layout = ParquetFiles.check(bytes, size, fileName);
            if (layout.rows() == 0) {
                // As a CSV of a header alone: refused now, not stored to fail as a job later.
                throw RefusedUploadException.unusable(
                        fileName,
                        "it is a Parquet file with columns ("
                                + String.join(
                                        ", ", layout.columns().stream().limit(5).toList())
                                + (layout.columns().size() > 5 ? ", …" : "") + ") but no rows; nothing was stored");
            }
            return new Shape(',', layout.columns().size(), 0, PARQUET, "");
        } catch (InputException e) {
            throw RefusedUploadException.unusable(
                    fileName, e.getMessage().substring(fileName.length() + 2) + "; nothing was stored");
        }
    }

    /** The first bytes of a gzip stream as far as the sample holds them. */
    private record Inflated(byte[] bytes, boolean complete) {}

    private static Inflated gunzip(byte[] head, boolean complete, String fileName) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (java.io.InputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(head))) {
            int n;
            while (out.size() < SAMPLE_BYTES && (n = in.read(buffer)) > 0) {
                out.write(buffer, 0, Math.min(n, SAMPLE_BYTES - out.size()));
            }
            return new Inflated(out.toByteArray(), complete && out.size() < SAMPLE_BYTES);
        } catch (java.io.EOFException e) {
            // The sample ends inside the stream: what was inflated so far is the start of the file.
            if (complete) {
                throw RefusedUploadException.unusable(fileName, "it is a gzip file that ends early (incomplete)");
            }
            return new Inflated(out.toByteArray(), false);
        } catch (java.io.IOException e) {
            throw RefusedUploadException.notCsv(
                    fileName, "it starts like a gzip file but cannot be inflated (" + e.getMessage() + ")");
        }
    }

    private static Shape text(byte[] head, boolean complete, String fileName, SourceOptions options) {
        if (options.sheet().isPresent()) {
            throw RefusedUploadException.badOption(
                    fileName, "a sheet was given, but the file is text, not an Excel " + "workbook");
        }
        if (head.length == 0) {
            throw RefusedUploadException.empty(fileName);
        }
        SampleEncoding encoding;
        try {
            encoding = SampleEncoding.of(head, complete, fileName, options);
        } catch (InputException e) {
            binaryKind(head).ifPresent(kind -> {
                throw RefusedUploadException.notCsv(fileName, kind);
            });
            throw RefusedUploadException.notCsv(fileName, e.getMessage().substring(fileName.length() + 2));
        }
        if (!encoding.charset().name().startsWith("UTF-16")) {
            binaryKind(head).ifPresent(kind -> {
                throw RefusedUploadException.notCsv(fileName, kind);
            });
        }
        String text = decode(head, complete, fileName, encoding);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Shape shape = shape(text, complete, fileName);
        return new Shape(
                shape.separator(),
                shape.columns(),
                shape.sampledRows(),
                "csv",
                encoding.charset().name());
    }

    private static Shape shape(String text, boolean complete, String fileName) {
        List<Row> rows = records(text, complete, fileName);
        if (rows.isEmpty() && !complete) {
            throw RefusedUploadException.unusable(
                    fileName,
                    "its first line is longer than " + SAMPLE_BYTES / 1024
                            + " KB; the first line must name the columns");
        }
        if (rows.isEmpty()) {
            throw RefusedUploadException.empty(fileName);
        }
        Row header = rows.getFirst();
        Shape best = null;
        Row firstMismatch = null;
        char mismatchSeparator = ',';
        int bestHeaderFields = 1;
        for (char separator : SEPARATORS) {
            int headerFields = header.fields(separator);
            if (headerFields < 2) {
                continue;
            }
            int matching = 0;
            Row mismatch = null;
            for (Row row : rows.subList(1, rows.size())) {
                if (row.fields(separator) == headerFields) {
                    matching++;
                } else if (mismatch == null) {
                    mismatch = row;
                }
            }
            int data = rows.size() - 1;
            if (data == 0 || matching >= Math.ceil(CONSISTENT_SHARE * data)) {
                if (best == null || headerFields > best.columns()) {
                    best = new Shape(separator, headerFields, data);
                }
            } else if (headerFields > bestHeaderFields) {
                bestHeaderFields = headerFields;
                firstMismatch = mismatch;
                mismatchSeparator = separator;
            }
        }
        if (best == null && firstMismatch != null) {
            throw RefusedUploadException.unusable(
                    fileName,
                    "its rows do not have the same number of fields: the header "
                            + "(line " + header.line() + ") has " + bestHeaderFields + " separated by "
                            + nameOf(mismatchSeparator)
                            + ", line " + firstMismatch.line() + " has " + firstMismatch.fields(mismatchSeparator));
        }
        if (best == null) {
            throw RefusedUploadException.notCsv(
                    fileName,
                    "no separator found in its first line; a CSV has at least "
                            + "two columns separated by commas, semicolons, tabs or pipes");
        }
        if (header.allNumbers(best.separator())) {
            throw RefusedUploadException.unusable(
                    fileName,
                    "its first line holds only numbers; the first line must " + "name the columns (a header row)");
        }
        if (best.sampledRows() == 0 && complete) {
            throw RefusedUploadException.unusable(fileName, "it has a header row but no data rows");
        }
        return best;
    }

    /** Zero bytes outside UTF-16 text: binary data (the kinds with a signature are {@link SourceKind}'s). */
    private static Optional<String> binaryKind(byte[] head) {
        for (int i = 0; i < head.length; i++) {
            if (head[i] == 0) {
                return Optional.of("it contains binary data (a zero byte at offset " + i + "); a CSV is plain text"
                        + (i < 4 ? " (UTF-16 text? give its encoding, e.g. UTF-16LE)" : ""));
            }
        }
        return Optional.empty();
    }

    private static String decode(byte[] head, boolean complete, String fileName, SampleEncoding encoding) {
        CharsetDecoder decoder = encoding.charset()
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String name = encoding.charset().name();
        String how =
                encoding.basis().equals(SourceRead.GIVEN) ? "; is the encoding given right?" : "; give its encoding";
        ByteBuffer in = ByteBuffer.wrap(head, encoding.bomBytes(), head.length - encoding.bomBytes());
        CharBuffer out = CharBuffer.allocate(head.length);
        // When the sample was cut, a character split at its end is not an error.
        CoderResult result = decoder.decode(in, out, complete);
        if (result.isError()) {
            int offset = in.position();
            throw RefusedUploadException.notCsv(
                    fileName,
                    "it is not " + name + " text (byte " + (offset + 1) + " of the " + "file, on line "
                            + lineAt(head, offset) + ")" + how);
        }
        if (complete) {
            CoderResult flush = decoder.flush(out);
            if (flush.isError()) {
                throw RefusedUploadException.notCsv(
                        fileName, "it is not " + name + " text (it ends in the middle of " + "a character)" + how);
            }
        }
        return out.flip().toString();
    }

    private static long lineAt(byte[] head, int offset) {
        long line = 1;
        for (int i = 0; i < offset && i < head.length; i++) {
            if (head[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** One record of the sample: its text and the line it starts on. */
    private record Row(String text, long line) {

        /** Fields when split by the separator outside quotes. */
        int fields(char separator) {
            int fields = 1;
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == separator && !quoted) {
                    fields++;
                }
            }
            return fields;
        }

        boolean allNumbers(char separator) {
            for (String field : split(separator)) {
                String value = field.strip();
                if (value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2) {
                    value = value.substring(1, value.length() - 1).strip();
                }
                if (value.isEmpty() || !value.matches("[-+]?(\\d+([.,]\\d*)?|[.,]\\d+)([eE][-+]?\\d+)?")) {
                    return false;
                }
            }
            return true;
        }

        private List<String> split(char separator) {
            List<String> parts = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                }
                if (c == separator && !quoted) {
                    parts.add(current.toString());
                    current.setLength(0);
                } else {
                    current.append(c);
                }
            }
            parts.add(current.toString());
            return parts;
        }
    }

    /** Splits the sample into records (line breaks inside quotes belong to the field), skipping blank lines. */
    private static List<Row> records(String text, boolean complete, String fileName) {
        List<Row> rows = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        long line = 1;
        long start = 1;
        for (int i = 0; i < text.length() && rows.size() < SAMPLE_RECORDS; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            boolean lineBreak = c == '\n' || c == '\r';
            if (lineBreak && c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                i++;
            }
            if (lineBreak) {
                line++;
                if (!quoted) {
                    add(rows, current, start);
                    start = line;
                    continue;
                }
            }
            current.append(c);
        }
        if (rows.size() < SAMPLE_RECORDS) {
            if (quoted && complete) {
                throw RefusedUploadException.unusable(
                        fileName, "line " + start + " opens a quoted field (\") that is " + "never closed");
            }
            // The last record of a cut sample may be cut too: only a complete file's last line counts.
            if (complete) {
                add(rows, current, start);
            }
        }
        return rows;
    }

    private static void add(List<Row> rows, StringBuilder record, long line) {
        if (!record.toString().isBlank()) {
            rows.add(new Row(record.toString(), line));
        }
        record.setLength(0);
    }

    static String nameOf(char separator) {
        return switch (separator) {
            case ',' -> "commas";
            case ';' -> "semicolons";
            case '\t' -> "tabs";
            case '|' -> "pipes";
            default -> "'" + separator + "'";
        };
    }
}
