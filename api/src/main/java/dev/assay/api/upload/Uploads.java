package dev.assay.api.upload;

import dev.assay.api.datasets.Datasets;
import dev.assay.api.disk.DiskSpace;
import dev.assay.api.executor.Executor;
import dev.assay.api.executor.ProfileTask;
import dev.assay.api.identity.Actor;
import dev.assay.api.identity.Actors;
import dev.assay.api.jobs.Ids;
import dev.assay.api.jobs.JobViews;
import dev.assay.api.metadata.Metadata;
import dev.assay.model.status.TaskKind;
import dev.assay.model.status.TaskStatus;
import dev.assay.runner.core.EngineConfig;
import dev.assay.runner.source.SourceOptions;
import dev.assay.runner.storage.ArtifactKeys;
import dev.assay.runner.storage.ArtifactStore;
import dev.assay.runner.storage.StatusStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Accepts an uploaded CSV: checks it is one (from its first bytes) and that the disk and the executor have
 * room, stores it as {@code {job_id}/source.csv} by streaming from the container's spool file (never the whole
 * file in memory), records the job as queued and hands it to the executor. An upload refused at any step leaves
 * nothing stored.
 */
@Service
public class Uploads {

    private static final Logger log = LoggerFactory.getLogger(Uploads.class);
    private static final int MAX_NAME = 200;
    /** What common file systems allow for one file name. */
    static final int MAX_NAME_BYTES = 255;

    private final ArtifactStore artifacts;
    private final StatusStore statuses;
    private final Executor executor;
    private final Clock clock;
    private final DiskSpace disk;
    private final Datasets datasets;
    private final Metadata metadata;
    private final Actors actors;

    public Uploads(
            ArtifactStore artifacts,
            StatusStore statuses,
            Executor executor,
            Clock clock,
            DiskSpace disk,
            Datasets datasets,
            Metadata metadata,
            Actors actors) {
        this.metadata = metadata;
        this.actors = actors;
        this.artifacts = artifacts;
        this.statuses = statuses;
        this.executor = executor;
        this.clock = clock;
        this.disk = disk;
        this.datasets = datasets;
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
        if (shape.format().equals(CsvSniffer.PARQUET)) {
            shape = CsvSniffer.parquet(
                    (offset, length) -> {
                        try (InputStream in = file.getInputStream()) {
                            in.skipNBytes(offset);
                            return in.readNBytes(length);
                        }
                    },
                    file.getSize(),
                    name);
        }
        int maxColumns = EngineConfig.defaults().maxColumns();
        if (shape.columns() > maxColumns) {
            throw RefusedUploadException.unusable(
                    name,
                    (shape.format().equals(CsvSniffer.PARQUET) ? "its schema has " : "its header names ")
                            + shape.columns()
                            + " columns; at most " + maxColumns + " are accepted");
        }
        disk.require(file.getSize(), "'" + name + "'");
        // Room first: a busy server refuses before anything is stored, so a 503 leaves nothing behind.
        try (Executor.Reservation room = executor.reserve()) {
            String jobId = Ids.newJobId();
            String sourceKey = ArtifactKeys.job(jobId, "source.csv");
            try {
                try (InputStream in = file.getInputStream()) {
                    artifacts.put(sourceKey, in, file.getSize(), ArtifactKeys.contentType(sourceKey));
                }
                Actor owner = actors.current();
                metadata.datasetCreated(jobId, name, owner.name(), owner.team(), Metadata.Origin.API, clock.instant());
                statuses.put(TaskStatus.queued(jobId, TaskKind.PROFILE, jobId, name, clock.instant()));
                room.submitProfile(new ProfileTask(jobId, sourceKey, name, options));
            } catch (IOException | RuntimeException e) {
                datasets.forget(jobId);
                throw e;
            }
            log.info("job {}: '{}' accepted ({} bytes, {})", jobId, name, file.getSize(), shape.describe());
            return new UploadAccepted(jobId, name, JobViews.statusUrl(jobId));
        }
    }

    /** The name as the audit trail records it, also for an upload refused for its name: never throws. */
    static String fileNameOrDefault(String original) {
        if (original == null) {
            return "upload.csv";
        }
        String name = original.replaceAll("\\p{Cntrl}", "").strip();
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) + "…" : name;
    }

    /** The name a person will recognise, without any folder a browser sent along or control characters. */
    static String fileName(String original) {
        if (original == null) {
            return "upload.csv";
        }
        int bytes = original.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_NAME_BYTES) {
            throw new RefusedUploadException(
                    HttpStatus.BAD_REQUEST,
                    "File name too long",
                    "the file name is " + bytes + " bytes long; at most " + MAX_NAME_BYTES
                            + " are accepted: rename the file and upload it again");
        }
        String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}", "")
                .strip();
        if (name.isEmpty()) {
            return "upload.csv";
        }
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
    }
}
