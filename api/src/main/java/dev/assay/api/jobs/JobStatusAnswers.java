package dev.assay.api.jobs;

import dev.assay.model.status.TaskStatus;
import dev.assay.runner.storage.ArtifactKeys;
import dev.assay.runner.storage.StatusStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The status answer of a job, built once per change. A UI polls the status of a dataset every second or so,
 * and a finished dataset with a few runs answers tens of KB of results that no longer change: while the
 * store's {@link StatusStore#version version} of the job stays the same, the answer is served as it was
 * serialised, without reading the runs again; the version (with this process's start) is also the ETag, so
 * a browser revalidating gets a 304.
 */
@Component
public class JobStatusAnswers {

    private static final int CACHED = 256;

    /** A serialised {@link JobStatusView} and its ETag. */
    public record Answer(String fingerprint, byte[] json, String etag) {}

    private final Jobs jobs;
    private final JobViews views;
    private final StatusStore statuses;
    private final JsonMapper mapper;
    /** Versions restart with an in-memory store, and the answer's format may change with a new release. */
    private final String started = Long.toString(System.nanoTime(), 36) + java.util.UUID.randomUUID();

    private final Map<String, Answer> answers = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Answer> eldest) {
            return size() > CACHED;
        }
    });

    public JobStatusAnswers(Jobs jobs, JobViews views, StatusStore statuses, JsonMapper mapper) {
        this.jobs = jobs;
        this.views = views;
        this.statuses = statuses;
        this.mapper = mapper;
    }

    /** @throws JobNotFoundException when there is no such job */
    public Answer answer(String jobId) {
        // The version is read before the records: a change in between makes the next poll rebuild the answer,
        // so a cached answer is never older than its version.
        // Whose it is is checked before the cache: a cached answer is shared by everyone allowed to see it.
        jobs.requireVisible(jobId);
        long version = ArtifactKeys.isId(jobId) ? statuses.version(jobId) : 0;
        String fingerprint = started + ":" + jobId + ":" + version;
        Answer cached = answers.get(jobId);
        if (version > 0 && cached != null && cached.fingerprint().equals(fingerprint)) {
            return cached;
        }
        TaskStatus job = jobs.job(jobId);
        List<TaskStatus> runs = statuses.runsOf(job.id());
        Answer answer = new Answer(fingerprint, mapper.writeValueAsBytes(views.status(job, runs)), etag(fingerprint));
        answers.put(job.id(), answer);
        return answer;
    }

    private static String etag(String fingerprint) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(fingerprint.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
