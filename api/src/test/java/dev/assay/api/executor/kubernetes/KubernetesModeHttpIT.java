package dev.assay.api.executor.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.api.ApiOverHttp;
import dev.assay.api.HttpApi;
import dev.assay.model.crd.datasetjob.DatasetJob;
import dev.assay.model.status.TaskKind;
import dev.assay.model.status.TaskStatus;
import dev.assay.runner.storage.StatusStore;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The api with {@code assay.executor=kubernetes}: an upload creates a DatasetJob in the configured namespace
 * (against the fabric8 mock API server), and a run reported to Redis by a runner pod — for example of an
 * AssistantRun applied with kubectl — appears in the dataset's history.
 */
@ApiOverHttp
class KubernetesModeHttpIT {

    @Value("${assay.data-dir}")
    Path data;

    private static final String PREFIX = "assay-k8s-mode-" + UUID.randomUUID() + ":";

    /** One CRUD mock API server for the Spring context's whole life (the JUnit extension would renew it per test). */
    private static final KubernetesMockServer SERVER = new KubernetesMockServer(new io.fabric8.mockwebserver.Context(),
            new io.fabric8.mockwebserver.MockWebServer(), new java.util.HashMap<>(),
            new io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher(), true);

    static {
        SERVER.init();
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("assay.executor", () -> "kubernetes");
        registry.add("assay.kubernetes.namespace", () -> "assay");
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

    @Test
    void anUploadBecomesADatasetJobAndARunnersReportShowsInTheHistory() throws Exception {
        HttpApi api = new HttpApi(port);
        HttpApi.Answer accepted = api.upload("titanic.csv", Files.readAllBytes(Path.of("../examples/datasets/titanic.csv")));
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        String jobId = accepted.json().path("job_id").asText();

        DatasetJob job = client.resources(DatasetJob.class).inNamespace("assay").withName(jobId).get();
        assertThat(job).isNotNull();
        assertThat(job.getSpec().source()).isEqualTo(jobId + "/source.csv");
        // The runner protocol's keys on a cluster carry the namespace: the file and the status record are the
        // namespace's own, where that namespace's runner pods read and write.
        assertThat(data.resolve("assay/" + jobId + "/source.csv")).isRegularFile();
        assertThat(data.resolve(jobId)).doesNotExist();
        try (redis.clients.jedis.RedisClient keys = redis.clients.jedis.RedisClient.builder()
                .fromURI("redis://127.0.0.1:6379").build()) {
            assertThat(keys.exists(dev.assay.model.protocol.TaskScope.namespace("assay").statusKeys(PREFIX).task(jobId)))
                    .isTrue();
        }
        assertThat(api.get("/api/v1/jobs/" + jobId + "/status").json().path("status").asText()).isEqualTo("queued");

        // What a runner pod of a kubectl-applied AssistantRun writes:
        statuses.put(TaskStatus.queued("by-kubectl", TaskKind.RUN, jobId, "applied by hand", Instant.now())
                .progress(40, "training random_forest", Instant.now()));

        JsonNode status = api.get("/api/v1/jobs/" + jobId + "/status").json();
        assertThat(status.path("runs").findValuesAsText("run_id")).contains("by-kubectl");
        assertThat(status.path("ai_result").path("stage").asText()).isEqualTo("training random_forest");
    }
}
