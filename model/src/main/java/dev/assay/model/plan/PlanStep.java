package dev.assay.model.plan;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.assay.model.plan.params.ActionType;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Required;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * One action of a plan as written: its type and its parameters as plain data. The parameters stay a map
 * here so that the same record travels through Jackson 2 (custom resources, files) and Jackson 3 (REST);
 * they become typed only by validation.
 */
@NullMarked
public record PlanStep(
        // A step as written (by a person, an LLM, an old plan) may lack its type: validation names it, not the reader.
        @Required @JsonPropertyDescription("One of the whitelisted action types.") @Nullable
        ActionType type,
        // In a custom resource the API server keeps params as written; the operator and the runner validate them.
        @Required
        @com.fasterxml.jackson.annotation.JsonProperty(required = true)
        @PreserveUnknownFields
        @SchemaFrom(type = com.fasterxml.jackson.databind.JsonNode.class)
        @JsonPropertyDescription("The action's parameters; see the plan's JSON Schema (GET /api/v1/plan-schema).")
        Map<String, Object> params) {

    public PlanStep {
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /**
     * The step as a person reads it, the same words as the UI's chips: {@code Fill missing · median · Age},
     * {@code Drop columns · Cabin}, {@code Train model · classification · → Survived}.
     */
    public String inWords() {
        java.util.List<String> parts = new java.util.ArrayList<>();
        parts.add(type.label());
        for (String key : java.util.List.of("strategy", "method", "operation", "to", "task", "model", "target")) {
            if (params.get(key) instanceof String text && !text.isEmpty()) {
                parts.add(key.equals("target") ? "→ " + text : text.replace('_', ' '));
            }
        }
        if (params.get("columns") instanceof java.util.List<?> columns) {
            parts.add(
                    columns.isEmpty()
                            ? "all applicable columns"
                            : String.join(
                                    ", ", columns.stream().map(String::valueOf).toList()));
        }
        if (params.get("new_column") instanceof String name && !name.isEmpty()) {
            parts.add("as " + name);
        }
        return String.join(" · ", parts);
    }
}
