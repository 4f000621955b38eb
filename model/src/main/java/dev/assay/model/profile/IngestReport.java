package dev.assay.model.profile;

import java.util.List;

/**
 * How the file was read.
 *
 * @param delimiter          the detected separator
 * @param bom                whether the (decoded) text started with a UTF-8 byte order mark
 * @param rowsRead           data rows in the file (blank lines excluded)
 * @param duplicatesDropped  exact duplicate rows removed on ingest
 * @param warnings           things a person should know (stray values, renamed blank headers...)
 * @param source             what the file was (format, sheet, archive entry) and which encoding was read
 * @param missingWords       per text column, the marker words read as missing ("None", "NA", "-"), as written, with
 *                           how many cells had each (duplicate rows included): a marker can be a value a person meant
 * @param repeatedRows       the rows that were repeated most (at most 10), each with how often it appeared in the
 *                           file; the repeats were dropped on ingest
 * @param missingMarkers     the words that were read as missing, and whether the person gave them
 */
public record IngestReport(
        String fileName,
        long bytes,
        String delimiter,
        boolean bom,
        long rowsRead,
        long duplicatesDropped,
        List<String> warnings,
        long millis,
        SourceRead source,
        java.util.Map<String, java.util.Map<String, Long>> missingWords,
        List<RepeatedRow> repeatedRows,
        MissingMarkers missingMarkers) {

    public IngestReport {
        // Profiles written before markers could be given were read with the defaults.
        missingMarkers = missingMarkers == null ? MissingMarkers.defaults() : missingMarkers;
        warnings = List.copyOf(warnings);
        // Profiles written before the source was recorded were all UTF-8 CSV.
        source = source == null ? SourceRead.utf8Csv(bom) : source;
        missingWords = missingWords == null
                ? java.util.Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(missingWords));
        repeatedRows = repeatedRows == null ? List.of() : List.copyOf(repeatedRows);
    }

    /** A UTF-8 CSV read as it is. */
    public IngestReport(
            String fileName,
            long bytes,
            String delimiter,
            boolean bom,
            long rowsRead,
            long duplicatesDropped,
            List<String> warnings,
            long millis) {
        this(
                fileName,
                bytes,
                delimiter,
                bom,
                rowsRead,
                duplicatesDropped,
                warnings,
                millis,
                SourceRead.utf8Csv(bom),
                java.util.Map.of(),
                List.of(),
                MissingMarkers.defaults());
    }

    /** A UTF-8 CSV read as it is, with what ingest saw of marker words and repeated rows. */
    public IngestReport(
            String fileName,
            long bytes,
            String delimiter,
            boolean bom,
            long rowsRead,
            long duplicatesDropped,
            List<String> warnings,
            long millis,
            java.util.Map<String, java.util.Map<String, Long>> missingWords,
            List<RepeatedRow> repeatedRows) {
        this(
                fileName,
                bytes,
                delimiter,
                bom,
                rowsRead,
                duplicatesDropped,
                warnings,
                millis,
                SourceRead.utf8Csv(bom),
                missingWords,
                repeatedRows,
                MissingMarkers.defaults());
    }

    /** The same report, read with {@code markers}. */
    public IngestReport withMarkers(MissingMarkers markers) {
        return new IngestReport(
                fileName,
                bytes,
                delimiter,
                bom,
                rowsRead,
                duplicatesDropped,
                warnings,
                millis,
                source,
                missingWords,
                repeatedRows,
                markers);
    }

    /**
     * @param values the row's cells as read, in column order (empty text where missing)
     * @param count  how many times it appeared in the file (2 or more)
     */
    public record RepeatedRow(List<String> values, long count) {
        public RepeatedRow {
            values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
        }
    }
}
