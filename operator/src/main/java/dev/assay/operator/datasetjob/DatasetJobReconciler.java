package dev.assay.operator.datasetjob;

import dev.assay.model.crd.datasetjob.DatasetJob;
import dev.assay.operator.lifecycle.Lifecycle;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
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
public final class DatasetJobReconciler implements Reconciler<DatasetJob> {

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
        return List.of(new InformerEventSource<>(InformerEventSourceConfiguration.from(Job.class, DatasetJob.class)
                .withLabelSelector("app.kubernetes.io/managed-by=assay-operator")
                .withSecondaryToPrimaryMapper(Mappers.fromOwnerReferences(DatasetJob.class))
                .build(), context));
    }

    @Override
    public ErrorStatusUpdateControl<DatasetJob> updateErrorStatus(DatasetJob resource, Context<DatasetJob> context,
                                                                  Exception e) {
        return lifecycle.failed(resource, context, e);
    }
}
