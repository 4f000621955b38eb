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
 */
public record IngestReport(String fileName, long bytes, String delimiter, boolean bom, long rowsRead,
                           long duplicatesDropped, List<String> warnings, long millis, SourceRead source) {

    public IngestReport {
        warnings = List.copyOf(warnings);
        // Profiles written before the source was recorded were all UTF-8 CSV.
        source = source == null ? SourceRead.utf8Csv(bom) : source;
    }

    /** A UTF-8 CSV read as it is. */
    public IngestReport(String fileName, long bytes, String delimiter, boolean bom, long rowsRead,
                        long duplicatesDropped, List<String> warnings, long millis) {
        this(fileName, bytes, delimiter, bom, rowsRead, duplicatesDropped, warnings, millis, SourceRead.utf8Csv(bom));
    }
}
