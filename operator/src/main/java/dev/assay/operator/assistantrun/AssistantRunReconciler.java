package dev.assay.operator.assistantrun;

import dev.assay.model.crd.assistantrun.AssistantRun;
import dev.assay.model.crd.datasetjob.DatasetJob;
import dev.assay.operator.jobs.RunnerJobs;
import dev.assay.operator.lifecycle.Lifecycle;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.Mappers;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Thin: events of AssistantRuns and of their Jobs reach the shared {@link Lifecycle}. */
@ControllerConfiguration(name = "assistantrun")
public final class AssistantRunReconciler implements Reconciler<AssistantRun>, Cleaner<AssistantRun> {

    private final Lifecycle<AssistantRun, ?> lifecycle;

    public AssistantRunReconciler(Lifecycle<AssistantRun, ?> lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public UpdateControl<AssistantRun> reconcile(AssistantRun resource, Context<AssistantRun> context) {
        return lifecycle.reconcile(resource, context);
    }

    private static final String BY_DATASET = "datasetRef";

    /**
     * Jobs (by owner reference) and DatasetJobs: a run waiting for its dataset starts as soon as the dataset
     * succeeds, and finds it in the cache instead of asking the API server.
     */
    @Override
    public List<EventSource<?, AssistantRun>> prepareEventSources(EventSourceContext<AssistantRun> context) {
        context.getPrimaryCache()
                .addIndexer(
                        BY_DATASET,
                        run -> run.getSpec() == null || run.getSpec().datasetRef() == null
                                ? List.of()
                                : List.of(run.getMetadata().getNamespace() + "/"
                                        + run.getSpec().datasetRef()));
        InformerEventSource<Job, AssistantRun> jobs = new InformerEventSource<>(
                InformerEventSourceConfiguration.from(Job.class, AssistantRun.class)
                        .withName("jobs")
                        .withLabelSelector("app.kubernetes.io/managed-by=assay-operator")
                        .withSecondaryToPrimaryMapper(Mappers.fromOwnerReferences(AssistantRun.class))
                        .build(),
                context);
        InformerEventSource<DatasetJob, AssistantRun> datasets = new InformerEventSource<>(
                InformerEventSourceConfiguration.from(DatasetJob.class, AssistantRun.class)
                        .withName("datasets")
                        .withSecondaryToPrimaryMapper(dataset -> context
                                .getPrimaryCache()
                                .byIndex(
                                        BY_DATASET,
                                        dataset.getMetadata().getNamespace() + "/"
                                                + dataset.getMetadata().getName())
                                .stream()
                                .map(ResourceID::fromResource)
                                .collect(Collectors.toSet()))
                        .withPrimaryToSecondaryMapper((AssistantRun run) -> run.getSpec() == null
                                ? Set.of()
                                : Set.of(new ResourceID(
                                        run.getSpec().datasetRef(),
                                        run.getMetadata().getNamespace())))
                        .build(),
                context);
        InformerEventSource<Pod, AssistantRun> pods = new InformerEventSource<>(
                InformerEventSourceConfiguration.from(Pod.class, AssistantRun.class)
                        .withName("pods")
                        .withLabelSelector(
                                "app.kubernetes.io/managed-by=assay-operator," + RunnerJobs.LABEL_ASSISTANT_RUN)
                        .withSecondaryToPrimaryMapper(pod -> RunnerJobs.owner(pod, RunnerJobs.LABEL_ASSISTANT_RUN))
                        .build(),
                context);
        return List.of(jobs, datasets, pods);
    }

    /** Deleting the resource removes its status keys; its Jobs and pods go by owner reference. */
    @Override
    public DeleteControl cleanup(AssistantRun resource, Context<AssistantRun> context) {
        return lifecycle.cleanup(resource);
    }

    @Override
    public ErrorStatusUpdateControl<AssistantRun> updateErrorStatus(
            AssistantRun resource, Context<AssistantRun> context, Exception e) {
        return lifecycle.failed(resource, context, e);
    }
}
