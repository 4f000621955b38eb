package dev.assay.api.manifests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.assay.api.ApiOverHttp;
import dev.assay.api.HttpApi;
import dev.assay.api.identity.Actor;
import dev.assay.api.identity.SignedIn;
import dev.assay.model.crd.assistantrun.AssistantRun;
import dev.assay.model.json.Json;
import dev.assay.model.plan.Plan;
import dev.assay.model.plan.validation.PlanReader;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A plan exported as an AssistantRun manifest over real HTTP, on a dataset the engine really profiled: the YAML is
 * the CRD's resource naming the dataset's DatasetJob and carrying the plan as checked; an invalid plan is a
 * problem naming its step and field; another person's dataset does not exist; the download is in the audit trail.
 */
@ApiOverHttp
class ManifestsHttpIT {

    static final String PERSON = "X-Test-Person";
    static final YAMLMapper YAML = new YAMLMapper();

    /** The laptop's local user, or with {@value #PERSON} a signed-in person of their own team who is no admin. */
    @TestConfiguration
    static class People {
        @Bean
        @Primary
        SignedIn people() {
            return new SignedIn() {
                @Override
                public Actor actor() {
                    return Optional.ofNullable(RequestContextHolder.getRequestAttributes())
                            .map(a ->
                                    ((ServletRequestAttributes) a).getRequest().getHeader(PERSON))
                            .map(name -> new Actor(name, List.of(name + "-team"), false))
                            .orElse(Actor.LOCAL);
                }

                @Override
                public boolean login() {
                    return false;
                }
            };
        }
    }

    @LocalServerPort
    int port;

    HttpApi api;
    String jobId;
    /** One profiled dataset for the class: profiling is the slow part. */
    static String profiled;

    static final Map<String, Object> PLAN = Map.of(
            "explanation",
            "fill ages, encode, predict survival",
            "actions",
            List.of(
                    Map.of("type", "impute", "params", Map.of("strategy", "median", "columns", List.of("Age"))),
                    Map.of(
                            "type",
                            "encode",
                            "params",
                            Map.of("method", "onehot", "columns", List.of("Sex", "Embarked"))),
                    Map.of("type", "train_model", "params", Map.of("target", "Survived"))));

    @BeforeEach
    void profiledTitanic() throws Exception {
        api = new HttpApi(port);
        if (profiled != null) {
            jobId = profiled;
            return;
        }
        HttpApi.Answer uploaded =
                api.upload("titanic.csv", Files.readAllBytes(Path.of("../examples/datasets/titanic.csv")));
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(202);
        jobId = uploaded.json().path("job_id").asText();
        await().atMost(Duration.ofMinutes(2))
                .until(() -> api.get("/api/v1/jobs/" + jobId + "/status")
                        .json()
                        .path("status")
                        .asText()
                        .equals("done"));
        profiled = jobId;
    }

    @Test
    void aPlanBecomesAnAssistantRunOfTheDatasetsDatasetJob() throws Exception {
        Map<String, Object> body = new java.util.LinkedHashMap<>(PLAN);
        body.put("run_name", "survival model");
        body.put("prompt", "predict who survived");
        HttpApi.Answer answer = api.postJson("/api/v1/jobs/" + jobId + "/manifest", body);

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.header("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/yaml"));
        JsonNode manifest = YAML.readTree(answer.text());
        String name = manifest.path("metadata").path("name").asText();
        assertThat(name).matches("r-[0-9a-f]{16}");
        assertThat(answer.header("Content-Disposition"))
                .hasValueSatisfying(
                        d -> assertThat(d).startsWith("attachment").contains("filename=\"titanic-" + name + ".yaml\""));
        assertThat(answer.text())
                .startsWith("# An Assay AssistantRun")
                .contains("kubectl apply -f titanic-" + name + ".yaml");
        assertThat(manifest.path("apiVersion").asText()).isEqualTo("assay.dev/v1alpha1");
        assertThat(manifest.path("kind").asText()).isEqualTo("AssistantRun");
        // The local executor made no DatasetJob anywhere: kubectl's namespace decides.
        assertThat(manifest.path("metadata").has("namespace")).isFalse();
        assertThat(manifest.path("metadata")
                        .path("labels")
                        .path("assay.dev/dataset-job")
                        .asText())
                .isEqualTo(jobId);
        assertThat(manifest.has("status")).isFalse();
        JsonNode spec = manifest.path("spec");
        assertThat(spec.path("datasetRef").asText()).isEqualTo(jobId);
        assertThat(spec.path("runName").asText()).isEqualTo("survival model");
        assertThat(spec.path("prompt").asText()).isEqualTo("predict who survived");
        Plan plan = PlanReader.read(spec.path("plan").toString());
        assertThat(plan).isEqualTo(PlanReader.read(Json.write(PLAN)));
        // What kubectl sends is what the operator reads back as its custom resource.
        AssistantRun run = Serialization.unmarshal(answer.text(), AssistantRun.class);
        assertThat(run.getSpec().plan()).isEqualTo(plan);

        // Each export is a run of its own.
        String again = YAML.readTree(api.postJson("/api/v1/jobs/" + jobId + "/manifest", PLAN)
                        .text())
                .path("metadata")
                .path("name")
                .asText();
        assertThat(again).isNotEqualTo(name);
    }

    @Test
    void anInvalidPlanIsAProblemNamingEveryStepAndField() {
        Map<String, Object> invalid = Map.of(
                "actions",
                List.of(
                        Map.of("type", "impute", "params", Map.of("strategy", "median", "columns", List.of("Agee"))),
                        Map.of("type", "scale", "params", Map.of("method", "standard", "columns", List.of("Name")))));

        JsonNode problem =
                api.postJson("/api/v1/jobs/" + jobId + "/manifest", invalid).problem(422);

        assertThat(problem.path("detail").asText()).contains("2 problems");
        assertThat(problem.path("errors").findValuesAsText("action_index")).containsExactly("0", "1");
        assertThat(problem.path("errors").toString()).contains("Agee", "Name");
        api.postJson("/api/v1/jobs/" + jobId + "/manifest", "{\"actions\": [{\"type\": \"run_shell\"}]}")
                .problem(400);
        // The UI asks for YAML; a refusal is still the problem a person can read.
        HttpApi.Answer asYaml =
                api.send(java.net.http.HttpRequest.newBuilder(api.uri("/api/v1/jobs/" + jobId + "/manifest"))
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/yaml")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Json.write(invalid))));
        assertThat(asYaml.problem(422).path("errors")).hasSize(2);
    }

    @Test
    void aRunsPlanExportsUnderANewNameAndAnotherPersonsDatasetIsUnknown() {
        HttpApi.Answer applied = api.postJson(
                "/api/v1/assistant/apply",
                Map.of(
                        "job_id",
                        jobId,
                        "actions",
                        PLAN.get("actions"),
                        "explanation",
                        PLAN.get("explanation"),
                        "run_name",
                        "first try"));
        assertThat(applied.status()).as(applied.text()).isEqualTo(202);
        String runId = applied.json().path("run_id").asText();
        await().atMost(Duration.ofMinutes(2))
                .until(() -> api.get("/api/v1/jobs/" + jobId + "/runs/" + runId)
                        .json()
                        .path("status")
                        .asText()
                        .matches("done|failed"));

        HttpApi.Answer answer = api.get("/api/v1/jobs/" + jobId + "/runs/" + runId + "/manifest");
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        AssistantRun run = Serialization.unmarshal(answer.text(), AssistantRun.class);
        assertThat(run.getMetadata().getName()).isNotEqualTo(runId).startsWith("r-");
        assertThat(run.getSpec().datasetRef()).isEqualTo(jobId);
        assertThat(run.getSpec().runName()).isEqualTo("first try");
        assertThat(run.getSpec().plan()).isEqualTo(PlanReader.read(Json.write(PLAN)));
        api.get("/api/v1/jobs/" + jobId + "/runs/r-0000000000000000/manifest").problem(404);

        HttpApi bob = api.with(PERSON, "bob");
        assertThat(bob.postJson("/api/v1/jobs/" + jobId + "/manifest", PLAN)
                        .problem(404)
                        .path("detail")
                        .asText())
                .doesNotContain("titanic");
        bob.get("/api/v1/jobs/" + jobId + "/runs/" + runId + "/manifest").problem(404);

        JsonNode downloads = api.get("/api/v1/audit?action=download&dataset_id=" + jobId + "&size=50")
                .json()
                .path("events");
        assertThat(downloads.findValuesAsText("outcome")).contains("success", "failure");
        assertThat(downloads.findValues("details").stream()
                        .map(d -> d.path("manifest").asText()))
                .contains("plan", "run");
        assertThat(downloads.findValuesAsText("actor")).contains("local", "bob");
    }

    @Test
    void theOpenApiDocumentHasBothExportsWithTheirYamlAnswer() {
        JsonNode paths = api.get("/v3/api-docs").json().path("paths");

        JsonNode post = paths.path("/api/v1/jobs/{jobId}/manifest").path("post");
        assertThat(post.path("responses").path("200").path("content").has("application/yaml"))
                .isTrue();
        assertThat(post.path("requestBody").toString()).contains("ManifestRequest");
        assertThat(paths.path("/api/v1/jobs/{jobId}/runs/{runId}/manifest")
                        .path("get")
                        .path("responses")
                        .path("200")
                        .path("content")
                        .has("application/yaml"))
                .isTrue();
        assertThat(api.get("/v3/api-docs")
                        .json()
                        .path("components")
                        .path("schemas")
                        .path("ManifestRequest")
                        .path("properties")
                        .has("run_name"))
                .isTrue();
    }
}
