package dev.assay.runner.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Limits and switches of the engine. Every field has a safe default; the api and the CLI override them
 * from configuration.
 *
 * @param maxFileBytes         largest CSV accepted
 * @param maxColumns           most columns accepted
 * @param maxCellChars         longest cell accepted
 * @param dropDuplicates       drop exact duplicate rows on ingest (the seed's behaviour)
 * @param neutraliseFormulas   prefix exported cells starting with = + - @ so spreadsheets do not run them
 * @param maxOneHotCategories  default cap of new columns per one-hot encoded column
 * @param streamAboveBytes     a file larger than this is profiled in streaming mode (bounded memory, some figures
 *                             estimated) and refused by apply; see {@link #streamAboveDefault()}
 */
public record EngineConfig(
        long maxFileBytes,
        int maxColumns,
        int maxCellChars,
        boolean dropDuplicates,
        boolean neutraliseFormulas,
        int maxOneHotCategories,
        long streamAboveBytes) {

    /** The system property that sets the streaming threshold (bytes, or with a KB/MB/GB suffix). */
    public static final String STREAM_ABOVE_PROPERTY = "assay.profile.stream-above";
    /** The environment variable that sets it when the property is not given. */
    public static final String STREAM_ABOVE_ENV = "ASSAY_PROFILE_STREAM_ABOVE";

    public EngineConfig {
        if (streamAboveBytes < 0) {
            throw new IllegalArgumentException("the streaming threshold cannot be negative: " + streamAboveBytes);
        }
    }

    /** With the default streaming threshold. */
    public EngineConfig(
            long maxFileBytes,
            int maxColumns,
            int maxCellChars,
            boolean dropDuplicates,
            boolean neutraliseFormulas,
            int maxOneHotCategories) {
        this(
                maxFileBytes,
                maxColumns,
                maxCellChars,
                dropDuplicates,
                neutraliseFormulas,
                maxOneHotCategories,
                streamAboveDefault());
    }

    public static EngineConfig defaults() {
        return new EngineConfig(2L * 1024 * 1024 * 1024, 1000, 100_000, true, true, 20);
    }

    /**
     * Whether a file is profiled in streaming mode: it is larger than {@link #streamAboveBytes()}. Then the profile
     * is computed in bounded memory, some figures are estimates, and no plan can be applied to it.
     */
    public boolean streams(Path file) {
        try {
            return Files.size(file) > streamAboveBytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The same limits with another streaming threshold. */
    public EngineConfig withStreamAbove(long bytes) {
        return new EngineConfig(
                maxFileBytes, maxColumns, maxCellChars, dropDuplicates, neutraliseFormulas, maxOneHotCategories, bytes);
    }

    /**
     * The threshold from {@value #STREAM_ABOVE_PROPERTY} or {@value #STREAM_ABOVE_ENV}, else a quarter of the
     * maximum heap: the exact profile holds the whole table, which takes up to about twice the file's size in
     * memory, and the rest of the heap serves the profile's own work and other jobs.
     */
    public static long streamAboveDefault() {
        Optional<String> configured = Optional.ofNullable(System.getProperty(STREAM_ABOVE_PROPERTY))
                .or(() -> Optional.ofNullable(System.getenv(STREAM_ABOVE_ENV)))
                .map(String::strip)
                .filter(s -> !s.isEmpty());
        return configured
                .map(EngineConfig::parseSize)
                .orElseGet(() -> Runtime.getRuntime().maxMemory() / 4);
    }

    /** "1073741824", "512MB", "2 GB", "64kb": a size in bytes. */
    public static long parseSize(String text) {
        String s = text.strip().toUpperCase(Locale.ROOT).replace("_", "");
        long unit = 1;
        for (String[] suffix : new String[][] {{"GB", "1073741824"}, {"MB", "1048576"}, {"KB", "1024"}, {"B", "1"}}) {
            if (s.endsWith(suffix[0])) {
                unit = Long.parseLong(suffix[1]);
                s = s.substring(0, s.length() - suffix[0].length()).strip();
                break;
            }
        }
        try {
            return Math.multiplyExact(Long.parseLong(s), unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(
                    "not a size: '" + text + "' (write bytes, or a number with KB, MB or GB)", e);
        }
    }
}
