package dev.assay.api.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.api.identity.Actors;
import dev.assay.api.metadata.Metadata;
import dev.assay.model.json.Json;
import dev.assay.model.plan.Plan;
import dev.assay.model.profile.Profile;
import dev.assay.model.status.TaskKind;
import dev.assay.model.status.TaskState;
import dev.assay.model.status.TaskStatus;
import dev.assay.runner.storage.ArtifactKeys;
import dev.assay.runner.storage.ArtifactStore;
import dev.assay.runner.storage.StatusStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Looks up datasets (jobs), their runs and their profiles, with the errors a person sees when one is missing
 * or not ready. The assistant uses {@link #profile} for the schema and statistics it sends to a planner.
 */
@Service
public class Jobs {

    private static final int CACHED_PROFILES = 64;

    private final StatusStore statuses;
    private final ArtifactStore artifacts;
    /** Profiles never change once written; validating a plan should not re-read a large profile.json each time. */
    private final Map<String, Profile> profiles = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Profile> eldest) {
            return size() > CACHED_PROFILES;
        }
    });

    private final Metadata metadata;
    private final Actors actors;

    public Jobs(StatusStore statuses, ArtifactStore artifacts, Metadata metadata, Actors actors) {
        this.statuses = statuses;
        this.artifacts = artifacts;
        this.metadata = metadata;
        this.actors = actors;
    }

    /**
     * Whether the current actor may see this dataset: their own, their team's, or any for an admin. Every way to a
     * dataset (status, runs, profile, plans, artifacts, delete) goes through here, so another person's dataset is
     * simply unknown (404) and its existence is not told.
     */
    public boolean visible(String jobId) {
        return metadata.visible(jobId, actors.current());
    }

    /** @throws JobNotFoundException when the current actor may not see the dataset */
    public void requireVisible(String jobId) {
        if (ArtifactKeys.isId(jobId) && !visible(jobId)) {
            throw new JobNotFoundException(jobId);
        }
    }

    /** The dataset's profile task. */
    public TaskStatus job(String jobId) {
        return find(jobId).orElseThrow(() -> new JobNotFoundException(jobId));
    }

    public Optional<TaskStatus> find(String jobId) {
        if (!ArtifactKeys.isId(jobId)) {
            return Optional.empty();
        }
        return statuses.get(jobId).filter(t -> t.kind() == TaskKind.PROFILE).filter(t -> visible(jobId));
    }

    public TaskStatus run(String jobId, String runId) {
        job(jobId);
        if (!ArtifactKeys.isId(runId)) {
            throw new RunNotFoundException(jobId, runId);
        }
        return statuses.get(runId)
                .filter(t -> t.kind() == TaskKind.RUN && t.jobId().equals(jobId))
                .orElseThrow(() -> new RunNotFoundException(jobId, runId));
    }

    /**
     * The profile of a dataset whose profiling is done.
     *
     * @throws JobNotFoundException  when there is no such dataset
     * @throws JobNotReadyException  when it is still being profiled or profiling failed
     */
    public Profile profile(String jobId) {
        TaskStatus job = job(jobId);
        if (job.status() != TaskState.DONE) {
            throw new JobNotReadyException(job);
        }
        Profile cached = profiles.get(jobId);
        if (cached != null) {
            return cached;
        }
        Profile profile = readJson(ArtifactKeys.job(jobId, "profile.json"), Profile.class)
                .orElseThrow(() -> new IllegalStateException("job " + jobId + " is done but has no profile.json"));
        profiles.put(jobId, profile);
        return profile;
    }

    /** The plan a run was started with, from its plan.json; empty when it cannot be found. */
    public Optional<Plan> planOf(String jobId, String runId) {
        return readJson(ArtifactKeys.run(jobId, runId, "plan.json"), Plan.class);
    }

    private <T> Optional<T> readJson(String key, Class<T> type) {
        ObjectMapper mapper = Json.mapper();
        try {
            Optional<InputStream> in = artifacts.open(key);
            if (in.isEmpty()) {
                return Optional.empty();
            }
            try (InputStream stream = in.get()) {
                return Optional.of(mapper.readValue(stream, type));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + key, e);
        }
    }
}
