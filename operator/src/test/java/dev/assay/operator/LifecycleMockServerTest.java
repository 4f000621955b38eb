package dev.assay.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.crd.assistantrun.AssistantRun;
import dev.assay.model.crd.assistantrun.AssistantRunSpec;
import dev.assay.model.crd.assistantrun.AssistantRunStatus;
import dev.assay.model.crd.common.Conditions;
import dev.assay.model.crd.common.Phase;
import dev.assay.model.crd.datasetjob.DatasetJob;
import dev.assay.model.crd.datasetjob.DatasetJobStatus;
import dev.assay.model.dataset.ColumnType;
import dev.assay.model.dataset.VariableKind;
import dev.assay.model.plan.validation.PlanReader;
import dev.assay.model.profile.ProfileSummary;
import dev.assay.model.protocol.RunnerExit;
import dev.assay.model.status.TaskKind;
import dev.assay.model.status.TaskStatus;
import dev.assay.operator.assistantrun.AssistantRunWorkload;
import dev.assay.operator.datasetjob.DatasetJobWorkload;
import dev.assay.operator.events.EventRecorder;
import dev.assay.operator.health.OperatorMetrics;
import dev.assay.operator.jobs.RunnerJobs;
import dev.assay.operator.lifecycle.Lifecycle;
import dev.assay.operator.status.StatusWriter;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle against the fabric8 mock API server in CRUD mode, reconciled step by step (no informers, so
 * every step is deterministic), with runner reports in memory ({@link FakeRunnerResults}; the Redis side is
 * tested in runner-image and by the -Pk8s tests).
 */
@EnableKubernetesMockClient(crud = true)
class LifecycleMockServerTest {

    static final String NS = "test";

    KubernetesClient client;

    private final FakeRunnerResults results = new FakeRunnerResults();
    private final OperatorMetrics metrics = new OperatorMetrics();
    private StatusWriter writer;
    private Lifecycle<DatasetJob, DatasetJobStatus> datasets;
    private Lifecycle<AssistantRun, AssistantRunStatus> runs;

    @BeforeEach
    void operatorParts() {
        operatorParts(Duration.ofHours(1));
    }

    private void operatorParts(Duration finishedJobTtl) {
        writer = new StatusWriter(client);
        RunnerJobs jobs = new RunnerJobs(Resources.settings(NS, Optional.empty(), "assay:"));
        Lifecycle.Tuning tuning = new Lifecycle.Tuning(Duration.ofSeconds(1), 2, finishedJobTtl);
        EventRecorder events = new EventRecorder(client, Clock.systemUTC());
        datasets = new Lifecycle<>(
                new DatasetJobWorkload(jobs), client, results, writer, events, metrics, Clock.systemUTC(), tuning);
        runs = new Lifecycle<>(
                new AssistantRunWorkload(jobs, client),
                client,
                results,
                writer,
                events,
                metrics,
                Clock.systemUTC(),
                tuning);
    }

    private DatasetJob create(DatasetJob job) {
        return client.resource(job).create();
    }

    private DatasetJob reconcile(String name) {
        DatasetJob current = client.resources(DatasetJob.class)
                .inNamespace(NS)
                .withName(name)
                .get();
        datasets.reconcile(current, null);
        return client.resources(DatasetJob.class).inNamespace(NS).withName(name).get();
    }

    private AssistantRun reconcileRun(String name) {
        AssistantRun current = client.resources(AssistantRun.class)
                .inNamespace(NS)
                .withName(name)
                .get();
        runs.reconcile(current, null);
        return client.resources(AssistantRun.class)
                .inNamespace(NS)
                .withName(name)
                .get();
    }

    private List<Job> jobs() {
        return client.batch().v1().jobs().inNamespace(NS).list().getItems();
    }

    private void finishJob(String name, String type, String message) {
        Job job = client.batch().v1().jobs().inNamespace(NS).withName(name).get();
        job.setStatus(new JobStatusBuilder()
                .withStartTime("2026-11-24T16:00:00Z")
                .withCompletionTime(type.equals("Complete") ? "2026-11-24T16:00:09Z" : null)
                .withConditions(new JobConditionBuilder()
                        .withType(type)
                        .withStatus("True")
                        .withMessage(message)
                        .build())
                .build());
        client.batch().v1().jobs().inNamespace(NS).resource(job).updateStatus();
    }

    private void runnerReports(TaskStatus status) {
        results.report(NS, status);
    }

    /** The Job's pod as the kubelet would report it. */
    private void pod(String job, PodStatus status) {
        client.pods()
                .inNamespace(NS)
                .resource(new PodBuilder()
                        .withNewMetadata()
                        .withName(job + "-" + UUID.randomUUID().toString().substring(0, 5))
                        .withCreationTimestamp(Instant.now().toString())
                        .addToLabels("job-name", job)
                        .endMetadata()
                        .withStatus(status)
                        .build())
                .create();
    }

    private static PodStatus exited(int code, String lastWords) {
        return new PodStatusBuilder()
                .withPhase("Failed")
                .addNewContainerStatus()
                .withName("runner")
                .withNewState()
                .withNewTerminated()
                .withExitCode(code)
                .withReason("Error")
                .withFinishedAt(Instant.now().toString())
                .withMessage(lastWords)
                .endTerminated()
                .endState()
                .endContainerStatus()
                .build();
    }

    private List<Event> events(String name) {
        return client.v1().events().inNamespace(NS).list().getItems().stream()
                .filter(e -> name.equals(e.getInvolvedObject().getName()))
                .toList();
    }

    @Test
    void aDatasetJobBecomesOneLockedDownJobOwnedByIt() {
        DatasetJob created = create(Resources.datasetJob(NS, "titanic", "samples/titanic.csv"));

        DatasetJob after = reconcile("titanic");

        assertThat(jobs()).hasSize(1);
        Job job = jobs().getFirst();
        assertThat(job.getMetadata().getName()).isEqualTo("titanic-profile");
        assertThat(job.getMetadata().getOwnerReferences()).singleElement().satisfies(owner -> {
            assertThat(owner.getKind()).isEqualTo("DatasetJob");
            assertThat(owner.getUid()).isEqualTo(created.getMetadata().getUid());
            assertThat(owner.getController()).isTrue();
            assertThat(owner.getBlockOwnerDeletion()).isTrue();
        });
        assertThat(job.getMetadata().getLabels())
                .containsEntry("assay.dev/dataset-job", "titanic")
                .containsEntry("app.kubernetes.io/component", "runner");
        assertThat(job.getSpec().getBackoffLimit())
                .as("one pod per Job: the operator decides about retries")
                .isZero();
        assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(1800);
        PodSpec pod = job.getSpec().getTemplate().getSpec();
        assertThat(job.getSpec().getTemplate().getMetadata().getLabels())
                .containsEntry("assay.dev/dataset-job", "titanic");
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getServiceAccountName()).isEqualTo("assay-runner");
        assertThat(pod.getRestartPolicy()).isEqualTo("Never");
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(65532L);
        var container = pod.getContainers().getFirst();
        assertThat(container.getArgs())
                .containsExactly(
                        "profile-job", "--job-id", "titanic", "--source", "samples/titanic.csv", "--format", "csv");
        assertThat(container.getEnv()).anySatisfy(e -> {
            assertThat(e.getName()).isEqualTo("ASSAY_NAMESPACE");
            assertThat(e.getValue()).isEqualTo(NS);
        });
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(container.getResources().getLimits()).containsKeys("cpu", "memory");
        assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(container.getEnvFrom())
                .singleElement()
                .satisfies(e -> assertThat(e.getSecretRef().getName()).isEqualTo("assay-runtime"));
        assertThat(container.getVolumeMounts())
                .singleElement()
                .satisfies(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
        assertThat(pod.getVolumes())
                .singleElement()
                .satisfies(v -> assertThat(v.getEmptyDir()).isNotNull());

        assertThat(after.getStatus().phase()).isEqualTo(Phase.Pending);
        assertThat(after.getStatus().jobName()).isEqualTo("titanic-profile");
        assertThat(after.getStatus().observedGeneration())
                .isEqualTo(after.getMetadata().getGeneration());
        assertThat(Conditions.isTrue(after.getStatus().conditions(), "JobCreated"))
                .isTrue();
    }

    @Test
    void reconcilingAgainCreatesNothingTwiceAndWritesNoUnchangedStatus() {
        create(Resources.datasetJob(NS, "again", "samples/titanic.csv"));
        reconcile("again");
        long writes = writer.writes();

        reconcile("again");
        reconcile("again");

        assertThat(jobs()).hasSize(1);
        assertThat(writer.writes()).isEqualTo(writes);
        assertThat(writer.skipped()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aCompletedJobMakesTheDatasetSucceededWithTheRunnersNumbers() {
        create(Resources.datasetJob(NS, "done", "samples/titanic.csv"));
        reconcile("done");
        runnerReports(TaskStatus.queued("done", TaskKind.PROFILE, "done", "titanic.csv", Instant.now())
                .profiled(
                        new ProfileSummary(
                                891,
                                12,
                                866,
                                0.081,
                                0,
                                Map.of(),
                                List.of(new ProfileSummary.VariableSummary(
                                        "Age", VariableKind.NUMERIC, ColumnType.DECIMAL, 177, 88)),
                                List.of()),
                        Instant.now()));
        finishJob("done-profile", "Complete", null);

        DatasetJob after = reconcile("done");

        assertThat(after.getStatus().phase()).isEqualTo(Phase.Succeeded);
        assertThat(after.getStatus().rows()).isEqualTo(891);
        assertThat(after.getStatus().columns()).isEqualTo(12);
        assertThat(after.getStatus().progress()).isEqualTo(100);
        assertThat(after.getStatus().artifacts().report())
                .as("keys carry the namespace")
                .isEqualTo(NS + "/done/report.html");
        assertThat(after.getStatus().completionTime()).isEqualTo("2026-11-24T16:00:09Z");
    }

    @Test
    void aBadFileFailsAtOnceWithTheRunnersOwnMessageAndNoSecondJob() {
        create(Resources.datasetJob(NS, "bad", "samples/broken.csv"));
        reconcile("bad");
        runnerReports(TaskStatus.queued("bad", TaskKind.PROFILE, "bad", "broken.csv", Instant.now())
                .failed("broken.csv, line 3: has 2 fields but the header has 12", Instant.now()));
        pod(
                "bad-profile",
                exited(RunnerExit.BAD_INPUT.code(), "error: broken.csv, line 3: has 2 fields but the header has 12"));

        DatasetJob after = reconcile("bad");

        assertThat(after.getStatus().phase()).isEqualTo(Phase.Failed);
        assertThat(after.getStatus().message()).isEqualTo("broken.csv, line 3: has 2 fields but the header has 12");
        assertThat(after.getStatus().conditions())
                .filteredOn(c -> c.type().equals("Failed"))
                .singleElement()
                .satisfies(c -> assertThat(c.reason()).isEqualTo("BadInput"));
        assertThat(jobs()).hasSize(1);
        assertThat(events("bad")).extracting(Event::getReason).contains("JobCreated", "BadInput");
        assertThat(events("bad"))
                .filteredOn(e -> e.getReason().equals("BadInput"))
                .singleElement()
                .satisfies(e -> assertThat(e.getType()).isEqualTo("Warning"));
        assertThat(metrics.prometheus())
                .contains("assay_operator_run_failures_total{kind=\"DatasetJob\",reason=\"BadInput\"} 1");
    }

    @Test
    void aFailureOfTheMachineryIsTriedAgainAsANewJobThenGivenUpWithTheRunnersWords() {
        create(Resources.datasetJob(NS, "flaky", "samples/titanic.csv"));
        reconcile("flaky");
        pod(
                "flaky-profile",
                exited(
                        RunnerExit.STORE_UNREACHABLE.code(),
                        "profile-job flaky: source samples/titanic.csv\nerror: cannot reach a store (java.net.ConnectException: Connection refused)\n"));

        DatasetJob retrying = reconcile("flaky");

        assertThat(retrying.getStatus().phase()).isEqualTo(Phase.Pending);
        assertThat(retrying.getStatus().jobName()).isEqualTo("flaky-profile-2");
        assertThat(jobs())
                .extracting(j -> j.getMetadata().getName())
                .containsExactlyInAnyOrder("flaky-profile", "flaky-profile-2");
        assertThat(retrying.getStatus().conditions())
                .filteredOn(c -> c.type().equals("Retrying"))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.status()).isEqualTo("True");
                    assertThat(c.reason()).isEqualTo("InfrastructureFailure");
                    assertThat(c.message())
                            .contains("attempt 1 of 2 failed")
                            .contains("cannot reach a store")
                            .contains("exit code 6")
                            .doesNotContain("profile-job flaky");
                });

        pod("flaky-profile-2", exited(RunnerExit.STORE_UNREACHABLE.code(), "error: cannot reach a store (timeout)"));
        DatasetJob after = reconcile("flaky");

        assertThat(after.getStatus().phase()).isEqualTo(Phase.Failed);
        assertThat(after.getStatus().message())
                .contains("cannot reach a store (timeout)")
                .contains("gave up after 2 attempts");
        assertThat(jobs()).hasSize(2);
    }

    @Test
    void anUnschedulablePodKeepsTheRunPendingWithTheSchedulersReason() {
        create(Resources.datasetJob(NS, "huge", "samples/titanic.csv"));
        reconcile("huge");
        pod(
                "huge-profile",
                new PodStatusBuilder()
                        .withPhase("Pending")
                        .addNewCondition()
                        .withType("PodScheduled")
                        .withStatus("False")
                        .withReason("Unschedulable")
                        .withMessage("0/1 nodes are available: 1 Insufficient memory.")
                        .endCondition()
                        .build());

        DatasetJob after = reconcile("huge");

        assertThat(after.getStatus().phase()).isEqualTo(Phase.Pending);
        assertThat(after.getStatus().message())
                .isEqualTo("Unschedulable: 0/1 nodes are available: 1 Insufficient memory.");
        assertThat(events("huge")).extracting(Event::getReason).contains("Unschedulable");
    }

    @Test
    void finishedJobsAreRemovedAfterTheirTimeToLive() {
        operatorParts(Duration.ZERO);
        create(Resources.datasetJob(NS, "tidy", "samples/titanic.csv"));
        reconcile("tidy");
        finishJob("tidy-profile", "Complete", null);
        assertThat(reconcile("tidy").getStatus().phase()).isEqualTo(Phase.Succeeded);

        reconcile("tidy");

        assertThat(jobs()).isEmpty();
        assertThat(events("tidy")).extracting(Event::getReason).contains("JobsRemoved");
    }

    @Test
    void deletingAResourceRemovesItsStatusKeys() {
        DatasetJob job = create(Resources.datasetJob(NS, "bye", "samples/titanic.csv"));
        runnerReports(TaskStatus.queued("bye", TaskKind.PROFILE, "bye", "titanic.csv", Instant.now()));

        datasets.cleanup(job);

        assertThat(results.has(NS, "bye")).isFalse();
    }

    @Test
    void aSpecWithAPathForASourceIsRefusedWithoutAJob() {
        create(Resources.datasetJob(NS, "sneaky", "../../etc/passwd"));

        DatasetJob after = reconcile("sneaky");

        assertThat(after.getStatus().phase()).isEqualTo(Phase.Failed);
        assertThat(after.getStatus().message()).contains("spec.source").contains("not an artifact key");
        assertThat(jobs()).isEmpty();
    }

    @Test
    void aRunWaitsForItsDatasetThenStartsWithThePlanFixedInItsJob() {
        create(Resources.datasetJob(NS, "titanic", "samples/titanic.csv"));
        client.resource(Resources.assistantRun(NS, "seed", "titanic", Resources.SEED_PLAN))
                .create();

        AssistantRun waiting = reconcileRun("seed");

        assertThat(waiting.getStatus().phase()).isEqualTo(Phase.Pending);
        assertThat(waiting.getStatus().message()).contains("waiting for DatasetJob titanic");
        assertThat(jobs()).isEmpty();

        reconcile("titanic");
        finishJob("titanic-profile", "Complete", null);
        reconcile("titanic");
        AssistantRun started = reconcileRun("seed");

        assertThat(started.getStatus().jobName()).isEqualTo("seed-run");
        Job job =
                client.batch().v1().jobs().inNamespace(NS).withName("seed-run").get();
        var container = job.getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertThat(container.getArgs())
                .containsSequence(
                        "apply-run", "--job-id", "titanic", "--run-id", "seed", "--source", "samples/titanic.csv");
        String plan = container.getEnv().stream()
                .filter(e -> e.getName().equals("ASSAY_PLAN"))
                .map(EnvVar::getValue)
                .findFirst()
                .orElseThrow();
        assertThat(PlanReader.read(plan)).isEqualTo(PlanReader.read(Resources.SEED_PLAN));
        assertThat(job.getMetadata().getLabels())
                .containsEntry("assay.dev/assistant-run", "seed")
                .containsEntry("assay.dev/dataset-job", "titanic");
    }

    @Test
    void anInvalidPlanFailsTheRunWithTheValidatorsWordsAndNoJob() {
        client.resource(Resources.assistantRun(NS, "badplan", "titanic", """
                {"explanation": "x", "actions": [{"type": "impute", "params": {"strategy": "average"}}]}""")).create();

        AssistantRun after = reconcileRun("badplan");

        assertThat(after.getStatus().phase()).isEqualTo(Phase.Failed);
        assertThat(after.getStatus().message()).contains("spec.plan: actions[0] (impute) strategy");
        assertThat(jobs()).isEmpty();
    }

    @Test
    void aSpecChangedAfterTheRunStartedIsReportedAndDoesNotChangeTheJob() {
        create(Resources.datasetJob(NS, "titanic", "samples/titanic.csv"));
        reconcile("titanic");
        finishJob("titanic-profile", "Complete", null);
        reconcile("titanic");
        client.resource(Resources.assistantRun(NS, "change", "titanic", Resources.SEED_PLAN))
                .create();
        reconcileRun("change");
        Job before = client.batch()
                .v1()
                .jobs()
                .inNamespace(NS)
                .withName("change-run")
                .get();

        AssistantRun edited = client.resources(AssistantRun.class)
                .inNamespace(NS)
                .withName("change")
                .get();
        AssistantRunSpec spec = edited.getSpec();
        edited.setSpec(new AssistantRunSpec(
                spec.datasetRef(),
                PlanReader.read(Resources.SEED_PLAN.replace("median", "mean")),
                spec.prompt(),
                spec.runName(),
                spec.resources(),
                spec.activeDeadlineSeconds()));
        edited.getMetadata().setGeneration(edited.getMetadata().getGeneration() + 1);
        client.resource(edited).update();
        AssistantRun after = reconcileRun("change");

        assertThat(Conditions.isTrue(after.getStatus().conditions(), "SpecChanged"))
                .isTrue();
        assertThat(after.getStatus().observedGeneration())
                .isLessThan(after.getMetadata().getGeneration());
        Job job = client.batch()
                .v1()
                .jobs()
                .inNamespace(NS)
                .withName("change-run")
                .get();
        assertThat(job.getSpec()).isEqualTo(before.getSpec());
        assertThat(jobs()).hasSize(2);
    }

    @Test
    void aDeletedResourceIsLeftAloneItsJobGoesWithItByOwnerReference() {
        create(Resources.datasetJob(NS, "gone", "samples/titanic.csv"));
        DatasetJob stale = reconcile("gone");
        client.resources(DatasetJob.class).inNamespace(NS).withName("gone").delete();
        finishJob("gone-profile", "Complete", null);

        datasets.reconcile(stale, null);

        assertThat(client.resources(DatasetJob.class)
                        .inNamespace(NS)
                        .withName("gone")
                        .get())
                .isNull();
        assertThat(jobs())
                .singleElement()
                .satisfies(job -> assertThat(job.getMetadata().getOwnerReferences())
                        .singleElement()
                        .satisfies(owner -> assertThat(owner.getName()).isEqualTo("gone")));
        assertThat(stale.getMetadata().getFinalizers()).isNullOrEmpty();
    }

    @Test
    void aNewOperatorPicksUpARunningTaskWithoutStartingItAgain() {
        create(Resources.datasetJob(NS, "restart", "samples/titanic.csv"));
        reconcile("restart");
        operatorParts();

        DatasetJob after = reconcile("restart");

        assertThat(jobs()).hasSize(1);
        assertThat(after.getStatus().jobName()).isEqualTo("restart-profile");
    }
}
