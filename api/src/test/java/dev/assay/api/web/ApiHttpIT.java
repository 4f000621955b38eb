package dev.assay.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.api.ApiOverHttp;
import dev.assay.api.HttpApi;
import dev.assay.api.TestProfiles;
import dev.assay.model.json.Json;
import dev.assay.model.plan.Plan;
import dev.assay.model.plan.PlanStep;
import dev.assay.model.plan.params.ActionType;
import dev.assay.model.status.TaskKind;
import dev.assay.model.status.TaskStatus;
import dev.assay.runner.storage.ArtifactStore;
import dev.assay.runner.storage.StatusStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The api over real HTTP, for everything that does not need the engine to have run: bad input of every kind,
 * the artifact endpoint's rules, plan validation against a dataset profiled beforehand, and the served
 * documents. Datasets are put into the stores as the executor would leave them.
 */
@ApiOverHttp(properties = {"assay.upload.max-size=3MB", "assay.executor-workers=1"})
class ApiHttpIT {

    @Value("${assay.data-dir}")
    Path data;

    @LocalServerPort
    int port;

    @Autowired
    ArtifactStore artifacts;

    @Autowired
    StatusStore statuses;

    private HttpApi api;

    @BeforeEach
    void profiledDatasets() throws IOException {
        api = new HttpApi(port);
        profiled("j-titanic");
        profiled("j-other");
        statuses.put(TaskStatus.queued("j-busy", TaskKind.PROFILE, "j-busy", "big.csv", Instant.now())
                .progress(40, "profiling columns", Instant.now()));
    }

    private void profiled(String jobId) throws IOException {
        put(jobId + "/source.csv", Files.readString(Path.of("../examples/datasets/titanic.csv")));
        put(jobId + "/cleaned.csv", "PassengerId,Survived\n1,0\n");
        put(jobId + "/report.html", "<html><body><h1>titanic.csv</h1></body></html>");
        put(jobId + "/profile.json", Json.write(TestProfiles.titanic()));
        statuses.put(
                TaskStatus.queued(jobId, TaskKind.PROFILE, jobId, "titanic.csv", Instant.parse("2026-11-24T15:00:00Z"))
                        .profiled(TestProfiles.titanic().summary(), Instant.parse("2026-11-24T15:00:01Z")));
    }

    private void put(String key, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        artifacts.put(key, new ByteArrayInputStream(bytes), bytes.length, "application/octet-stream");
    }

    private static Map<String, Object> step(String type, Map<String, Object> params) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("type", type);
        step.put("params", params);
        return step;
    }

    private static List<Map<String, Object>> seedPlan() {
        return List.of(
                step("impute", Map.of("strategy", "median", "columns", List.of())),
                step("encode", Map.of("columns", List.of("Sex"), "method", "onehot")),
                step("train_model", Map.of("task", "classification", "target", "Survived", "model", "random_forest")));
    }

    // ---- samples

    @Test
    void theExampleDatasetsAreOfferedAsSamplesAndOneStartsAJobLikeAnUpload() {
        JsonNode samples = api.get("/api/v1/samples").json();
        List<String> names = new java.util.ArrayList<>();
        samples.forEach(s -> names.add(s.path("name").asText()));
        assertThat(names).contains("titanic", "penguins", "tips");
        JsonNode titanic = java.util.stream.StreamSupport.stream(samples.spliterator(), false)
                .filter(s -> s.path("name").asText().equals("titanic"))
                .findFirst()
                .orElseThrow();
        assertThat(titanic.path("file_name").asText()).isEqualTo("titanic.csv");
        assertThat(titanic.path("size_bytes").asLong()).isEqualTo(60302);

        HttpApi.Answer accepted = api.postJson("/api/v1/samples/titanic/jobs", "{}");

        assertThat(accepted.status()).isEqualTo(202);
        String jobId = accepted.json().path("job_id").asText();
        assertThat(accepted.json().path("file_name").asText()).isEqualTo("titanic.csv");
        assertThat(accepted.header("Location"))
                .contains(accepted.json().path("status_url").asText());
        assertThat(statuses.get(jobId)).isPresent();
    }

    @Test
    void anUnknownSampleIsAProblemListingTheSamples() {
        JsonNode problem = api.postJson("/api/v1/samples/..%2F..%2Fetc%2Fpasswd/jobs", "{}")
                .problem(404);

        assertThat(problem.path("title").asText()).isIn("Unknown sample", "Not Found");
        JsonNode named = api.postJson("/api/v1/samples/nope/jobs", "{}").problem(404);
        assertThat(named.path("title").asText()).isEqualTo("Unknown sample");
        assertThat(named.path("detail").asText())
                .startsWith("there is no sample named 'nope'; the samples are: ")
                .contains("titanic");
    }

    // ---- upload

    @Test
    void anImageIsNotACsvWhateverItsName() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};

        JsonNode problem = api.upload("holiday.csv", png).problem(415);

        assertThat(problem.path("detail").asText()).isEqualTo("'holiday.csv' is not a CSV file: it is an image");
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThat(api.upload("empty.csv", new byte[0])
                        .problem(400)
                        .path("detail")
                        .asText())
                .contains("'empty.csv' is empty");
    }

    @Test
    void aFileOverTheLimitIsRefusedWith413AndNothingIsStored() throws IOException {
        int jobsBefore = statuses.jobs(1000).size();
        StringBuilder csv = new StringBuilder("a,b,c\n");
        while (csv.length() < 3_500_000) {
            csv.append("12345,67890,abcdefghij\n");
        }

        JsonNode problem = api.upload("big.csv", csv.toString().getBytes(StandardCharsets.UTF_8))
                .problem(413);

        assertThat(problem.path("detail").asText()).contains("larger than the upload limit of 3 MB");
        assertThat(statuses.jobs(1000)).hasSize(jobsBefore);
    }

    @Test
    void aFileLargerThanTheContainersFormLimitButUnderOursIsAccepted() throws IOException {
        byte[] diamonds = Files.readAllBytes(Path.of("../examples/datasets/diamonds.csv"));
        assertThat(diamonds.length).isGreaterThan(2 * 1024 * 1024);

        HttpApi.Answer answer = api.upload("diamonds.csv", diamonds);

        assertThat(answer.status()).as(answer.text()).isEqualTo(202);
        String jobId = answer.json().path("job_id").asText();
        assertThat(answer.header("Location")).contains("/api/v1/jobs/" + jobId + "/status");
        try (InputStream stored = artifacts.open(jobId + "/source.csv").orElseThrow()) {
            assertThat(stored.readAllBytes()).isEqualTo(diamonds);
        }
        JsonNode status = api.get("/api/v1/jobs/" + jobId + "/status").json();
        assertThat(status.path("file_name").asText()).isEqualTo("diamonds.csv");
        assertThat(status.path("status").asText()).isIn("queued", "running", "done", "failed");
    }

    @Test
    void anUploadWithoutItsFilePartSaysWhatToSend() {
        assertThat(api.upload("document", "data.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8))
                        .problem(400)
                        .path("detail")
                        .asText())
                .contains("multipart/form-data in a part named 'file'");
        assertThat(api.postJson("/api/v1/upload", "{}")
                        .problem(415)
                        .path("detail")
                        .asText())
                .contains("multipart/form-data");
    }

    // ---- jobs

    @Test
    void anUnknownJobIs404WithTheIdNamed() {
        assertThat(api.get("/api/v1/jobs/j-nothing/status")
                        .problem(404)
                        .path("detail")
                        .asText())
                .contains("no dataset with job id 'j-nothing'");
        api.get("/api/v1/jobs/j-nothing/events").problem(404);
        api.get("/api/v1/jobs/j-titanic/runs/r-nothing").problem(404);
        api.get("/api/v1/jobs/NOT%20AN%20ID/status").problem(404);
    }

    @Test
    void theStatusOfAProfiledJobLinksItsArtifactsAndSummarisesItsProfile() {
        JsonNode status = api.get("/api/v1/jobs/j-titanic/status").json();

        assertThat(status.path("status").asText()).isEqualTo("done");
        assertThat(status.path("progress").asInt()).isEqualTo(100);
        assertThat(status.path("created_at").asText()).isEqualTo("2026-11-24T15:00:00Z");
        assertThat(status.path("report_url").asText()).isEqualTo("/api/v1/artifacts/j-titanic/report.html");
        assertThat(status.path("cleaned_csv_url").asText()).isEqualTo("/api/v1/artifacts/j-titanic/cleaned.csv");
        assertThat(status.path("summary").path("rows").asLong()).isEqualTo(891);
        assertThat(status.path("summary").path("types").path("numeric").asInt()).isEqualTo(4);
        assertThat(status.path("summary")
                        .path("variables")
                        .get(5)
                        .path("storage")
                        .asText())
                .isEqualTo("decimal");
        assertThat(status.has("error")).isTrue();
        assertThat(status.path("error").isNull()).isTrue();
        assertThat(status.path("ai_result").isNull()).isTrue();
        assertThat(status.path("runs").isArray()).isTrue();
    }

    @Test
    void pollingWithTheETagIs304UntilTheJobOrARunChanges() {
        HttpApi.Answer first = api.get("/api/v1/jobs/j-other/status");
        String etag = first.header("ETag").orElseThrow();

        HttpApi.Answer unchanged = api.send(HttpRequest.newBuilder(api.uri("/api/v1/jobs/j-other/status"))
                .GET()
                .header("If-None-Match", etag));
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();

        statuses.put(TaskStatus.queued("r-new", TaskKind.RUN, "j-other", "a run", Instant.now()));
        HttpApi.Answer changed = api.send(HttpRequest.newBuilder(api.uri("/api/v1/jobs/j-other/status"))
                .GET()
                .header("If-None-Match", etag));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(Optional.of(etag));
        assertThat(changed.json().path("ai_result").path("run_id").asText()).isEqualTo("r-new");
    }

    @Test
    void aGzippedStatusKeepsAnETagThatStillAnswers304() {
        // A browser always asks for gzip; compression (server.compression) must not break the polling's ETag.
        HttpApi.Answer first = api.send(HttpRequest.newBuilder(api.uri("/api/v1/jobs/j-other/status"))
                .GET()
                .header("Accept-Encoding", "gzip"));
        assertThat(first.status()).isEqualTo(200);
        String etag = first.header("ETag").orElseThrow();

        HttpApi.Answer unchanged = api.send(HttpRequest.newBuilder(api.uri("/api/v1/jobs/j-other/status"))
                .GET()
                .header("Accept-Encoding", "gzip")
                .header("If-None-Match", etag));
        assertThat(unchanged.status()).isEqualTo(304);
    }

    @Test
    void jobsAreListedNewestFirst() {
        JsonNode jobs = api.get("/api/v1/jobs?limit=500").json();

        assertThat(jobs.isArray()).isTrue();
        List<String> created = new java.util.ArrayList<>();
        jobs.forEach(j -> created.add(j.path("created_at").asText()));
        assertThat(created).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        api.get("/api/v1/jobs?limit=0").problem(400);
    }

    @Test
    void eachListedUploadCarriesItsTimeAndSizeSoTwoUploadsOfOneFileCanBeToldApart() {
        JsonNode jobs = api.get("/api/v1/jobs?limit=500").json();

        JsonNode titanic = java.util.stream.StreamSupport.stream(jobs.spliterator(), false)
                .filter(j -> j.path("job_id").asText().equals("j-titanic"))
                .findFirst()
                .orElseThrow();
        assertThat(titanic.path("size_bytes").asLong()).isEqualTo(61_194);
        assertThat(titanic.path("created_at").asText()).isEqualTo("2026-11-24T15:00:00Z");
        assertThat(api.get("/api/v1/jobs/j-titanic/status")
                        .json()
                        .path("summary")
                        .path("source_bytes")
                        .asLong())
                .isEqualTo(61_194);
    }

    // ---- artifacts

    @Test
    void aReportIsServedAsHtmlThatCannotRunScriptsOrReachAnything() {
        HttpApi.Answer report = api.get("/api/v1/artifacts/j-titanic/report.html");

        assertThat(report.status()).isEqualTo(200);
        assertThat(report.header("Content-Type")).contains("text/html;charset=utf-8");
        assertThat(report.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(report.header("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp)
                        .contains("default-src 'none'", "script-src 'none'", "sandbox", "form-action 'none'"));
        assertThat(report.text()).contains("<h1>titanic.csv</h1>");
    }

    @Test
    void csvDownloadsAreAttachmentsNamedAfterTheDataset() {
        HttpApi.Answer csv = api.get("/api/v1/artifacts/j-titanic/cleaned.csv");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).contains("text/csv;charset=utf-8");
        assertThat(csv.header("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).startsWith("attachment").contains("titanic-cleaned.csv"));
        assertThat(csv.header("Content-Length")).contains("25");
        assertThat(csv.text()).isEqualTo("PassengerId,Survived\n1,0\n");
        assertThat(api.get("/api/v1/artifacts/j-titanic/profile.json").header("Content-Type"))
                .contains("application/json");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "..%2F..%2F..%2Fetc%2Fpasswd",
                "%2Fetc%2Fpasswd",
                "..%2Fj-other%2Fsource.csv",
                "runs%2F..%2F..%2Fj-other%2Fsource.csv",
                "j-other/source.csv",
                "runs/j-other/source.csv",
                "..%5C..%5Cetc%5Cpasswd",
                "secrets.txt",
                "runs/r-1/..%2F..%2Fsource.csv",
                "%2e%2e%2fsource.csv",
                "runs/R-UPPER/report.html",
                "/etc/passwd",
                "runs//report.html"
            })
    void namesOutsideTheJobsArtifactsAre404(String name) {
        HttpApi.Answer answer = api.send(HttpRequest.newBuilder(api.uri("/api/v1/artifacts/j-titanic/" + name))
                .GET());

        assertThat(answer.status()).as("%s → %s", name, answer.text()).isEqualTo(404);
        answer.problem(404);
        assertThat(answer.text()).doesNotContain("root:", "PassengerId");
    }

    @Test
    void aMissingArtifactOfAKnownShapeIs404() {
        assertThat(api.get("/api/v1/artifacts/j-titanic/runs/r-1/model.bin")
                        .problem(404)
                        .path("detail")
                        .asText())
                .contains("no artifact 'runs/r-1/model.bin'");
        api.get("/api/v1/artifacts/j-nothing/report.html").problem(404);
    }

    // ---- plans

    @Test
    void aValidPlanIsQueuedAsARunAndItsPlanStored() throws IOException {
        HttpApi.Answer answer = api.postJson(
                "/api/v1/assistant/apply",
                Map.of(
                        "job_id",
                        "j-titanic",
                        "actions",
                        seedPlan(),
                        "explanation",
                        "Impute, encode, train.",
                        "prompt",
                        "train a classifier on Survived"));

        assertThat(answer.status()).as(answer.text()).isEqualTo(202);
        String runId = answer.json().path("run_id").asText();
        assertThat(runId).matches("r-[0-9a-f]{16}");
        assertThat(answer.json().path("run_name").asText()).isEqualTo("impute, encode, train_model");
        try (InputStream stored =
                artifacts.open("j-titanic/runs/" + runId + "/plan.json").orElseThrow()) {
            Plan plan = Json.mapper().readValue(stored, Plan.class);
            assertThat(plan.actions())
                    .extracting(PlanStep::type)
                    .containsExactly(ActionType.IMPUTE, ActionType.ENCODE, ActionType.TRAIN_MODEL);
            assertThat(plan.explanation()).isEqualTo("Impute, encode, train.");
        }
        JsonNode status = api.get("/api/v1/jobs/j-titanic/status").json();
        assertThat(status.path("runs").findValuesAsText("run_id")).contains(runId);
        JsonNode run = api.get("/api/v1/jobs/j-titanic/runs/" + runId).json();
        assertThat(run.path("plan")
                        .path("actions")
                        .get(1)
                        .path("params")
                        .path("columns")
                        .get(0)
                        .asText())
                .isEqualTo("Sex");
    }

    @Test
    void anUnknownColumnIs422NamingTheActionTheFieldAndTheClosestName() {
        List<Map<String, Object>> plan = List.of(
                step("impute", Map.of("strategy", "median", "columns", List.of())),
                step("encode", Map.of("columns", List.of("Sexx"), "method", "onehot")));

        JsonNode problem = api.postJson("/api/v1/assistant/apply", Map.of("job_id", "j-titanic", "actions", plan))
                .problem(422);

        JsonNode error = problem.path("errors").get(0);
        assertThat(error.path("action_index").asInt()).isEqualTo(1);
        assertThat(error.path("action").asText()).isEqualTo("encode");
        assertThat(error.path("field").asText()).isEqualTo("columns");
        assertThat(error.path("message").asText()).contains("'Sexx' does not exist (did you mean 'Sex'?)");
        assertThat(problem.path("detail").asText()).startsWith("1 problem in the plan: actions[1] (encode) columns:");
        assertThat(statuses.runsOf("j-titanic")).noneMatch(r -> r.name().equals("encode"));
    }

    @Test
    void anUnknownActionIs400NamingItsPath() {
        List<Map<String, Object>> plan = List.of(
                step("impute", Map.of("strategy", "median", "columns", List.of())),
                step("encode", Map.of("columns", List.of("Sex"), "method", "onehot")),
                step("run_python", Map.of("code", "import os")));

        JsonNode problem = api.postJson("/api/v1/assistant/apply", Map.of("job_id", "j-titanic", "actions", plan))
                .problem(400);

        assertThat(problem.path("detail").asText())
                .startsWith("actions[2].type: 'run_python' is not an action; allowed: drop_columns");
        assertThat(problem.path("errors").get(0).path("action_index").asInt()).isEqualTo(2);
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("type");
    }

    @Test
    void aPlanForAnUnknownOrUnfinishedDatasetIsRefused() {
        assertThat(api.postJson("/api/v1/assistant/apply", Map.of("job_id", "j-nothing", "actions", seedPlan()))
                        .problem(404)
                        .path("detail")
                        .asText())
                .contains("'j-nothing'");
        assertThat(api.postJson("/api/v1/assistant/apply", Map.of("job_id", "j-busy", "actions", seedPlan()))
                        .problem(409)
                        .path("detail")
                        .asText())
                .contains("still being profiled (running, 40 %)");
    }

    @Test
    void requestBodiesAreCheckedFieldByField() {
        assertThat(api.postJson("/api/v1/assistant/apply", Map.of("actions", seedPlan()))
                        .problem(400)
                        .path("detail")
                        .asText())
                .contains("job_id: must not be blank");
        assertThat(api.postJson("/api/v1/assistant/apply", Map.of("job_id", "j-titanic", "actoins", seedPlan()))
                        .problem(400)
                        .path("detail")
                        .asText())
                .contains("unknown field 'actoins'");
        assertThat(api.postJson("/api/v1/assistant/apply", "{\"job_id\": \"j-titanic\", \"actions\": [")
                        .problem(400)
                        .path("detail")
                        .asText())
                .contains("not valid JSON (line 1, column");
        assertThat(api.postJson("/api/v1/assistant/apply", Map.of("job_id", "j-titanic", "actions", "impute"))
                        .problem(400)
                        .path("detail")
                        .asText())
                .contains("actions: expected a list");
    }

    @Test
    void aHugeBodyIsRefusedBeforeItIsRead() {
        String huge = "{\"job_id\":\"j-titanic\",\"explanation\":\"" + "x".repeat(2_000_000) + "\",\"actions\":[]}";

        assertThat(api.postJson("/api/v1/assistant/apply", huge)
                        .problem(413)
                        .path("detail")
                        .asText())
                .contains("larger than 1 MB");
    }

    @Test
    void plansCanBeValidatedWhileTheyAreEdited() {
        JsonNode valid = api.postJson("/api/v1/plans/validate", Map.of("job_id", "j-titanic", "actions", seedPlan()))
                .json();
        assertThat(valid.path("valid").asBoolean()).isTrue();
        assertThat(valid.path("errors")).isEmpty();
        // The plan card shows the plan in plain words: every step's columns by name, never "[]".
        assertThat(valid.path("summary").size()).isPositive();
        assertThat(valid.path("summary").toString()).doesNotContain("[]");

        List<Map<String, Object>> plan = List.of(
                step("scale", Map.of("columns", List.of("Name"), "method", "standard")),
                step("train_model", Map.of("target", "Survivd")));
        JsonNode invalid = api.postJson("/api/v1/plans/validate", Map.of("job_id", "j-titanic", "actions", plan))
                .json();
        assertThat(invalid.path("valid").asBoolean()).isFalse();
        assertThat(invalid.path("errors").findValuesAsText("action")).containsExactly("scale", "train_model");
        assertThat(invalid.path("errors").get(1).path("message").asText()).contains("did you mean 'Survived'?");
    }

    @Test
    void thePlanSchemaIsServedFromTheActionWhitelist() {
        JsonNode schema = api.get("/api/v1/plan-schema").json();

        assertThat(schema.path("$defs").path("ActionType").path("enum").findValuesAsText(""))
                .isEmpty();
        assertThat(schema.path("$defs").path("ActionType").path("enum").toString())
                .contains("train_model", "impute");
        assertThat(schema.path("required").toString()).contains("actions");
    }

    // ---- the documents and the platform around the endpoints

    @Test
    void theOpenApiDocumentDescribesTheWireFormatInSnakeCase() {
        JsonNode doc = api.get("/v3/api-docs").json();

        assertThat(doc.path("paths").has("/api/v1/upload")).isTrue();
        assertThat(doc.path("paths").has("/api/v1/assistant/apply")).isTrue();
        assertThat(doc.path("components")
                        .path("schemas")
                        .path("ApplyRequest")
                        .path("properties")
                        .has("job_id"))
                .isTrue();
        assertThat(doc.path("components")
                        .path("schemas")
                        .path("JobStatusView")
                        .path("properties")
                        .has("ai_result"))
                .isTrue();
    }

    @Test
    void withoutRedisOrS3SettingsArtifactsAndStatusLiveInTheDataFolder() throws IOException {
        assertThat(artifacts).isInstanceOf(dev.assay.runner.storage.FilesystemArtifactStore.class);
        assertThat(((dev.assay.runner.storage.FilesystemArtifactStore) artifacts).root())
                .startsWith(data.toRealPath());
        // The journal that gives a restarted laptop api its list of datasets and runs back.
        assertThat(statuses).isInstanceOf(dev.assay.runner.storage.FilesystemStatusStore.class);
        assertThat(data.resolve(".status").resolve("status.jsonl")).isRegularFile();
    }

    @Test
    void healthHasLivenessAndReadinessGroupsIncludingTheStores() {
        assertThat(api.get("/actuator/health/liveness").json().path("status").asText())
                .isEqualTo("UP");
        JsonNode readiness = api.get("/actuator/health/readiness").json();
        assertThat(readiness.path("status").asText()).isEqualTo("UP");
        assertThat(readiness.path("components").has("statusStore")).isTrue();
        assertThat(readiness.path("components").has("artifactStore")).isTrue();
        assertThat(api.get("/actuator/metrics/assay.executor.queued").status()).isEqualTo(200);
    }

    @Test
    void prometheusScrapesTheSameMetricsUnderTheSameRules() {
        HttpApi.Answer scrape = api.get("/actuator/prometheus");
        HttpApi.Answer fromElsewhere = api.send(
                HttpRequest.newBuilder(api.uri("/actuator/prometheus")).GET().header("Origin", "https://evil.example"));
        HttpApi.Answer healthFromElsewhere = api.send(
                HttpRequest.newBuilder(api.uri("/actuator/health")).GET().header("Origin", "https://evil.example"));

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.header("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(scrape.text())
                .contains("# TYPE assay_executor_queued gauge")
                .contains("jvm_memory_used_bytes")
                .contains("http_server_requests");
        // The same rules as the other actuator endpoints: no CORS for them, so a page of another origin cannot read
        // the answer (no Access-Control-Allow-Origin); only the api's own paths have a CORS list.
        assertThat(fromElsewhere.status()).isEqualTo(healthFromElsewhere.status());
        assertThat(fromElsewhere.header("Access-Control-Allow-Origin")).isEmpty();
        assertThat(healthFromElsewhere.header("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void onlyConfiguredOriginsMayCallFromAnotherOrigin() {
        HttpApi.Answer allowed = api.send(HttpRequest.newBuilder(api.uri("/api/v1/assistant/apply"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type"));
        HttpApi.Answer denied = api.send(
                HttpRequest.newBuilder(api.uri("/api/v1/jobs")).GET().header("Origin", "https://evil.example"));

        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).contains("http://localhost:5173");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.header("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void aUrlTheContainerCannotDecodeIsAProblemTooNotAnHtmlPage() throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream()
                    .write(("GET /api/v1/jobs/%zz/status HTTP/1.1\r\nHost: localhost\r\n" + "Connection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer)
                    .startsWith("HTTP/1.1 400")
                    .contains("Content-Type: application/problem+json")
                    .contains("\"detail\":\"the request could not be read")
                    .doesNotContain("<html");
        }
    }

    @Test
    void unknownPathsAndMethodsAreProblemsToo() {
        api.get("/api/v1/nothing-here").problem(404);
        api.send(HttpRequest.newBuilder(api.uri("/api/v1/jobs/j-titanic/status"))
                        .DELETE())
                .problem(405);
    }
}
