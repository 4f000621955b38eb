package dev.assay.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.assay.model.crd.assistantrun.AssistantRun;
import dev.assay.model.crd.common.Conditions;
import dev.assay.model.crd.common.Phase;
import dev.assay.model.crd.datasetjob.DatasetJob;
import dev.assay.model.json.Json;
import dev.assay.model.profile.ProfileSummary;
import dev.assay.model.protocol.StatusKeys;
import dev.assay.model.protocol.TaskScope;
import dev.assay.model.status.TaskKind;
import dev.assay.model.status.TaskStatus;
import dev.assay.operator.health.OperatorMetrics;
import dev.assay.operator.jobs.OperatorSettings;
import dev.assay.operator.results.RunnerResults;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.Operator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import redis.clients.jedis.RedisClient;

/**
 * The whole operator (JOSDK, informers, event sources) against a real Kubernetes 1.20 API server with the
 * generated CRDs. There is no controller-manager: the test plays the Job controller by setting Job conditions,
 * and plays the runner by writing its status record to the real Redis.
 */
@EnabledIfSystemProperty(
        named = "assay.k8s.enabled",
        matches = "true",
        disabledReason = "needs the Kubernetes 1.20 binaries of shared/k8s: run with -Pk8s, as .ci/run does")
class OperatorK8sIT {

    private static final String NS = "assay-it";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String PREFIX = "assay-it-" + UUID.randomUUID() + ":";
    /** Where runners of this namespace report (the protocol's keys, with the namespace). */
    private static final StatusKeys KEYS = TaskScope.namespace(NS).statusKeys(PREFIX);

    private static RealApiServer api;
    private static RedisClient redis;
    private static Operator operator;

    @BeforeAll
    static void start() throws Exception {
        api = RealApiServer.start(NS);
        redis = RedisClient.builder().fromURI("redis://127.0.0.1:6379").build();
        operator = startOperator();
    }

    private static Operator startOperator() {
        Operator started = OperatorMain.create(
                api.client,
                Resources.settings(NS, Optional.of("redis://127.0.0.1:6379"), PREFIX),
                RunnerResults.redis(Optional.of("redis://127.0.0.1:6379"), PREFIX),
                new OperatorMetrics(),
                true);
        started.start();
        return started;
    }

    @AfterAll
    static void stop() {
        if (operator != null) {
            operator.stop();
        }
        if (redis != null) {
            redis.keys(PREFIX + "*").forEach(redis::del);
            redis.close();
        }
        if (api != null) {
            api.close();
        }
    }

    private static DatasetJob dataset(String name) {
        return api.client
                .resources(DatasetJob.class)
                .inNamespace(NS)
                .withName(name)
                .get();
    }

    private static AssistantRun run(String name) {
        return api.client
                .resources(AssistantRun.class)
                .inNamespace(NS)
                .withName(name)
                .get();
    }

    private static Job job(String name) {
        return api.client.batch().v1().jobs().inNamespace(NS).withName(name).get();
    }

    private static void finishJob(String name, String type, String message) {
        Job job = job(name);
        job.setStatus(new JobStatusBuilder()
                .withStartTime(Instant.now().toString())
                .withCompletionTime(type.equals("Complete") ? Instant.now().toString() : null)
                .withConditions(new JobConditionBuilder()
                        .withType(type)
                        .withStatus("True")
                        .withMessage(message)
                        .build())
                .build());
        api.client.batch().v1().jobs().inNamespace(NS).resource(job).updateStatus();
    }

    private static void profiled(String name, long rows) {
        redis.set(
                KEYS.task(name),
                Json.write(TaskStatus.queued(name, TaskKind.PROFILE, name, "titanic.csv", Instant.now())
                        .profiled(
                                new ProfileSummary(rows, 12, 866, 0.08, 0, Map.of(), List.of(), List.of()),
                                Instant.now())));
    }

    private static void succeededDataset(String name) {
        api.client
                .resource(Resources.datasetJob(NS, name, "samples/titanic.csv"))
                .create();
        await().atMost(PATIENCE).until(() -> job(name + "-profile") != null);
        profiled(name, 891);
        finishJob(name + "-profile", "Complete", null);
        await().atMost(PATIENCE).until(() -> dataset(name).getStatus().phase() == Phase.Succeeded);
    }

    @Test
    void theApiServerRefusesAnActionThatIsNotOnTheWhitelist() {
        GenericKubernetesResource run = new GenericKubernetesResource();
        run.setApiVersion("assay.dev/v1alpha1");
        run.setKind("AssistantRun");
        run.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
                .withName("shell")
                .withNamespace(NS)
                .build());
        run.setAdditionalProperty(
                "spec",
                Map.of(
                        "datasetRef",
                        "titanic",
                        "plan",
                        Map.of(
                                "explanation",
                                "x",
                                "actions",
                                List.of(Map.of("type", "run_shell", "params", Map.of("cmd", "rm -rf /"))))));

        assertThatThrownBy(() -> api.client
                        .genericKubernetesResources("assay.dev/v1alpha1", "AssistantRun")
                        .inNamespace(NS)
                        .resource(run)
                        .create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(422);
                    assertThat(e.getMessage()).contains("run_shell");
                });
    }

    @Test
    void theCrdsGiveKubectlUsefulColumnsAndShortNames() {
        var crd = api.client
                .apiextensions()
                .v1()
                .customResourceDefinitions()
                .withName("assistantruns.assay.dev")
                .get();
        assertThat(crd.getSpec().getNames().getShortNames()).contains("arun");
        assertThat(crd.getSpec().getVersions().getFirst().getAdditionalPrinterColumns())
                .extracting(CustomResourceColumnDefinition::getName)
                .contains("Phase", "Rows", "Score", "Age");
        assertThat(crd.getSpec().getVersions().getFirst().getSubresources().getStatus())
                .isNotNull();
    }

    @Test
    void aDatasetJobRunsAsAJobAndItsResultReachesTheStatus() {
        api.client
                .resource(Resources.datasetJob(NS, "titanic", "samples/titanic.csv"))
                .create();

        await().atMost(PATIENCE).until(() -> job("titanic-profile") != null);
        Job job = job("titanic-profile");
        assertThat(job.getMetadata().getOwnerReferences())
                .singleElement()
                .satisfies(o -> assertThat(o.getUid())
                        .isEqualTo(dataset("titanic").getMetadata().getUid()));
        assertThat(job.getSpec().getTemplate().getSpec().getAutomountServiceAccountToken())
                .isFalse();
        await().atMost(PATIENCE)
                .until(() -> dataset("titanic").getStatus() != null
                        && Conditions.isTrue(dataset("titanic").getStatus().conditions(), "JobCreated"));

        profiled("titanic", 891);
        finishJob("titanic-profile", "Complete", null);

        await().atMost(PATIENCE).until(() -> dataset("titanic").getStatus().phase() == Phase.Succeeded);
        assertThat(dataset("titanic").getStatus().rows()).isEqualTo(891);
        assertThat(dataset("titanic").getStatus().artifacts().cleanedCsv()).isEqualTo(NS + "/titanic/cleaned.csv");
    }

    @Test
    void aFailedJobFailsTheResourceWithTheRunnersMessage() {
        api.client
                .resource(Resources.datasetJob(NS, "broken", "samples/broken.csv"))
                .create();
        await().atMost(PATIENCE).until(() -> job("broken-profile") != null);
        redis.set(
                KEYS.task("broken"),
                Json.write(TaskStatus.queued("broken", TaskKind.PROFILE, "broken", "broken.csv", Instant.now())
                        .failed("broken.csv, line 3: has 2 fields but the header has 12", Instant.now())));

        // No pod (no node here): the Job failed without a runner exit code, a failure of the machinery.
        finishJob("broken-profile", "Failed", "Job has reached the specified backoff limit");
        await().atMost(PATIENCE).until(() -> job("broken-profile-2") != null);
        // The Job is created before the status that names it is written.
        await().atMost(PATIENCE)
                .until(() -> Conditions.isTrue(dataset("broken").getStatus().conditions(), "Retrying"));

        finishJob("broken-profile-2", "Failed", "Job has reached the specified backoff limit");

        await().atMost(PATIENCE).until(() -> dataset("broken").getStatus().phase() == Phase.Failed);
        assertThat(dataset("broken").getStatus().message())
                .contains("line 3: has 2 fields")
                .contains("gave up after 2 attempts");
    }

    @Test
    void aRunStartsAfterItsDatasetAndKeepsItsSpecWhenEditedLater() {
        api.client
                .resource(Resources.assistantRun(NS, "seed", "seeded", Resources.SEED_PLAN))
                .create();
        await().atMost(PATIENCE)
                .until(() -> run("seed").getStatus() != null
                        && run("seed").getStatus().message() != null
                        && run("seed").getStatus().message().contains("waiting"));
        assertThat(job("seed-run")).isNull();

        succeededDataset("seeded");

        await().atMost(PATIENCE).until(() -> job("seed-run") != null);
        Job started = job("seed-run");
        AssistantRun edited = run("seed");
        edited.getSpec().plan().actions().getFirst();
        api.client
                .resources(AssistantRun.class)
                .inNamespace(NS)
                .withName("seed")
                .edit(r -> {
                    r.getMetadata().setAnnotations(Map.of("note", "edited"));
                    r.setSpec(new dev.assay.model.crd.assistantrun.AssistantRunSpec(
                            r.getSpec().datasetRef(),
                            dev.assay.model.plan.validation.PlanReader.read(
                                    Resources.SEED_PLAN.replace("median", "mean")),
                            r.getSpec().prompt(),
                            r.getSpec().runName(),
                            r.getSpec().resources(),
                            r.getSpec().activeDeadlineSeconds()));
                    return r;
                });

        await().atMost(PATIENCE)
                .until(() -> Conditions.isTrue(run("seed").getStatus().conditions(), "SpecChanged"));
        assertThat(job("seed-run").getSpec()).isEqualTo(started.getSpec());
    }

    @Test
    void aRestartedOperatorPicksUpWhereTheLastOneWas() {
        api.client
                .resource(Resources.datasetJob(NS, "restart", "samples/titanic.csv"))
                .create();
        await().atMost(PATIENCE).until(() -> job("restart-profile") != null);

        operator.stop();
        profiled("restart", 100);
        finishJob("restart-profile", "Complete", null);
        operator = startOperator();

        await().atMost(PATIENCE).until(() -> dataset("restart").getStatus().phase() == Phase.Succeeded);
        assertThat(api.client
                        .batch()
                        .v1()
                        .jobs()
                        .inNamespace(NS)
                        .withLabel("assay.dev/dataset-job", "restart")
                        .list()
                        .getItems())
                .hasSize(1);
        assertThat(dataset("restart").getStatus().rows()).isEqualTo(100);
    }

    @Test
    void stoppingTheLeaderHandsTheLeaseOverAtOnce() {
        OperatorSettings base = Resources.settings(NS, Optional.of("redis://127.0.0.1:6379"), PREFIX);
        OperatorSettings leading = new OperatorSettings(
                base.runnerImage(),
                base.runnerServiceAccount(),
                base.runnerSecret(),
                Set.of("lease-it"),
                base.redisUrl(),
                base.redisKeyPrefix(),
                NS,
                0,
                true,
                base.defaults(),
                Optional.empty());
        Operator leader = OperatorMain.create(api.client, leading, RunnerResults.none(), new OperatorMetrics(), true);
        leader.start();
        await().atMost(PATIENCE).until(() -> {
            var lease = api.client
                    .leases()
                    .inNamespace(NS)
                    .withName(OperatorMain.LEASE)
                    .get();
            return lease != null
                    && lease.getSpec().getHolderIdentity() != null
                    && !lease.getSpec().getHolderIdentity().isEmpty();
        });

        OperatorMain.stop(leader, api.client, leading);

        var lease =
                api.client.leases().inNamespace(NS).withName(OperatorMain.LEASE).get();
        assertThat(lease.getSpec().getHolderIdentity())
                .as("no holder: a successor takes over at its next try")
                .isEmpty();
        assertThat(lease.getSpec().getLeaseDurationSeconds()).isEqualTo(1);
    }

    @Test
    void deletingAResourceRemovesItsStatusKeys() {
        succeededDataset("bye");
        redis.set(KEYS.events("bye"), "x");
        redis.zadd(KEYS.jobs(), 1, "bye");
        assertThat(redis.exists(KEYS.task("bye"))).isTrue();

        api.client.resources(DatasetJob.class).inNamespace(NS).withName("bye").delete();

        await().atMost(PATIENCE).until(() -> dataset("bye") == null);
        assertThat(redis.exists(KEYS.task("bye"))).isFalse();
        assertThat(redis.exists(KEYS.events("bye"))).isFalse();
        assertThat(redis.zscore(KEYS.jobs(), "bye")).isNull();
    }
}
