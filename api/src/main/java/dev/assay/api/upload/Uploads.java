package dev.assay.api.upload;

import dev.assay.api.executor.Executor;
import dev.assay.api.executor.ExecutorBusyException;
import dev.assay.api.executor.ProfileTask;
import dev.assay.api.jobs.Ids;
import dev.assay.api.jobs.JobViews;
import dev.assay.model.status.TaskKind;
import dev.assay.model.status.TaskStatus;
import dev.assay.runner.source.SourceOptions;
import dev.assay.runner.storage.ArtifactKeys;
import dev.assay.runner.storage.ArtifactStore;
import dev.assay.runner.storage.StatusStore;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Accepts an uploaded CSV: checks it is one (from its first bytes), stores it as {@code {job_id}/source.csv}
 * by streaming from the container's spool file (never the whole file in memory), records the job as queued
 * and hands it to the executor.
 */
@Service
public class Uploads {

    private static final Logger log = LoggerFactory.getLogger(Uploads.class);
    private static final int MAX_NAME = 200;

    private final ArtifactStore artifacts;
    private final StatusStore statuses;
    private final Executor executor;
    private final Clock clock;

    public Uploads(ArtifactStore artifacts, StatusStore statuses, Executor executor, Clock clock) {
        this.artifacts = artifacts;
        this.statuses = statuses;
        this.executor = executor;
        this.clock = clock;
    }

    public UploadAccepted accept(MultipartFile file) throws IOException {
        return accept(file, SourceOptions.none());
    }

    /** @param options the worksheet or text encoding given with the upload (form fields {@code sheet}, {@code encoding}) */
    public UploadAccepted accept(MultipartFile file, SourceOptions options) throws IOException {
        String name = fileName(file.getOriginalFilename());
        if (file.isEmpty()) {
            throw RefusedUploadException.empty(name);
        }
        byte[] head;
        try (InputStream in = file.getInputStream()) {
            head = in.readNBytes(CsvSniffer.SAMPLE_BYTES);
        }
        CsvSniffer.Shape shape = CsvSniffer.check(head, file.getSize() <= head.length, name, options);
        if (!executor.hasCapacity()) {
            throw new ExecutorBusyException("the server is busy profiling other files; try again in a minute",
                    Duration.ofSeconds(30));
        }
        String jobId = Ids.newJobId();
        String sourceKey = ArtifactKeys.job(jobId, "source.csv");
        try (InputStream in = file.getInputStream()) {
            artifacts.put(sourceKey, in, file.getSize(), ArtifactKeys.contentType(sourceKey));
        }
        TaskStatus queued = TaskStatus.queued(jobId, TaskKind.PROFILE, jobId, name, clock.instant());
        statuses.put(queued);
        try {
            executor.submitProfile(new ProfileTask(jobId, sourceKey, name, options));
        } catch (ExecutorBusyException e) {
            statuses.put(queued.failed("the server was too busy to start profiling; upload the file again",
                    clock.instant()));
            throw e;
        }
        log.info("job {}: '{}' accepted ({} bytes, {})", jobId, name, file.getSize(), shape.describe());
        return new UploadAccepted(jobId, name, JobViews.statusUrl(jobId));
    }

    /** The name a person will recognise, without any folder a browser sent along or control characters. */
    static String fileName(String original) {
        if (original == null) {
            return "upload.csv";
        }
        String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty()) {
            return "upload.csv";
        }
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
    }
}
