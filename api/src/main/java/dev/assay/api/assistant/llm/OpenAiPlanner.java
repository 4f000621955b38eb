package dev.assay.api.assistant.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.api.assistant.planning.AssistantException;
import dev.assay.api.assistant.planning.AssistantProperties;
import dev.assay.model.json.Json;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Any OpenAI-compatible chat completions endpoint (Ollama, vLLM, llama.cpp server, hosted APIs), for people
 * who keep data on their own hardware: the plan's JSON Schema as a strict response_format (in the subset strict mode
 * accepts, {@link ProviderSchemas#openAiStrict()}; JSON mode when the server refuses it), temperature 0, retries with
 * exponential backoff on 429 and 5xx.
 */
public final class OpenAiPlanner extends LlmPlanner {

    /** The plan schema in the subset OpenAI's strict structured outputs accept. */
    private static final com.fasterxml.jackson.databind.node.ObjectNode SCHEMA = ProviderSchemas.openAiStrict();

    private final HttpClient http;
    private final URI endpoint;
    private final AssistantProperties.OpenAi settings;
    private final Duration timeout;
    private final Retry retry;

    public OpenAiPlanner(AssistantProperties properties) {
        this.settings = properties.openai();
        this.timeout = properties.timeout();
        String base = settings.url()
                .orElseThrow(() -> new IllegalStateException("assay.assistant.openai.base-url is not set"));
        this.endpoint = URI.create(base.replaceAll("/+$", "") + "/chat/completions");
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.retry = Retry.of(
                "openai",
                RetryConfig.<HttpResponse<String>>custom()
                        .maxAttempts(properties.maxRetries() + 1)
                        .intervalFunction(IntervalFunction.ofExponentialBackoff(
                                properties.initialBackoff(), 2.0, Duration.ofSeconds(30)))
                        .retryOnResult(response -> response.statusCode() == 429 || response.statusCode() >= 500)
                        .retryExceptions(java.net.ConnectException.class)
                        .ignoreExceptions(HttpTimeoutException.class)
                        .failAfterMaxAttempts(false)
                        .build());
    }

    @Override
    public String name() {
        return "openai";
    }

    @Override
    protected String complete(String system, List<Message> messages, List<Object> sent, boolean structured) {
        Map<String, Object> body = body(system, messages, structured);
        sent.add(body);
        String json = Json.write(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        settings.key().ifPresent(key -> request.header("Authorization", "Bearer " + key));
        HttpResponse<String> response;
        try {
            response = retry.executeCheckedSupplier(
                    () -> http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (HttpTimeoutException e) {
            throw AssistantException.timeout(name(), timeout);
        } catch (IOException e) {
            throw AssistantException.unavailable(name(), 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AssistantException.timeout(name(), timeout);
        } catch (Throwable e) {
            throw new IllegalStateException("calling the OpenAI-compatible endpoint failed", e);
        }
        if (response.statusCode() == 429 || response.statusCode() >= 500) {
            throw AssistantException.unavailable(name(), response.statusCode());
        }
        if (structured && response.statusCode() == 400) {
            throw new SchemaRefused(response.statusCode());
        }
        if (response.statusCode() >= 400) {
            throw AssistantException.refused(name(), response.statusCode());
        }
        return content(response.body());
    }

    private Map<String, Object> body(String system, List<Message> messages, boolean structured) {
        List<Map<String, String>> chat = new ArrayList<>();
        chat.add(Map.of("role", "system", "content", system));
        for (Message message : messages) {
            chat.add(Map.of(
                    "role", message.role() == Message.Role.USER ? "user" : "assistant", "content", message.text()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", settings.model());
        body.put("temperature", 0);
        body.put("messages", chat);
        body.put(
                "response_format",
                structured
                        ? Map.of(
                                "type",
                                "json_schema",
                                "json_schema",
                                Map.of("name", "plan", "strict", true, "schema", SCHEMA))
                        : Map.of("type", "json_object"));
        return body;
    }

    /** choices[0].message.content; anything else is an unusable answer. */
    private String content(String responseBody) {
        try {
            JsonNode content = Json.mapper().readTree(responseBody).at("/choices/0/message/content");
            if (content.isMissingNode() || !content.isTextual()) {
                throw AssistantException.unusableAnswer(name(), "the response had no message content");
            }
            return content.asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public java.util.Optional<String> model() {
        return java.util.Optional.of(settings.model());
    }
}
