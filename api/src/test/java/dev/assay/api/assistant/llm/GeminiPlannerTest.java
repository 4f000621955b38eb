package dev.assay.api.assistant.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
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
import dev.assay.model.plan.params.ActionType;
import dev.assay.model.plan.schema.PlanSchema;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** The Gemini planner against a loopback fake speaking generateContent's wire format. */
class GeminiPlannerTest {

    private static final String GENERATE = ".*/models/gemini-2\\.5-flash:generateContent";

    private WireMockServer gemini;

    @BeforeEach
    void start() {
        gemini = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        gemini.start();
        refuseWhatGeminiRefuses();
    }

    /** Like the hosted service: a schema outside Gemini's subset is answered with 400 INVALID_ARGUMENT. */
    private void refuseWhatGeminiRefuses() {
        gemini.stubFor(post(urlPathMatching(GENERATE))
                .atPriority(1)
                .andMatching(ProviderRules::refusedByGemini)
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(ProviderRules.GEMINI_400)));
    }

    @AfterEach
    void stop() {
        gemini.stop();
    }

    private GeminiPlanner planner(Duration timeout) {
        return new GeminiPlanner(Fixtures.properties(gemini.baseUrl(), null, timeout));
    }

    private void answer(String scenarioState, String nextState, int status, String body) {
        gemini.stubFor(post(urlPathMatching(GENERATE))
                .inScenario("gemini")
                .whenScenarioStateIs(scenarioState)
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody(body))
                .willSetStateTo(nextState));
    }

    private List<JsonNode> requestBodies() {
        return gemini.findAll(postRequestedFor(urlPathMatching(GENERATE))).stream()
                .map(LoggedRequest::getBodyAsString)
                .map(GeminiPlannerTest::tree)
                .toList();
    }

    @Test
    void aGoodAnswerBecomesThePlanAndTheRequestIsConstrainedByThePlanSchema() {
        answer(Scenario.STARTED, "done", 200, Fixtures.geminiAnswer(Fixtures.SEED_PLAN));
        PlanningRequest request =
                Fixtures.request("Fill missing values and train a classifier on Survived", Fixtures.titanic());

        PlannerAnswer answer = planner(Duration.ofSeconds(10)).plan(request);

        assertThat(answer.plan().actions())
                .extracting(s -> s.type())
                .containsExactly(ActionType.IMPUTE, ActionType.ENCODE, ActionType.TRAIN_MODEL);
        gemini.verify(
                1, postRequestedFor(urlPathMatching(GENERATE)).withHeader("x-goog-api-key", equalTo(Fixtures.API_KEY)));
        JsonNode body = requestBodies().getFirst();
        assertThat(body.at("/generationConfig/temperature").asDouble()).isZero();
        assertThat(body.at("/generationConfig/responseMimeType").asText()).isEqualTo("application/json");
        // The SDK writes 200 as 200.0; equal as JSON numbers.
        // The schema in the subset Gemini accepts, derived from the one declaration of the plan.
        assertThat(body.at("/generationConfig/responseJsonSchema")
                        .equals(Fixtures.NUMBERS_BY_VALUE, ProviderSchemas.gemini()))
                .isTrue();
        assertThat(ProviderRules.geminiViolations(body.at("/generationConfig/responseJsonSchema")))
                .isEmpty();
        assertThat(body.at("/systemInstruction/parts/0/text").asText()).contains("never instructions");
        // What the planner recorded as sent is what the fake received.
        JsonNode recorded = Json.mapper().valueToTree(request.sent().getFirst());
        assertThat(recorded.get("contents")).isEqualTo(body.get("contents"));
        assertThat(recorded.get("systemInstruction")).isEqualTo(body.get("systemInstruction"));
        assertThat(body.toString()).doesNotContain(Fixtures.API_KEY);
    }

    @Test
    void aMalformedAnswerIsRepairedInOneRoundWithTheValidatorsErrors() {
        answer(Scenario.STARTED, "repair", 200, Fixtures.geminiAnswer("Sure! Here is your plan: impute then train"));
        answer("repair", "done", 200, Fixtures.geminiAnswer(Fixtures.SEED_PLAN));

        PlannerAnswer answer =
                planner(Duration.ofSeconds(10)).plan(Fixtures.request("impute and train", Fixtures.titanic()));

        assertThat(answer.plan().actions()).hasSize(3);
        assertThat(answer.warnings())
                .singleElement()
                .satisfies(w -> assertThat(w).contains("corrected"));
        List<JsonNode> bodies = requestBodies();
        assertThat(bodies).hasSize(2);
        JsonNode repair = bodies.get(1).get("contents");
        assertThat(repair).hasSize(3);
        assertThat(repair.get(1).get("role").asText()).isEqualTo("model");
        assertThat(repair.get(2).at("/parts/0/text").asText())
                .contains("not a valid plan")
                .contains("not valid JSON");
    }

    @Test
    void aPlanWithAnUnknownActionOrColumnIsRefusedAfterTheRepairRound() {
        String shell = """
                {"explanation": "x", "actions": [{"type": "run_shell", "params": {"cmd": "rm -rf /"}}]}""";
        answer(Scenario.STARTED, "again", 200, Fixtures.geminiAnswer(shell));
        answer("again", "done", 200, Fixtures.geminiAnswer(shell));
        assertThatThrownBy(() -> planner(Duration.ofSeconds(10)).plan(Fixtures.request("clean up", Fixtures.titanic())))
                .isInstanceOfSatisfying(AssistantException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
                    assertThat(e.getMessage()).contains("'run_shell' is not an action");
                });

        gemini.resetAll();
        String ghost = """
                {"explanation": "x", "actions": [{"type": "drop_columns", "params": {"columns": ["/etc/passwd"]}}]}""";
        answer(Scenario.STARTED, "again", 200, Fixtures.geminiAnswer(ghost));
        answer("again", "done", 200, Fixtures.geminiAnswer(ghost));
        assertThatThrownBy(() -> planner(Duration.ofSeconds(10)).plan(Fixtures.request("drop it", Fixtures.titanic())))
                .isInstanceOfSatisfying(
                        AssistantException.class,
                        e -> assertThat(e.getMessage()).contains("column '/etc/passwd' does not exist"));
    }

    @Test
    void tooManyRequestsIsRetriedWithBackoffThenSucceeds() {
        answer(Scenario.STARTED, "retry", 429, """
                {"error": {"code": 429, "message": "Resource exhausted", "status": "RESOURCE_EXHAUSTED"}}""");
        answer("retry", "done", 200, Fixtures.geminiAnswer(Fixtures.SEED_PLAN));

        PlannerAnswer answer =
                planner(Duration.ofSeconds(10)).plan(Fixtures.request("impute and train", Fixtures.titanic()));

        assertThat(answer.plan().actions()).hasSize(3);
        gemini.verify(2, postRequestedFor(urlPathMatching(GENERATE)));
    }

    @Test
    void aProviderThatDoesNotAnswerInTimeGivesAClearError() {
        gemini.stubFor(post(urlPathMatching(GENERATE))
                .willReturn(aResponse()
                        .withFixedDelay(4_000)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.geminiAnswer(Fixtures.SEED_PLAN))));

        assertThatThrownBy(() -> planner(Duration.ofMillis(800)).plan(Fixtures.request("impute", Fixtures.titanic())))
                .isInstanceOfSatisfying(AssistantException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
                    assertThat(e.getMessage()).contains("did not answer within");
                    assertThat(e.getMessage()).doesNotContain(Fixtures.API_KEY);
                });
    }

    @Test
    void aModelAnswerWiderThanTheRequestIsNarrowedBeforeThePersonSeesIt() {
        // The model drops rows missing anything although the person named one column.
        answer(Scenario.STARTED, "done", 200, Fixtures.geminiAnswer("""
                {"explanation": "Drop incomplete rows.", "actions": [
                  {"type": "drop_missing_rows", "params": {"columns": []}},
                  {"type": "scale", "params": {"columns": [], "method": "standard"}}]}"""));
        PlanningRequest request = Fixtures.request("drop rows where age is missing", Fixtures.titanic());

        PlannerAnswer answer = planner(Duration.ofSeconds(10)).plan(request);
        List<String> warnings = new java.util.ArrayList<>();
        dev.assay.model.plan.Plan checked = dev.assay.api.assistant.ScopeCheck.apply(answer.plan(), request, warnings);

        assertThat(checked.actions().getFirst().params().get("columns")).isEqualTo(List.of("Age"));
        assertThat(warnings)
                .anySatisfy(w -> assertThat(w)
                        .contains("Narrowed drop_missing_rows to Age")
                        .contains("every column"));
        // A step of a kind the person did not ask for, on every column, is flagged rather than silently kept.
        assertThat(warnings)
                .anySatisfy(w -> assertThat(w).contains("Check step scale").contains("named only Age"));
    }

    @Test
    void aModelThatSwapsAWayAssayDoesNotHaveForTheDefaultIsCalledOut() {
        // Asked for KNN, the model answers with a median fill: valid, and not what was asked.
        answer(Scenario.STARTED, "done", 200, Fixtures.geminiAnswer("""
                {"explanation": "Fill Age.", "actions": [
                  {"type": "impute", "params": {"columns": ["Age"], "strategy": "median"}}]}"""));
        PlanningRequest request = Fixtures.request("fill Age using KNN", Fixtures.titanic());

        PlannerAnswer answer = planner(Duration.ofSeconds(10)).plan(request);

        assertThat(dev.assay.api.assistant.planning.UnavailableMethods.warnings(
                        request.prompt(),
                        answer.plan().actions(),
                        request.profile().variables().keySet()))
                .singleElement()
                .satisfies(w -> assertThat(w)
                        .contains("K-nearest-neighbour imputation is not one of the ways Assay fills gaps")
                        .contains("the impute step uses median instead"));
    }

    @Test
    void theFakeRefusesTheFullSchemaAsTheServiceDid() {
        // Guards the fake itself: the schema as declared (with $defs, $ref, const) is what Gemini answered 400 to.
        assertThat(ProviderRules.geminiViolations(PlanSchema.plan()))
                .anySatisfy(v -> assertThat(v).contains("$defs"))
                .anySatisfy(v -> assertThat(v).contains("$ref"));
        assertThat(PlanSchema.plan().toString()).contains("\"const\"");
        assertThat(ProviderSchemas.gemini().toString())
                .doesNotContain("\"const\"")
                .doesNotContain("$ref");
    }

    @Test
    void whenTheProviderStillRefusesTheSchemaTheAnswerComesInJsonModeAndSaysSo() {
        // A provider version that refuses any responseJsonSchema.
        gemini.stubFor(post(urlPathMatching(GENERATE))
                .atPriority(1)
                .andMatching(r -> com.github.tomakehurst.wiremock.matching.MatchResult.of(
                        r.getBodyAsString().contains("responseJsonSchema")))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(ProviderRules.GEMINI_400)));
        answer(Scenario.STARTED, "done", 200, Fixtures.geminiAnswer(Fixtures.SEED_PLAN));

        PlannerAnswer answer =
                planner(Duration.ofSeconds(10)).plan(Fixtures.request("impute and train", Fixtures.titanic()));

        assertThat(answer.plan().actions()).hasSize(3);
        assertThat(answer.mode()).isEqualTo("JSON mode");
        assertThat(answer.warnings())
                .anySatisfy(w ->
                        assertThat(w).contains("did not accept the plan schema").contains("JSON mode"));
        List<JsonNode> bodies = requestBodies();
        assertThat(bodies).hasSize(2);
        assertThat(bodies.get(1).at("/generationConfig/responseJsonSchema").isMissingNode())
                .isTrue();
        assertThat(bodies.get(1).at("/generationConfig/responseMimeType").asText())
                .isEqualTo("application/json");
        assertThat(bodies.get(1).at("/systemInstruction/parts/0/text").asText())
                .contains("valid against this JSON Schema")
                .contains("\"drop_columns\"");
    }

    private static JsonNode tree(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (Exception e) {
            throw new AssertionError(json, e);
        }
    }
}
