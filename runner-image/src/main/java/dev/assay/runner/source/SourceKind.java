package dev.assay.runner.source;

/**
 * What a file is, from its first bytes; the name is never trusted (a renamed PDF stays a PDF). The upload
 * check and the engine both decide with this, so they cannot disagree.
 */
public enum SourceKind {
    /** A zip archive: an Excel workbook (.xlsx) or a zip of files; {@link SourceDecoder} looks inside. */
    ZIP(true, "a zip archive"),
    GZIP(true, "a gzip-compressed file"),
    PARQUET(true, "a Parquet file"),
    OLD_EXCEL(false, "an old Excel (.xls) or Office file; save the sheet as .xlsx or CSV"),
    PDF(false, "a PDF document"),
    IMAGE(false, "an image"),
    /** Anything else: text in some encoding, or binary data the text check will refuse. */
    TEXT(true, "text");

    /** The formats Assay reads, for messages that tell a person what to send instead. */
    public static final String ACCEPTED = "CSV, .csv.gz, a .zip holding one CSV, .xlsx, .parquet";

    private final boolean readable;
    private final String description;

    SourceKind(boolean readable, String description) {
        this.readable = readable;
        this.description = description;
    }

    /** Whether Assay can read files of this kind. */
    public boolean readable() {
        return readable;
    }

    /** What the file is, in words a person can act on ("a PDF document"). */
    public String description() {
        return description;
    }

    public static SourceKind of(byte[] head) {
        if (startsWith(head, 'P', 'K', 3, 4) || startsWith(head, 'P', 'K', 5, 6)) {
            return ZIP;
        }
        if (startsWith(head, 0x1F, 0x8B)) {
            return GZIP;
        }
        if (startsWith(head, 'P', 'A', 'R', '1')) {
            return PARQUET;
        }
        if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0)) {
            return OLD_EXCEL;
        }
        if (startsWith(head, '%', 'P', 'D', 'F')) {
            return PDF;
        }
        if (startsWith(head, 0x89, 'P', 'N', 'G')
                || startsWith(head, 0xFF, 0xD8, 0xFF)
                || startsWith(head, 'G', 'I', 'F', '8')) {
            return IMAGE;
        }
        return TEXT;
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
}
