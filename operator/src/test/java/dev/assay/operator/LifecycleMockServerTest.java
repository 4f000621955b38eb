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
import dev.assay.model.json.Json;
import dev.assay.model.plan.PlanReader;
import dev.assay.model.profile.ProfileSummary;
import dev.assay.model.status.TaskKind;
import dev.assay.model.status.TaskStatus;
import dev.assay.operator.assistantrun.AssistantRunWorkload;
import dev.assay.operator.datasetjob.DatasetJobWorkload;
import dev.assay.operator.jobs.RunnerJobs;
import dev.assay.operator.lifecycle.Lifecycle;
import dev.assay.operator.results.RunnerResults;
import dev.assay.operator.status.StatusWriter;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * The lifecycle against the fabric8 mock API server in CRUD mode, reconciled step by step (no informers, so
 * every step is deterministic), with runner results in the real Redis.
 */
@EnableKubernetesMockClient(crud = true)
class LifecycleMockServerTest {

    static final String NS = "test";

    KubernetesClient client;

    private final String prefix = "assay-op-test-" + UUID.randomUUID() + ":";
    private RedisClient redis;
    private RunnerResults results;
    private StatusWriter writer;
    private Lifecycle<DatasetJob, DatasetJobStatus> datasets;
    private Lifecycle<AssistantRun, AssistantRunStatus> runs;

    @BeforeEach
    void operatorParts() {
        redis = RedisClient.builder().fromURI("redis://127.0.0.1:6379").build();
        results = new RunnerResults(Optional.of("redis://127.0.0.1:6379"), prefix);
        writer = new StatusWriter(client);
        RunnerJobs jobs = new RunnerJobs(Resources.settings(NS, Optional.empty(), prefix));
        datasets = new Lifecycle<>(new DatasetJobWorkload(jobs), client, results, writer, Clock.systemUTC(), Duration.ofSeconds(1));
        runs = new Lifecycle<>(new AssistantRunWorkload(jobs, client), client, results, writer, Clock.systemUTC(),
                Duration.ofSeconds(1));
    }

    @AfterEach
    void cleanRedis() {
        redis.keys(prefix + "*").forEach(redis::del);
        redis.close();
        results.close();
    }

    private DatasetJob create(DatasetJob job) {
        return client.resource(job).create();
    }

    private DatasetJob reconcile(String name) {
        DatasetJob current = client.resources(DatasetJob.class).inNamespace(NS).withName(name).get();
        datasets.reconcile(current, null);
        return client.resources(DatasetJob.class).inNamespace(NS).withName(name).get();
    }

    private AssistantRun reconcileRun(String name) {
        AssistantRun current = client.resources(AssistantRun.class).inNamespace(NS).withName(name).get();
        runs.reconcile(current, null);
        return client.resources(AssistantRun.class).inNamespace(NS).withName(name).get();
    }

    private List<Job> jobs() {
        return client.batch().v1().jobs().inNamespace(NS).list().getItems();
    }

    private void finishJob(String name, String type, String message) {
        Job job = client.batch().v1().jobs().inNamespace(NS).withName(name).get();
        job.setStatus(new JobStatusBuilder().withStartTime("2026-11-24T16:00:00Z")
                .withCompletionTime(type.equals("Complete") ? "2026-11-24T16:00:09Z" : null)
                .withConditions(new JobConditionBuilder().withType(type).withStatus("True").withMessage(message).build())
                .build());
        client.batch().v1().jobs().inNamespace(NS).resource(job).updateStatus();
    }

    private void runnerReports(TaskStatus status) {
        redis.set(prefix + "task:" + status.id(), Json.write(status));
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
        assertThat(job.getMetadata().getLabels()).containsEntry("assay.dev/dataset-job", "titanic")
                .containsEntry("app.kubernetes.io/component", "runner");
        assertThat(job.getSpec().getBackoffLimit()).isEqualTo(1);
        assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(1800);
        PodSpec pod = job.getSpec().getTemplate().getSpec();
        assertThat(job.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("assay.dev/dataset-job", "titanic");
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getServiceAccountName()).isEqualTo("assay-runner");
        assertThat(pod.getRestartPolicy()).isEqualTo("Never");
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(65532L);
        var container = pod.getContainers().getFirst();
        assertThat(container.getArgs()).containsExactly("profile-job", "--job-id", "titanic", "--source", "samples/titanic.csv");
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(container.getResources().getLimits()).containsKeys("cpu", "memory");
        assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(container.getEnvFrom()).singleElement().satisfies(e -> assertThat(e.getSecretRef().getName()).isEqualTo("assay-runtime"));
        assertThat(container.getVolumeMounts()).singleElement().satisfies(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
        assertThat(pod.getVolumes()).singleElement().satisfies(v -> assertThat(v.getEmptyDir()).isNotNull());

        assertThat(after.getStatus().phase()).isEqualTo(Phase.Pending);
        assertThat(after.getStatus().jobName()).isEqualTo("titanic-profile");
        assertThat(after.getStatus().observedGeneration()).isEqualTo(after.getMetadata().getGeneration());
        assertThat(Conditions.isTrue(after.getStatus().conditions(), "JobCreated")).isTrue();
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
                .profiled(new ProfileSummary(891, 12, 866, 0.081, 0, Map.of(), List.of(
                        new ProfileSummary.VariableSummary("Age", VariableKind.NUMERIC, ColumnType.DECIMAL, 177, 88)), List.of()),
                        Instant.now()));
        finishJob("done-profile", "Complete", null);

        DatasetJob after = reconcile("done");

        assertThat(after.getStatus().phase()).isEqualTo(Phase.Succeeded);
        assertThat(after.getStatus().rows()).isEqualTo(891);
        assertThat(after.getStatus().columns()).isEqualTo(12);
        assertThat(after.getStatus().progress()).isEqualTo(100);
        assertThat(after.getStatus().artifacts().report()).isEqualTo("done/report.html");
        assertThat(after.getStatus().completionTime()).isEqualTo("2026-11-24T16:00:09Z");
    }

    @Test
    void aFailedJobCarriesTheRunnersOwnMessage() {
        create(Resources.datasetJob(NS, "bad", "samples/broken.csv"));
        reconcile("bad");
        runnerReports(TaskStatus.queued("bad", TaskKind.PROFILE, "bad", "broken.csv", Instant.now())
                .failed("broken.csv, line 3: has 2 fields but the header has 12", Instant.now()));
        finishJob("bad-profile", "Failed", "Job has reached the specified backoff limit");

        DatasetJob after = reconcile("bad");

        assertThat(after.getStatus().phase()).isEqualTo(Phase.Failed);
        assertThat(after.getStatus().message()).contains("line 3: has 2 fields but the header has 12")
                .contains("backoff limit");
    }

    @Test
    void aFailedPodShowsAsRetryingAndItsLastWordsExplainTheFailure() {
        create(Resources.datasetJob(NS, "flaky", "samples/titanic.csv"));
        reconcile("flaky");
        client.pods().inNamespace(NS).resource(new PodBuilder().withNewMetadata().withName("flaky-profile-x7k2p")
                .addToLabels("job-name", "flaky-profile").endMetadata()
                .withNewStatus().addNewContainerStatus().withName("runner").withNewState().withNewTerminated()
                .withExitCode(1).withReason("Error").withFinishedAt("2026-11-24T16:00:05Z")
                .withMessage("starting\nerror: cannot reach Redis at redis://assay-redis:6379: Network is unreachable\n")
                .endTerminated().endState().endContainerStatus().endStatus().build()).create();
        Job job = client.batch().v1().jobs().inNamespace(NS).withName("flaky-profile").get();
        job.setStatus(new JobStatusBuilder().withStartTime("2026-11-24T16:00:00Z").withActive(1).withFailed(1).build());
        client.batch().v1().jobs().inNamespace(NS).resource(job).updateStatus();

        DatasetJob retrying = reconcile("flaky");

        assertThat(retrying.getStatus().phase()).isEqualTo(Phase.Running);
        assertThat(retrying.getStatus().conditions()).filteredOn(c -> c.type().equals("Retrying")).singleElement()
                .satisfies(c -> {
                    assertThat(c.status()).isEqualTo("True");
                    assertThat(c.message()).contains("failed 1 time of at most")
                            .contains("error: cannot reach Redis at redis://assay-redis:6379: Network is unreachable")
                            .contains("exit code 1").doesNotContain("starting");
                });

        finishJob("flaky-profile", "Failed", "Job has reached the specified backoff limit");
        DatasetJob after = reconcile("flaky");

        assertThat(after.getStatus().phase()).isEqualTo(Phase.Failed);
        assertThat(after.getStatus().message()).contains("Network is unreachable").contains("backoff limit");
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
        client.resource(Resources.assistantRun(NS, "seed", "titanic", Resources.SEED_PLAN)).create();

        AssistantRun waiting = reconcileRun("seed");

        assertThat(waiting.getStatus().phase()).isEqualTo(Phase.Pending);
        assertThat(waiting.getStatus().message()).contains("waiting for DatasetJob titanic");
        assertThat(jobs()).isEmpty();

        reconcile("titanic");
        finishJob("titanic-profile", "Complete", null);
        reconcile("titanic");
        AssistantRun started = reconcileRun("seed");

        assertThat(started.getStatus().jobName()).isEqualTo("seed-run");
        Job job = client.batch().v1().jobs().inNamespace(NS).withName("seed-run").get();
        var container = job.getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertThat(container.getArgs()).containsSequence("apply-run", "--job-id", "titanic", "--run-id", "seed",
                "--source", "samples/titanic.csv");
        String plan = container.getEnv().stream().filter(e -> e.getName().equals("ASSAY_PLAN")).map(EnvVar::getValue)
                .findFirst().orElseThrow();
        assertThat(PlanReader.read(plan)).isEqualTo(PlanReader.read(Resources.SEED_PLAN));
        assertThat(job.getMetadata().getLabels()).containsEntry("assay.dev/assistant-run", "seed")
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
        client.resource(Resources.assistantRun(NS, "change", "titanic", Resources.SEED_PLAN)).create();
        reconcileRun("change");
        Job before = client.batch().v1().jobs().inNamespace(NS).withName("change-run").get();

        AssistantRun edited = client.resources(AssistantRun.class).inNamespace(NS).withName("change").get();
        AssistantRunSpec spec = edited.getSpec();
        edited.setSpec(new AssistantRunSpec(spec.datasetRef(), PlanReader.read(Resources.SEED_PLAN.replace("median", "mean")),
                spec.prompt(), spec.runName(), spec.resources(), spec.activeDeadlineSeconds()));
        edited.getMetadata().setGeneration(edited.getMetadata().getGeneration() + 1);
        client.resource(edited).update();
        AssistantRun after = reconcileRun("change");

        assertThat(Conditions.isTrue(after.getStatus().conditions(), "SpecChanged")).isTrue();
        assertThat(after.getStatus().observedGeneration()).isLessThan(after.getMetadata().getGeneration());
        Job job = client.batch().v1().jobs().inNamespace(NS).withName("change-run").get();
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

        assertThat(client.resources(DatasetJob.class).inNamespace(NS).withName("gone").get()).isNull();
        assertThat(jobs()).singleElement().satisfies(job -> assertThat(job.getMetadata().getOwnerReferences())
                .singleElement().satisfies(owner -> assertThat(owner.getName()).isEqualTo("gone")));
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
