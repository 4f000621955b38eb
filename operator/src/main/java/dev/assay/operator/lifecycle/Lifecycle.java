package dev.assay.operator.lifecycle;

import dev.assay.model.crd.common.ConditionType;
import dev.assay.model.crd.common.Phase;
import dev.assay.model.crd.common.Reason;
import dev.assay.model.status.TaskStatus;
import dev.assay.operator.events.EventRecorder;
import dev.assay.operator.health.OperatorMetrics;
import dev.assay.operator.jobs.RunnerJobs;
import dev.assay.operator.results.RunnerResults;
import dev.assay.operator.status.StatusWriter;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.RetryInfo;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The lifecycle of a DatasetJob or AssistantRun, one small handler per {@link Stage}: NEW validates and creates the
 * first attempt's Job, ACTIVE observes the attempt ({@link Observation}: Job, pods, runner status) and lets the
 * {@link Decider} map it to the new state — starting the next attempt when the machinery failed — and FINISHED keeps
 * the outcome and removes the finished Jobs after their time to live (Kubernetes 1.20 has no TTL controller on by
 * default). Every status write goes through {@link StatusWriter}, every Event through {@link EventRecorder}.
 */
public final class Lifecycle<R extends CustomResource<?, S>, S extends dev.assay.model.crd.common.LifecycleStatus> {

    private static final Logger log = LoggerFactory.getLogger(Lifecycle.class);
    /** How soon to look again while waiting for a prerequisite. */
    private static final Duration WAIT = Duration.ofSeconds(10);

    static final String JOB_NAME_LABEL = "job-name";
    static final String MANAGED = "app.kubernetes.io/managed-by=assay-operator";

    /** One reconciliation: the resource, its state as last written, and the time. */
    record Step<R extends HasMetadata>(R resource, RunState state, Instant now, Context<R> context) {}

    /** A handler's answer: the new state, what the runner said, when to look again, and what to tell people. */
    record Transition(
            RunState state, Optional<TaskStatus> runner, Optional<Duration> again, List<Decider.Notice> notices) {

        static Transition of(RunState state) {
            return new Transition(state, Optional.empty(), Optional.empty(), List.of());
        }
    }

    /** How the lifecycle is tuned: attempts for failures of the machinery, polling, and finished Jobs' time to live. */
    public record Tuning(Duration poll, int maxAttempts, Duration finishedJobTtl) {}

    private final Workload<R, S> workload;
    private final KubernetesClient client;
    private final RunnerResults runners;
    private final StatusWriter statuses;
    private final EventRecorder events;
    private final OperatorMetrics metrics;
    private final Clock clock;
    private final Tuning tuning;
    private final Decider decider;
    private final Map<Stage, Function<Step<R>, Transition>> handlers = new EnumMap<>(Stage.class);

    public Lifecycle(
            Workload<R, S> workload,
            KubernetesClient client,
            RunnerResults runners,
            StatusWriter statuses,
            EventRecorder events,
            OperatorMetrics metrics,
            Clock clock,
            Tuning tuning) {
        this.workload = workload;
        this.client = client;
        this.runners = runners;
        this.statuses = statuses;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
        this.tuning = tuning;
        this.decider = new Decider(tuning.maxAttempts());
        handlers.put(Stage.NEW, this::start);
        handlers.put(Stage.ACTIVE, this::observe);
        handlers.put(Stage.FINISHED, this::keep);
    }

    public UpdateControl<R> reconcile(R resource, Context<R> context) {
        String name = resource.getKind() + " " + resource.getMetadata().getNamespace() + "/"
                + resource.getMetadata().getName();
        MDC.put("resource", name);
        try {
            RunState state = workload.state(resource);
            Stage stage = Stage.of(state);
            Transition next = handlers.get(stage).apply(new Step<>(resource, state, clock.instant(), context));
            RunState result = specChanged(resource, next.state())
                    .condition(
                            ConditionType.Reconciled,
                            true,
                            Reason.Reconciled,
                            "the operator's last look succeeded",
                            clock.instant());
            boolean changed = result.phase() != state.phase() || !Objects.equals(result.message(), state.message());
            if (result.phase() != state.phase()) {
                log.info(
                        "{}: {} -> {}{}",
                        name,
                        state.phase(),
                        result.phase(),
                        result.message() == null ? "" : " (" + result.message() + ")");
                metrics.phase(resource, result.phase());
            }
            metrics.queue(
                    resource,
                    result.phase() != Phase.Pending
                            ? Optional.empty()
                            : Optional.of(
                                    result.jobName() == null
                                            ? OperatorMetrics.Queue.waiting_for_job
                                            : OperatorMetrics.Queue.pod_pending));
            if (changed) {
                next.notices().forEach(n -> {
                    events.record(resource, n.reason(), n.message());
                    if (n.reason().warning()) {
                        metrics.failure(resource, n.reason());
                    }
                });
            }
            statuses.write(resource, workload.status(resource, result, next.runner()));
            return next.again()
                    .map(d -> UpdateControl.<R>noUpdate().rescheduleAfter(d))
                    .orElse(UpdateControl.noUpdate());
        } finally {
            MDC.remove("resource");
        }
    }

    /**
     * A reconciliation failed (the API server refused a request, a timeout): JOSDK retries with exponential
     * backoff; the failure and the attempt number go into the conditions, so people see it in the status.
     */
    public ErrorStatusUpdateControl<R> failed(R resource, Context<R> context, Exception e) {
        int attempt = context.getRetryInfo().map(RetryInfo::getAttemptCount).orElse(1);
        boolean last = context.getRetryInfo().map(RetryInfo::isLastAttempt).orElse(false);
        String name = resource.getKind() + " " + resource.getMetadata().getNamespace() + "/"
                + resource.getMetadata().getName();
        log.warn(
                "{}: reconciliation failed (attempt {}{}): {}",
                name,
                attempt,
                last ? ", giving up" : ", will retry",
                e.toString());
        RunState state = workload.state(resource)
                .condition(
                        ConditionType.Reconciled,
                        false,
                        last ? Reason.GaveUp : Reason.RetryingAfterError,
                        "attempt " + attempt + " failed: " + e.getMessage()
                                + (last ? "; no more retries" : "; retrying with backoff"),
                        clock.instant());
        try {
            statuses.write(resource, workload.status(resource, state, Optional.empty()));
        } catch (RuntimeException writeFailed) {
            log.warn("{}: could not record the failure in the status: {}", name, writeFailed.toString());
        }
        return ErrorStatusUpdateControl.noStatusUpdate();
    }

    /** The resource is being deleted: its status keys go with it (its Jobs go by owner reference). */
    public DeleteControl cleanup(R resource) {
        try {
            runners.forget(workload.scope(resource), workload.taskId(resource), workload.datasetOf(resource));
        } catch (RuntimeException e) {
            // Deletion must not hang on Redis: the keys expire by their TTL anyway.
            log.warn(
                    "{}/{}: could not remove its status keys: {}",
                    resource.getMetadata().getNamespace(),
                    resource.getMetadata().getName(),
                    e.toString());
        }
        metrics.forget(resource);
        return DeleteControl.defaultDelete();
    }

    /** NEW: check the spec and the prerequisites, then create the first attempt's Job once. */
    private Transition start(Step<R> step) {
        RunState state = step.state();
        List<String> problems = workload.problems(step.resource());
        if (!problems.isEmpty()) {
            String message = String.join("; ", problems);
            return new Transition(
                    state.condition(ConditionType.Valid, false, Reason.InvalidSpec, message, step.now())
                            .condition(ConditionType.Failed, true, Reason.InvalidSpec, message, step.now())
                            .phase(Phase.Failed, message)
                            .times(state.startTime(), step.now().toString()),
                    Optional.empty(),
                    Optional.empty(),
                    List.of(new Decider.Notice(Reason.InvalidSpec, message)));
        }
        state = state.condition(
                ConditionType.Valid, true, Reason.SpecAccepted, "the spec passed the operator's checks", step.now());
        Prerequisite prerequisite = workload.prerequisite(step.resource(), step.context());
        if (prerequisite instanceof Prerequisite.Waiting waiting) {
            return new Transition(
                    state.condition(ConditionType.Ready, false, waiting.reason(), waiting.message(), step.now())
                            .phase(Phase.Pending, waiting.message()),
                    Optional.empty(),
                    Optional.of(WAIT),
                    List.of(new Decider.Notice(waiting.reason(), waiting.message())));
        }
        if (prerequisite instanceof Prerequisite.Impossible impossible) {
            return new Transition(
                    state.condition(ConditionType.Ready, false, impossible.reason(), impossible.message(), step.now())
                            .condition(
                                    ConditionType.Failed, true, impossible.reason(), impossible.message(), step.now())
                            .phase(Phase.Failed, impossible.message())
                            .times(state.startTime(), step.now().toString()),
                    Optional.empty(),
                    Optional.empty(),
                    List.of(new Decider.Notice(impossible.reason(), impossible.message())));
        }
        state = state.condition(ConditionType.Ready, true, Reason.DatasetReady, "ready to run", step.now());
        return createAttempt(step, state, (Prerequisite.Ready) prerequisite, 1, List.of());
    }

    private Transition createAttempt(
            Step<R> step, RunState state, Prerequisite.Ready ready, int attempt, List<Decider.Notice> before) {
        RunnerJobs.RunnerJob planned = workload.job(step.resource(), ready, attempt);
        planned.access().ifPresent(this::createAccess);
        Job job = createOnce(planned.job());
        String created = "created Job " + job.getMetadata().getName()
                + (attempt > 1 ? " (attempt " + attempt + " of " + tuning.maxAttempts() + ")" : "");
        List<Decider.Notice> notices = new ArrayList<>(before);
        notices.add(new Decider.Notice(Reason.JobCreated, created));
        String waiting = attempt > 1 ? state.message() : Decider.NO_POD_YET;
        return new Transition(
                state.condition(ConditionType.JobCreated, true, Reason.JobCreated, created, step.now())
                        .condition(
                                ConditionType.Running,
                                false,
                                attempt > 1 ? Reason.InfrastructureFailure : Reason.PodPending,
                                waiting,
                                step.now())
                        .job(
                                job.getMetadata().getName(),
                                attempt > 1
                                        ? state.observedGeneration()
                                        : step.resource().getMetadata().getGeneration())
                        .phase(Phase.Pending, waiting)
                        .progress(0, "scheduled"),
                Optional.empty(),
                Optional.of(tuning.poll()),
                notices);
    }

    /** ACTIVE: observe the attempt, decide, and start the next attempt when the decider says so. */
    private Transition observe(Step<R> step) {
        RunState state = step.state();
        int attempt = attemptOf(step.resource(), state.jobName());
        Observation seen = observation(step);
        Decider.Decision decision = decider.decide(state, attempt, seen, step.now());
        if (decision.retry()) {
            Prerequisite prerequisite = workload.prerequisite(step.resource(), step.context());
            if (prerequisite instanceof Prerequisite.Ready ready) {
                return createAttempt(
                        step,
                        decision.state(),
                        ready,
                        attempt + 1,
                        decision.notice().stream().toList());
            }
            String message = "cannot start another attempt: "
                    + switch (prerequisite) {
                        case Prerequisite.Waiting w -> w.message();
                        case Prerequisite.Impossible i -> i.message();
                        case Prerequisite.Ready r -> "ready";
                    };
            RunState failed = decision.state()
                    .condition(ConditionType.Failed, true, Reason.RetriesExhausted, message, step.now())
                    .phase(Phase.Failed, message)
                    .times(state.startTime(), step.now().toString());
            return new Transition(
                    failed,
                    seen.runner(),
                    Optional.empty(),
                    List.of(new Decider.Notice(Reason.RetriesExhausted, message)));
        }
        Optional<Duration> again =
                decision.state().phase().finished() ? Optional.of(tuning.finishedJobTtl()) : Optional.of(tuning.poll());
        return new Transition(
                decision.state(),
                seen.runner(),
                again,
                decision.notice().stream().toList());
    }

    /** FINISHED: the outcome stays; the finished Jobs (and their pods) are removed after their time to live. */
    private Transition keep(Step<R> step) {
        RunState state = step.state();
        Instant finished =
                Optional.ofNullable(state.completionTime()).map(Instant::parse).orElse(step.now());
        Duration left = Duration.between(step.now(), finished.plus(tuning.finishedJobTtl()));
        if (!left.isNegative() && !left.isZero()) {
            return new Transition(state, Optional.empty(), Optional.of(left), List.of());
        }
        List<Job> jobs = jobsOf(step);
        if (!jobs.isEmpty()) {
            for (Job job : jobs) {
                client.batch()
                        .v1()
                        .jobs()
                        .inNamespace(job.getMetadata().getNamespace())
                        .withName(job.getMetadata().getName())
                        .withPropagationPolicy(io.fabric8.kubernetes.api.model.DeletionPropagation.BACKGROUND)
                        .delete();
                // Its presigned URLs go with it (they expire soon after the deadline anyway).
                client.secrets()
                        .inNamespace(job.getMetadata().getNamespace())
                        .withName(RunnerJobs.accessSecretName(job.getMetadata().getName()))
                        .delete();
            }
            events.record(
                    step.resource(),
                    Reason.JobsRemoved,
                    "removed " + jobs.size() + " finished Job(s) and their pods "
                            + tuning.finishedJobTtl().toSeconds() + " s after the run ended");
        }
        return Transition.of(state);
    }

    /** A spec changed after the Job was created does not change the run: say so instead. */
    private RunState specChanged(R resource, RunState state) {
        Long generation = resource.getMetadata().getGeneration();
        if (state.jobName() == null
                || state.observedGeneration() == null
                || generation == null
                || generation <= state.observedGeneration()) {
            return state;
        }
        return state.condition(
                ConditionType.SpecChanged,
                true,
                Reason.SpecChangedAfterStart,
                "the spec changed (generation "
                        + generation + ") after the run started with generation " + state.observedGeneration()
                        + "; this run keeps its original spec — create a new resource to run the new one",
                clock.instant());
    }

    private int attemptOf(R resource, String jobName) {
        return IntStream.rangeClosed(1, tuning.maxAttempts())
                .filter(a -> workload.jobName(resource, a).equals(jobName))
                .findFirst()
                .orElse(1);
    }

    private Observation observation(Step<R> step) {
        Optional<Job> job = find(step);
        List<Pod> pods = job.map(j -> podsOf(step, j)).orElse(List.of());
        return new Observation(
                job, pods, runners.of(workload.scope(step.resource()), workload.taskId(step.resource())));
    }

    private Optional<Job> find(Step<R> step) {
        Optional<Job> cached = step.context() == null
                ? Optional.empty()
                : step.context().getSecondaryResources(Job.class).stream()
                        .filter(j ->
                                j.getMetadata().getName().equals(step.state().jobName()))
                        .findFirst();
        if (cached.isPresent()) {
            return cached;
        }
        // Just created, the informer may not have it yet: ask the API server.
        return Optional.ofNullable(client.batch()
                .v1()
                .jobs()
                .inNamespace(step.resource().getMetadata().getNamespace())
                .withName(step.state().jobName())
                .get());
    }

    /** The Job's pods: from the pod informer's cache when running in the operator, else from the API server. */
    private List<Pod> podsOf(Step<R> step, Job job) {
        String name = job.getMetadata().getName();
        if (step.context() != null) {
            return step.context().getSecondaryResources(Pod.class).stream()
                    .filter(p -> p.getMetadata().getLabels() != null
                            && name.equals(p.getMetadata().getLabels().get(JOB_NAME_LABEL)))
                    .toList();
        }
        try {
            return client.pods()
                    .inNamespace(job.getMetadata().getNamespace())
                    .withLabel(JOB_NAME_LABEL, name)
                    .list()
                    .getItems();
        } catch (KubernetesClientException e) {
            log.debug("Job {}: could not read its pods: {}", name, e.toString());
            return List.of();
        }
    }

    /** Every Job of the resource (all attempts), by owner reference. */
    private List<Job> jobsOf(Step<R> step) {
        String uid = step.resource().getMetadata().getUid();
        List<Job> jobs = step.context() != null
                ? List.copyOf(step.context().getSecondaryResources(Job.class))
                : client.batch()
                        .v1()
                        .jobs()
                        .inNamespace(step.resource().getMetadata().getNamespace())
                        .withLabelSelector(MANAGED)
                        .list()
                        .getItems();
        return jobs.stream()
                .filter(j -> j.getMetadata().getOwnerReferences() != null
                        && j.getMetadata().getOwnerReferences().stream().anyMatch(o -> Objects.equals(o.getUid(), uid)))
                .toList();
    }

    /**
     * Creates an attempt's access Secret. If it exists (a status write was lost before its Job was created), it is
     * replaced: its URLs may be near their end. The operator may create and delete Secrets, never read them.
     */
    private void createAccess(Secret secret) {
        var secrets = client.secrets().inNamespace(secret.getMetadata().getNamespace());
        try {
            secrets.resource(secret).create();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409) {
                throw e;
            }
            secrets.withName(secret.getMetadata().getName()).withGracePeriod(0).delete();
            secrets.resource(secret).create();
        }
    }

    /** Creates the Job; if it already exists (a status write was lost), the existing one is used, never updated. */
    private Job createOnce(Job job) {
        try {
            return client.batch()
                    .v1()
                    .jobs()
                    .inNamespace(job.getMetadata().getNamespace())
                    .resource(job)
                    .create();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                Job existing = client.batch()
                        .v1()
                        .jobs()
                        .inNamespace(job.getMetadata().getNamespace())
                        .withName(job.getMetadata().getName())
                        .get();
                if (existing != null) {
                    return existing;
                }
            }
            throw e;
        }
    }
}
