package dev.assay.runner.storage;

import dev.assay.model.protocol.ArtifactLayout;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The artifact key layout ({@link ArtifactLayout}, declared in model/ for the api, the operator
 * and the runner), relative to a task's scope ({@link ScopedArtifactStore} adds the namespace), with the checks
 * every store applies:
 * {@code {job_id}/source.csv}, {@code {job_id}/profile.json}, {@code {job_id}/report.html},
 * {@code {job_id}/cleaned.csv}, {@code {job_id}/assistant/{request_id}/context.json},
 * {@code {job_id}/runs/{run_id}/{report.html, cleaned.csv, profile.json, model.bin, metrics.json,
 * plan.json, result.json}}. A name from a request is accepted only if it is one of these shapes, so no
 * crafted name reaches another job's files or a path outside the store.
 */
public final class ArtifactKeys {

    private static final Pattern SAFE_KEY = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");
    private static final Set<String> JOB_FILES = ArtifactLayout.JOB_FILES;
    private static final Set<String> RUN_FILES = ArtifactLayout.RUN_FILES;

    private ArtifactKeys() {}

    public static boolean isId(String id) {
        return ArtifactLayout.isId(id);
    }

    public static String job(String jobId, String file) {
        return ArtifactLayout.job(jobId, file);
    }

    public static String run(String jobId, String runId, String file) {
        return ArtifactLayout.run(jobId, runId, file);
    }

    public static String context(String jobId, String requestId) {
        return ArtifactLayout.context(jobId, requestId);
    }

    /**
     * The key for a name requested under a job ({@code report.html}, {@code runs/r-1/model.bin},
     * {@code assistant/a-1/context.json}), or empty when the name is not an artifact name.
     */
    public static Optional<String> resolve(String jobId, String name) {
        if (!isId(jobId) || name == null) {
            return Optional.empty();
        }
        String[] parts = name.split("/", -1);
        if (parts.length == 1 && JOB_FILES.contains(parts[0])) {
            return Optional.of(job(jobId, parts[0]));
        }
        if (parts.length == 3 && parts[0].equals("runs") && isId(parts[1]) && RUN_FILES.contains(parts[2])) {
            return Optional.of(run(jobId, parts[1], parts[2]));
        }
        if (parts.length == 3 && parts[0].equals("assistant") && isId(parts[1]) && parts[2].equals("context.json")) {
            return Optional.of(context(jobId, parts[1]));
        }
        return Optional.empty();
    }

    /** The media type of an artifact, from its file name: what the store records and the api answers with. */
    public static String contentType(String key) {
        String name = key.substring(key.lastIndexOf('/') + 1);
        if (name.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (name.endsWith(".csv")) {
            return "text/csv; charset=utf-8";
        }
        if (name.endsWith(".json")) {
            return "application/json";
        }
        return "application/octet-stream";
    }

    /** File names a profile task writes, beside the uploaded {@code source.csv}. */
    public static Set<String> profileOutputs() {
        return ArtifactLayout.PROFILE_OUTPUTS;
    }

    /**
     * Checks a key before a store touches it: relative, '/'-separated segments of letters, digits, '.', '_'
     * and '-', none of them '.' or '..'. Stores call this so that even a key built by mistake cannot leave
     * the store's root or bucket.
     *
     * @throws IllegalArgumentException when the key is not of that shape
     */
    public static String requireSafe(String key) {
        if (key == null || !SAFE_KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a valid artifact key: " + key);
        }
        for (String segment : key.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("not a valid artifact key: " + key);
            }
        }
        return key;
    }

    /** As {@link #requireSafe}, for a prefix to list: empty, or a safe key optionally ending in '/'. */
    public static String requireSafePrefix(String prefix) {
        if (prefix == null) {
            throw new IllegalArgumentException("not a valid artifact key prefix: null");
        }
        if (!prefix.isEmpty()) {
            requireSafe(prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix);
        }
        return prefix;
    }
}
