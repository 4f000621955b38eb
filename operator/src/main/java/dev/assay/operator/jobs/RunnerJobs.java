package dev.assay.operator.jobs;

import dev.assay.model.protocol.ArtifactGrants;
import dev.assay.model.protocol.RunnerAccess;
import dev.assay.model.protocol.RunnerEnv;
import dev.assay.model.protocol.TaskScope;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The batch/v1 Job that runs the runner image for a resource: owned by it (deleting the resource deletes the
 * Job and its pod), labelled to link resource, Job and pod, and locked down — non-root, read-only root
 * filesystem with an emptyDir for scratch, no service-account token, all capabilities dropped, resource limits
 * and a deadline. Redis comes from the namespace's runner Secret as environment (a Redis user limited to the
 * namespace's keys); the object store comes as presigned URLs for exactly this Job's input and outputs, in a Secret of
 * the Job's own ({@link RunnerAccess}), so the pod holds no object-store credentials. The resource's namespace comes
 * as {@link RunnerEnv#NAMESPACE}, so the runner's keys are that namespace's.
 */
public final class RunnerJobs {

    public static final String LABEL_DATASET_JOB = "assay.dev/dataset-job";
    public static final String LABEL_ASSISTANT_RUN = "assay.dev/assistant-run";
    static final long USER = 65532;

    /** Time a runner may still need after its deadline starts counting: the Job's start, clocks apart. */
    static final Duration ACCESS_MARGIN = Duration.ofMinutes(10);

    private final OperatorSettings settings;
    private final Optional<ArtifactPresigner> presigner;
    private final Clock clock;

    /** A Job and, when the operator signs for the object store, the Secret with its presigned URLs (created first). */
    public record RunnerJob(Job job, Optional<Secret> access) {}

    /** The resource a runner pod works for, from its link label (the pod's owner is the Job, not the resource). */
    public static java.util.Set<io.javaoperatorsdk.operator.processing.event.ResourceID> owner(
            HasMetadata pod, String label) {
        String name = pod.getMetadata().getLabels() == null
                ? null
                : pod.getMetadata().getLabels().get(label);
        return name == null
                ? java.util.Set.of()
                : java.util.Set.of(new io.javaoperatorsdk.operator.processing.event.ResourceID(
                        name, pod.getMetadata().getNamespace()));
    }

    public RunnerJobs(OperatorSettings settings) {
        this(settings, Clock.systemUTC());
    }

    public RunnerJobs(OperatorSettings settings, Clock clock) {
        this.settings = settings;
        this.presigner = settings.objectStore().map(ArtifactPresigner::new);
        this.clock = clock;
    }

    /** The name of an attempt's access Secret. */
    public static String accessSecretName(String jobName) {
        return jobName + "-access";
    }

    /**
     * @param owner     the resource the Job belongs to
     * @param jobName   its fixed name
     * @param labels    the resource's link labels (dataset-job, assistant-run)
     * @param args      the runner's subcommand and options
     * @param env       extra environment (the plan of a run)
     * @param resources requests and limits from the resource, or the operator's defaults when empty
     * @param deadline  activeDeadlineSeconds from the resource, or the default
     * @param grants    the artifact keys the runner reads and writes, presigned into the access Secret
     */
    public RunnerJob job(
            HasMetadata owner,
            String jobName,
            Map<String, String> labels,
            List<String> args,
            List<EnvVar> env,
            Optional<ResourceRequirements> resources,
            Optional<Long> deadline,
            ArtifactGrants grants) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("app.kubernetes.io/name", "assay-runner");
        all.put("app.kubernetes.io/part-of", "assay");
        all.put("app.kubernetes.io/component", "runner");
        all.put("app.kubernetes.io/managed-by", "assay-operator");
        all.putAll(labels);
        OperatorSettings.JobDefaults defaults = settings.defaults();
        ResourceRequirements limits = resources
                .filter(r -> r.getLimits() != null || r.getRequests() != null)
                .orElseGet(() -> new ResourceRequirementsBuilder()
                        .addToRequests("cpu", new Quantity(defaults.cpuRequest()))
                        .addToRequests("memory", new Quantity(defaults.memoryRequest()))
                        .addToLimits("cpu", new Quantity(defaults.cpuLimit()))
                        .addToLimits("memory", new Quantity(defaults.memoryLimit()))
                        .build());
        long activeDeadline = deadline.orElse(defaults.activeDeadlineSeconds());
        OwnerReference ownerReference = new OwnerReferenceBuilder()
                .withApiVersion(owner.getApiVersion())
                .withKind(owner.getKind())
                .withName(owner.getMetadata().getName())
                .withUid(owner.getMetadata().getUid())
                .withController(true)
                .withBlockOwnerDeletion(true)
                .build();
        // URLs valid while the Job may run (its deadline counts from its start) and no longer.
        Optional<Secret> access = presigner.map(p -> new SecretBuilder()
                .withNewMetadata()
                .withName(accessSecretName(jobName))
                .withNamespace(owner.getMetadata().getNamespace())
                .withLabels(all)
                .withOwnerReferences(ownerReference)
                .endMetadata()
                .withType("Opaque")
                .withImmutable(true)
                .withStringData(Map.of(
                        RunnerAccess.SECRET_KEY,
                        p.grant(
                                        TaskScope.namespace(owner.getMetadata().getNamespace()),
                                        grants,
                                        Duration.ofSeconds(activeDeadline).plus(ACCESS_MARGIN),
                                        clock.instant())
                                .toJson()))
                .build());
        List<EnvVar> environment = new java.util.ArrayList<>(env);
        access.ifPresent(secret -> environment.add(new EnvVarBuilder()
                .withName(RunnerEnv.S3_ACCESS)
                .withNewValueFrom()
                .withNewSecretKeyRef(
                        RunnerAccess.SECRET_KEY, secret.getMetadata().getName(), false)
                .endValueFrom()
                .build()));
        environment.add(new EnvVarBuilder()
                .withName(RunnerEnv.WORK_DIR)
                .withValue("/tmp")
                .build());
        // Every key the runner touches carries its namespace (TaskScope).
        environment.add(new EnvVarBuilder()
                .withName(RunnerEnv.NAMESPACE)
                .withValue(owner.getMetadata().getNamespace())
                .build());
        Job job = new JobBuilder()
                .withNewMetadata()
                .withName(jobName)
                .withNamespace(owner.getMetadata().getNamespace())
                .withLabels(all)
                .withOwnerReferences(ownerReference)
                .endMetadata()
                .withNewSpec()
                // One pod per Job: the operator decides from the runner's exit code whether another attempt
                // (a new Job) could help; Kubernetes 1.20 has no podFailurePolicy to do it here.
                .withBackoffLimit(0)
                .withActiveDeadlineSeconds(activeDeadline)
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(all)
                .endMetadata()
                .withNewSpec()
                .withRestartPolicy("Never")
                .withServiceAccountName(settings.runnerServiceAccount().orElse(null))
                .withAutomountServiceAccountToken(false)
                .withEnableServiceLinks(false)
                .withNewSecurityContext()
                .withRunAsNonRoot(true)
                .withRunAsUser(USER)
                .withRunAsGroup(USER)
                .withFsGroup(USER)
                .withNewSeccompProfile()
                .withType("RuntimeDefault")
                .endSeccompProfile()
                .endSecurityContext()
                .addNewContainer()
                .withName("runner")
                .withImage(settings.runnerImage())
                .withImagePullPolicy("IfNotPresent")
                // The runner's last stderr line becomes the pod's termination message, which the
                // operator puts in the status when the runner could not report through Redis.
                .withTerminationMessagePolicy("FallbackToLogsOnError")
                .withArgs(args)
                .withEnv(environment)
                .addAllToEnvFrom(settings.runnerSecret()
                        .map(secret -> List.of(new io.fabric8.kubernetes.api.model.EnvFromSourceBuilder()
                                .withNewSecretRef()
                                .withName(secret)
                                .withOptional(false)
                                .endSecretRef()
                                .build()))
                        .orElse(List.of()))
                .withResources(limits)
                .withNewSecurityContext()
                .withReadOnlyRootFilesystem(true)
                .withAllowPrivilegeEscalation(false)
                .withRunAsNonRoot(true)
                .withNewCapabilities()
                .withDrop("ALL")
                .endCapabilities()
                .endSecurityContext()
                .addNewVolumeMount()
                .withName("scratch")
                .withMountPath("/tmp")
                .endVolumeMount()
                .endContainer()
                .addNewVolume()
                .withName("scratch")
                .withNewEmptyDir()
                .withSizeLimit(new Quantity(defaults.scratchSize()))
                .endEmptyDir()
                .endVolume()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
        return new RunnerJob(job, access);
    }
}
