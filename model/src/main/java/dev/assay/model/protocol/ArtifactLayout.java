package dev.assay.model.protocol;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The artifact layout, relative to a {@link TaskScope}: {@code {job_id}/source.csv}, {@code {job_id}/profile.json},
 * {@code {job_id}/report.html}, {@code {job_id}/cleaned.csv}, {@code {job_id}/assistant/{request_id}/context.json},
 * {@code {job_id}/runs/{run_id}/{report.html, cleaned.csv, profile.json, model.bin, metrics.json, plan.json,
 * result.json}}.
 */
public final class ArtifactLayout {

    public static final String SOURCE = "source.csv";
    public static final String PROFILE = "profile.json";
    public static final String REPORT = "report.html";
    public static final String CLEANED = "cleaned.csv";
    public static final String MODEL = "model.bin";
    public static final String METRICS = "metrics.json";
    public static final String PLAN = "plan.json";
    public static final String RESULT = "result.json";
    public static final String CONTEXT = "context.json";

    public static final Set<String> JOB_FILES = Set.of(SOURCE, PROFILE, REPORT, CLEANED);
    public static final Set<String> RUN_FILES = Set.of(REPORT, CLEANED, PROFILE, MODEL, METRICS, PLAN, RESULT);
    /** What a profile task writes beside the uploaded source. */
    public static final Set<String> PROFILE_OUTPUTS = Set.of(PROFILE, REPORT, CLEANED);

    /** A job, run or request id: also a Kubernetes resource name, so a resource's name is its id. */
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private ArtifactLayout() {}

    public static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    public static String job(String jobId, String file) {
        requireId(jobId);
        if (!JOB_FILES.contains(file)) {
            throw new IllegalArgumentException("not a job artifact: " + file);
        }
        return jobId + "/" + file;
    }

    public static String runFolder(String jobId, String runId) {
        requireId(jobId);
        requireId(runId);
        return jobId + "/runs/" + runId + "/";
    }

    public static String run(String jobId, String runId, String file) {
        if (!RUN_FILES.contains(file)) {
            throw new IllegalArgumentException("not a run artifact: " + file);
        }
        return runFolder(jobId, runId) + file;
    }

    public static String context(String jobId, String requestId) {
        requireId(jobId);
        requireId(requestId);
        return jobId + "/assistant/" + requestId + "/" + CONTEXT;
    }

    private static void requireId(String id) {
        if (!isId(id)) {
            throw new IllegalArgumentException("not an id: " + id);
        }
    }
}
