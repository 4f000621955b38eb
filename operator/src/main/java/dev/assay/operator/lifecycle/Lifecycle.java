package dev.assay.operator.lifecycle;

import dev.assay.model.crd.common.Phase;
import dev.assay.model.status.TaskState;
import dev.assay.model.status.TaskStatus;
import dev.assay.operator.results.RunnerResults;
import dev.assay.operator.status.StatusWriter;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.RetryInfo;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The lifecycle of a DatasetJob or AssistantRun, one small handler per {@link Stage}: NEW validates and creates
 * the Job (once), ACTIVE judges the Job by its Complete/Failed conditions and mirrors the runner's progress and
 * result, FINISHED keeps the outcome. A spec changed after the Job was created is reported, never applied.
 * Every status write goes through {@link StatusWriter}.
 */
public final class Lifecycle<R extends CustomResource<?, S>, S> {

    private static final Logger log = LoggerFactory.getLogger(Lifecycle.class);
    /** How soon to look again while waiting for a prerequisite. */
    private static final Duration WAIT = Duration.ofSeconds(10);

    /** One reconciliation: the resource, its state as last written, and the time. */
    record Step<R extends io.fabric8.kubernetes.api.model.HasMetadata>(R resource, RunState state, Instant now,
                                                                      Context<R> context) {
    }

    /** A handler's answer: the new state, what the runner said, and when to look again. */
    record Transition(RunState state, Optional<TaskStatus> runner, Optional<Duration> again) {

        static Transition of(RunState state) {
            return new Transition(state, Optional.empty(), Optional.empty());
        }
    }

    private final Workload<R, S> workload;
    private final KubernetesClient client;
    private final RunnerResults runners;
    private final StatusWriter statuses;
    private final Clock clock;
    private final Duration poll;
    private final Map<Stage, Function<Step<R>, Transition>> handlers = new EnumMap<>(Stage.class);

    public Lifecycle(Workload<R, S> workload, KubernetesClient client, RunnerResults runners, StatusWriter statuses,
                     Clock clock, Duration poll) {
        this.workload = workload;
        this.client = client;
        this.runners = runners;
        this.statuses = statuses;
        this.clock = clock;
        this.poll = poll;
        handlers.put(Stage.NEW, this::start);
        handlers.put(Stage.ACTIVE, this::observe);
        handlers.put(Stage.FINISHED, this::keep);
    }

    public UpdateControl<R> reconcile(R resource, Context<R> context) {
        String name = resource.getKind() + " " + resource.getMetadata().getNamespace() + "/" + resource.getMetadata().getName();
        MDC.put("resource", name);
        try {
            RunState state = workload.state(resource);
            Stage stage = Stage.of(state);
            Transition next = handlers.get(stage).apply(new Step<>(resource, state, clock.instant(), context));
            RunState result = specChanged(resource, next.state())
                    .condition("Reconciled", true, "Reconciled", "the operator's last look succeeded", clock.instant());
            if (result.phase() != state.phase()) {
                log.info("{}: {} -> {}{}", name, state.phase(), result.phase(),
                        result.message() == null ? "" : " (" + result.message() + ")");
            }
            statuses.write(resource, workload.status(resource, result, next.runner()));
            return next.again().map(d -> UpdateControl.<R>noUpdate().rescheduleAfter(d)).orElse(UpdateControl.noUpdate());
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
        String name = resource.getKind() + " " + resource.getMetadata().getNamespace() + "/" + resource.getMetadata().getName();
        log.warn("{}: reconciliation failed (attempt {}{}): {}", name, attempt, last ? ", giving up" : ", will retry",
                e.toString());
        RunState state = workload.state(resource).condition("Reconciled", false, last ? "GaveUp" : "RetryingAfterError",
                "attempt " + attempt + " failed: " + e.getMessage() + (last ? "; no more retries" : "; retrying with backoff"),
                clock.instant());
        try {
            statuses.write(resource, workload.status(resource, state, Optional.empty()));
        } catch (RuntimeException writeFailed) {
            log.warn("{}: could not record the failure in the status: {}", name, writeFailed.toString());
        }
        return ErrorStatusUpdateControl.noStatusUpdate();
    }

    /** NEW: check the spec and the prerequisites, then create the Job once. */
    private Transition start(Step<R> step) {
        RunState state = step.state();
        List<String> problems = workload.problems(step.resource());
        if (!problems.isEmpty()) {
            String message = String.join("; ", problems);
            return Transition.of(state.condition("Valid", false, "InvalidSpec", message, step.now())
                    .phase(Phase.Failed, message).times(state.startTime(), step.now().toString()));
        }
        state = state.condition("Valid", true, "SpecAccepted", "the spec passed the operator's checks", step.now());
        Prerequisite prerequisite = workload.prerequisite(step.resource(), step.context());
        if (prerequisite instanceof Prerequisite.Waiting waiting) {
            return new Transition(state.condition("Ready", false, waiting.reason(), waiting.message(), step.now())
                    .phase(Phase.Pending, waiting.message()), Optional.empty(), Optional.of(WAIT));
        }
        if (prerequisite instanceof Prerequisite.Impossible impossible) {
            return Transition.of(state.condition("Ready", false, impossible.reason(), impossible.message(), step.now())
                    .phase(Phase.Failed, impossible.message()).times(state.startTime(), step.now().toString()));
        }
        String sourceKey = ((Prerequisite.Ready) prerequisite).sourceKey();
        Job job = createOnce(workload.job(step.resource(), sourceKey));
        String created = "created Job " + job.getMetadata().getName();
        return new Transition(state.condition("Ready", true, "Ready", "ready to run", step.now())
                .condition("JobCreated", true, "JobCreated", created, step.now())
                .job(job.getMetadata().getName(), step.resource().getMetadata().getGeneration())
                .phase(Phase.Pending, "waiting for the runner pod to start")
                .progress(0, "scheduled"), Optional.empty(), Optional.of(poll));
    }

    /** ACTIVE: judge the Job by its conditions; mirror the runner's progress, result or error. */
    private Transition observe(Step<R> step) {
        RunState state = step.state();
        Optional<Job> found = find(step);
        Optional<TaskStatus> runner = runners.of(workload.taskId(step.resource()));
        if (found.isEmpty()) {
            String message = "the Job " + state.jobName() + " disappeared before it finished; create a new resource to run again";
            return new Transition(state.condition("Failed", true, "JobMissing", message, step.now())
                    .phase(Phase.Failed, message).times(state.startTime(), step.now().toString()), runner, Optional.empty());
        }
        Job job = found.get();
        String started = job.getStatus() == null ? null : job.getStatus().getStartTime();
        if (condition(job, "Complete")) {
            String completed = Optional.ofNullable(job.getStatus().getCompletionTime()).orElse(step.now().toString());
            if (runner.isPresent() && runner.get().status() == TaskState.FAILED) {
                String message = runner.get().error().orElse("the runner reported a failure");
                return new Transition(state.condition("Failed", true, "RunnerFailed", message, step.now())
                        .phase(Phase.Failed, message).times(started, completed), runner, Optional.empty());
            }
            RunState complete = podFailures(job) == 0 ? state : state.condition("Retrying", false, "Recovered",
                    "succeeded after " + podFailures(job) + " failed runner pod(s)", step.now());
            return new Transition(complete.condition("Complete", true, "JobComplete", "the runner finished", step.now())
                    .progress(100, "done").phase(Phase.Succeeded, null).times(started, completed), runner, Optional.empty());
        }
        if (condition(job, "Failed")) {
            String reason = conditionMessage(job, "Failed");
            // A runner that could not reach its status store leaves no error there; its pod's last words say why.
            String message = runner.flatMap(TaskStatus::error).or(() -> lastPodFailure(job)).map(e -> e + " (" + reason + ")")
                    .orElse(reason);
            RunState failed = podFailures(job) == 0 ? state : state.condition("Retrying", false, "BackoffLimitReached",
                    "gave up after " + podFailures(job) + " failed runner pod(s)", step.now());
            return new Transition(failed.condition("Failed", true, "JobFailed", message, step.now())
                    .phase(Phase.Failed, message).times(started, step.now().toString()), runner, Optional.empty());
        }
        boolean running = started != null || (job.getStatus() != null && job.getStatus().getActive() != null
                && job.getStatus().getActive() > 0);
        RunState progressed = runner.map(r -> state.progress(r.progress(), r.stage())).orElse(state);
        int podFailures = podFailures(job);
        if (podFailures > 0) {
            Integer limit = job.getSpec() == null ? null : job.getSpec().getBackoffLimit();
            String message = "runner pod failed " + podFailures + (podFailures == 1 ? " time" : " times")
                    + (limit == null ? "" : " of at most " + (limit + 1)) + "; the Job tries again with backoff"
                    + lastPodFailure(job).map(e -> ": " + e).orElse("");
            progressed = progressed.condition("Retrying", true, "PodFailed", message, step.now());
        }
        return new Transition(running ? progressed.phase(Phase.Running, null).times(started, null) : progressed,
                runner, Optional.of(poll));
    }

    /** FINISHED: the outcome stays; nothing runs again. */
    private Transition keep(Step<R> step) {
        return Transition.of(step.state());
    }

    /** A spec changed after the Job was created does not change the run: say so instead. */
    private RunState specChanged(R resource, RunState state) {
        Long generation = resource.getMetadata().getGeneration();
        if (state.jobName() == null || state.observedGeneration() == null || generation == null
                || generation <= state.observedGeneration()) {
            return state;
        }
        return state.condition("SpecChanged", true, "SpecChangedAfterStart", "the spec changed (generation " + generation
                + ") after the run started with generation " + state.observedGeneration()
                + "; this run keeps its original spec — create a new resource to run the new one", clock.instant());
    }

    private Optional<Job> find(Step<R> step) {
        Optional<Job> cached = step.context() == null ? Optional.empty()
                : step.context().getSecondaryResources(Job.class).stream()
                        .filter(j -> j.getMetadata().getName().equals(step.state().jobName())).findFirst();
        if (cached.isPresent()) {
            return cached;
        }
        // Just created, the informer may not have it yet: ask the API server.
        return Optional.ofNullable(client.batch().v1().jobs().inNamespace(step.resource().getMetadata().getNamespace())
                .withName(step.state().jobName()).get());
    }

    /** Creates the Job; if it already exists (a status write was lost), the existing one is used, never updated. */
    private Job createOnce(Job job) {
        try {
            return client.batch().v1().jobs().inNamespace(job.getMetadata().getNamespace()).resource(job).create();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                Job existing = client.batch().v1().jobs().inNamespace(job.getMetadata().getNamespace())
                        .withName(job.getMetadata().getName()).get();
                if (existing != null) {
                    return existing;
                }
            }
            throw e;
        }
    }

    private static int podFailures(Job job) {
        return job.getStatus() == null || job.getStatus().getFailed() == null ? 0 : job.getStatus().getFailed();
    }

    /**
     * How the Job's most recent failed pod ended: its termination message (the runner's last log lines, by
     * FallbackToLogsOnError) or the container's reason and exit code (OOMKilled, say).
     */
    private Optional<String> lastPodFailure(Job job) {
        try {
            return client.pods().inNamespace(job.getMetadata().getNamespace())
                    .withLabel("job-name", job.getMetadata().getName()).list().getItems().stream()
                    .filter(pod -> pod.getStatus() != null && pod.getStatus().getContainerStatuses() != null)
                    .flatMap(pod -> pod.getStatus().getContainerStatuses().stream())
                    .map(container -> container.getState() == null ? null : container.getState().getTerminated())
                    .filter(ended -> ended != null && ended.getExitCode() != null && ended.getExitCode() != 0)
                    .max(Comparator.comparing((ContainerStateTerminated ended) ->
                            Optional.ofNullable(ended.getFinishedAt()).orElse("")))
                    .map(Lifecycle::describe);
        } catch (KubernetesClientException e) {
            log.debug("Job {}: could not read its pods: {}", job.getMetadata().getName(), e.toString());
            return Optional.empty();
        }
    }

    private static String describe(ContainerStateTerminated ended) {
        String words = Optional.ofNullable(ended.getMessage()).map(String::strip).orElse("");
        String last = words.isEmpty() ? "" : words.substring(words.lastIndexOf('\n') + 1);
        String how = Optional.ofNullable(ended.getReason()).orElse("Error") + ", exit code " + ended.getExitCode();
        return last.isEmpty() ? how : (last.length() > 500 ? last.substring(0, 500) + "…" : last) + " (" + how + ")";
    }

    private static boolean condition(Job job, String type) {
        return job.getStatus() != null && job.getStatus().getConditions() != null && job.getStatus().getConditions().stream()
                .anyMatch(c -> type.equals(c.getType()) && "True".equals(c.getStatus()));
    }

    private static String conditionMessage(Job job, String type) {
        return job.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst()
                .map(c -> Optional.ofNullable(c.getMessage()).orElse(Optional.ofNullable(c.getReason()).orElse("failed")))
                .map(m -> "Job " + job.getMetadata().getName() + ": " + m)
                .orElse("the Job failed");
    }
}
