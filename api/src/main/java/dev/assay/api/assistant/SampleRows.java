package dev.assay.api.assistant;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import dev.assay.runner.storage.ArtifactKeys;
import dev.assay.runner.storage.ArtifactStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The first rows of a job's cleaned.csv, read by streaming only as far as needed. */
final class SampleRows {

    private SampleRows() {}

    static List<List<String>> first(ArtifactStore artifacts, String jobId, int rows) throws IOException {
        Optional<InputStream> in = artifacts.open(ArtifactKeys.job(jobId, "cleaned.csv"));
        if (in.isEmpty() || rows == 0) {
            in.ifPresent(SampleRows::closeQuietly);
            return List.of();
        }
        CsvParserSettings settings = new CsvParserSettings();
        settings.setMaxCharsPerColumn(-1);
        settings.setMaxColumns(100_000);
        settings.setLineSeparatorDetectionEnabled(true);
        // Read on this thread: a reader thread still filling its buffer when the stream closes after the first rows
        // fails with ClosedChannelException (seen as a rare 500 on POST /assistant with consent).
        settings.setReadInputOnSeparateThread(false);
        CsvParser parser = new CsvParser(settings);
        List<List<String>> sample = new ArrayList<>();
        try (InputStream stream = in.get()) {
            parser.beginParsing(new InputStreamReader(stream, StandardCharsets.UTF_8));
            try {
                parser.parseNext(); // header
                String[] row;
                while (sample.size() < rows && (row = parser.parseNext()) != null) {
                    sample.add(Arrays.asList(row));
                }
            } finally {
                // Stopped before the stream closes, never after.
                parser.stopParsing();
            }
        }
        return sample;
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing was read
        }
    }
}
