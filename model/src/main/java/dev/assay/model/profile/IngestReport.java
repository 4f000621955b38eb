package dev.assay.model.profile;

import java.util.List;

/**
 * How the file was read.
 *
 * @param delimiter          the detected separator
 * @param bom                whether the file started with a UTF-8 byte order mark
 * @param rowsRead           data rows in the file (blank lines excluded)
 * @param duplicatesDropped  exact duplicate rows removed on ingest
 * @param warnings           things a person should know (stray values, renamed blank headers...)
 */
public record IngestReport(String fileName, long bytes, String delimiter, boolean bom, long rowsRead,
                           long duplicatesDropped, List<String> warnings, long millis) {

    public IngestReport {
        warnings = List.copyOf(warnings);
    }
}
