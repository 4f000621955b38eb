package dev.assay.api.upload;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides from the first bytes of an upload whether it is a CSV the engine can read, before anything is
 * stored: UTF-8 text (not a spreadsheet, an image or a Latin-1 export), a header row of column names, and a
 * separator (comma, semicolon, tab or pipe) that splits every sampled row into the same number of fields.
 * Quoted fields may hold separators and line breaks. The extension is not trusted either way. The engine
 * still reads the whole file and reports any later problem with its line number.
 */
public final class CsvSniffer {

    /** How much of the file is looked at. */
    public static final int SAMPLE_BYTES = 64 * 1024;
    private static final int SAMPLE_RECORDS = 50;
    private static final char[] SEPARATORS = {',', ';', '\t', '|'};
    private static final double CONSISTENT_SHARE = 0.9;

    /** What was found: the separator, the header's column count and how many rows were sampled. */
    public record Shape(char separator, int columns, int sampledRows) {

        public String separatorName() {
            return nameOf(separator);
        }
    }

    private CsvSniffer() {
    }

    /**
     * @param head     the first bytes of the file (at most {@link #SAMPLE_BYTES})
     * @param complete whether {@code head} is the whole file
     * @throws RefusedUploadException naming what is wrong
     */
    public static Shape check(byte[] head, boolean complete, String fileName) {
        if (head.length == 0) {
            throw RefusedUploadException.empty(fileName);
        }
        binaryKind(head).ifPresent(kind -> {
            throw RefusedUploadException.notCsv(fileName, kind);
        });
        String text = decode(head, complete, fileName);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Row> rows = records(text, complete, fileName);
        if (rows.isEmpty() && !complete) {
            throw RefusedUploadException.unusable(fileName, "its first line is longer than " + SAMPLE_BYTES / 1024
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
            throw RefusedUploadException.unusable(fileName, "its rows do not have the same number of fields: the header "
                    + "(line " + header.line() + ") has " + bestHeaderFields + " separated by " + nameOf(mismatchSeparator)
                    + ", line " + firstMismatch.line() + " has " + firstMismatch.fields(mismatchSeparator));
        }
        if (best == null) {
            throw RefusedUploadException.notCsv(fileName, "no separator found in its first line; a CSV has at least "
                    + "two columns separated by commas, semicolons, tabs or pipes");
        }
        if (header.allNumbers(best.separator())) {
            throw RefusedUploadException.unusable(fileName, "its first line holds only numbers; the first line must "
                    + "name the columns (a header row)");
        }
        if (best.sampledRows() == 0 && complete) {
            throw RefusedUploadException.unusable(fileName, "it has a header row but no data rows");
        }
        return best;
    }

    private static Optional<String> binaryKind(byte[] head) {
        if (startsWith(head, 'P', 'K', 3, 4)) {
            return Optional.of("it is a zip archive, such as an Excel workbook (.xlsx); export the sheet as CSV UTF-8");
        }
        if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0)) {
            return Optional.of("it is an old Excel (.xls) or Office file; export the sheet as CSV UTF-8");
        }
        if (startsWith(head, '%', 'P', 'D', 'F')) {
            return Optional.of("it is a PDF document");
        }
        if (startsWith(head, 0x89, 'P', 'N', 'G') || startsWith(head, 0xFF, 0xD8, 0xFF) || startsWith(head, 'G', 'I', 'F', '8')) {
            return Optional.of("it is an image");
        }
        if (startsWith(head, 0x1F, 0x8B)) {
            return Optional.of("it is gzip-compressed; decompress it first");
        }
        if (startsWith(head, 'P', 'A', 'R', '1')) {
            return Optional.of("it is a Parquet file");
        }
        for (int i = 0; i < head.length; i++) {
            if (head[i] == 0) {
                return Optional.of("it contains binary data (a zero byte at offset " + i + "); a CSV is plain text"
                        + (i < 4 ? " (UTF-16 text? save it as CSV UTF-8)" : ""));
            }
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] head, int... prefix) {
        if (head.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((head[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String decode(byte[] head, boolean complete, String fileName) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(head);
        CharBuffer out = CharBuffer.allocate(head.length);
        // When the sample was cut, a character split at its end is not an error.
        CoderResult result = decoder.decode(in, out, complete);
        if (result.isError()) {
            int offset = in.position();
            throw RefusedUploadException.notCsv(fileName, "it is not UTF-8 text (byte " + (offset + 1) + " of the file, "
                    + "on line " + lineAt(head, offset) + "); save it as CSV UTF-8");
        }
        if (complete) {
            CoderResult flush = decoder.flush(out);
            if (flush.isError()) {
                throw RefusedUploadException.notCsv(fileName, "it is not UTF-8 text (it ends in the middle of a "
                        + "character); save it as CSV UTF-8");
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
                throw RefusedUploadException.unusable(fileName, "line " + start + " opens a quoted field (\") that is "
                        + "never closed");
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
