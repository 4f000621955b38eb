package dev.assay.api.assistant;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.assay.api.ApiOverHttp;
import dev.assay.api.HttpApi;
import dev.assay.model.json.Json;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * POST /api/v1/assistant over real HTTP with an OpenAI-compatible model on loopback: the plan comes back
 * validated, context.json is exactly what the model was sent, no row leaves without consent, at most 20 with
 * it, and the API key is nowhere to be read.
 */
@ExtendWith(OutputCaptureExtension.class)
@ApiOverHttp
class AssistantHttpIT {

    private static final WireMockServer MODEL =
            new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    static {
        MODEL.start();
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("assay.assistant.provider", () -> "openai");
        registry.add("assay.assistant.openai.base-url", () -> MODEL.baseUrl() + "/v1");
        registry.add("assay.assistant.openai.api-key", () -> Fixtures.API_KEY);
        registry.add("assay.assistant.initial-backoff", () -> "20ms");
    }

    @AfterAll
    static void stopModel() {
        MODEL.stop();
    }

    @LocalServerPort
    int port;

    HttpApi api;

    @BeforeEach
    void reset() {
        api = new HttpApi(port);
        MODEL.resetAll();
        MODEL.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.openAiAnswer(Fixtures.SEED_PLAN))));
    }

    private String titanicJob() throws Exception {
        HttpApi.Answer accepted =
                api.upload("titanic.csv", Files.readAllBytes(RequestSet.DATASETS.resolve("titanic.csv")));
        String jobId = accepted.json().path("job_id").asText();
        await().atMost(Duration.ofMinutes(1))
                .until(() -> api.get("/api/v1/jobs/" + jobId + "/status")
                        .json()
                        .path("status")
                        .asText()
                        .equals("done"));
        return jobId;
    }

    private HttpApi.Answer ask(String jobId, boolean consent, int rows) {
        return api.postJson(
                "/api/v1/assistant",
                Json.write(Map.of(
                        "job_id",
                        jobId,
                        "prompt",
                        "Fill missing values and train a classifier on Survived",
                        "consent_send_sample",
                        consent,
                        "sample_size",
                        rows)));
    }

    private JsonNode sentBody() {
        List<LoggedRequest> requests = MODEL.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions")));
        assertThat(requests).hasSize(1);
        try {
            return Json.mapper().readTree(requests.getFirst().getBodyAsString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aValidatedPlanComesBackAndContextJsonIsExactlyWhatWasSent(CapturedOutput output) throws Exception {
        String jobId = titanicJob();

        HttpApi.Answer answer = ask(jobId, false, 5);

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        JsonNode proposal = answer.json();
        assertThat(proposal.path("planner").asText()).isEqualTo("openai");
        assertThat(proposal.path("actions")).hasSize(3);
        assertThat(proposal.path("actions").get(2).path("type").asText()).isEqualTo("train_model");
        // The seed plan is sound: the validator finds nothing to say about its target.
        assertThat(proposal.path("review").findValuesAsText("column")).doesNotContain("Survived");
        JsonNode context = api.get(proposal.path("context_url").asText()).json();
        assertThat(context.path("sent")).hasSize(1);
        assertThat(context.path("sent").get(0).equals(Fixtures.NUMBERS_BY_VALUE, sentBody()))
                .isTrue();
        assertThat(api.get(proposal.path("context_url").asText()).text()).doesNotContain(Fixtures.API_KEY);
        assertThat(output.getAll()).doesNotContain(Fixtures.API_KEY);
        assertThat(api.get("/actuator/env").text()).doesNotContain(Fixtures.API_KEY);
    }

    @Test
    void withoutConsentNoRowValueIsSentAndWithConsentAtMostTwentyRows() throws Exception {
        String jobId = titanicJob();

        assertThat(ask(jobId, false, 20).status()).isEqualTo(200);
        String withoutConsent = sentBody().toString();
        assertThat(withoutConsent)
                .doesNotContain("Braund")
                .doesNotContain("A/5 21171")
                .doesNotContain("sample_rows");

        MODEL.resetRequests();
        assertThat(ask(jobId, true, 500).status()).isEqualTo(200);
        JsonNode body = sentBody();
        String user = body.at("/messages/1/content").asText();
        JsonNode data =
                Json.mapper().readTree(user.substring(user.indexOf("<dataset>") + 9, user.indexOf("</dataset>")));
        assertThat(data.get("sample_rows")).hasSize(20);
        assertThat(user).contains("Braund");
    }

    @Test
    void badRequestsAreAnsweredWithProblems() {
        api.postJson("/api/v1/assistant", """
                {"job_id": "j-0000000000000000", "prompt": "impute"}""").problem(404);
        api.postJson("/api/v1/assistant", """
                {"job_id": "j-0000000000000000", "prompt": ""}""").problem(400);
        MODEL.verify(0, postRequestedFor(urlPathEqualTo("/v1/chat/completions")));
    }

    @Test
    void theAnswerCarriesTheValidatorsWarningsWithStepColumnNumberAndABetterWay() throws Exception {
        String jobId = titanicJob();
        MODEL.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.openAiAnswer("""
                        {"explanation": "Fill the cabin with its most frequent value, then train.", "actions": [
                          {"type": "impute", "params": {"strategy": "mode", "columns": ["Cabin"]}},
                          {"type": "train_model", "params": {"target": "Survived"}}]}"""))));

        JsonNode proposal = api.postJson(
                        "/api/v1/assistant",
                        Json.write(Map.of("job_id", jobId, "prompt", "fill the cabin then predict survived")))
                .json();

        JsonNode review = proposal.path("review");
        assertThat(review.findValuesAsText("code")).contains("fills_sparse_column", "mode_fills_many_values");
        JsonNode sparse = null;
        for (JsonNode warning : review) {
            if (warning.path("code").asText().equals("fills_sparse_column")) {
                sparse = warning;
            }
        }
        assertThat(sparse).isNotNull();
        assertThat(sparse.path("action_index").asInt()).isZero();
        assertThat(sparse.path("column").asText()).isEqualTo("Cabin");
        assertThat(sparse.path("severity").asText()).isEqualTo("warning");
        assertThat(sparse.path("number").asDouble()).isEqualTo(687);
        assertThat(sparse.path("message").asText()).contains("687 of 891 cells", "77 %");
        assertThat(sparse.path("alternative").asText()).contains("turn on Add indicator");
    }

    @Test
    void aWideModelAnswerIsNarrowedAndTheAnswerSummarisesEveryStep() throws Exception {
        String jobId = titanicJob();
        MODEL.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.openAiAnswer("""
                        {"explanation": "Drop incomplete rows, then train.", "actions": [
                          {"type": "drop_missing_rows", "params": {"columns": []}},
                          {"type": "train_model", "params": {"target": "Survived"}}]}"""))));

        JsonNode proposal = api.postJson(
                        "/api/v1/assistant",
                        Json.write(Map.of(
                                "job_id", jobId, "prompt", "drop rows where age is missing, then predict survived")))
                .json();

        assertThat(proposal.at("/actions/0/params/columns")).hasSize(1);
        assertThat(proposal.at("/actions/0/params/columns/0").asText()).isEqualTo("Age");
        assertThat(proposal.path("warnings").toString()).contains("Narrowed drop_missing_rows to Age");
        // The model's own words described every incomplete row; the answer describes the plan it returns.
        assertThat(proposal.path("explanation").asText())
                .containsIgnoringCase("drop rows with a missing value in Age")
                .doesNotContain("Drop incomplete rows");
        assertThat(proposal.path("summary").toString())
                .contains("Model: predicts Survived")
                .contains("Step 1 (Drop incomplete rows): removes rows with a missing value in Age");
    }

    @Test
    void aFollowUpRefinesTheCurrentPlanAndTheAnswerSaysWhatChanged() throws Exception {
        String jobId = titanicJob();
        List<Map<String, Object>> current = List.of(
                Map.of("type", "impute", "params", Map.of("strategy", "median", "columns", List.of("Age"))),
                Map.of("type", "train_model", "params", Map.of("target", "Survived")));
        MODEL.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.openAiAnswer("""
                        {"explanation": "Mean instead of median.", "actions": [
                          {"type": "impute", "params": {"strategy": "mean", "columns": ["Age"]}},
                          {"type": "train_model", "params": {"target": "Survived"}}]}"""))));

        JsonNode proposal = api.postJson(
                        "/api/v1/assistant",
                        Json.write(Map.of(
                                "job_id",
                                jobId,
                                "prompt",
                                "use the mean instead",
                                "plan",
                                current,
                                "turns",
                                List.of(Map.of(
                                        "prompt",
                                        "fill age with the median and train on survived",
                                        "before",
                                        List.of())))))
                .json();

        assertThat(proposal.at("/actions/0/params/strategy").asText()).isEqualTo("mean");
        assertThat(proposal.path("changes").toString()).contains("changed impute");
        // The model was told the current plan and the earlier request.
        String sent = sentBody().at("/messages/1/content").asText();
        assertThat(sent).contains("current_plan").contains("fill age with the median and train on survived");
    }
}
