package dev.assay.api.assistant;

import dev.assay.api.assistant.planning.AssistantProperties;
import dev.assay.api.assistant.planning.PlanningRequest;
import dev.assay.api.assistant.planning.PromptContext;
import dev.assay.model.json.Json;
import dev.assay.model.profile.Profile;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Requests, answers and settings shared by the assistant's tests. */
public final class Fixtures {

    public static final String API_KEY = "test-secret-key-4711";

    public static final String SEED_PLAN = """
            {"explanation": "Impute missing values, encode Sex, train a classifier on Survived.",
             "actions": [
               {"type": "impute", "params": {"strategy": "median", "columns": []}},
               {"type": "encode", "params": {"columns": ["Sex"], "method": "onehot"}},
               {"type": "train_model", "params": {"task": "classification", "target": "Survived", "model": "random_forest"}}]}""";

    /** JSON equality where 200 and 200.0 are the same number. */
    public static final java.util.Comparator<com.fasterxml.jackson.databind.JsonNode> NUMBERS_BY_VALUE = (a, b) ->
            a.isNumber() && b.isNumber() ? Double.compare(a.doubleValue(), b.doubleValue()) : (a.equals(b) ? 0 : 1);

    private Fixtures() {}

    public static AssistantProperties properties(String geminiBaseUrl, String openAiBaseUrl, Duration timeout) {
        return new AssistantProperties(
                "auto",
                new AssistantProperties.Gemini(API_KEY, "gemini-2.5-flash", geminiBaseUrl),
                new AssistantProperties.OpenAi(openAiBaseUrl, API_KEY, "local-model"),
                timeout,
                2,
                Duration.ofMillis(50));
    }

    public static Profile titanic() {
        return RequestSet.profile("titanic.csv");
    }

    public static PlanningRequest request(String prompt, Profile profile) {
        PromptContext context = new ContextBuilder().build(prompt, profile, false, 0, rows -> List.of());
        return new PlanningRequest(prompt, profile, context, new java.util.ArrayList<>());
    }

    /** Gemini's generateContent answer carrying the given text. */
    public static String geminiAnswer(String text) {
        return Json.write(Map.of(
                "candidates",
                List.of(Map.of(
                        "content",
                        Map.of("role", "model", "parts", List.of(Map.of("text", text))),
                        "finishReason",
                        "STOP",
                        "index",
                        0)),
                "modelVersion",
                "gemini-2.5-flash"));
    }

    /** An OpenAI chat completion carrying the given text. */
    public static String openAiAnswer(String text) {
        return Json.write(Map.of(
                "id",
                "chatcmpl-1",
                "object",
                "chat.completion",
                "model",
                "local-model",
                "choices",
                List.of(Map.of(
                        "index",
                        0,
                        "finish_reason",
                        "stop",
                        "message",
                        Map.of("role", "assistant", "content", text)))));
    }
}
