package dev.assay.api.assistant;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.json.Json;
import dev.assay.model.plan.Plan;
import dev.assay.model.plan.PlanStep;
import dev.assay.model.plan.validation.PlanValidator;
import dev.assay.model.profile.Profile;
import dev.assay.runner.engine.EngineConfig;
import dev.assay.runner.engine.ProgressListener;
import dev.assay.runner.profile.ProfilePipeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A request set (examples/assistant/prompts-dev.jsonl and the held-out set) and its matching rule, as
 * examples/assistant/README.md states it: expected actions in order, given params equal (strings ignoring
 * case, column lists as sets), mentioned columns somewhere in the action's params, and the plan valid.
 */
public final class RequestSet {

    public static final Path DATASETS = Path.of("..", "examples", "datasets");
    private static final Map<String, Profile> PROFILES = new ConcurrentHashMap<>();

    public record Request(String id, String dataset, String prompt, JsonNode expect) {
    }

    public record Outcome(Request request, Plan plan, boolean matched, String why) {
    }

    private RequestSet() {
    }

    public static List<Request> read(Path file) {
        try {
            List<Request> requests = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    JsonNode node = Json.mapper().readTree(line);
                    requests.add(new Request(node.get("id").asText(), node.get("dataset").asText(),
                            node.get("prompt").asText(), node.get("expect")));
                }
            }
            return requests;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Profile profile(String dataset) {
        return PROFILES.computeIfAbsent(dataset, d -> new ProfilePipeline(EngineConfig.defaults())
                .read(DATASETS.resolve(d), ProgressListener.NONE).profile());
    }

    public static Outcome judge(Request request, Plan plan) {
        if (!PlanValidator.check(plan, profile(request.dataset()).schema()).isEmpty()) {
            return new Outcome(request, plan, false, "invalid: " + PlanValidator.check(plan, profile(request.dataset()).schema()));
        }
        int at = 0;
        for (JsonNode expected : request.expect()) {
            boolean found = false;
            while (at < plan.actions().size()) {
                PlanStep step = plan.actions().get(at++);
                if (matches(expected, step)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return new Outcome(request, plan, false, "missing " + expected);
            }
        }
        return new Outcome(request, plan, true, "");
    }

    private static boolean matches(JsonNode expected, PlanStep step) {
        if (!expected.get("type").asText().equals(step.type().wireName())) {
            return false;
        }
        JsonNode params = expected.get("params");
        if (params != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!same(field.getValue(), step.params().get(field.getKey()))) {
                    return false;
                }
            }
        }
        JsonNode mentions = expected.get("mentions");
        if (mentions != null) {
            String all = strings(step.params()).toString().toLowerCase(Locale.ROOT);
            for (JsonNode mention : mentions) {
                if (!strings(step.params()).contains(mention.asText().toLowerCase(Locale.ROOT))) {
                    return false;
                }
            }
            return !all.isEmpty();
        }
        return true;
    }

    private static boolean same(JsonNode expected, Object actual) {
        if (actual == null) {
            return false;
        }
        if (expected.isArray()) {
            if (!(actual instanceof List<?> list)) {
                return false;
            }
            Set<String> want = new HashSet<>();
            expected.forEach(e -> want.add(e.asText().toLowerCase(Locale.ROOT)));
            Set<String> have = new HashSet<>();
            list.forEach(e -> have.add(String.valueOf(e).toLowerCase(Locale.ROOT)));
            return want.equals(have);
        }
        if (expected.isNumber()) {
            return actual instanceof Number n && n.doubleValue() == expected.asDouble();
        }
        return expected.asText().equalsIgnoreCase(String.valueOf(actual));
    }

    /** Every string value in the params, lower-cased, at any depth. */
    private static Set<String> strings(Object value) {
        Set<String> out = new HashSet<>();
        collect(value, out);
        return out;
    }

    private static void collect(Object value, Set<String> out) {
        if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> collect(v, out));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> collect(v, out));
        } else if (value != null) {
            out.add(String.valueOf(value).toLowerCase(Locale.ROOT));
        }
    }
}
