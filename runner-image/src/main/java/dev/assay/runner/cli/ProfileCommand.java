package dev.assay.runner.cli;

import dev.assay.model.profile.Profile;
import dev.assay.runner.core.EngineConfig;
import dev.assay.runner.core.InputException;
import dev.assay.runner.core.ProfileOutcome;
import dev.assay.runner.core.ProgressListener;
import dev.assay.runner.engine.Engine;
import dev.assay.runner.source.SourceOptions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code runner profile --input FILE.csv --out DIR}. */
@Command(
        name = "profile",
        mixinStandardHelpOptions = true,
        description = {
            "Profile a CSV (any common encoding, also .csv.gz, a one-file .zip), an Excel .xlsx sheet or a flat Parquet file.",
            "Writes profile.json, report.html and cleaned.csv (exact duplicate rows dropped) "
                    + "to the output folder and prints a one-line summary."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:profiled",
            "2:wrong command-line usage",
            "4:the input cannot be used",
            "1:an unexpected failure (a bug)"
        })
public final class ProfileCommand implements Callable<Integer> {

    public static final int BAD_INPUT = 4;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--input",
            required = true,
            paramLabel = "FILE",
            description = "The file to profile: CSV, .csv.gz, .zip, .xlsx or .parquet.")
    Path input;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "Folder for the results (created if needed).")
    Path out;

    @Option(
            names = "--max-file-mb",
            paramLabel = "MB",
            description = "Largest file accepted, in MB (default: ${DEFAULT-VALUE}).")
    long maxFileMb = EngineConfig.defaults().maxFileBytes() / (1024 * 1024);

    @Option(
            names = "--stream-above",
            paramLabel = "SIZE",
            description = "Profile files larger than this in streaming "
                    + "mode (bounded memory; quantiles, distinct counts and top values of varied columns are estimates), e.g. "
                    + "512MB (default: -D" + EngineConfig.STREAM_ABOVE_PROPERTY + ", else $"
                    + EngineConfig.STREAM_ABOVE_ENV
                    + ", else a quarter of the maximum heap).")
    String streamAbove;

    @Option(names = "--keep-duplicates", description = "Keep exact duplicate rows instead of dropping them.")
    boolean keepDuplicates;

    @Option(names = "--quiet", description = "Print no progress.")
    boolean quiet;

    @Option(
            names = "--sheet",
            paramLabel = "NAME",
            description = "Worksheet to read from an Excel workbook (default: the first).")
    String sheet;

    @Option(
            names = "--encoding",
            paramLabel = "CHARSET",
            description = "Text encoding of a CSV, e.g. windows-1252 " + "(default: detected).")
    String encoding;

    @Option(
            names = dev.assay.model.protocol.RunnerArgs.MISSING_MARKERS,
            paramLabel = "JSON",
            description =
                    "Words read as missing, as a JSON array, e.g. '[\"NA\",\"-\"]'; '[]' reads every word as a value "
                            + "(default: NA, N/A, null, NaN, None, -).")
    String missingMarkers;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        if (!Files.isRegularFile(input)) {
            err.println("error: " + input + ": no such file");
            return BAD_INPUT;
        }
        EngineConfig defaults = EngineConfig.defaults();
        EngineConfig config = new EngineConfig(
                maxFileMb * 1024 * 1024,
                defaults.maxColumns(),
                defaults.maxCellChars(),
                !keepDuplicates,
                defaults.neutraliseFormulas(),
                defaults.maxOneHotCategories(),
                streamAbove == null ? defaults.streamAboveBytes() : EngineConfig.parseSize(streamAbove));
        ProgressListener progress = quiet ? ProgressListener.NONE : new ConsoleProgress(err);
        SourceOptions options;
        try {
            options = SourceOptions.fromArgs(sheet, encoding, missingMarkers);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        try {
            long started = System.nanoTime();
            ProfileOutcome outcome = new Engine(config).profile(input, out, progress, options);
            Profile profile = outcome.profile();
            stdout.println(String.format(
                    Locale.ROOT,
                    "%s: %,d rows × %d columns, %,d missing cells (%.1f %%), %d duplicate rows "
                            + "dropped, %d alerts → %s (%.2f s)",
                    profile.source(),
                    profile.table().rows(),
                    profile.table().columns(),
                    profile.table().missingCells(),
                    profile.table().missingShare() * 100,
                    profile.ingest().duplicatesDropped(),
                    profile.alerts().size(),
                    this.out,
                    (System.nanoTime() - started) / 1e9));
            return 0;
        } catch (InputException e) {
            err.println("error: " + e.getMessage());
            return BAD_INPUT;
        }
    }
}
