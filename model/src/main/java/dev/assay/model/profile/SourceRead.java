package dev.assay.model.profile;

import java.util.Optional;

/**
 * What the uploaded file was and how its bytes became the table's text, so a person can check that the right
 * thing was read: a workbook's sheet, a zip's entry, and a text file's encoding with how it was chosen.
 *
 * @param format        {@code csv}, {@code xlsx} or {@code parquet}: what the table was parsed from
 * @param compression   {@code gzip} or {@code zip} when the file was compressed
 * @param entry         the file read inside a zip archive
 * @param sheet         the worksheet read from a workbook
 * @param encoding      the text encoding read (a Java charset name such as UTF-8 or windows-1252); absent for
 *                      formats that are not text (xlsx, parquet)
 * @param encodingBasis how the encoding was chosen: {@code byte order mark}, {@code valid UTF-8},
 *                      {@code detected} or {@code given}
 * @param confidence    the detector's confidence, 0–100, when the encoding was detected
 */
public record SourceRead(
        String format,
        Optional<String> compression,
        Optional<String> entry,
        Optional<String> sheet,
        Optional<String> encoding,
        Optional<String> encodingBasis,
        Optional<Integer> confidence) {

    public static final String CSV = "csv";
    public static final String XLSX = "xlsx";
    public static final String PARQUET = "parquet";

    /** How an encoding was chosen ({@link #encodingBasis()}). */
    public static final String BY_BOM = "byte order mark";

    public static final String BY_UTF8 = "valid UTF-8";
    public static final String DETECTED = "detected";
    public static final String GIVEN = "given";

    public SourceRead {
        compression = compression == null ? Optional.empty() : compression;
        entry = entry == null ? Optional.empty() : entry;
        sheet = sheet == null ? Optional.empty() : sheet;
        encoding = encoding == null ? Optional.empty() : encoding;
        encodingBasis = encodingBasis == null ? Optional.empty() : encodingBasis;
        confidence = confidence == null ? Optional.empty() : confidence;
    }

    /** A UTF-8 CSV read as it is (with or without a byte order mark). */
    public static SourceRead utf8Csv(boolean bom) {
        return new SourceRead(
                CSV,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of("UTF-8"),
                Optional.of(bom ? BY_BOM : BY_UTF8),
                Optional.empty());
    }

    /** One line for people, e.g. "xlsx, sheet 'Sales'" or "csv (gzip), windows-1252 (detected, 62 % sure)". */
    public String describe() {
        StringBuilder text = new StringBuilder(format);
        compression.ifPresent(c -> text.append(" (")
                .append(c)
                .append(entry.map(e -> ": " + e).orElse(""))
                .append(")"));
        sheet.ifPresent(s -> text.append(", sheet '").append(s).append("'"));
        encoding.ifPresent(e -> {
            text.append(", ").append(e);
            encodingBasis.ifPresent(b -> text.append(" (")
                    .append(b)
                    .append(confidence.map(c -> ", " + c + " % sure").orElse(""))
                    .append(")"));
        });
        return text.toString();
    }
}
