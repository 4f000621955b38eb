package dev.assay.operator.assistantrun;

import dev.assay.model.crd.assistantrun.AssistantRun;
import dev.assay.model.crd.assistantrun.AssistantRunSpec;
import dev.assay.model.crd.assistantrun.AssistantRunStatus;
import dev.assay.model.crd.assistantrun.ModelSummary;
import dev.assay.model.crd.assistantrun.RunWarning;
import dev.assay.model.crd.common.Artifacts;
import dev.assay.model.crd.common.Phase;
import dev.assay.model.crd.common.Reason;
import dev.assay.model.crd.datasetjob.DatasetJob;
import dev.assay.model.json.Json;
import dev.assay.model.plan.validation.PlanError;
import dev.assay.model.plan.validation.PlanValidator;
import dev.assay.model.protocol.ArtifactGrants;
import dev.assay.model.protocol.ArtifactLayout;
import dev.assay.model.protocol.RunnerArgs;
import dev.assay.model.protocol.RunnerEnv;
import dev.assay.model.protocol.TaskScope;
import dev.assay.model.result.ModelReport;
import dev.assay.model.result.RunResult;
import dev.assay.model.status.TaskStatus;
import dev.assay.operator.datasetjob.DatasetJobWorkload;
import dev.assay.operator.jobs.JobNames;
import dev.assay.operator.jobs.RunnerJobs;
import dev.assay.operator.lifecycle.Prerequisite;
import dev.assay.operator.lifecycle.RunState;
import dev.assay.operator.lifecycle.Workload;
import dev.assay.operator.validation.Names;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An AssistantRun's Job runs {@code runner apply-run} on its DatasetJob's source, once that DatasetJob has
 * succeeded. The plan travels in the Job's environment, so it is fixed when the run starts.
 */
public final class AssistantRunWorkload implements Workload<AssistantRun, AssistantRunStatus> {

    private static final int TOP_IMPORTANCES = 10;

    private final RunnerJobs jobs;
    private final KubernetesClient client;

    public AssistantRunWorkload(RunnerJobs jobs, KubernetesClient client) {
        this.jobs = jobs;
        this.client = client;
    }

    @Override
    public AssistantRunStatus status(AssistantRun resource, RunState state, Optional<TaskStatus> runner) {
        AssistantRunStatus previous = Optional.ofNullable(resource.getStatus())
                .orElse(new AssistantRunStatus(
                        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null));
        Optional<RunResult> result = runner.flatMap(TaskStatus::result);
        Optional<ModelSummary> model = result.flatMap(RunResult::model).map(AssistantRunWorkload::summary);
        Artifacts artifacts = state.phase() == Phase.Succeeded && resource.getSpec() != null
                ? artifacts(resource, model.isPresent())
                : previous.artifacts();
        return new AssistantRunStatus(
                state.phase(),
                state.conditions(),
                state.observedGeneration(),
                state.jobName(),
                state.startTime(),
                state.completionTime(),
                state.progress(),
                state.stage(),
                result.map(RunResult::actionsApplied).orElse(previous.actionsApplied()),
                result.map(r -> r.comparison().after().rows()).orElse(previous.rows()),
                result.map(r -> r.comparison().after().columns()).orElse(previous.columns()),
                model.orElse(previous.model()),
                model.map(m -> String.format(Locale.ROOT, "%s %.3f", m.primaryMetric(), m.score()))
                        .orElse(previous.score()),
                artifacts,
                result.map(r -> r.warnings().size()).orElse(previous.warningCount()),
                result.map(AssistantRunWorkload::warnings).orElse(previous.warnings()),
                state.message());
    }

    /** The run's semantic warnings, most severe first (then in plan order), bounded. */
    static List<RunWarning> warnings(RunResult result) {
        return result.warnings().stream()
                .sorted(java.util.Comparator.comparing((dev.assay.model.plan.validation.PlanWarning w) -> w.severity())
                        .thenComparingInt(dev.assay.model.plan.validation.PlanWarning::actionIndex))
                .limit(AssistantRunStatus.MAX_WARNINGS)
                .map(RunWarning::of)
                .toList();
    }

    private Artifacts artifacts(AssistantRun resource, boolean trained) {
        TaskScope scope = scope(resource);
        String dataset = resource.getSpec().datasetRef();
        String run = taskId(resource);
        java.util.function.Function<String, String> key =
                file -> scope.artifactKey(ArtifactLayout.run(dataset, run, file));
        return new Artifacts(
                key.apply(ArtifactLayout.REPORT),
                key.apply(ArtifactLayout.PROFILE),
                key.apply(ArtifactLayout.CLEANED),
                trained ? key.apply(ArtifactLayout.MODEL) : null,
                trained ? key.apply(ArtifactLayout.METRICS) : null);
    }

    private static ModelSummary summary(ModelReport report) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        report.holdout().scores().forEach((name, value) -> {
            if (value != null && Double.isFinite(value)) {
                metrics.put(name, value);
            }
        });
        return new ModelSummary(
                report.task().wireName(),
                report.algorithm().wireName(),
                report.target(),
                report.primaryMetric(),
                finite(report.score()),
                finite(report.baselineScore()),
                metrics,
                report.features(),
                report.importances().stream()
                        .limit(TOP_IMPORTANCES)
                        .map(i -> new ModelSummary.Importance(i.feature(), i.importance()))
                        .toList());
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    @Override
    public String taskId(AssistantRun resource) {
        return resource.getMetadata().getName();
    }

    @Override
    public Optional<String> datasetOf(AssistantRun resource) {
        return Optional.ofNullable(resource.getSpec()).map(AssistantRunSpec::datasetRef);
    }

    @Override
    public List<String> problems(AssistantRun resource) {
        List<String> problems = new ArrayList<>();
        Names.checkId("metadata.name", resource.getMetadata().getName(), problems);
        if (resource.getSpec() == null || resource.getSpec().plan() == null) {
            problems.add("spec.plan is missing");
            return problems;
        }
        Names.checkId("spec.datasetRef", resource.getSpec().datasetRef(), problems);
        for (PlanError error : PlanValidator.checkShape(resource.getSpec().plan())) {
            problems.add("spec.plan: " + error.describe());
        }
        return problems;
    }

    @Override
    public Prerequisite prerequisite(
            AssistantRun resource, io.javaoperatorsdk.operator.api.reconciler.Context<AssistantRun> context) {
        String ref = resource.getSpec().datasetRef();
        // The informer's cache when there is one (hundreds of runs of one dataset need no API call each).
        DatasetJob dataset = context != null
                ? context.getSecondaryResource(DatasetJob.class).orElse(null)
                : client.resources(DatasetJob.class)
                        .inNamespace(resource.getMetadata().getNamespace())
                        .withName(ref)
                        .get();
        if (dataset == null) {
            return new Prerequisite.Waiting(
                    Reason.DatasetNotFound, "waiting for DatasetJob " + ref + " (it does not exist yet)");
        }
        Phase phase = dataset.getStatus() == null || dataset.getStatus().phase() == null
                ? Phase.Pending
                : dataset.getStatus().phase();
        return switch (phase) {
            case Succeeded ->
                new Prerequisite.Ready(dataset.getSpec().source(), DatasetJobWorkload.dropDuplicates(dataset));
            case Failed ->
                new Prerequisite.Impossible(
                        Reason.DatasetFailed,
                        "DatasetJob " + ref + " failed: "
                                + Optional.ofNullable(dataset.getStatus().message())
                                        .orElse("no reason given"));
            default ->
                new Prerequisite.Waiting(
                        Reason.DatasetNotReady, "waiting for DatasetJob " + ref + " to be profiled (" + phase + ")");
        };
    }

    @Override
    public String jobName(AssistantRun resource, int attempt) {
        return JobNames.of(resource.getMetadata().getName(), attempt <= 1 ? "run" : "run-" + attempt);
    }

    @Override
    public RunnerJobs.RunnerJob job(AssistantRun resource, Prerequisite.Ready ready, int attempt) {
        String name = resource.getMetadata().getName();
        String dataset = resource.getSpec().datasetRef();
        List<String> args = RunnerArgs.applyRun(
                dataset,
                name,
                ready.sourceKey(),
                Optional.ofNullable(resource.getSpec().runName()).orElse(name),
                ready.dropDuplicates());
        return jobs.job(
                resource,
                jobName(resource, attempt),
                Map.of(RunnerJobs.LABEL_ASSISTANT_RUN, name, RunnerJobs.LABEL_DATASET_JOB, dataset),
                args,
                List.of(new EnvVarBuilder()
                        .withName(RunnerEnv.PLAN)
                        .withValue(Json.write(resource.getSpec().plan()))
                        .build()),
                Optional.ofNullable(resource.getSpec().resources()),
                Optional.ofNullable(resource.getSpec().activeDeadlineSeconds()),
                ArtifactGrants.applyRun(dataset, name, ready.sourceKey()));
    }
}
