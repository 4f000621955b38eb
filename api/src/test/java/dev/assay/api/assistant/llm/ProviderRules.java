package dev.assay.api.assistant.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import dev.assay.model.json.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the providers refuse, written down for the loopback fakes from their documentation of structured output:
 * a fake answers HTTP 400 INVALID_ARGUMENT to a schema outside its provider's subset, as the hosted services did,
 * so a regression in the schema we send fails a test instead of a person's request.
 */
final class ProviderRules {

    /** Gemini responseJsonSchema: the documented keywords only; no $ref/$defs, no const. */
    static final Set<String> GEMINI = Set.of(
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
    /** OpenAI strict structured outputs: a smaller set of keywords (const left out, as some versions refuse it). */
    static final Set<String> OPENAI_STRICT =
            Set.of("type", "properties", "required", "items", "enum", "anyOf", "description", "additionalProperties");

    private ProviderRules() {}

    static List<String> geminiViolations(JsonNode schema) {
        List<String> out = new ArrayList<>();
        keywords(schema, GEMINI, "", out);
        return out;
    }

    static List<String> openAiStrictViolations(JsonNode schema) {
        List<String> out = new ArrayList<>();
        if (!"object".equals(schema.path("type").asText())) {
            out.add("root: the root must be an object, not anyOf");
        }
        keywords(schema, OPENAI_STRICT, "", out);
        strict(schema, "", out);
        return out;
    }

    private static void keywords(JsonNode node, Set<String> allowed, String at, List<String> out) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                keywords(node.get(i), allowed, at + "/" + i, out);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        node.fieldNames().forEachRemaining(key -> {
            if (!allowed.contains(key)) {
                out.add(at + ": keyword '" + key + "' is not supported");
            } else if (key.equals("properties")) {
                node.get(key)
                        .fieldNames()
                        .forEachRemaining(p -> keywords(node.get(key).get(p), allowed, at + "/" + p, out));
            } else if (!key.equals("enum") && !key.equals("required")) {
                keywords(node.get(key), allowed, at + "/" + key, out);
            }
        });
    }

    /** Every object: additionalProperties false and every property required. */
    private static void strict(JsonNode node, String at, List<String> out) {
        if (node.isArray()) {
            node.forEach(n -> strict(n, at, out));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        if (node.has("properties")) {
            if (!node.path("additionalProperties").isBoolean()
                    || node.get("additionalProperties").asBoolean()) {
                out.add(at + ": additionalProperties must be false");
            }
            Set<String> required = new HashSet<>();
            node.path("required").forEach(r -> required.add(r.asText()));
            node.get("properties").fieldNames().forEachRemaining(p -> {
                if (!required.contains(p)) {
                    out.add(at + "/" + p + ": every property must be required");
                }
                strict(node.get("properties").get(p), at + "/" + p, out);
            });
        }
        for (String key : List.of("items", "anyOf")) {
            if (node.has(key)) {
                strict(node.get(key), at + "/" + key, out);
            }
        }
    }

    /** WireMock: the request carries a schema this provider refuses (the stub answering 400 matches it). */
    static MatchResult refusedByGemini(Request request) {
        JsonNode schema = body(request).at("/generationConfig/responseJsonSchema");
        return MatchResult.of(
                !schema.isMissingNode() && !geminiViolations(schema).isEmpty());
    }

    static MatchResult refusedByOpenAiStrict(Request request) {
        JsonNode format = body(request).path("response_format");
        boolean strict = format.at("/json_schema/strict").asBoolean(false);
        return MatchResult.of("json_schema".equals(format.path("type").asText())
                && (!strict
                        || !openAiStrictViolations(format.at("/json_schema/schema"))
                                .isEmpty()));
    }

    static final String GEMINI_400 = """
            {"error": {"code": 400, "message": "Invalid JSON payload received. Unknown name \\"$ref\\" at \
            'generation_config.response_json_schema'", "status": "INVALID_ARGUMENT"}}""";
    static final String OPENAI_400 = """
            {"error": {"message": "Invalid schema for response_format 'plan'", "type": "invalid_request_error", \
            "param": "response_format", "code": null}}""";

    private static JsonNode body(Request request) {
        try {
            return Json.mapper().readTree(request.getBodyAsString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
