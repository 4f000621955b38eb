package dev.assay.api.datasets;

import dev.assay.api.config.AssayProperties;
import dev.assay.api.executor.Executor;
import dev.assay.api.jobs.Jobs;
import dev.assay.api.metadata.Metadata;
import dev.assay.api.problem.ApiException;
import dev.assay.model.json.Json;
import dev.assay.model.profile.Profile;
import dev.assay.model.result.RunResult;
import dev.assay.model.status.TaskKind;
import dev.assay.model.status.TaskStatus;
import dev.assay.runner.storage.ArtifactKeys;
import dev.assay.runner.storage.ArtifactStore;
import dev.assay.runner.storage.StatusStore;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * A dataset's whole life beyond upload: deleting it (or one run) with its files and status, deleting what is
 * older than the retention, and rebuilding the listing from the artifact store, which is the source of truth:
 * a Redis restarted empty loses the status index, not the datasets.
 */
@Service
public class Datasets {

    private static final Logger log = LoggerFactory.getLogger(Datasets.class);
    /** Held while the status store remembers that its index was rebuilt; gone when the store lost everything. */
    private static final String REBUILT = "listing-rebuilt";

    private final StatusStore statuses;
    private final ArtifactStore artifacts;
    private final Jobs jobs;
    private final Executor executor;
    private final Clock clock;
    private final int retentionDays;
    private final Duration rebuiltMarker;

    private final Metadata metadata;

    public Datasets(
            StatusStore statuses,
            ArtifactStore artifacts,
            Jobs jobs,
            Executor executor,
            Clock clock,
            AssayProperties properties,
            Metadata metadata) {
        this.metadata = metadata;
        this.executor = executor;
        this.statuses = statuses;
        this.artifacts = artifacts;
        this.jobs = jobs;
        this.clock = clock;
        this.retentionDays = properties.retentionDays();
        this.rebuiltMarker = properties.redis().ttl();
    }

    /**
     * Deletes a dataset: its runs, every file and every status record.
     *
     * @throws ApiException 404 for an unknown dataset, 409 while it or one of its runs is still queued or running
     */
    public void delete(String jobId) throws IOException {
        TaskStatus job = jobs.job(jobId);
        List<TaskStatus> runs = statuses.runsOf(jobId);
        requireFinished(job);
        runs.forEach(Datasets::requireFinished);
        // The upload goes first: a dataset without source.csv is never rebuilt into the listing again.
        artifacts.delete(ArtifactKeys.job(jobId, "source.csv"));
        artifacts.deleteAll(jobId + "/");
        runs.forEach(run -> statuses.delete(run.id()));
        statuses.delete(jobId);
        metadata.datasetDeleted(jobId);
        executor.forget(jobId, java.util.Optional.empty());
        log.info("job {}: deleted with {} runs", jobId, runs.size());
    }

    /**
     * Deletes one finished run: its files and status; the dataset and its other runs stay.
     *
     * @throws ApiException 409 for a run the cluster says was made outside Assay (kubectl): it is deleted the way it
     *                      was made. A run neither the database nor the cluster knows is only what the stores still
     *                      hold of it, and may be deleted.
     */
    public void deleteRun(String jobId, String runId) throws IOException {
        TaskStatus run = jobs.run(jobId, runId);
        java.util.Optional<dev.assay.api.executor.Creator> outside =
                metadata.run(runId).isPresent() ? java.util.Optional.empty() : executor.creator(runId);
        if (outside.isPresent()) {
            throw new ApiException(
                    HttpStatus.CONFLICT,
                    "Made outside Assay",
                    "run '" + runId + "' was created with "
                            + outside.get().tool()
                            + outside.get().user().map(user -> " by " + user).orElse("")
                            + ", not through Assay, so Assay shows it but does not delete it; delete it the way "
                            + "it was made, for example kubectl delete assistantrun " + runId);
        }
        requireFinished(run);
        artifacts.deleteAll(jobId + "/runs/" + runId + "/");
        statuses.delete(runId);
        metadata.runDeleted(runId);
        executor.forget(jobId, java.util.Optional.of(runId));
        log.info("job {}: run {} deleted", jobId, runId);
    }

    /** Removes what a refused request may have stored before it failed; never throws. */
    public void forget(String jobId) {
        try {
            artifacts.deleteAll(jobId + "/");
            statuses.delete(jobId);
            metadata.datasetDeleted(jobId);
        } catch (IOException | RuntimeException e) {
            log.warn("job {}: could not remove what a refused upload stored: {}", jobId, e.toString());
        }
    }

    /** As {@link #forget}, for a run refused after its plan was stored. */
    public void forgetRun(String jobId, String runId) {
        try {
            artifacts.deleteAll(jobId + "/runs/" + runId + "/");
            statuses.delete(runId);
            metadata.runDeleted(runId);
        } catch (IOException | RuntimeException e) {
            log.warn("run {}: could not remove what a refused apply stored: {}", runId, e.toString());
        }
    }

    private static void requireFinished(TaskStatus task) {
        if (!task.status().finished()) {
            String what = task.kind() == TaskKind.PROFILE
                    ? "dataset '" + task.id() + "' is still being profiled"
                    : "run '" + task.id() + "' is still " + task.status().name().toLowerCase(java.util.Locale.ROOT);
            throw new ApiException(
                    HttpStatus.CONFLICT,
                    "Still running",
                    what + "; wait until it is done or failed, then delete again");
        }
    }

    /** Deletes datasets untouched (no change to them or their runs) for longer than the retention. */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    public int applyRetention() {
        if (retentionDays <= 0) {
            return 0;
        }
        Instant cutoff = clock.instant().minus(Duration.ofDays(retentionDays));
        int deleted = 0;
        for (TaskStatus job : statuses.jobs(Integer.MAX_VALUE)) {
            Instant last = job.updatedAt();
            for (TaskStatus run : statuses.runsOf(job.id())) {
                last = run.updatedAt().isAfter(last) ? run.updatedAt() : last;
            }
            if (last.isBefore(cutoff)) {
                try {
                    delete(job.id());
                    deleted++;
                } catch (IOException | RuntimeException e) {
                    log.warn("job {}: not deleted by retention: {}", job.id(), e.toString());
                }
            }
        }
        if (deleted > 0) {
            log.info("retention of {} days: {} datasets deleted", retentionDays, deleted);
        }
        return deleted;
    }

    /**
     * Lists again every dataset whose files are stored but whose status is not (a status store that restarted
     * empty), at start and whenever the store has forgotten that it was rebuilt.
     */
    @Scheduled(initialDelay = 0, fixedDelayString = "${assay.rebuild-check:PT30S}")
    public void rebuildIfForgotten() {
        try {
            if (statuses.tryLock(REBUILT, "api", rebuiltMarker)) {
                int found = rebuild();
                if (found > 0) {
                    log.warn("status store had lost {} datasets; listed again from the artifact store", found);
                }
            }
        } catch (IOException | RuntimeException e) {
            log.warn("listing not rebuilt from the artifact store: {}", e.toString());
        }
    }

    /** @return how many datasets were listed again */
    int rebuild() throws IOException {
        Map<String, List<String>> byJob = new LinkedHashMap<>();
        for (String key : artifacts.list("")) {
            int slash = key.indexOf('/');
            if (slash > 0) {
                byJob.computeIfAbsent(key.substring(0, slash), id -> new ArrayList<>())
                        .add(key.substring(slash + 1));
            }
        }
        int found = 0;
        for (Map.Entry<String, List<String>> entry : byJob.entrySet()) {
            String jobId = entry.getKey();
            List<String> files = entry.getValue();
            if (!ArtifactKeys.isId(jobId)
                    || !files.contains("source.csv")
                    || statuses.get(jobId).isPresent()) {
                continue;
            }
            Instant created =
                    artifacts.modified(ArtifactKeys.job(jobId, "source.csv")).orElse(clock.instant());
            Optional<Profile> profile = files.contains("profile.json")
                    ? read(ArtifactKeys.job(jobId, "profile.json"), Profile.class)
                    : Optional.empty();
            TaskStatus queued = TaskStatus.queued(
                    jobId, TaskKind.PROFILE, jobId, profile.map(Profile::source).orElse("source.csv"), created);
            // An upload stores its file before its status: between the check above and this write, a new dataset
            // may have got its status, which must not be overwritten as lost.
            if (!statuses.putIfAbsent(profile.map(p -> queued.profiled(p.summary(), created))
                    .orElseGet(() -> queued.abandoned(
                            "the status of this dataset was lost before it was profiled", clock.instant())))) {
                continue;
            }
            for (String runId : runIds(files)) {
                rebuildRun(jobId, runId);
            }
            found++;
        }
        return found;
    }

    private void rebuildRun(String jobId, String runId) throws IOException {
        String resultKey = ArtifactKeys.run(jobId, runId, "result.json");
        Instant created = artifacts
                .modified(ArtifactKeys.run(jobId, runId, "plan.json"))
                .or(() -> modified(resultKey))
                .orElse(clock.instant());
        TaskStatus queued = TaskStatus.queued(runId, TaskKind.RUN, jobId, "restored run", created);
        Optional<RunResult> result = read(resultKey, RunResult.class);
        statuses.putIfAbsent(result.map(r -> queued.applied(r, created))
                .orElseGet(
                        () -> queued.abandoned("the status of this run was lost before it finished", clock.instant())));
    }

    private Optional<Instant> modified(String key) {
        try {
            return artifacts.modified(key);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static TreeSet<String> runIds(List<String> files) {
        TreeSet<String> ids = new TreeSet<>();
        for (String file : files) {
            String[] parts = file.split("/");
            if (parts.length == 3 && parts[0].equals("runs") && ArtifactKeys.isId(parts[1])) {
                ids.add(parts[1]);
            }
        }
        return ids;
    }

    private <T> Optional<T> read(String key, Class<T> type) throws IOException {
        Optional<InputStream> in = artifacts.open(key);
        if (in.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream stream = in.get()) {
            return Optional.of(Json.mapper().readValue(stream, type));
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            log.warn("{}: unreadable, left out of the rebuilt listing ({})", key, e.getOriginalMessage());
            return Optional.empty();
        }
    }
}
