package dev.assay.operator.lifecycle;

import dev.assay.model.crd.common.ConditionType;
import dev.assay.model.crd.common.Phase;
import dev.assay.model.crd.common.Reason;
import dev.assay.model.protocol.RunnerExit;
import dev.assay.model.status.TaskState;
import dev.assay.model.status.TaskStatus;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import java.time.Instant;
import java.util.Optional;

/**
 * Maps what was observed of a running attempt to the resource's new state; pure, so every rule has a unit test
 * without a server.
 *
 * <ul>
 *   <li>{@code Pending} until the runner container runs, with the scheduler's or the kubelet's reason;</li>
 *   <li>{@code Running} only while the runner container runs, with its stage and progress;</li>
 *   <li>a Job stopped by its activeDeadlineSeconds fails as {@link Reason#DeadlineExceeded};</li>
 *   <li>a runner that exited with a deterministic {@link RunnerExit} (refused plan, missing source, bad file) or was
 *       killed for memory fails at once with the runner's own words: another attempt would end the same way.
 *       Runner Jobs have backoffLimit 0 (Kubernetes 1.20 has no podFailurePolicy), so no second pod starts by
 *       itself;</li>
 *   <li>anything else (exit 1 or 6, a pod deleted or evicted) is the machinery: the lifecycle starts the next
 *       attempt as a new Job until the attempts are used up, and the status says so.</li>
 * </ul>
 */
public final class Decider {

    /** The decision: the new state, whether to start the next attempt, and what to tell people (an Event). */
    public record Decision(RunState state, boolean retry, Optional<Notice> notice) {}

    /** A transition worth an Event. */
    public record Notice(Reason reason, String message) {}

    /** What a Job without a pod yet waits for. */
    static final String NO_POD_YET = "waiting for the Job to create the runner pod";

    private final int maxAttempts;

    /** @param maxAttempts attempts in all for failures of the machinery (1: never try again) */
    public Decider(int maxAttempts) {
        this.maxAttempts = Math.max(1, maxAttempts);
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Decision decide(RunState state, int attempt, Observation seen, Instant now) {
        if (seen.job().isEmpty()) {
            String message = "the Job " + state.jobName()
                    + " disappeared before it finished; create a new resource to run again";
            return fail(state, Reason.JobMissing, message, state.startTime(), now.toString(), now);
        }
        Job job = seen.job().get();
        String started = job.getStatus() == null ? null : job.getStatus().getStartTime();
        Optional<TaskStatus> runner = seen.runner();
        Optional<String> runnerError =
                runner.filter(r -> r.status() == TaskState.FAILED).flatMap(TaskStatus::error);

        if (seen.jobCondition("Complete").isPresent()) {
            String completed =
                    Optional.ofNullable(job.getStatus().getCompletionTime()).orElse(now.toString());
            if (runnerError.isPresent()) {
                return fail(state, Reason.RunnerFailed, runnerError.get(), started, completed, now);
            }
            RunState done = state.condition(ConditionType.Running, false, Reason.Succeeded, "the runner finished", now)
                    .condition(ConditionType.Complete, true, Reason.Succeeded, "the runner finished", now)
                    .progress(100, "done")
                    .phase(Phase.Succeeded, null)
                    .times(started, completed);
            return new Decision(
                    done,
                    false,
                    Optional.of(new Notice(
                            Reason.Succeeded, "the runner finished" + (attempt > 1 ? " on attempt " + attempt : ""))));
        }
        Optional<JobCondition> jobFailed = seen.jobCondition("Failed");
        if (jobFailed.filter(c -> "DeadlineExceeded".equals(c.getReason())).isPresent()) {
            Long limit = job.getSpec() == null ? null : job.getSpec().getActiveDeadlineSeconds();
            String where = state.phase() == Phase.Running
                    ? "at stage '" + state.stage() + "' (" + state.progress() + "%)"
                    : "before the runner started"
                            + Optional.ofNullable(state.message())
                                    .map(m -> " (" + m + ")")
                                    .orElse("");
            String message = "deadline: the run did not finish within " + (limit == null ? "its" : limit + " s of")
                    + " activeDeadlineSeconds and was stopped " + where;
            return fail(state, Reason.DeadlineExceeded, message, started, now.toString(), now);
        }
        Optional<ContainerStateTerminated> ended = seen.container()
                .map(ContainerState::getTerminated)
                .filter(t -> t.getExitCode() != null && t.getExitCode() != 0);
        if (ended.isPresent() || jobFailed.isPresent()) {
            return failedAttempt(state, attempt, ended, jobFailed, runnerError, started, now);
        }
        Optional<ContainerState> container = seen.container();
        if (container.map(ContainerState::getRunning).isPresent()
                || container.map(ContainerState::getTerminated).isPresent()) {
            RunState running = runner.filter(r -> r.status() == TaskState.RUNNING || r.status() == TaskState.QUEUED)
                    .map(r -> state.progress(r.progress(), r.stage()))
                    .orElse(state);
            running = running.condition(
                            ConditionType.Running,
                            true,
                            Reason.RunnerStarted,
                            "the runner container runs"
                                    + (attempt > 1 ? " (attempt " + attempt + " of " + maxAttempts + ")" : ""),
                            now)
                    .phase(Phase.Running, null)
                    .times(started, null);
            return new Decision(
                    running,
                    false,
                    Optional.of(new Notice(
                            Reason.RunnerStarted,
                            "the runner container started" + (attempt > 1 ? " (attempt " + attempt + ")" : ""))));
        }
        return pending(state, seen, now);
    }

    private Decision pending(RunState state, Observation seen, Instant now) {
        Reason reason;
        String message;
        if (seen.pod().isEmpty()) {
            reason = Reason.PodPending;
            message = NO_POD_YET;
        } else if (seen.podConditionFalse("PodScheduled").isPresent()) {
            var unscheduled = seen.podConditionFalse("PodScheduled").get();
            reason = Reason.Unschedulable;
            message = Optional.ofNullable(unscheduled.getReason()).orElse("Unschedulable") + ": "
                    + Optional.ofNullable(unscheduled.getMessage()).orElse("the scheduler cannot place the runner pod");
        } else {
            Optional<ContainerStateWaiting> waiting = seen.container().map(ContainerState::getWaiting);
            reason = Reason.ContainerWaiting;
            message = waiting.map(w -> "the runner container is waiting: "
                            + Optional.ofNullable(w.getReason()).orElse("starting")
                            + Optional.ofNullable(w.getMessage())
                                    .map(m -> ": " + m)
                                    .orElse(""))
                    .orElse("the runner pod is scheduled; its container is starting");
        }
        RunState next = state.condition(ConditionType.Running, false, reason, message, now)
                .phase(Phase.Pending, message);
        return new Decision(next, false, Optional.of(new Notice(reason, message)));
    }

    private Decision failedAttempt(
            RunState state,
            int attempt,
            Optional<ContainerStateTerminated> ended,
            Optional<JobCondition> jobFailed,
            Optional<String> runnerError,
            String started,
            Instant now) {
        Optional<Integer> code = ended.map(ContainerStateTerminated::getExitCode);
        Optional<RunnerExit> exit = code.flatMap(RunnerExit::of);
        boolean outOfMemory = ended.map(ContainerStateTerminated::getReason)
                .filter("OOMKilled"::equals)
                .isPresent();
        // The runner's own words: its status record, else its last log line (the termination message).
        Optional<String> words = runnerError.or(() -> ended.flatMap(Decider::lastLine));
        String how = ended.map(Decider::describe)
                .or(() -> jobFailed.map(c -> "the Job failed: "
                        + Optional.ofNullable(c.getMessage())
                                .orElse(Optional.ofNullable(c.getReason()).orElse("no reason given"))))
                .orElse("the runner failed");
        if (outOfMemory) {
            String message = "the runner ran out of memory (OOMKilled; its limit is too small for this data): raise "
                    + "spec.resources.limits.memory; not tried again";
            return fail(state, Reason.OutOfMemory, message, started, now.toString(), now);
        }
        if (exit.isPresent() && !exit.get().retryable()) {
            Reason reason = switch (exit.get()) {
                case PLAN_REFUSED -> Reason.PlanRefused;
                case SOURCE_MISSING -> Reason.SourceMissing;
                case BAD_INPUT -> Reason.BadInput;
                default -> Reason.UsageError;
            };
            return fail(state, reason, words.orElse(exit.get().meaning()), started, now.toString(), now);
        }
        String cause = words.map(w -> w + " (" + how + ")").orElse(how);
        if (attempt < maxAttempts) {
            String message =
                    "attempt " + attempt + " of " + maxAttempts + " failed for a reason of the machinery, not of "
                            + "the input: " + cause + "; starting attempt " + (attempt + 1);
            RunState next = state.condition(ConditionType.Retrying, true, Reason.InfrastructureFailure, message, now)
                    .condition(ConditionType.Running, false, Reason.InfrastructureFailure, message, now)
                    .phase(Phase.Pending, message)
                    .progress(0, "retrying");
            return new Decision(next, true, Optional.of(new Notice(Reason.InfrastructureFailure, message)));
        }
        String message = cause + "; a failure of the machinery, not of the input"
                + (maxAttempts > 1 ? ": gave up after " + maxAttempts + " attempts" : "");
        return fail(
                state.condition(ConditionType.Retrying, false, Reason.RetriesExhausted, message, now),
                Reason.RetriesExhausted,
                message,
                started,
                now.toString(),
                now);
    }

    private static Decision fail(
            RunState state, Reason reason, String message, String started, String completed, Instant now) {
        RunState failed = state.condition(ConditionType.Running, false, reason, message, now)
                .condition(ConditionType.Failed, true, reason, message, now)
                .phase(Phase.Failed, message)
                .times(started, completed);
        return new Decision(failed, false, Optional.of(new Notice(reason, message)));
    }

    private static Optional<String> lastLine(ContainerStateTerminated ended) {
        String words =
                Optional.ofNullable(ended.getMessage()).map(String::strip).orElse("");
        if (words.isEmpty()) {
            return Optional.empty();
        }
        String last = words.substring(words.lastIndexOf('\n') + 1).strip();
        last = last.startsWith("error: ") ? last.substring("error: ".length()) : last;
        return Optional.of(last.length() > 500 ? last.substring(0, 500) + "…" : last);
    }

    private static String describe(ContainerStateTerminated ended) {
        String meaning =
                RunnerExit.of(ended.getExitCode()).map(e -> ": " + e.meaning()).orElse("");
        return Optional.ofNullable(ended.getReason()).orElse("Error") + ", exit code " + ended.getExitCode() + meaning;
    }
}
