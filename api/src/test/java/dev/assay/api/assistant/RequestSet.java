package dev.assay.api.assistant;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.api.assistant.planning.Conversation;
import dev.assay.model.json.Json;
import dev.assay.model.plan.Plan;
import dev.assay.model.plan.PlanStep;
import dev.assay.model.plan.validation.PlanValidator;
import dev.assay.model.profile.Profile;
import dev.assay.runner.core.EngineConfig;
import dev.assay.runner.core.ProgressListener;
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

    /**
     * One request of a set.
     *
     * @param only   the plan may hold nothing but the expected actions
     * @param refuse the answer must hold no action
     * @param says   strings the answer's words must contain (offered columns, a name not found)
     * @param plan   for follow-ups, the current plan; empty otherwise
     * @param turns  for follow-ups, the earlier turns, oldest first
     */
    public record Request(
            String id,
            String category,
            String dataset,
            String prompt,
            JsonNode expect,
            boolean only,
            boolean refuse,
            List<String> says,
            List<PlanStep> plan,
            List<Turn> turns) {

        public Conversation conversation() {
            return RequestSet.conversation(this);
        }
    }

    public static Conversation conversation(Request request) {
        return new Conversation(
                request.plan(),
                request.turns().stream()
                        .map(t -> new Conversation.Turn(t.prompt(), t.before()))
                        .toList());
    }

    /** An earlier turn of a conversation: what was asked and the plan before it. */
    public record Turn(String prompt, List<PlanStep> before) {}

    public record Outcome(Request request, Plan plan, boolean matched, String why) {}

    private RequestSet() {}

    public static List<Request> read(Path file) {
        try {
            List<Request> requests = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    JsonNode node = Json.mapper().readTree(line);
                    List<String> says = new ArrayList<>();
                    node.path("says").forEach(s -> says.add(s.asText()));
                    List<Turn> turns = new ArrayList<>();
                    node.path("turns")
                            .forEach(t -> turns.add(new Turn(t.get("prompt").asText(), steps(t.path("before")))));
                    requests.add(new Request(
                            node.get("id").asText(),
                            node.path("category").asText("uncategorised"),
                            node.get("dataset").asText(),
                            node.get("prompt").asText(),
                            node.get("expect"),
                            node.path("only").asBoolean(false),
                            node.path("refuse").asBoolean(false),
                            says,
                            steps(node.path("plan")),
                            turns));
                }
            }
            return requests;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<PlanStep> steps(JsonNode array) {
        List<PlanStep> steps = new ArrayList<>();
        for (JsonNode step : array) {
            steps.add(Json.mapper().convertValue(step, PlanStep.class));
        }
        return steps;
    }

    public static Profile profile(String dataset) {
        return PROFILES.computeIfAbsent(
                dataset,
                d -> new ProfilePipeline(EngineConfig.defaults())
                        .read(DATASETS.resolve(d), ProgressListener.NONE)
                        .profile());
    }

    /** Judges a plan and the answer's words (explanation and warnings) by the rule of the README. */
    public static Outcome judge(Request request, Plan plan, List<String> warnings) {
        // An answer without actions (a refusal or a question) is not a plan to validate; the rules below judge it.
        if (!plan.actions().isEmpty()
                && !PlanValidator.check(plan, profile(request.dataset()).schema())
                        .isEmpty()) {
            return new Outcome(
                    request,
                    plan,
                    false,
                    "invalid: "
                            + PlanValidator.check(
                                    plan, profile(request.dataset()).schema()));
        }
        if (request.refuse() && !plan.actions().isEmpty()) {
            return new Outcome(request, plan, false, "expected no action");
        }
        String words = (plan.explanation() + " " + String.join(" ", warnings)).toLowerCase(Locale.ROOT);
        for (String said : request.says()) {
            if (!words.contains(said.toLowerCase(Locale.ROOT))) {
                return new Outcome(request, plan, false, "the answer does not say '" + said + "': " + words);
            }
        }
        int at = 0;
        int found = 0;
        for (JsonNode expected : request.expect()) {
            boolean hit = false;
            while (at < plan.actions().size()) {
                PlanStep step = plan.actions().get(at++);
                if (matches(expected, step)) {
                    hit = true;
                    found++;
                    break;
                }
            }
            if (!hit) {
                return new Outcome(request, plan, false, "missing " + expected);
            }
        }
        if (request.only() && plan.actions().size() != found) {
            return new Outcome(request, plan, false, "actions beyond the expected ones");
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
