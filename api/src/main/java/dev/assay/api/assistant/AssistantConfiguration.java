package dev.assay.api.assistant;

import dev.assay.api.assistant.builtin.BuiltInPlanner;
import dev.assay.api.assistant.llm.GeminiPlanner;
import dev.assay.api.assistant.llm.OpenAiPlanner;
import dev.assay.api.assistant.planning.AssistantProperties;
import dev.assay.api.assistant.planning.Planner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the planner: an LLM when one is configured, else the built-in planner, so it works out of the box. */
@Configuration
public class AssistantConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(AssistantConfiguration.class);

    @Bean
    Planner planner(AssistantProperties properties) {
        String provider = switch (properties.provider()) {
            case "auto" ->
                properties.gemini().key().isPresent()
                        ? "gemini"
                        : properties.openai().url().isPresent() ? "openai" : "builtin";
            default -> properties.provider();
        };
        Planner planner = switch (provider) {
            case "gemini" -> new GeminiPlanner(properties);
            case "openai" -> new OpenAiPlanner(properties);
            default -> new BuiltInPlanner();
        };
        LOG.info(
                "assistant planner: {} ({})",
                planner.name(),
                provider.equals("builtin")
                        ? "offline"
                        : provider.equals("gemini") ? properties.gemini() : properties.openai());
        return planner;
    }
}
