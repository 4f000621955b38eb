package dev.assay.api.assistant.planning;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which planner answers the assistant, and how to reach an LLM. With nothing set, the built-in planner runs
 * offline. Keys are never printed: {@link #toString()} and the nested records' say only whether one is set.
 *
 * @param provider   auto (Gemini if a Gemini key is set, else OpenAI-compatible if a base URL is set, else
 *                   built-in), builtin, gemini or openai
 * @param timeout    how long one call to a provider may take
 * @param maxRetries extra attempts after a 429 or 5xx answer, with exponential backoff
 */
@Validated
@ConfigurationProperties("assay.assistant")
public record AssistantProperties(
        @DefaultValue("auto")
        @Pattern(regexp = "auto|builtin|gemini|openai", message = "must be auto, builtin, gemini or openai")
        String provider,

        @DefaultValue @Valid Gemini gemini,
        @DefaultValue @Valid OpenAi openai,
        @DefaultValue("30s") @NotNull Duration timeout,
        @DefaultValue("3") @Min(0) @Max(10) int maxRetries,
        @DefaultValue("500ms") @NotNull Duration initialBackoff) {

    /** @param baseUrl empty: Google's endpoint */
    public record Gemini(
            String apiKey, @DefaultValue("gemini-2.5-flash") String model, String baseUrl) {

        public Optional<String> key() {
            return Optional.ofNullable(apiKey).filter(k -> !k.isBlank());
        }

        @Override
        public String toString() {
            return "Gemini[model=" + model + ", baseUrl=" + baseUrl + ", apiKey="
                    + (key().isPresent() ? "(set)" : "(unset)") + "]";
        }
    }

    /** An OpenAI-compatible chat completions endpoint: baseUrl ends before /chat/completions, e.g. http://localhost:11434/v1. */
    public record OpenAi(
            String baseUrl,
            String apiKey,
            @DefaultValue("gpt-4o-mini") String model) {

        public Optional<String> url() {
            return Optional.ofNullable(baseUrl).filter(u -> !u.isBlank());
        }

        public Optional<String> key() {
            return Optional.ofNullable(apiKey).filter(k -> !k.isBlank());
        }

        @Override
        public String toString() {
            return "OpenAi[model=" + model + ", baseUrl=" + baseUrl + ", apiKey="
                    + (key().isPresent() ? "(set)" : "(unset)") + "]";
        }
    }
}
