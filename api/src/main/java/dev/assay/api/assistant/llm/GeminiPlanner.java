package dev.assay.api.assistant.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.genai.Client;
import com.google.genai.JsonSerializable;
import com.google.genai.errors.ApiException;
import com.google.genai.errors.GenAiIOException;
import com.google.genai.types.Content;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.HttpRetryOptions;
import com.google.genai.types.Part;
import dev.assay.api.assistant.planning.AssistantException;
import dev.assay.api.assistant.planning.AssistantProperties;
import dev.assay.model.json.Json;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gemini through Google's google-genai SDK: structured output constrained by the plan's JSON Schema in the subset
 * Gemini accepts ({@link ProviderSchemas#gemini()}), JSON mode when it refuses that,
 * temperature 0, the SDK's own retries with exponential backoff on 429 and 5xx.
 */
public final class GeminiPlanner extends LlmPlanner {

    private static final List<Integer> RETRIED = List.of(408, 429, 500, 502, 503, 504);

    private final Client client;
    private final String model;
    private final Duration timeout;
    private final com.fasterxml.jackson.databind.node.ObjectNode schema;

    public GeminiPlanner(AssistantProperties properties) {
        AssistantProperties.Gemini gemini = properties.gemini();
        this.model = gemini.model();
        this.timeout = properties.timeout();
        HttpOptions.Builder http = HttpOptions.builder()
                .timeout((int) properties.timeout().toMillis())
                .retryOptions(HttpRetryOptions.builder()
                        .attempts(properties.maxRetries() + 1)
                        .initialDelay(properties.initialBackoff().toMillis() / 1000.0)
                        .maxDelay(30.0)
                        .expBase(2.0)
                        .httpStatusCodes(RETRIED));
        if (gemini.baseUrl() != null && !gemini.baseUrl().isBlank()) {
            http.baseUrl(gemini.baseUrl());
        }
        this.client = Client.builder()
                .apiKey(gemini.key()
                        .orElseThrow(() -> new IllegalStateException("assay.assistant.gemini.api-key is not set")))
                .httpOptions(http.build())
                .build();
        this.schema = ProviderSchemas.gemini();
    }

    @Override
    public String name() {
        return "gemini";
    }

    @Override
    protected String complete(String system, List<Message> messages, List<Object> sent, boolean structured) {
        List<Content> contents = messages.stream().map(GeminiPlanner::content).toList();
        GenerateContentConfig.Builder config =
                GenerateContentConfig.builder().temperature(0f).responseMimeType("application/json");
        if (structured) {
            config.responseJsonSchema(Json.mapper().convertValue(schema, Map.class));
        }
        GenerateContentConfig request = config.systemInstruction(Content.fromParts(Part.fromText(system)))
                .build();
        sent.add(describe(contents, request, structured));
        try {
            GenerateContentResponse response = client.models.generateContent(model, contents, request);
            return response.text();
        } catch (ApiException e) {
            if (structured && e.code() == 400) {
                throw new SchemaRefused(e.code());
            }
            if (RETRIED.contains(e.code())) {
                throw AssistantException.unavailable(name(), e.code());
            }
            throw AssistantException.refused(name(), e.code());
        } catch (GenAiIOException e) {
            if (isTimeout(e)) {
                throw AssistantException.timeout(name(), timeout);
            }
            throw AssistantException.unavailable(name(), 0);
        }
    }

    private static boolean isTimeout(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InterruptedIOException) {
                return true;
            }
        }
        return false;
    }

    private static Content content(Message message) {
        return Content.builder()
                .role(message.role() == Message.Role.USER ? "user" : "model")
                .parts(List.of(Part.fromText(message.text())))
                .build();
    }

    /** The request as the generateContent wire format carries it: contents, systemInstruction, generationConfig. */
    private Object describe(List<Content> contents, GenerateContentConfig request, boolean structured) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model);
        body.put("contents", contents.stream().map(c -> tree(c.toJson())).toList());
        body.put(
                "systemInstruction",
                tree(request.systemInstruction().orElseThrow().toJson()));
        Map<String, Object> generation = new LinkedHashMap<>();
        generation.put("temperature", 0);
        generation.put("responseMimeType", "application/json");
        if (structured) {
            generation.put("responseJsonSchema", schema);
        }
        body.put("generationConfig", generation);
        return body;
    }

    private static JsonNode tree(String json) {
        return JsonSerializable.stringToJsonNode(json);
    }

    @Override
    public java.util.Optional<String> model() {
        return java.util.Optional.of(model);
    }
}
