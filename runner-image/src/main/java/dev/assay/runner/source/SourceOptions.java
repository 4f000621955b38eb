package dev.assay.runner.source;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Optional;

/**
 * What the person said about their file, when detection should not decide: the worksheet to read from a
 * workbook and the text encoding of a CSV.
 *
 * @param sheet    a worksheet's name (the first sheet when absent)
 * @param encoding a charset name such as {@code windows-1252} or {@code UTF-16LE} (detected when absent)
 */
public record SourceOptions(Optional<String> sheet, Optional<String> encoding) {

    /** Excel's own limit on a sheet name. */
    public static final int MAX_SHEET_NAME = 31;

    public SourceOptions {
        sheet = sheet.map(String::strip).filter(s -> !s.isEmpty());
        encoding = encoding.map(String::strip).filter(s -> !s.isEmpty());
    }

    public static SourceOptions none() {
        return new SourceOptions(Optional.empty(), Optional.empty());
    }

    /**
     * Why these options cannot be used (a sheet name longer than Excel allows, an encoding Java does not
     * know), or empty when they can.
     */
    public Optional<String> problem() {
        if (sheet.isPresent() && sheet.get().length() > MAX_SHEET_NAME) {
            return Optional.of("the sheet name is longer than " + MAX_SHEET_NAME + " characters, Excel's limit");
        }
        if (encoding.isPresent()) {
            try {
                Charset.forName(encoding.get());
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                return Optional.of("'" + encoding.get() + "' is not a known text encoding (e.g. UTF-8, windows-1252, "
                        + "ISO-8859-1, UTF-16LE)");
            }
        }
        return Optional.empty();
    }

    /** The encoding as a charset; call {@link #problem()} first. */
    Optional<Charset> charset() {
        return encoding.map(Charset::forName);
    }
}
