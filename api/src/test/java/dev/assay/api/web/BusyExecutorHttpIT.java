package dev.assay.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.ApiOverHttp;
import dev.assay.api.HttpApi;
import dev.assay.api.executor.Executor;
import dev.assay.api.executor.ExecutorBusyException;
import dev.assay.runner.storage.ArtifactStore;
import dev.assay.runner.storage.StatusStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** When the executor cannot take work, an upload is answered 503 with Retry-After and nothing is kept. */
@ApiOverHttp
class BusyExecutorHttpIT {

    /** An executor whose queue is full, as the local one is under a burst of uploads. */
    @TestConfiguration
    static class FullQueue {
        @Bean
        @Primary
        Executor fullExecutor() {
            return () -> {
                throw new ExecutorBusyException(
                        "the server is busy: 2 tasks are running and 32 are waiting; try again in 30 seconds",
                        Duration.ofSeconds(30));
            };
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    ArtifactStore artifacts;

    @Autowired
    StatusStore statuses;

    @Test
    void aFullQueueIs503WithRetryAfterAndTheUploadIsNotKept() throws Exception {
        HttpApi.Answer answer =
                new HttpApi(port).upload("tips.csv", "total_bill,tip\n16.99,1.01\n".getBytes(StandardCharsets.UTF_8));

        assertThat(answer.problem(503).path("detail").asText()).contains("busy", "try again");
        assertThat(answer.header("Retry-After")).contains("30");
        assertThat(statuses.jobs(10)).isEmpty();
        assertThat(artifacts.list("")).isEmpty();
    }
}
