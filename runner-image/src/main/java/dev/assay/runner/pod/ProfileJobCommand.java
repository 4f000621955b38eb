package dev.assay.runner.pod;

import dev.assay.runner.source.SourceOptions;
import dev.assay.runner.storage.ArtifactKeys;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code runner profile-job --job-id J --source KEY}: what a DatasetJob's pod runs. */
@Command(name = "profile-job", mixinStandardHelpOptions = true,
        description = {"Profile a CSV from the artifact store as dataset JOB-ID (pod mode).",
                "Stores from the environment: ASSAY_S3_ENDPOINT, ASSAY_S3_BUCKET, ASSAY_S3_ACCESS_KEY, "
                        + "ASSAY_S3_SECRET_KEY, ASSAY_REDIS_URL (see StorageSettings). Progress and result go to the "
                        + "status store, the report and cleaned CSV under JOB-ID/ in the artifact store."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:profiled", "3:the input cannot be used (the reason is in the status)", "1:failed"})
public final class ProfileJobCommand implements Callable<Integer> {

    private final java.util.Map<String, String> env;

    public ProfileJobCommand() {
        this(System.getenv());
    }

    /** With an explicit environment (tests). */
    ProfileJobCommand(java.util.Map<String, String> env) {
        this.env = env;
    }

    @Option(names = "--job-id", required = true, description = "The dataset's id (the DatasetJob's name).")
    String jobId;

    @Option(names = "--source", required = true, description = "Artifact key of the CSV, e.g. samples/titanic.csv.")
    String source;

    @Option(names = "--file-name", description = "The name people know the file by (default: the key's last part).")
    String fileName;

    @Option(names = "--sheet", description = "Worksheet to read from an Excel workbook (default: the first).")
    String sheet;

    @Option(names = "--encoding", description = "Text encoding of a CSV, e.g. windows-1252 (default: detected).")
    String encoding;

    @Override
    public Integer call() {
        if (!ArtifactKeys.isId(jobId)) {
            System.err.println("error: '" + jobId + "' is not a job id (lowercase letters, digits and '-', at most 63)");
            return 2;
        }
        String name = fileName != null ? fileName : source.substring(source.lastIndexOf('/') + 1);
        SourceOptions options = new SourceOptions(java.util.Optional.ofNullable(sheet), java.util.Optional.ofNullable(encoding));
        return PodTask.exitCode(PodTask.runner(env).profile(jobId, source, name, options));
    }
}
