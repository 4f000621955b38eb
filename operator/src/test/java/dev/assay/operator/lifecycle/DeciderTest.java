package dev.assay.operator.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.crd.common.Phase;
import dev.assay.model.crd.common.Reason;
import dev.assay.model.protocol.RunnerExit;
import dev.assay.model.status.TaskKind;
import dev.assay.model.status.TaskStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every rule of the decider, on observations built in memory: no server, no Redis. */
class DeciderTest {

    private static final Instant NOW = Instant.parse("2026-12-06T15:00:00Z");
    private final Decider decider = new Decider(2);
    private final RunState created =
            RunState.initial().job("t-profile", 1L).phase(Phase.Pending, "waiting for the runner pod to start");

    private static Job job(String conditionType, String reason) {
        JobBuilder job = new JobBuilder()
                .withNewMetadata()
                .withName("t-profile")
                .endMetadata()
                .withNewSpec()
                .withActiveDeadlineSeconds(60L)
                .withBackoffLimit(0)
                .endSpec();
        if (conditionType == null) {
            return job.withNewStatus()
                    .withStartTime("2026-12-06T14:59:00Z")
                    .endStatus()
                    .build();
        }
        return job.withNewStatus()
                .withStartTime("2026-12-06T14:59:00Z")
                .addNewCondition()
                .withType(conditionType)
                .withStatus("True")
                .withReason(reason)
                .withMessage("Job was active longer than specified deadline")
                .endCondition()
                .endStatus()
                .build();
    }

    private static PodBuilder pod() {
        return new PodBuilder()
                .withNewMetadata()
                .withName("t-profile-abcde")
                .withCreationTimestamp("2026-12-06T14:59:00Z")
                .addToLabels("job-name", "t-profile")
                .endMetadata();
    }

    private static Pod unschedulable() {
        return pod().withNewStatus()
                .withPhase("Pending")
                .addNewCondition()
                .withType("PodScheduled")
                .withStatus("False")
                .withReason("Unschedulable")
                .withMessage("0/1 nodes are available: 1 Insufficient memory.")
                .endCondition()
                .endStatus()
                .build();
    }

    private static Pod creating() {
        return pod().withNewStatus()
                .withPhase("Pending")
                .addNewCondition()
                .withType("PodScheduled")
                .withStatus("True")
                .endCondition()
                .addNewContainerStatus()
                .withName("runner")
                .withNewState()
                .withNewWaiting()
                .withReason("ContainerCreating")
                .endWaiting()
                .endState()
                .endContainerStatus()
                .endStatus()
                .build();
    }

    private static Pod running() {
        return pod().withNewStatus()
                .withPhase("Running")
                .addNewContainerStatus()
                .withName("runner")
                .withNewState()
                .withNewRunning()
                .withStartedAt("2026-12-06T14:59:05Z")
                .endRunning()
                .endState()
                .endContainerStatus()
                .endStatus()
                .build();
    }

    private static Pod exited(int code, String reason, String lastWords) {
        return pod().withNewStatus()
                .withPhase("Failed")
                .addNewContainerStatus()
                .withName("runner")
                .withNewState()
                .withNewTerminated()
                .withExitCode(code)
                .withReason(reason)
                .withMessage(lastWords)
                .withFinishedAt("2026-12-06T14:59:30Z")
                .endTerminated()
                .endState()
                .endContainerStatus()
                .endStatus()
                .build();
    }

    private static TaskStatus runner(String stage, int progress) {
        return TaskStatus.queued("t", TaskKind.PROFILE, "t", "t.csv", NOW).progress(progress, stage, NOW);
    }

    @Test
    void aPodTheSchedulerCannotPlaceIsPendingWithTheSchedulersReason() {
        var decision = decider.decide(
                created,
                1,
                new Observation(Optional.of(job(null, null)), List.of(unschedulable()), Optional.empty()),
                NOW);

        assertThat(decision.state().phase()).isEqualTo(Phase.Pending);
        assertThat(decision.state().message())
                .isEqualTo("Unschedulable: 0/1 nodes are available: 1 Insufficient memory.");
        assertThat(decision.notice().orElseThrow().reason()).isEqualTo(Reason.Unschedulable);
        assertThat(decision.retry()).isFalse();
    }

    @Test
    void aScheduledPodWhoseContainerIsNotRunningYetIsStillPending() {
        var decision = decider.decide(
                created, 1, new Observation(Optional.of(job(null, null)), List.of(creating()), Optional.empty()), NOW);

        assertThat(decision.state().phase()).isEqualTo(Phase.Pending);
        assertThat(decision.state().message()).contains("ContainerCreating");
    }

    @Test
    void aJobWithoutAPodYetIsPending() {
        var decision = decider.decide(
                created, 1, new Observation(Optional.of(job(null, null)), List.of(), Optional.empty()), NOW);

        assertThat(decision.state().phase()).isEqualTo(Phase.Pending);
        assertThat(decision.notice().orElseThrow().reason()).isEqualTo(Reason.PodPending);
    }

    @Test
    void runningOnlyOnceTheRunnerContainerRunsWithTheRunnersStage() {
        var decision = decider.decide(
                created,
                1,
                new Observation(
                        Optional.of(job(null, null)), List.of(running()), Optional.of(runner("profiling columns", 40))),
                NOW);

        assertThat(decision.state().phase()).isEqualTo(Phase.Running);
        assertThat(decision.state().stage()).isEqualTo("profiling columns");
        assertThat(decision.state().progress()).isEqualTo(40);
        assertThat(decision.state().message()).isNull();
    }

    @Test
    void aDeadlineFailureSaysDeadline() {
        RunState running = created.phase(Phase.Running, null).progress(40, "profiling columns");
        var decision = decider.decide(
                running,
                1,
                new Observation(Optional.of(job("Failed", "DeadlineExceeded")), List.of(), Optional.empty()),
                NOW);

        assertThat(decision.state().phase()).isEqualTo(Phase.Failed);
        assertThat(decision.state().message())
                .startsWith("deadline: ")
                .contains("60 s")
                .contains("profiling columns");
        assertThat(decision.state()
                        .find(dev.assay.model.crd.common.ConditionType.Failed)
                        .orElseThrow()
                        .reason())
                .isEqualTo("DeadlineExceeded");
        assertThat(decision.retry()).isFalse();
    }

    @Test
    void aMissingSourceFailsAtOnceWithTheRunnersOwnWordsAndNoRetry() {
        TaskStatus said =
                runner("reading the upload", 1).failed("source 'samples/x.csv' does not exist in bucket 'assay'", NOW);
        var decision = decider.decide(
                created,
                1,
                new Observation(
                        Optional.of(job(null, null)),
                        List.of(exited(
                                RunnerExit.SOURCE_MISSING.code(),
                                "Error",
                                "error: source 'samples/x.csv' does not exist")),
                        Optional.of(said)),
                NOW);

        assertThat(decision.retry()).isFalse();
        assertThat(decision.state().phase()).isEqualTo(Phase.Failed);
        assertThat(decision.state().message()).isEqualTo("source 'samples/x.csv' does not exist in bucket 'assay'");
        assertThat(decision.notice().orElseThrow().reason()).isEqualTo(Reason.SourceMissing);
    }

    @Test
    void withoutAStatusRecordTheRunnersLastLogLineIsItsWord() {
        var decision = decider.decide(
                created,
                1,
                new Observation(
                        Optional.of(job(null, null)),
                        List.of(exited(
                                RunnerExit.PLAN_REFUSED.code(),
                                "Error",
                                "apply-run r\nerror: scale: column 'Name' is text")),
                        Optional.empty()),
                NOW);

        assertThat(decision.state().message()).isEqualTo("scale: column 'Name' is text");
        assertThat(decision.notice().orElseThrow().reason()).isEqualTo(Reason.PlanRefused);
    }

    @Test
    void aFailureOfTheMachineryStartsAnotherAttemptAndSaysSo() {
        var decision = decider.decide(
                created,
                1,
                new Observation(
                        Optional.of(job(null, null)),
                        List.of(exited(
                                RunnerExit.STORE_UNREACHABLE.code(),
                                "Error",
                                "error: cannot reach a store (Connection refused)")),
                        Optional.empty()),
                NOW);

        assertThat(decision.retry()).isTrue();
        assertThat(decision.state().phase()).isEqualTo(Phase.Pending);
        assertThat(decision.state().message())
                .contains("attempt 1 of 2 failed")
                .contains("not of the input")
                .contains("cannot reach a store")
                .contains("exit code 6");
        assertThat(decision.notice().orElseThrow().reason()).isEqualTo(Reason.InfrastructureFailure);
    }

    @Test
    void theLastAttemptOfTheMachineryFailsAndSaysItGaveUp() {
        var decision = decider.decide(
                created,
                2,
                new Observation(
                        Optional.of(job("Failed", "BackoffLimitExceeded")),
                        List.of(exited(1, "Error", "error: unexpected failure: java.lang.IllegalStateException")),
                        Optional.empty()),
                NOW);

        assertThat(decision.retry()).isFalse();
        assertThat(decision.state().phase()).isEqualTo(Phase.Failed);
        assertThat(decision.state().message())
                .contains("gave up after 2 attempts")
                .contains("not of the input");
        assertThat(decision.notice().orElseThrow().reason()).isEqualTo(Reason.RetriesExhausted);
    }

    @Test
    void anOutOfMemoryKillIsNotTriedAgain() {
        var decision = decider.decide(
                created,
                1,
                new Observation(Optional.of(job(null, null)), List.of(exited(137, "OOMKilled", "")), Optional.empty()),
                NOW);

        assertThat(decision.retry()).isFalse();
        assertThat(decision.state().message()).contains("out of memory").contains("spec.resources.limits.memory");
    }

    @Test
    void aCompleteJobWhoseRunnerReportedAFailureFails() {
        Job complete = job("Complete", null);
        var decision = decider.decide(
                created,
                1,
                new Observation(
                        Optional.of(complete),
                        List.of(),
                        Optional.of(runner("x", 5).failed("no rows", NOW))),
                NOW);

        assertThat(decision.state().phase()).isEqualTo(Phase.Failed);
        assertThat(decision.state().message()).isEqualTo("no rows");
    }
}
