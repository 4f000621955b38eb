package dev.assay.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.api.HttpApi;
import dev.assay.runner.storage.ArtifactStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The seed's whole flow over real HTTP with the real engine: upload Titanic, wait for the profile, download
 * the report and the cleaned CSV, apply the seed's plan, wait for the run, read the model's results. Each
 * subclass runs it against one combination of stores.
 */
abstract class FlowTest {

    static final Path DATASETS = Path.of("../examples/datasets");
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    @LocalServerPort
    int port;

    @Autowired
    ArtifactStore artifacts;

    HttpApi api;

    @BeforeEach
    void client() {
        api = new HttpApi(port);
    }

    static Map<String, Object> step(String type, Map<String, Object> params) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("type", type);
        step.put("params", params);
        return step;
    }

    /** The seed's plan: impute median, one-hot Sex, random forest on Survived. */
    static List<Map<String, Object>> seedPlan() {
        return List.of(
                step("impute", Map.of("strategy", "median", "columns", List.of())),
                step("encode", Map.of("columns", List.of("Sex"), "method", "onehot")),
                step("train_model", Map.of("task", "classification", "target", "Survived", "model", "random_forest")));
    }

    String upload(String fileName, byte[] content) {
        HttpApi.Answer accepted = api.upload(fileName, content);
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        return accepted.json().path("job_id").asText();
    }

    JsonNode awaitJob(String jobId) {
        await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> finished(api.get("/api/v1/jobs/" + jobId + "/status")
                        .json()
                        .path("status")
                        .asText()));
        return api.get("/api/v1/jobs/" + jobId + "/status").json();
    }

    String apply(String jobId, List<Map<String, Object>> actions, String runName) {
        HttpApi.Answer accepted = api.postJson(
                "/api/v1/assistant/apply",
                Map.of(
                        "job_id",
                        jobId,
                        "actions",
                        actions,
                        "explanation",
                        "Impute missing values, encode Sex, train a classifier on Survived.",
                        "run_name",
                        runName));
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        return accepted.json().path("run_id").asText();
    }

    JsonNode awaitRun(String jobId, String runId) {
        await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> finished(api.get("/api/v1/jobs/" + jobId + "/runs/" + runId)
                        .json()
                        .path("status")
                        .asText()));
        return api.get("/api/v1/jobs/" + jobId + "/runs/" + runId).json();
    }

    private static boolean finished(String status) {
        return status.equals("done") || status.equals("failed");
    }

    HttpApi.Answer download(String url) {
        HttpApi.Answer answer = api.get(url);
        assertThat(answer.status()).as("GET %s: %s", url, answer.status()).isEqualTo(200);
        return answer;
    }

    @Test
    void titanicFromUploadToATrainedModel() throws IOException {
        byte[] titanic = Files.readAllBytes(DATASETS.resolve("titanic.csv"));

        String jobId = upload("titanic.csv", titanic);
        JsonNode job = awaitJob(jobId);

        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("done");
        assertThat(job.path("progress").asInt()).isEqualTo(100);
        assertThat(job.path("summary").path("rows").asLong()).isEqualTo(891);
        assertThat(job.path("summary").path("columns").asInt()).isEqualTo(12);
        assertThat(job.path("summary").path("variables").findValuesAsText("name"))
                .contains("Age", "Sex", "Survived");
        HttpApi.Answer report = download(job.path("report_url").asText());
        assertThat(report.header("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(report.text()).contains("Survived");
        HttpApi.Answer cleaned = download(job.path("cleaned_csv_url").asText());
        assertThat(cleaned.header("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).contains("attachment"));
        List<String> lines = cleaned.text().lines().toList();
        assertThat(lines.getFirst()).contains("PassengerId", "Survived", "Sex");
        assertThat(lines).hasSize(892);
        assertThat(download(job.path("source_url").asText()).body()).isEqualTo(titanic);

        String runId = apply(jobId, seedPlan(), "seed plan");
        JsonNode run = awaitRun(jobId, runId);

        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("done");
        JsonNode latest = api.get("/api/v1/jobs/" + jobId + "/status").json().path("ai_result");
        assertThat(latest.path("run_id").asText()).isEqualTo(runId);
        assertThat(latest.path("run_name").asText()).isEqualTo("seed plan");
        assertThat(latest.path("actions_applied").asInt()).isEqualTo(3);
        JsonNode model = latest.path("result").path("model");
        assertThat(model.path("algorithm").asText()).isEqualTo("random_forest");
        assertThat(model.path("target").asText()).isEqualTo("Survived");
        assertThat(model.path("features").findValuesAsText("")).isEmpty();
        List<String> features = new ArrayList<>();
        model.path("features").forEach(f -> features.add(f.asText()));
        assertThat(features).isNotEmpty().doesNotContain("Survived").anyMatch(f -> f.startsWith("Sex_"));
        String metric = model.path("primary_metric").asText();
        double score = model.path("holdout").path("scores").path(metric).asDouble();
        double baseline = model.path("baseline").path("scores").path(metric).asDouble();
        assertThat(score)
                .as("%s of the forest against the majority baseline", metric)
                .isGreaterThan(baseline);
        assertThat(download(latest.path("report_url").asText()).text()).contains("random forest");
        assertThat(download(latest.path("cleaned_csv_url").asText())
                        .text()
                        .lines()
                        .findFirst()
                        .orElseThrow())
                .contains("Sex_");
        assertThat(download(latest.path("metrics_url").asText()).json().isObject())
                .isTrue();
        assertThat(download(latest.path("model_url").asText()).body()).isNotEmpty();
        assertThat(download(latest.path("plan_url").asText()).json().path("actions"))
                .hasSize(3);
    }

    @Test
    void aFailingRunLeavesTheUploadAndEarlierRunsIntact() throws IOException {
        // 'ok' is a boolean column: a run filling it with the text "maybe" passes validation but fails on the data.
        byte[] flags = "ok,n,group\n"
                .concat("true,1,a\n,2,b\nfalse,3,a\ntrue,4,b\n".repeat(10))
                .getBytes(StandardCharsets.UTF_8);
        String jobId = upload("flags.csv", flags);
        assertThat(awaitJob(jobId).path("status").asText()).isEqualTo("done");
        String good =
                apply(jobId, List.of(step("impute", Map.of("strategy", "mode", "columns", List.of("ok")))), "fill ok");
        assertThat(awaitRun(jobId, good).path("status").asText()).isEqualTo("done");
        List<String> keysBefore = artifacts.list(jobId + "/");
        Map<String, byte[]> before = new LinkedHashMap<>();
        for (String key : keysBefore) {
            before.put(key, read(key));
        }

        String bad = apply(
                jobId,
                List.of(step("impute", Map.of("strategy", "constant", "columns", List.of("ok"), "value", "maybe"))),
                "fill ok with text");
        JsonNode failed = awaitRun(jobId, bad);

        assertThat(failed.path("status").asText()).isEqualTo("failed");
        assertThat(failed.path("error").asText()).contains("'ok'", "maybe");
        assertThat(failed.path("report_url").isNull()).isTrue();
        JsonNode job = api.get("/api/v1/jobs/" + jobId + "/status").json();
        assertThat(job.path("status").asText()).isEqualTo("done");
        assertThat(job.path("ai_result").path("run_id").asText()).isEqualTo(bad);
        assertThat(job.path("runs")).hasSize(2);
        assertThat(job.path("runs").get(1).path("status").asText()).isEqualTo("done");
        List<String> keysAfter = artifacts.list(jobId + "/");
        assertThat(keysAfter).containsAll(keysBefore);
        assertThat(keysAfter)
                .filteredOn(k -> !keysBefore.contains(k))
                .containsExactly(jobId + "/runs/" + bad + "/plan.json");
        for (Map.Entry<String, byte[]> artifact : before.entrySet()) {
            assertThat(read(artifact.getKey())).as(artifact.getKey()).isEqualTo(artifact.getValue());
        }
        download(job.path("runs").get(1).path("report_url").asText());
    }

    private byte[] read(String key) throws IOException {
        try (var in = artifacts.open(key).orElseThrow()) {
            return in.readAllBytes();
        }
    }
}
