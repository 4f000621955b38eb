package dev.assay.api.assistant.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.assay.api.assistant.Fixtures;
import dev.assay.api.assistant.planning.AssistantException;
import dev.assay.api.assistant.planning.PlannerAnswer;
import dev.assay.api.assistant.planning.PlanningRequest;
import dev.assay.model.json.Json;
import dev.assay.model.plan.schema.PlanSchema;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** The OpenAI-compatible planner against a loopback fake speaking /v1/chat/completions. */
class OpenAiPlannerTest {

    private static final String COMPLETIONS = "/v1/chat/completions";

    private WireMockServer server;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        // Like a server with strict structured outputs: a schema outside the strict subset is refused with 400.
        server.stubFor(post(urlPathEqualTo(COMPLETIONS))
                .atPriority(1)
                .andMatching(ProviderRules::refusedByOpenAiStrict)
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(ProviderRules.OPENAI_400)));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private OpenAiPlanner planner(Duration timeout) {
        return new OpenAiPlanner(Fixtures.properties(null, server.baseUrl() + "/v1", timeout));
    }

    private void answer(String state, String next, int status, String body) {
        server.stubFor(post(urlPathEqualTo(COMPLETIONS))
                .inScenario("openai")
                .whenScenarioStateIs(state)
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody(body))
                .willSetStateTo(next));
    }

    private List<JsonNode> bodies() {
        return server.findAll(postRequestedFor(urlPathEqualTo(COMPLETIONS))).stream()
                .map(LoggedRequest::getBodyAsString)
                .map(OpenAiPlannerTest::tree)
                .toList();
    }

    @Test
    void aGoodAnswerBecomesThePlanAndTheRequestCarriesThePlanSchema() {
        answer(Scenario.STARTED, "done", 200, Fixtures.openAiAnswer(Fixtures.SEED_PLAN));
        PlanningRequest request =
                Fixtures.request("Fill missing values and train a classifier on Survived", Fixtures.titanic());

        PlannerAnswer answer = planner(Duration.ofSeconds(10)).plan(request);

        assertThat(answer.plan().actions()).hasSize(3);
        server.verify(postRequestedFor(urlPathEqualTo(COMPLETIONS))
                .withHeader("Authorization", equalTo("Bearer " + Fixtures.API_KEY)));
        JsonNode body = bodies().getFirst();
        assertThat(body.get("temperature").asInt()).isZero();
        assertThat(body.at("/response_format/type").asText()).isEqualTo("json_schema");
        assertThat(body.at("/response_format/json_schema/schema")
                        .equals(Fixtures.NUMBERS_BY_VALUE, ProviderSchemas.openAiStrict()))
                .isTrue();
        assertThat(body.at("/response_format/json_schema/strict").asBoolean()).isTrue();
        assertThat(ProviderRules.openAiStrictViolations(body.at("/response_format/json_schema/schema")))
                .isEmpty();
        assertThat(body.at("/messages/0/role").asText()).isEqualTo("system");
        // What the planner recorded as sent is exactly the body the endpoint received.
        assertThat(Json.mapper()
                        .<JsonNode>valueToTree(request.sent().getFirst())
                        .equals(Fixtures.NUMBERS_BY_VALUE, body))
                .isTrue();
        assertThat(body.toString()).doesNotContain(Fixtures.API_KEY);
    }

    @Test
    void aMalformedAnswerIsRepairedInOneRound() {
        answer(Scenario.STARTED, "repair", 200, Fixtures.openAiAnswer("""
                {"explanation": "x", "actions": [{"type": "impute", "params": {"strategy": "average"}}]}"""));
        answer("repair", "done", 200, Fixtures.openAiAnswer(Fixtures.SEED_PLAN));

        PlannerAnswer answer =
                planner(Duration.ofSeconds(10)).plan(Fixtures.request("impute and train", Fixtures.titanic()));

        assertThat(answer.plan().actions()).hasSize(3);
        JsonNode repair = bodies().get(1).get("messages");
        assertThat(repair).hasSize(4);
        assertThat(repair.get(2).get("role").asText()).isEqualTo("assistant");
        assertThat(repair.get(3).get("content").asText()).contains("strategy").contains("median");
    }

    @Test
    void aPlanWithAnUnknownActionOrColumnIsRefused() {
        String code = """
                {"explanation": "x", "actions": [{"type": "python", "params": {"code": "import os"}}]}""";
        answer(Scenario.STARTED, "again", 200, Fixtures.openAiAnswer(code));
        answer("again", "done", 200, Fixtures.openAiAnswer(code));
        assertThatThrownBy(() -> planner(Duration.ofSeconds(10)).plan(Fixtures.request("x", Fixtures.titanic())))
                .isInstanceOfSatisfying(AssistantException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
                    assertThat(e.getMessage()).contains("'python' is not an action");
                });

        server.resetAll();
        String ghost = """
                {"explanation": "x", "actions": [{"type": "scale", "params": {"columns": ["Salary"]}}]}""";
        answer(Scenario.STARTED, "again", 200, Fixtures.openAiAnswer(ghost));
        answer("again", "done", 200, Fixtures.openAiAnswer(ghost));
        assertThatThrownBy(() -> planner(Duration.ofSeconds(10)).plan(Fixtures.request("x", Fixtures.titanic())))
                .isInstanceOfSatisfying(
                        AssistantException.class,
                        e -> assertThat(e.getMessage()).contains("column 'Salary' does not exist"));
    }

    @Test
    void tooManyRequestsAndServerErrorsAreRetriedWithBackoff() {
        answer(Scenario.STARTED, "second", 429, "{\"error\": {\"message\": \"rate limited\"}}");
        answer("second", "third", 503, "{\"error\": {\"message\": \"overloaded\"}}");
        answer("third", "done", 200, Fixtures.openAiAnswer(Fixtures.SEED_PLAN));

        PlannerAnswer answer = planner(Duration.ofSeconds(10)).plan(Fixtures.request("x", Fixtures.titanic()));

        assertThat(answer.plan().actions()).hasSize(3);
        server.verify(3, postRequestedFor(urlPathEqualTo(COMPLETIONS)));
    }

    @Test
    void retriesEndWithAClearErrorWhenTheServiceStaysBusy() {
        server.stubFor(post(urlPathEqualTo(COMPLETIONS)).willReturn(aResponse().withStatus(429)));

        assertThatThrownBy(() -> planner(Duration.ofSeconds(10)).plan(Fixtures.request("x", Fixtures.titanic())))
                .isInstanceOfSatisfying(AssistantException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("429");
                });
        server.verify(3, postRequestedFor(urlPathEqualTo(COMPLETIONS)));
    }

    @Test
    void aProviderThatDoesNotAnswerInTimeGivesAClearError() {
        server.stubFor(post(urlPathEqualTo(COMPLETIONS))
                .willReturn(aResponse().withFixedDelay(3_000).withBody(Fixtures.openAiAnswer(Fixtures.SEED_PLAN))));

        assertThatThrownBy(() -> planner(Duration.ofMillis(600)).plan(Fixtures.request("x", Fixtures.titanic())))
                .isInstanceOfSatisfying(AssistantException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
                    assertThat(e.getMessage()).contains("did not answer within");
                });
    }

    private static JsonNode tree(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (Exception e) {
            throw new AssertionError(json, e);
        }
    }

    @Test
    void extraColumnsInAModelAnswerAreNarrowedToTheNamedOnesAndUnusedNamesAreListed() {
        answer(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED, "done", 200, Fixtures.openAiAnswer("""
                {"explanation": "Scale the numbers and train.", "actions": [
                  {"type": "scale", "params": {"columns": ["Age", "Fare", "SibSp"], "method": "standard"}},
                  {"type": "train_model", "params": {"target": "Survived", "features": ["Fare", "Age", "Sex", "Pclass"]}}]}"""));
        dev.assay.api.assistant.planning.PlanningRequest request = Fixtures.request(
                "standardise fare, then predict survived from fare and sex; leave embarked alone", Fixtures.titanic());

        dev.assay.api.assistant.planning.PlannerAnswer answer =
                planner(java.time.Duration.ofSeconds(10)).plan(request);
        List<String> warnings = new java.util.ArrayList<>();
        var checked = dev.assay.api.assistant.ScopeCheck.apply(answer.plan(), request, warnings);

        assertThat(checked.actions().get(0).params().get("columns")).isEqualTo(List.of("Fare"));
        assertThat(checked.actions().get(1).params().get("features")).isEqualTo(List.of("Fare", "Sex"));
        assertThat(warnings)
                .anySatisfy(
                        w -> assertThat(w).contains("Narrowed scale to Fare").contains("Age, Fare, SibSp"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("Narrowed train_model to Fare, Sex"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("Not used by the plan: Embarked"));
    }

    @Test
    void aServerWithoutStructuredOutputsGetsJsonModeWithTheSchemaInThePromptAndTheAnswerSaysSo() {
        server.stubFor(post(urlPathEqualTo(COMPLETIONS))
                .atPriority(1)
                .andMatching(r -> com.github.tomakehurst.wiremock.matching.MatchResult.of(
                        r.getBodyAsString().contains("json_schema")))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(ProviderRules.OPENAI_400)));
        answer(
                com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED,
                "done",
                200,
                Fixtures.openAiAnswer(Fixtures.SEED_PLAN));

        PlannerAnswer answer =
                planner(Duration.ofSeconds(10)).plan(Fixtures.request("impute and train", Fixtures.titanic()));

        assertThat(answer.plan().actions()).hasSize(3);
        assertThat(answer.mode()).isEqualTo("JSON mode");
        assertThat(answer.warnings()).anySatisfy(w -> assertThat(w).contains("did not accept the plan schema"));
        List<JsonNode> sent = bodies();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).at("/response_format/type").asText()).isEqualTo("json_object");
        assertThat(sent.get(1).at("/messages/0/content").asText()).contains("valid against this JSON Schema");
    }

    @Test
    void theStrictFakeRefusesTheFullSchema() {
        assertThat(ProviderRules.openAiStrictViolations(PlanSchema.plan())).isNotEmpty();
    }
}
