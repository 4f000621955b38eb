package dev.assay.model.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * The runner's command line in a pod: {@code profile-job} for a DatasetJob, {@code apply-run} for an AssistantRun.
 * The operator builds the arguments with {@link #profileJob} and {@link #applyRun}; the runner's commands declare
 * their options with these names.
 */
public final class RunnerArgs {

    public static final String PROFILE_JOB = "profile-job";
    public static final String APPLY_RUN = "apply-run";

    public static final String JOB_ID = "--job-id";
    public static final String RUN_ID = "--run-id";
    public static final String SOURCE = "--source";
    public static final String FILE_NAME = "--file-name";
    public static final String FORMAT = "--format";
    public static final String KEEP_DUPLICATES = "--keep-duplicates";
    public static final String SHEET = "--sheet";
    public static final String ENCODING = "--encoding";
    public static final String RUN_NAME = "--run-name";
    public static final String PLAN_FILE = "--plan-file";

    private RunnerArgs() {
    }

    /** Profile {@code source} (a key in the task's scope) as dataset {@code jobId}. */
    public static List<String> profileJob(String jobId, String source, String format, boolean dropDuplicates) {
        return profileJob(jobId, source, format, dropDuplicates, java.util.Optional.empty(), java.util.Optional.empty());
    }

    /** As above, reading a workbook's {@code sheet} or text in {@code encoding} when given. */
    public static List<String> profileJob(String jobId, String source, String format, boolean dropDuplicates,
                                          java.util.Optional<String> sheet, java.util.Optional<String> encoding) {
        List<String> args = new ArrayList<>(List.of(PROFILE_JOB, JOB_ID, jobId, SOURCE, source, FORMAT, format));
        if (!dropDuplicates) {
            args.add(KEEP_DUPLICATES);
        }
        sheet.ifPresent(name -> args.addAll(List.of(SHEET, name)));
        encoding.ifPresent(name -> args.addAll(List.of(ENCODING, name)));
        return List.copyOf(args);
    }

    /**
     * Apply the plan in {@link RunnerEnv#PLAN} to dataset {@code jobId}'s {@code source} as run {@code runId}, reading
     * the source as the dataset's profile did ({@code dropDuplicates}).
     */
    public static List<String> applyRun(String jobId, String runId, String source, String runName,
                                        boolean dropDuplicates) {
        List<String> args = new ArrayList<>(List.of(APPLY_RUN, JOB_ID, jobId, RUN_ID, runId, SOURCE, source,
                RUN_NAME, runName));
        if (!dropDuplicates) {
            args.add(KEEP_DUPLICATES);
        }
        return List.copyOf(args);
    }
}
