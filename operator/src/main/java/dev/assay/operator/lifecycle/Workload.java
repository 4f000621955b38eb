package dev.assay.operator.lifecycle;

import dev.assay.model.crd.common.LifecycleStatus;
import dev.assay.model.protocol.TaskScope;
import dev.assay.model.status.TaskStatus;
import dev.assay.operator.jobs.RunnerJobs;
import io.fabric8.kubernetes.client.CustomResource;
import java.util.List;
import java.util.Optional;

/**
 * What differs between the two kinds the operator runs (DatasetJob, AssistantRun); the lifecycle is the same.
 *
 * @param <R> the custom resource
 * @param <S> its status record
 */
public interface Workload<R extends CustomResource<?, S>, S extends LifecycleStatus> {

    /** The lifecycle part of the resource's status (shared by both kinds), or the initial one. */
    default RunState state(R resource) {
        return RunState.of(resource.getStatus());
    }

    /** The resource's new status: the lifecycle state plus what the runner reported, mirrored. */
    S status(R resource, RunState state, Optional<TaskStatus> runner);

    /** The id under which the runner reports (status key, artifact folder), within {@link #scope}. */
    String taskId(R resource);

    /** Whose keys the runner uses: the resource's namespace. */
    default TaskScope scope(R resource) {
        return TaskScope.namespace(resource.getMetadata().getNamespace());
    }

    /** For a run, the dataset it belongs to (its status is indexed there); empty for a dataset. */
    Optional<String> datasetOf(R resource);

    /** What is wrong with the spec; the API server of Kubernetes 1.20 ignores CEL rules, so the operator checks too. */
    List<String> problems(R resource);

    /** Whether the resource can start now; {@code context} gives the informers' caches (null in step-by-step tests). */
    Prerequisite prerequisite(R resource, io.javaoperatorsdk.operator.api.reconciler.Context<R> context);

    /** The Job of one attempt and its access Secret; created once, never updated. */
    RunnerJobs.RunnerJob job(R resource, Prerequisite.Ready ready, int attempt);

    /** The fixed name of an attempt's Job ({@code <name>-profile}, then {@code <name>-profile-2}, …). */
    String jobName(R resource, int attempt);
}
