package dev.assay.model.protocol;

/** The environment variables a runner pod reads. */
public final class RunnerEnv {

    /** The plan of a run, as JSON; fixed in the Job when the run starts. */
    public static final String PLAN = "ASSAY_PLAN";
    /** The namespace whose keys the runner uses ({@link TaskScope}); unset on a laptop. */
    public static final String NAMESPACE = "ASSAY_NAMESPACE";
    /** Scratch folder for downloads and outputs (the pod's emptyDir). */
    public static final String WORK_DIR = "ASSAY_WORK_DIR";

    public static final String DATA_DIR = "ASSAY_DATA_DIR";
    /**
     * The object-store grant of a pod on a cluster ({@link RunnerAccess} as JSON, from the Job's own Secret): presigned
     * URLs for its input and outputs only. When set, the runner uses no {@code ASSAY_S3_*} credentials.
     */
    public static final String S3_ACCESS = "ASSAY_S3_ACCESS";
    /** Root credentials of the store: the laptop, the api and the operator only, never a runner pod on a cluster. */
    public static final String S3_ENDPOINT = "ASSAY_S3_ENDPOINT";

    public static final String S3_BUCKET = "ASSAY_S3_BUCKET";
    public static final String S3_ACCESS_KEY = "ASSAY_S3_ACCESS_KEY";
    public static final String S3_SECRET_KEY = "ASSAY_S3_SECRET_KEY";
    public static final String S3_REGION = "ASSAY_S3_REGION";
    public static final String REDIS_URL = "ASSAY_REDIS_URL";
    public static final String REDIS_TTL = "ASSAY_REDIS_TTL";
    /** The installation's prefix ({@code assay:}); the runner adds its namespace's part ({@link TaskScope}). */
    public static final String REDIS_KEY_PREFIX = "ASSAY_REDIS_KEY_PREFIX";

    public static final String DEBUG = "ASSAY_DEBUG";

    private RunnerEnv() {}
}
