package dev.assay.api.executor.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.api.ApiOverHttp;
import dev.assay.api.HttpApi;
import dev.assay.api.metadata.Metadata;
import dev.assay.model.crd.assistantrun.AssistantRun;
import dev.assay.model.crd.assistantrun.AssistantRunSpec;
import dev.assay.model.crd.datasetjob.DatasetJob;
import dev.assay.model.plan.validation.PlanReader;
import dev.assay.model.status.TaskKind;
import dev.assay.model.status.TaskStatus;
import dev.assay.runner.storage.StatusStore;
import io.fabric8.kubernetes.api.model.FieldsV1;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The api with {@code assay.executor=kubernetes}: an upload creates a DatasetJob in the configured namespace
 * (against the fabric8 mock API server), and a run reported to Redis by a runner pod — for example of an
 * AssistantRun applied with kubectl — appears in the dataset's history, read-only and attributed to the program
 * that created it (Kubernetes keeps no more).
 */
@ApiOverHttp
class KubernetesModeHttpIT {

    @Value("${assay.data-dir}")
    Path data;

    private static final String PREFIX = "assay-k8s-mode-" + UUID.randomUUID() + ":";

    /** One CRUD mock API server for the Spring context's whole life (the JUnit extension would renew it per test). */
    private static final KubernetesMockServer SERVER = new KubernetesMockServer(
            new io.fabric8.mockwebserver.Context(),
            new io.fabric8.mockwebserver.MockWebServer(),
            new java.util.HashMap<>(),
            new io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher(),
            true);

    static {
        SERVER.init();
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("assay.executor", () -> "kubernetes");
        registry.add("assay.kubernetes.namespace", () -> "assay");
        // As the chart sets it with the operator's admission webhook installed.
        registry.add("assay.kubernetes.creator-annotation", () -> "true");
        registry.add("assay.redis.url", () -> "redis://127.0.0.1:6379");
        registry.add("assay.redis.key-prefix", () -> PREFIX);
        registry.add("assay.redis.ttl", () -> "2m");
    }

    @TestConfiguration
    static class MockCluster {
        @Bean
        @org.springframework.context.annotation.Primary
        KubernetesClient mockKubernetesClient() {
            return SERVER.createClient();
        }
    }

    @AfterAll
    static void stopServer() {
        SERVER.destroy();
    }

    @LocalServerPort
    int port;

    @Autowired
    StatusStore statuses;

    @Autowired
    KubernetesClient client;

    @Autowired
    Metadata metadata;

    @Test
    void anUploadBecomesADatasetJobAndARunnersReportShowsInTheHistory() throws Exception {
        HttpApi api = new HttpApi(port);
        HttpApi.Answer accepted =
                api.upload("titanic.csv", Files.readAllBytes(Path.of("../examples/datasets/titanic.csv")));
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        String jobId = accepted.json().path("job_id").asText();

        DatasetJob job = client.resources(DatasetJob.class)
                .inNamespace("assay")
                .withName(jobId)
                .get();
        assertThat(job).isNotNull();
        assertThat(job.getSpec().source()).isEqualTo(jobId + "/source.csv");
        // The runner protocol's keys on a cluster carry the namespace: the file and the status record are the
        // namespace's own, where that namespace's runner pods read and write.
        assertThat(data.resolve("assay/" + jobId + "/source.csv")).isRegularFile();
        assertThat(data.resolve(jobId)).doesNotExist();
        try (redis.clients.jedis.RedisClient keys = redis.clients.jedis.RedisClient.builder()
                .fromURI("redis://127.0.0.1:6379")
                .build()) {
            assertThat(keys.exists(dev.assay.model.protocol.TaskScope.namespace("assay")
                            .statusKeys(PREFIX)
                            .task(jobId)))
                    .isTrue();
        }
        assertThat(api.get("/api/v1/jobs/" + jobId + "/status")
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("queued");

        // What a runner pod of a kubectl-applied AssistantRun writes:
        statuses.put(TaskStatus.queued("by-kubectl", TaskKind.RUN, jobId, "applied by hand", Instant.now())
                .progress(40, "training random_forest", Instant.now()));

        JsonNode status = api.get("/api/v1/jobs/" + jobId + "/status").json();
        assertThat(status.path("runs").findValuesAsText("run_id")).contains("by-kubectl");
        assertThat(status.path("ai_result").path("stage").asText()).isEqualTo("training random_forest");
    }

    @Test
    void anAssistantRunCreatedWithKubectlIsShownReadOnlyWithTheProgramThatMadeItAndIsNotDeletedThroughAssay()
            throws Exception {
        HttpApi api = new HttpApi(port);
        HttpApi.Answer accepted =
                api.upload("titanic.csv", Files.readAllBytes(Path.of("../examples/datasets/titanic.csv")));
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        String jobId = accepted.json().path("job_id").asText();

        // An AssistantRun as `kubectl apply -f run.yaml` leaves it on the API server: kubectl wrote the spec, the
        // operator the status, and nothing says which person ran kubectl.
        AssistantRun byHand = new AssistantRun();
        byHand.setMetadata(new ObjectMetaBuilder()
                .withName("by-hand")
                .withNamespace("assay")
                .withManagedFields(
                        writer("kubectl-client-side-apply", "2026-12-01T10:00:00Z", "f:metadata", "f:spec"),
                        writer("assistantrunreconciler", "2026-12-01T10:00:01Z", "f:status"))
                .build());
        byHand.setSpec(new AssistantRunSpec(jobId, PlanReader.read("""
                {"explanation": "x", "actions": [{"type": "drop_duplicates", "params": {}}]}"""), null, "by hand", null, null));
        client.resource(byHand).create();
        statuses.put(TaskStatus.queued("by-hand", TaskKind.RUN, jobId, "by hand", Instant.now()));
        // A run the api started itself, recorded with its owner before it was queued.
        metadata.runCreated(
                "r-through-assay",
                jobId,
                "through assay",
                "local",
                "local",
                Metadata.Origin.API,
                "{\"explanation\": \"x\", \"actions\": []}",
                java.util.Optional.empty(),
                Instant.now());
        statuses.put(TaskStatus.queued("r-through-assay", TaskKind.RUN, jobId, "through assay", Instant.now()));
        // Its AssistantRun carries a creator annotation (the api's own account, or anything): the database decides.
        AssistantRun ownResource = new AssistantRun();
        ownResource.setMetadata(new ObjectMetaBuilder()
                .withName("r-through-assay")
                .withNamespace("assay")
                .withAnnotations(java.util.Map.of("assay.dev/created-by", "mallory"))
                .withManagedFields(writer("fabric8-kubernetes-client", "2026-12-01T10:00:00Z", "f:metadata", "f:spec"))
                .build());
        ownResource.setSpec(byHand.getSpec());
        client.resource(ownResource).create();
        // An AssistantRun made with kubectl while the operator's admission webhook recorded who made it.
        AssistantRun byAlice = new AssistantRun();
        byAlice.setMetadata(new ObjectMetaBuilder()
                .withName("by-alice")
                .withNamespace("assay")
                .withAnnotations(java.util.Map.of(
                        "assay.dev/created-by", "alice", "assay.dev/created-by-groups", "[\"team-a\"]"))
                .withManagedFields(writer("kubectl-create", "2026-12-01T10:00:00Z", "f:metadata", "f:spec"))
                .build());
        byAlice.setSpec(byHand.getSpec());
        client.resource(byAlice).create();
        statuses.put(TaskStatus.queued("by-alice", TaskKind.RUN, jobId, "by alice", Instant.now()));

        JsonNode runs = api.get("/api/v1/jobs/" + jobId + "/status").json().path("runs");
        JsonNode kubectl = run(runs, "by-hand").path("origin");
        assertThat(kubectl.path("via").asText()).isEqualTo("kubernetes");
        assertThat(kubectl.path("tool").asText()).isEqualTo("kubectl-client-side-apply");
        assertThat(kubectl.path("user").isNull())
                .as("no annotation: the person is not recorded, and not guessed: %s", kubectl)
                .isTrue();
        assertThat(kubectl.path("read_only").asBoolean()).isTrue();
        JsonNode alice = run(runs, "by-alice").path("origin");
        assertThat(alice.path("via").asText()).isEqualTo("kubernetes");
        assertThat(alice.path("user").asText()).isEqualTo("alice");
        assertThat(alice.path("tool").asText()).isEqualTo("kubectl-create");
        assertThat(alice.path("read_only").asBoolean()).isTrue();
        JsonNode own = run(runs, "r-through-assay").path("origin");
        assertThat(own.path("via").asText()).isEqualTo("api");
        assertThat(own.path("user").asText()).isEqualTo("local");
        assertThat(own.path("read_only").asBoolean()).isFalse();

        HttpApi.Answer refused = api.send(HttpRequest.newBuilder(api.uri("/api/v1/jobs/" + jobId + "/runs/by-hand"))
                .DELETE());
        assertThat(refused.problem(409).path("detail").asText())
                .contains("kubectl-client-side-apply", "kubectl delete assistantrun by-hand");
        assertThat(client.resources(AssistantRun.class)
                        .inNamespace("assay")
                        .withName("by-hand")
                        .get())
                .isNotNull();
        assertThat(statuses.get("by-hand")).isPresent();
    }

    private static JsonNode run(JsonNode runs, String id) {
        for (JsonNode run : runs) {
            if (run.path("run_id").asText().equals(id)) {
                return run;
            }
        }
        throw new AssertionError("no run " + id + " in " + runs);
    }

    private static ManagedFieldsEntry writer(String manager, String time, String... fields) {
        FieldsV1 written = new FieldsV1();
        for (String field : fields) {
            written.setAdditionalProperty(field, java.util.Map.of());
        }
        return new ManagedFieldsEntryBuilder()
                .withManager(manager)
                .withOperation("Update")
                .withApiVersion("assay.dev/v1alpha1")
                .withTime(time)
                .withFieldsType("FieldsV1")
                .withFieldsV1(written)
                .build();
    }
}
