package dev.assay.api.runs;

import dev.assay.api.datasets.Datasets;
import dev.assay.api.disk.DiskSpace;
import dev.assay.api.executor.Executor;
import dev.assay.api.executor.RunTask;
import dev.assay.api.identity.Actor;
import dev.assay.api.identity.Actors;
import dev.assay.api.jobs.Ids;
import dev.assay.api.jobs.JobViews;
import dev.assay.api.metadata.Metadata;
import dev.assay.api.plans.Plans;
import dev.assay.model.json.Json;
import dev.assay.model.plan.Plan;
import dev.assay.model.plan.PlanStep;
import dev.assay.model.status.TaskKind;
import dev.assay.model.status.TaskStatus;
import dev.assay.runner.storage.ArtifactKeys;
import dev.assay.runner.storage.ArtifactStore;
import dev.assay.runner.storage.StatusStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Starts runs: validates the plan against the dataset, stores it as the run's {@code plan.json}, records the
 * run as queued and hands it to the executor. A run re-reads the dataset's uploaded {@code source.csv} (as the
 * profile read it, not the spreadsheet-safe {@code cleaned.csv}) and writes only under {@code runs/{run_id}/}, so the upload and earlier runs stay as they were whatever it does.
 */
@Service
public class Runs {

    private static final Logger log = LoggerFactory.getLogger(Runs.class);
    private static final int MAX_DERIVED_NAME = 80;

    private final Plans plans;
    private final ArtifactStore artifacts;
    private final StatusStore statuses;
    private final Executor executor;
    private final Clock clock;
    private final DiskSpace disk;
    private final Datasets datasets;
    private final Metadata metadata;
    private final Actors actors;

    public Runs(
            Plans plans,
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
        this.disk = disk;
        this.datasets = datasets;
        this.plans = plans;
        this.artifacts = artifacts;
        this.statuses = statuses;
        this.executor = executor;
        this.clock = clock;
    }

    public RunAccepted start(String jobId, Plan plan, Optional<String> runName, Optional<String> prompt)
            throws IOException {
        plans.require(jobId, plan);
        disk.require(0, "a run");
        // Room first: a busy server refuses before anything is stored, so a 503 leaves no orphan run behind.
        try (Executor.Reservation room = executor.reserve()) {
            String runId = Ids.newRunId();
            String name = runName.map(String::strip).filter(n -> !n.isEmpty()).orElseGet(() -> derivedName(plan));
            byte[] planJson = Json.writePretty(plan).getBytes(StandardCharsets.UTF_8);
            String planKey = ArtifactKeys.run(jobId, runId, "plan.json");
            try {
                artifacts.put(
                        planKey,
                        new ByteArrayInputStream(planJson),
                        planJson.length,
                        ArtifactKeys.contentType(planKey));
                Actor owner = actors.current();
                metadata.adoptIfUnknown(
                        jobId, statuses.get(jobId).map(TaskStatus::name).orElse("source.csv"), clock.instant());
                metadata.runCreated(
                        runId,
                        jobId,
                        name,
                        owner.name(),
                        owner.team(),
                        Metadata.Origin.API,
                        new String(planJson, StandardCharsets.UTF_8),
                        prompt,
                        clock.instant());
                statuses.put(TaskStatus.queued(runId, TaskKind.RUN, jobId, name, clock.instant()));
                room.submitRun(new RunTask(jobId, runId, plan, Optional.of(name), prompt));
            } catch (IOException | RuntimeException e) {
                datasets.forgetRun(jobId, runId);
                throw e;
            }
            return accepted(jobId, runId, name, plan, prompt);
        }
    }

    private static RunAccepted accepted(String jobId, String runId, String name, Plan plan, Optional<String> prompt) {
        log.info(
                "job {}: run {} '{}' queued ({} actions){}",
                jobId,
                runId,
                name,
                plan.actions().size(),
                prompt.map(p -> ", asked: " + p.replaceAll("\\s+", " ")).orElse(""));
        return new RunAccepted(
                runId, jobId, name, JobViews.statusUrl(jobId), JobViews.API + "/jobs/" + jobId + "/runs/" + runId);
    }

    /** "impute, encode, train_model" */
    static String derivedName(Plan plan) {
        String name = plan.actions().stream()
                .map(PlanStep::type)
                .map(t -> t.wireName())
                .distinct()
                .collect(Collectors.joining(", "));
        return name.length() > MAX_DERIVED_NAME ? name.substring(0, MAX_DERIVED_NAME - 1) + "…" : name;
    }
}
