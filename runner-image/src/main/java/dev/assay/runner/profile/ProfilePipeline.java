package dev.assay.runner.profile;

import dev.assay.model.json.Json;
import dev.assay.model.profile.Profile;
import dev.assay.runner.apply.ApplyPipeline;
import dev.assay.runner.core.EngineConfig;
import dev.assay.runner.core.ProfileOutcome;
import dev.assay.runner.core.ProgressListener;
import dev.assay.runner.ingest.CsvIngest;
import dev.assay.runner.report.ReportRenderer;
import dev.assay.runner.source.SourceOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import tech.tablesaw.api.Table;

/**
 * The profile of an uploaded file: ingest, profile, then profile.json, report.html and cleaned.csv (exact
 * duplicates dropped, each kept value as it was written). The same reading and profiling serve the apply
 * pipeline as its {@link ApplyPipeline.Stages}.
 */
public final class ProfilePipeline implements ApplyPipeline.Stages {

    public static final String PROFILE_JSON = "profile.json";
    public static final String REPORT_HTML = "report.html";
    public static final String CLEANED_CSV = "cleaned.csv";

    private final EngineConfig config;
    private final SourceOptions options;
    private final Profiler profiler = new Profiler();
    private final ReportRenderer renderer = new ReportRenderer();

    public ProfilePipeline(EngineConfig config) {
        this(config, SourceOptions.none());
    }

    /** Reads sources with the sheet or encoding the person chose. */
    public ProfilePipeline(EngineConfig config, SourceOptions options) {
        this.config = config;
        this.options = options;
    }

    public ProfileOutcome run(Path csv, Path outDir, ProgressListener progress) {
        // cleaned.csv is written while the file is read, under a temporary name until everything else is written.
        Path partial = outDir.resolve(CLEANED_CSV + ".partial");
        try {
            Profile profile = config.streams(csv)
                    ? stream(csv, progress.slice(0, 90), partial)
                    : read(csv, progress.slice(0, 90), Optional.of(partial)).profile();
            progress.update(91, "writing the report");
            Files.createDirectories(outDir);
            Files.writeString(outDir.resolve(PROFILE_JSON), Json.writePretty(profile));
            Files.writeString(outDir.resolve(REPORT_HTML), renderer.render(profile));
            Files.move(partial, outDir.resolve(CLEANED_CSV), StandardCopyOption.REPLACE_EXISTING);
            progress.update(100, "done");
            return new ProfileOutcome(profile, outDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the profile to " + outDir, e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                // Best effort: a stale partial file is overwritten by the next profile into this folder.
            }
        }
    }

    /** The streaming profile of a file above the threshold, with cleaned.csv written as the rows go. */
    Profile stream(Path csv, ProgressListener progress, Path cleanedCsv) {
        return stream(csv, progress, cleanedCsv, new StreamingProfiler());
    }

    Profile stream(Path csv, ProgressListener progress, Path cleanedCsv, StreamingProfiler profiler) {
        String name = csv.getFileName().toString();
        long bytes;
        try {
            bytes = Files.size(csv);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
        CsvIngest.Streamed read = new CsvIngest(config)
                .stream(csv, name, progress.slice(0, 95), Optional.of(cleanedCsv), options, profiler);
        progress.update(96, "summarising the sketches");
        String reason = "the file (" + megabytes(bytes) + ") is larger than the streaming threshold ("
                + megabytes(config.streamAboveBytes()) + ")";
        return profiler.profile(read, reason, config.streamAboveBytes());
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%,.1f MB", bytes / (1024.0 * 1024.0));
    }

    @Override
    public Input read(Path csv, ProgressListener progress) {
        return read(csv, progress, Optional.empty());
    }

    private Input read(Path csv, ProgressListener progress, Optional<Path> cleanedCsv) {
        String name = csv.getFileName().toString();
        CsvIngest.Result result = new CsvIngest(config).read(csv, name, progress.slice(0, 60), cleanedCsv, options);
        Profile profile = profiler.profile(result.table(), result.report(), result.stray(), progress.slice(60, 100));
        return new Input(result.table(), profile);
    }

    @Override
    public Profile profile(Table table, String source) {
        return profiler.profile(table, source);
    }

    @Override
    public String report(Profile profile, Optional<Map<String, Object>> runSection) {
        return renderer.render(profile, runSection);
    }
}
