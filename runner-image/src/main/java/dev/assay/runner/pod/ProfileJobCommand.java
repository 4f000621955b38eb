package dev.assay.runner.pod;

import dev.assay.model.protocol.RunnerArgs;
import dev.assay.model.protocol.RunnerExit;
import dev.assay.model.status.TaskKind;
import dev.assay.runner.source.SourceOptions;
import dev.assay.runner.storage.ArtifactKeys;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code runner profile-job --job-id J --source KEY}: what a DatasetJob's pod runs ({@link RunnerArgs#profileJob}). */
@Command(
        name = RunnerArgs.PROFILE_JOB,
        mixinStandardHelpOptions = true,
        description = {
            "Profile a CSV from the artifact store as dataset JOB-ID (pod mode).",
            "Stores from the environment: ASSAY_S3_ENDPOINT, ASSAY_S3_BUCKET, ASSAY_S3_ACCESS_KEY, "
                    + "ASSAY_S3_SECRET_KEY, ASSAY_REDIS_URL (see StorageSettings); ASSAY_NAMESPACE puts every key "
                    + "under that namespace. Progress and result go to the status store, the report and cleaned CSV "
                    + "under JOB-ID/ in the artifact store."
        },
        exitCodeListHeading = "%nExit codes (RunnerExit):%n",
        exitCodeList = {
            "0:profiled",
            "1:failed unexpectedly (tried again)",
            "2:wrong usage",
            "4:the source does not exist",
            "5:the file cannot be used",
            "6:a store could not be reached (tried again)"
        })
public final class ProfileJobCommand implements Callable<Integer> {

    private final java.util.Map<String, String> env;

    public ProfileJobCommand() {
        this(System.getenv());
    }

    /** With an explicit environment (tests). */
    ProfileJobCommand(java.util.Map<String, String> env) {
        this.env = env;
    }

    @Option(names = RunnerArgs.JOB_ID, required = true, description = "The dataset's id (the DatasetJob's name).")
    String jobId;

    @Option(
            names = RunnerArgs.SOURCE,
            required = true,
            description = "Artifact key of the CSV, e.g. samples/titanic.csv.")
    String source;

    @Option(
            names = RunnerArgs.FILE_NAME,
            description = "The name people know the file by (default: the key's last part).")
    String fileName;

    @Option(names = RunnerArgs.SHEET, description = "Worksheet to read from an Excel workbook (default: the first).")
    String sheet;

    @Option(names = RunnerArgs.ENCODING, description = "Text encoding of a CSV, e.g. windows-1252 (default: detected).")
    String encoding;

    @Option(
            names = RunnerArgs.MISSING_MARKERS,
            description = "Words read as missing, a JSON array ('[]': every word "
                    + "is a value; default: NA, N/A, null, NaN, None, -).")
    String missingMarkers;

    @Option(names = RunnerArgs.FORMAT, defaultValue = "csv", description = "The source's format; only csv.")
    String format;

    @Option(names = RunnerArgs.KEEP_DUPLICATES, description = "Keep exact duplicate rows (spec.dropDuplicates: false).")
    boolean keepDuplicates;

    @Override
    public Integer call() {
        if (!ArtifactKeys.isId(jobId)) {
            System.err.println(
                    "error: '" + jobId + "' is not a job id (lowercase letters, digits and '-', at most 63)");
            return RunnerExit.USAGE.code();
        }
        if (!"csv".equals(format)) {
            System.err.println("error: format '" + format + "' is not supported; only csv");
            return RunnerExit.USAGE.code();
        }
        String name = fileName != null ? fileName : source.substring(source.lastIndexOf('/') + 1);
        SourceOptions options;
        try {
            options = SourceOptions.fromArgs(sheet, encoding, missingMarkers);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return RunnerExit.USAGE.code();
        }
        Optional<String> unusable = options.problem();
        if (unusable.isPresent()) {
            System.err.println("error: " + unusable.get());
            return RunnerExit.USAGE.code();
        }
        System.err.println(
                "profile-job " + jobId + ": source " + source + (keepDuplicates ? ", keeping duplicate rows" : ""));
        PodTask task = PodTask.open(env);
        Optional<RunnerExit> missing = task.checkSource(jobId, TaskKind.PROFILE, jobId, name, source);
        if (missing.isPresent()) {
            return missing.get().code();
        }
        return PodTask.exitCode(task.runner(!keepDuplicates).profile(jobId, source, name, options));
    }
}
