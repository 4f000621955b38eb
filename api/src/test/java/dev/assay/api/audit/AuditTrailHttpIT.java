package dev.assay.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.api.HttpApi;
import dev.assay.model.json.Json;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The audit trail over real HTTP on a real PostgreSQL: one whole flow (upload, ask, apply, download, delete) leaves
 * one event each with the request's id, the facts of the request and never a value of the data; the trail reads
 * back with filters and paging and exports as JSON Lines; and no statement of the api's own connection can change
 * or remove an event.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditTrailHttpIT {

    @TempDir
    static Path data;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("assay.data-dir", () -> data.toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aWholeFlowLeavesOneEventPerStepWithTheRequestIdAndNoDataValues() throws Exception {
        HttpApi api = new HttpApi(port);
        byte[] titanic = Files.readAllBytes(Path.of("../examples/datasets/titanic.csv"));
        HttpApi.Answer uploaded = api.upload("titanic.csv", titanic);
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(202);
        String jobId = uploaded.json().path("job_id").asText();
        await().atMost(Duration.ofMinutes(2))
                .until(() -> api.get("/api/v1/jobs/" + jobId + "/status")
                        .json()
                        .path("status")
                        .asText()
                        .equals("done"));

        HttpApi.Answer asked = api.postJson(
                "/api/v1/assistant",
                Map.of("job_id", jobId, "prompt", "fill missing values and train a classifier on Survived"));
        assertThat(asked.status()).as(asked.text()).isEqualTo(200);
        List<Object> actions = Json.mapper().convertValue(asked.json().path("actions"), List.class);
        HttpApi.Answer applied = api.postJson(
                "/api/v1/assistant/apply",
                Map.of(
                        "job_id",
                        jobId,
                        "actions",
                        actions,
                        "prompt",
                        "fill missing values and train a classifier on Survived"));
        assertThat(applied.status()).as(applied.text()).isEqualTo(202);
        String runId = applied.json().path("run_id").asText();
        await().atMost(Duration.ofMinutes(2))
                .until(() -> api.get("/api/v1/jobs/" + jobId + "/runs/" + runId)
                        .json()
                        .path("status")
                        .asText()
                        .matches("done|failed"));
        HttpApi.Answer downloaded = api.get("/api/v1/artifacts/" + jobId + "/runs/" + runId + "/cleaned.csv");
        assertThat(downloaded.status()).isEqualTo(200);
        HttpApi.Answer refused = api.get("/api/v1/artifacts/" + jobId + "/nothing-such.bin");
        assertThat(refused.status()).isEqualTo(404);
        HttpApi.Answer deleted = api.send(
                HttpRequest.newBuilder(api.uri("/api/v1/jobs/" + jobId)).DELETE());
        assertThat(deleted.status()).isEqualTo(204);

        JsonNode page =
                api.get("/api/v1/audit?dataset_id=" + jobId + "&size=50").json();
        List<String> actionsSeen = new ArrayList<>();
        page.path("events")
                .forEach(e -> actionsSeen.add(
                        e.path("action").asText() + ":" + e.path("outcome").asText()));
        // Newest first.
        assertThat(actionsSeen)
                .containsExactly(
                        "delete:success",
                        "download:failure",
                        "download:success",
                        "apply:success",
                        "assistant:success",
                        "upload:success");
        assertThat(page.path("total").asLong()).isEqualTo(6);
        JsonNode events = page.path("events");
        assertThat(events.get(5).path("request_id").asText())
                .isEqualTo(uploaded.header("X-Request-Id").orElseThrow());
        assertThat(events.get(5).path("details").path("file").asText()).isEqualTo("titanic.csv");
        assertThat(events.get(5).path("details").path("bytes").asLong()).isEqualTo(titanic.length);
        assertThat(events.get(5).path("actor").asText()).isEqualTo("local");
        JsonNode assistant = events.get(4);
        assertThat(assistant.path("request_id").asText())
                .isEqualTo(asked.header("X-Request-Id").orElseThrow());
        assertThat(assistant.path("details").path("prompt").asText()).contains("classifier on Survived");
        assertThat(assistant.path("details").path("provider").asText()).isEqualTo("built-in");
        // The built-in planner sends nothing out of Assay: zero bytes, and the SHA-256 of nothing.
        assertThat(assistant.path("details").path("bytes_sent").asLong()).isZero();
        assertThat(assistant.path("details").path("sha256_sent").asText())
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(new byte[0])));
        assertThat(events.get(3).path("run_id").asText()).isEqualTo(runId);
        assertThat(events.get(2).path("details").path("artifact").asText()).isEqualTo("runs/" + runId + "/cleaned.csv");
        assertThat(events.get(1).path("details").path("status").asInt()).isEqualTo(404);
        // Names and counts, never a value from the data (Titanic's passengers' names).
        assertThat(page.toString()).doesNotContain("Braund", "Cumings", "Heikkinen");

        assertThat(api.get("/api/v1/audit?action=apply&dataset_id=" + jobId)
                        .json()
                        .path("events"))
                .hasSize(1);
        JsonNode second =
                api.get("/api/v1/audit?dataset_id=" + jobId + "&size=2&page=1").json();
        assertThat(second.path("events")).hasSize(2);
        assertThat(second.path("events").get(0).path("action").asText()).isEqualTo("download");

        HttpApi.Answer export = api.get("/api/v1/audit/export?dataset_id=" + jobId);
        assertThat(export.header("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/jsonl"));
        List<String> lines = export.text().lines().toList();
        assertThat(lines).hasSize(6);
        assertThat(Json.mapper().readTree(lines.getFirst()).path("action").asText())
                .isEqualTo("upload");
        assertThat(Json.mapper().readTree(lines.getLast()).path("action").asText())
                .isEqualTo("delete");
    }

    @Test
    void aFilterThatCannotBeReadIsAProblemNamingIt() {
        HttpApi api = new HttpApi(port);
        assertThat(api.get("/api/v1/audit?action=launch")
                        .problem(400)
                        .path("detail")
                        .asText())
                .contains("'action'");
        assertThat(api.get("/api/v1/audit?from=yesterday")
                        .problem(400)
                        .path("detail")
                        .asText())
                .contains("'from'");
        assertThat(api.get("/api/v1/audit?size=0").problem(400).path("detail").asText())
                .isNotBlank();
    }

    @Test
    void theApplicationsOwnConnectionCanNeitherChangeNorRemoveAnEvent() {
        HttpApi api = new HttpApi(port);
        api.get("/api/v1/artifacts/j-none/report.html");
        long before =
                jdbc.sql("select count(*) from audit_events").query(Long.class).single();
        assertThat(before).isPositive();
        String snapshot = jdbc.sql(
                        "select string_agg(id || actor || action || outcome || details::text, ',' order by id) "
                                + "from audit_events")
                .query(String.class)
                .single();

        assertThatThrownBy(() -> jdbc.sql("update audit_events set actor = 'someone else'")
                        .update())
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_events").update())
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate audit_events").update())
                .rootCause()
                .hasMessageContaining("append-only");

        assertThat(jdbc.sql("select string_agg(id || actor || action || outcome || details::text, ',' order by id) "
                                + "from audit_events")
                        .query(String.class)
                        .single())
                .isEqualTo(snapshot);
    }
}
