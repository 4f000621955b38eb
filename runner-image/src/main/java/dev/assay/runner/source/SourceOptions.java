package dev.assay.runner.source;

import dev.assay.model.profile.MissingMarkers;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Optional;

/**
 * What the person said about their file, when detection should not decide: the worksheet to read from a
 * workbook, the text encoding of a CSV and the words read as missing.
 *
 * @param sheet          a worksheet's name (the first sheet when absent)
 * @param encoding       a charset name such as {@code windows-1252} or {@code UTF-16LE} (detected when absent)
 * @param missingMarkers the words read as missing ({@link MissingMarkers#DEFAULT_WORDS} when absent; an empty
 *                       list reads every word as a value)
 */
public record SourceOptions(Optional<String> sheet, Optional<String> encoding, Optional<List<String>> missingMarkers) {

    /** Excel's own limit on a sheet name. */
    public static final int MAX_SHEET_NAME = 31;

    public SourceOptions {
        sheet = sheet.map(String::strip).filter(s -> !s.isEmpty());
        encoding = encoding.map(String::strip).filter(s -> !s.isEmpty());
        missingMarkers = missingMarkers == null
                ? Optional.empty()
                : missingMarkers.map(java.util.ArrayList::new).map(java.util.Collections::unmodifiableList);
    }

    /** A sheet and an encoding, with the default missing markers. */
    public SourceOptions(Optional<String> sheet, Optional<String> encoding) {
        this(sheet, encoding, Optional.empty());
    }

    /**
     * The options as the runner's commands take them, each possibly null; {@code missingMarkers} is a JSON array
     * ({@link dev.assay.model.protocol.RunnerArgs#MISSING_MARKERS}).
     *
     * @throws IllegalArgumentException naming the option when the markers are not a JSON array of words
     */
    public static SourceOptions fromArgs(String sheet, String encoding, String missingMarkers) {
        return new SourceOptions(
                Optional.ofNullable(sheet),
                Optional.ofNullable(encoding),
                Optional.ofNullable(missingMarkers).map(dev.assay.model.protocol.RunnerArgs::parseMarkers));
    }

    public static SourceOptions none() {
        return new SourceOptions(Optional.empty(), Optional.empty());
    }

    /** The markers a read uses: the given ones, else the defaults. Call {@link #problem()} first. */
    public MissingMarkers markers() {
        return missingMarkers.map(MissingMarkers::given).orElseGet(MissingMarkers::defaults);
    }

    /**
     * Why these options cannot be used (a sheet name longer than Excel allows, an encoding Java does not
     * know), or empty when they can.
     */
    public Optional<String> problem() {
        if (missingMarkers.isPresent()) {
            Optional<String> markers = MissingMarkers.problem(missingMarkers.get());
            if (markers.isPresent()) {
                return markers;
            }
        }
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
