package dev.assay.api.assistant.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.model.plan.schema.PlanSchema;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plan's JSON Schema (declared once, {@link PlanSchema}) cut to the subset each provider's structured output
 * accepts. Both: references inlined (no $defs/$ref), a one-value enum for const, no $schema/$id. Gemini
 * (responseJsonSchema): only the keywords its documentation lists (type, properties, required, items, enum, anyOf,
 * description, title, minimum, maximum, minItems, maxItems, format, nullable, additionalProperties,
 * propertyOrdering). OpenAI strict mode: type, properties, required, items, enum, anyOf, description,
 * additionalProperties; every object lists every property as required and sets additionalProperties false, and an
 * optional property takes null instead. The validator still checks every answer against the full rules.
 */
public final class ProviderSchemas {

    static final Set<String> GEMINI_KEYWORDS = Set.of(
            "type",
            "properties",
            "required",
            "items",
            "enum",
            "anyOf",
            "description",
            "title",
            "minimum",
            "maximum",
            "minItems",
            "maxItems",
            "format",
            "nullable",
            "additionalProperties",
            "propertyOrdering");
    static final Set<String> OPENAI_STRICT_KEYWORDS =
            Set.of("type", "properties", "required", "items", "enum", "anyOf", "description", "additionalProperties");

    private ProviderSchemas() {}

    public static ObjectNode gemini() {
        return (ObjectNode) subset(inline(PlanSchema.plan()), GEMINI_KEYWORDS, false);
    }

    public static ObjectNode openAiStrict() {
        return (ObjectNode) subset(inline(PlanSchema.plan()), OPENAI_STRICT_KEYWORDS, true);
    }

    /** The schema with every $ref replaced by its definition and const written as a one-value enum. */
    static JsonNode inline(ObjectNode schema) {
        JsonNode defs = schema.path("$defs");
        return resolve(schema, defs, 0);
    }

    private static JsonNode resolve(JsonNode node, JsonNode defs, int depth) {
        if (depth > 32) {
            throw new IllegalStateException("the plan schema is recursive; it cannot be inlined");
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> out.add(resolve(item, defs, depth + 1)));
            return out;
        }
        if (!node.isObject()) {
            return node;
        }
        if (node.has("$ref")) {
            String name = node.get("$ref").asText().replace("#/$defs/", "");
            ObjectNode target = ((ObjectNode) defs.get(name)).deepCopy();
            // Keywords beside $ref (a description) win over the definition's.
            node.properties().forEach(e -> {
                if (!e.getKey().equals("$ref")) {
                    target.set(e.getKey(), e.getValue());
                }
            });
            return resolve(target, defs, depth + 1);
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = field.getKey();
            if (key.equals("$defs")) {
                continue;
            }
            if (key.equals("const")) {
                out.set("enum", JsonNodeFactory.instance.arrayNode().add(field.getValue()));
                if (field.getValue().isTextual() && !node.has("type")) {
                    out.put("type", "string");
                }
                continue;
            }
            // "properties" maps names to schemas: its keys are not keywords.
            out.set(
                    key,
                    key.equals("properties")
                            ? properties(field.getValue(), defs, depth)
                            : resolve(field.getValue(), defs, depth + 1));
        }
        return out;
    }

    private static JsonNode properties(JsonNode properties, JsonNode defs, int depth) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        properties.properties().forEach(e -> out.set(e.getKey(), resolve(e.getValue(), defs, depth + 1)));
        return out;
    }

    private static JsonNode subset(JsonNode node, Set<String> keywords, boolean strict) {
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> out.add(subset(item, keywords, strict)));
            return out;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            if (!keywords.contains(key)) {
                continue;
            }
            if (key.equals("properties")) {
                ObjectNode properties = JsonNodeFactory.instance.objectNode();
                field.getValue()
                        .properties()
                        .forEach(e -> properties.set(e.getKey(), subset(e.getValue(), keywords, strict)));
                out.set(key, properties);
            } else if (key.equals("additionalProperties") && field.getValue().isObject()) {
                if (!strict) {
                    out.set(key, subset(field.getValue(), keywords, false));
                }
            } else {
                out.set(key, subset(field.getValue(), keywords, strict));
            }
        }
        if (strict && out.has("properties")) {
            strictObject(out);
        }
        return out;
    }

    /** OpenAI strict: every property required, optional ones nullable, no other properties. */
    private static void strictObject(ObjectNode object) {
        Set<String> required = new java.util.HashSet<>();
        object.path("required").forEach(r -> required.add(r.asText()));
        ArrayNode all = JsonNodeFactory.instance.arrayNode();
        ObjectNode properties = (ObjectNode) object.get("properties");
        List<String> names = new java.util.ArrayList<>();
        properties.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            all.add(name);
            if (!required.contains(name)) {
                properties.set(name, nullable(properties.get(name)));
            }
        }
        object.set("required", all);
        object.put("additionalProperties", false);
        object.put("type", "object");
    }

    private static JsonNode nullable(JsonNode schema) {
        ObjectNode copy = ((ObjectNode) schema).deepCopy();
        JsonNode type = copy.get("type");
        if (type != null && type.isTextual()) {
            copy.set(
                    "type",
                    JsonNodeFactory.instance.arrayNode().add(type.asText()).add("null"));
            if (copy.has("enum")) {
                ((ArrayNode) copy.get("enum")).addNull();
            }
            return copy;
        }
        ObjectNode wrapper = JsonNodeFactory.instance.objectNode();
        wrapper.set(
                "anyOf",
                JsonNodeFactory.instance
                        .arrayNode()
                        .add(copy)
                        .add(JsonNodeFactory.instance.objectNode().put("type", "null")));
        return wrapper;
    }
}
