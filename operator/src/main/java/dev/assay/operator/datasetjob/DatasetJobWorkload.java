package dev.assay.operator.datasetjob;

import dev.assay.model.crd.common.Artifacts;
import dev.assay.model.crd.common.Phase;
import dev.assay.model.crd.datasetjob.DatasetJob;
import dev.assay.model.crd.datasetjob.DatasetJobStatus;
import dev.assay.model.profile.ProfileSummary;
import dev.assay.model.protocol.ArtifactGrants;
import dev.assay.model.protocol.ArtifactLayout;
import dev.assay.model.protocol.RunnerArgs;
import dev.assay.model.protocol.TaskScope;
import dev.assay.model.status.TaskStatus;
import dev.assay.operator.jobs.JobNames;
import dev.assay.operator.jobs.RunnerJobs;
import dev.assay.operator.lifecycle.Prerequisite;
import dev.assay.operator.lifecycle.RunState;
import dev.assay.operator.lifecycle.Workload;
import dev.assay.operator.validation.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A DatasetJob's Job runs {@code runner profile-job}; its status mirrors the profile's key numbers. */
public final class DatasetJobWorkload implements Workload<DatasetJob, DatasetJobStatus> {

    private final RunnerJobs jobs;

    public DatasetJobWorkload(RunnerJobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public DatasetJobStatus status(DatasetJob resource, RunState state, Optional<TaskStatus> runner) {
        DatasetJobStatus previous = Optional.ofNullable(resource.getStatus())
                .orElse(new DatasetJobStatus(null, null, null, null, null, null, null, null, null, null, null, null));
        Optional<ProfileSummary> profile = runner.flatMap(TaskStatus::profile);
        String name = taskId(resource);
        TaskScope scope = scope(resource);
        Artifacts artifacts = state.phase() == Phase.Succeeded
                ? new Artifacts(
                        scope.artifactKey(ArtifactLayout.job(name, ArtifactLayout.REPORT)),
                        scope.artifactKey(ArtifactLayout.job(name, ArtifactLayout.PROFILE)),
                        scope.artifactKey(ArtifactLayout.job(name, ArtifactLayout.CLEANED)),
                        null,
                        null)
                : previous.artifacts();
        return new DatasetJobStatus(
                state.phase(),
                state.conditions(),
                state.observedGeneration(),
                state.jobName(),
                state.startTime(),
                state.completionTime(),
                state.progress(),
                state.stage(),
                profile.map(ProfileSummary::rows).orElse(previous.rows()),
                profile.map(ProfileSummary::columns).orElse(previous.columns()),
                artifacts,
                state.message());
    }

    @Override
    public String taskId(DatasetJob resource) {
        return resource.getMetadata().getName();
    }

    @Override
    public Optional<String> datasetOf(DatasetJob resource) {
        return Optional.empty();
    }

    @Override
    public List<String> problems(DatasetJob resource) {
        List<String> problems = new ArrayList<>();
        Names.checkId("metadata.name", resource.getMetadata().getName(), problems);
        if (resource.getSpec() == null) {
            problems.add("spec is missing");
            return problems;
        }
        Names.checkSourceKey("spec.source", resource.getSpec().source(), problems);
        if (resource.getSpec().format() != null && !resource.getSpec().format().equals("csv")) {
            problems.add("spec.format: only csv is supported, not '"
                    + resource.getSpec().format() + "'");
        }
        return problems;
    }

    @Override
    public Prerequisite prerequisite(
            DatasetJob resource, io.javaoperatorsdk.operator.api.reconciler.Context<DatasetJob> context) {
        return new Prerequisite.Ready(resource.getSpec().source(), dropDuplicates(resource));
    }

    /** The spec's dropDuplicates, true when unset (the CRD's default). */
    public static boolean dropDuplicates(DatasetJob resource) {
        return resource.getSpec() == null
                || !Boolean.FALSE.equals(resource.getSpec().dropDuplicates());
    }

    @Override
    public String jobName(DatasetJob resource, int attempt) {
        return JobNames.of(resource.getMetadata().getName(), attempt <= 1 ? "profile" : "profile-" + attempt);
    }

    @Override
    public RunnerJobs.RunnerJob job(DatasetJob resource, Prerequisite.Ready ready, int attempt) {
        String name = resource.getMetadata().getName();
        String format = Optional.ofNullable(resource.getSpec().format()).orElse("csv");
        List<String> args = RunnerArgs.profileJob(
                name,
                ready.sourceKey(),
                format,
                ready.dropDuplicates(),
                Optional.ofNullable(resource.getSpec().sheet()),
                Optional.ofNullable(resource.getSpec().encoding()),
                Optional.ofNullable(resource.getSpec().missingMarkers()));
        return jobs.job(
                resource,
                jobName(resource, attempt),
                Map.of(RunnerJobs.LABEL_DATASET_JOB, name),
                args,
                List.of(),
                Optional.ofNullable(resource.getSpec().resources()),
                Optional.ofNullable(resource.getSpec().activeDeadlineSeconds()),
                ArtifactGrants.profileJob(name, ready.sourceKey()));
    }
}
