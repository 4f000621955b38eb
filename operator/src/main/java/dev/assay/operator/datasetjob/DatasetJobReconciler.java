package dev.assay.operator.datasetjob;

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
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.Mappers;
import java.util.List;

/** Thin: events of DatasetJobs and of their Jobs reach the shared {@link Lifecycle}. */
@ControllerConfiguration(name = "datasetjob")
public final class DatasetJobReconciler implements Reconciler<DatasetJob>, Cleaner<DatasetJob> {

    private final Lifecycle<DatasetJob, ?> lifecycle;

    public DatasetJobReconciler(Lifecycle<DatasetJob, ?> lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public UpdateControl<DatasetJob> reconcile(DatasetJob resource, Context<DatasetJob> context) {
        return lifecycle.reconcile(resource, context);
    }

    @Override
    public List<EventSource<?, DatasetJob>> prepareEventSources(EventSourceContext<DatasetJob> context) {
        InformerEventSource<Job, DatasetJob> jobs = new InformerEventSource<>(
                InformerEventSourceConfiguration.from(Job.class, DatasetJob.class)
                        .withName("jobs")
                        .withLabelSelector("app.kubernetes.io/managed-by=assay-operator")
                        .withSecondaryToPrimaryMapper(Mappers.fromOwnerReferences(DatasetJob.class))
                        .build(),
                context);
        // Runner pods (owned by the Jobs, labelled with the DatasetJob): a pod that cannot be scheduled or whose
        // container starts changes the status at once, not at the next poll.
        InformerEventSource<Pod, DatasetJob> pods = new InformerEventSource<>(
                InformerEventSourceConfiguration.from(Pod.class, DatasetJob.class)
                        .withName("pods")
                        .withLabelSelector("app.kubernetes.io/managed-by=assay-operator," + RunnerJobs.LABEL_DATASET_JOB
                                + ",!" + RunnerJobs.LABEL_ASSISTANT_RUN)
                        .withSecondaryToPrimaryMapper(pod -> RunnerJobs.owner(pod, RunnerJobs.LABEL_DATASET_JOB))
                        .build(),
                context);
        return List.of(jobs, pods);
    }

    /** Deleting the resource removes its status keys; its Jobs and pods go by owner reference. */
    @Override
    public DeleteControl cleanup(DatasetJob resource, Context<DatasetJob> context) {
        return lifecycle.cleanup(resource);
    }

    @Override
    public ErrorStatusUpdateControl<DatasetJob> updateErrorStatus(
            DatasetJob resource, Context<DatasetJob> context, Exception e) {
        return lifecycle.failed(resource, context, e);
    }
}
