package dev.assay.api.executor.kubernetes;

import dev.assay.api.executor.Creator;
import dev.assay.api.executor.Executor;
import dev.assay.api.executor.ExecutorBusyException;
import dev.assay.api.executor.ProfileTask;
import dev.assay.api.executor.RunTask;
import dev.assay.model.crd.assistantrun.AssistantRun;
import dev.assay.model.crd.assistantrun.AssistantRunManifest;
import dev.assay.model.crd.datasetjob.DatasetJob;
import dev.assay.model.crd.datasetjob.DatasetJobSpec;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the data work on Kubernetes: an upload becomes a DatasetJob and an apply an AssistantRun, named by the
 * job and run ids, in one namespace; the operator turns them into Jobs. Progress and results come back through
 * the shared Redis status store, which the runner pods write, so the api reads a run the same way whoever ran it
 * — including an AssistantRun someone applied with kubectl.
 */
public final class KubernetesExecutor implements Executor {

    private static final Logger log = LoggerFactory.getLogger(KubernetesExecutor.class);
    private static final Map<String, String> LABELS =
            Map.of("app.kubernetes.io/part-of", "assay", "app.kubernetes.io/created-by", "assay-api");

    private static final String LABEL_DATASET_JOB = AssistantRunManifest.LABEL_DATASET_JOB;
    private static final java.time.Duration RETRY_AFTER = java.time.Duration.ofSeconds(60);

    /** Written by the operator's admission webhook: the Kubernetes user who created the resource. */
    static final String CREATED_BY = "assay.dev/created-by";

    private final KubernetesClient client;
    private final String namespace;
    private final boolean creatorAnnotation;

    /** Without the admission webhook: a kubectl-made run's person is not recorded. */
    public KubernetesExecutor(KubernetesClient client, String namespace) {
        this(client, namespace, false);
    }

    /**
     * @param creatorAnnotation the operator's admission webhook is installed, so {@code assay.dev/created-by} on a
     *                          resource was written by it
     */
    public KubernetesExecutor(KubernetesClient client, String namespace, boolean creatorAnnotation) {
        this.client = client;
        this.namespace = namespace;
        this.creatorAnnotation = creatorAnnotation;
    }

    /** The cluster queues the work itself (the operator, the scheduler, quotas): there is always room to ask. */
    @Override
    public Reservation reserve() {
        return new Reservation() {
            @Override
            public void submitProfile(ProfileTask task) {
                createProfile(task);
            }

            @Override
            public void submitRun(RunTask task) {
                createRun(task);
            }

            @Override
            public void close() {
                // Nothing was held.
            }
        };
    }

    @Override
    public void forget(String jobId, java.util.Optional<String> runId) {
        try {
            if (runId.isPresent()) {
                client.resources(AssistantRun.class)
                        .inNamespace(namespace)
                        .withName(runId.get())
                        .delete();
            } else {
                client.resources(AssistantRun.class)
                        .inNamespace(namespace)
                        .withLabel(LABEL_DATASET_JOB, jobId)
                        .delete();
                client.resources(DatasetJob.class)
                        .inNamespace(namespace)
                        .withName(jobId)
                        .delete();
            }
        } catch (KubernetesClientException e) {
            // The stores are already clean; a resource left behind is visible and can be deleted with kubectl.
            log.warn(
                    "could not delete the resources of {}{}: {}",
                    jobId,
                    runId.map(id -> " run " + id).orElse(""),
                    e.getMessage());
        }
    }

    @Override
    public java.util.Optional<Creator> creator(String runId) {
        try {
            return java.util.Optional.ofNullable(client.resources(AssistantRun.class)
                            .inNamespace(namespace)
                            .withName(runId)
                            .get())
                    .flatMap(run -> specWriter(run).map(tool -> new Creator(tool, recordedUser(run))));
        } catch (KubernetesClientException e) {
            // Unreachable or not allowed: the run is still shown, as made outside Assay by an unknown program.
            log.warn("could not read AssistantRun {}/{}: {}", namespace, runId, e.getMessage());
            return java.util.Optional.empty();
        }
    }

    /**
     * The Kubernetes user the operator's admission webhook recorded as the creator. Believed only when the webhook is
     * installed ({@code assay.kubernetes.creator-annotation}): it then overwrites whatever a person typed there on
     * create and keeps it on update; without it, the annotation is whatever its author wrote, so it is not read.
     */
    private java.util.Optional<String> recordedUser(io.fabric8.kubernetes.api.model.HasMetadata resource) {
        if (!creatorAnnotation) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable(resource.getMetadata().getAnnotations())
                .map(annotations -> annotations.get(CREATED_BY))
                .filter(user -> !user.isBlank());
    }

    /**
     * The field manager that wrote the resource's spec first. Kubernetes records, for each client program that
     * changed an object, which fields it set and when ({@code metadata.managedFields}), but not the user: the
     * creator is the one that set the spec (the operator writes only the status); if the spec was changed later
     * by another program, the earliest writer is the creator.
     */
    static java.util.Optional<String> specWriter(io.fabric8.kubernetes.api.model.HasMetadata resource) {
        List<ManagedFieldsEntry> entries = java.util.Optional.ofNullable(
                        resource.getMetadata().getManagedFields())
                .orElse(List.of());
        // RFC 3339 times in UTC, as the API server writes them, sort as text; an entry without one sorts last.
        return entries.stream()
                .filter(e -> e.getManager() != null
                        && !e.getManager().isBlank()
                        && e.getFieldsV1() != null
                        && e.getFieldsV1().getAdditionalProperties().containsKey("f:spec"))
                .min(Comparator.comparing(
                        e -> java.util.Optional.ofNullable(e.getTime()).orElse("~")))
                .map(ManagedFieldsEntry::getManager);
    }

    private void createProfile(ProfileTask task) {
        DatasetJob job = new DatasetJob();
        job.setMetadata(new ObjectMetaBuilder()
                .withName(task.jobId())
                .withNamespace(namespace)
                .withLabels(LABELS)
                .withAnnotations(Map.of("assay.dev/file-name", task.fileName()))
                .build());
        job.setSpec(new DatasetJobSpec(
                task.sourceKey(),
                "csv",
                true,
                null,
                null,
                task.options().sheet().orElse(null),
                task.options().encoding().orElse(null),
                task.options().missingMarkers().orElse(null)));
        create(job);
    }

    private void createRun(RunTask task) {
        create(new AssistantRunManifest(
                        task.runId(),
                        Optional.of(namespace),
                        task.jobId(),
                        task.plan(),
                        task.prompt(),
                        task.runName(),
                        Optional.of("assay-api"))
                .resource());
    }

    /** Where this executor creates DatasetJobs, so where an AssistantRun of one of its datasets must go. */
    public String namespace() {
        return namespace;
    }

    private void create(io.fabric8.kubernetes.client.CustomResource<?, ?> resource) {
        try {
            client.resource(resource).create();
            log.info(
                    "created {} {}/{}",
                    resource.getKind(),
                    namespace,
                    resource.getMetadata().getName());
        } catch (KubernetesClientException e) {
            // The cluster is unreachable or refused (quota, RBAC): the task cannot start now; the caller records that.
            log.warn(
                    "could not create {} {}/{}: {}",
                    resource.getKind(),
                    namespace,
                    resource.getMetadata().getName(),
                    e.getMessage());
            throw new ExecutorBusyException(
                    "the cluster did not accept the " + resource.getKind() + " (HTTP " + e.getCode()
                            + "); try again in a minute, or ask the cluster's operator",
                    RETRY_AFTER);
        }
    }
}
