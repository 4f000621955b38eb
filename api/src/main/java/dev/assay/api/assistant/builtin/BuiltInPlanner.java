package dev.assay.api.assistant.builtin;

import dev.assay.api.assistant.planning.Explanations;
import dev.assay.api.assistant.planning.Planner;
import dev.assay.api.assistant.planning.PlannerAnswer;
import dev.assay.api.assistant.planning.PlanningRequest;
import dev.assay.api.assistant.planning.UnavailableMethods;
import dev.assay.model.plan.Plan;
import dev.assay.model.plan.PlanStep;
import dev.assay.model.plan.params.ActionType;
import dev.assay.model.profile.Profile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The offline planner: deterministic, no model, nothing leaves Assay. It reads a request clause by clause,
 * recognises the common intents in many wordings, finds the columns they name, and says what it did not
 * understand instead of guessing. Its plans are validated like any other planner's.
 *
 * <p>This class is only the entry point. The reading is in three parts: parsing ({@link RequestClauses} cuts the
 * request into clauses, {@link Clause} reads one, {@link ModelWords} finds a model's target and features), column
 * resolution ({@link ColumnResolution}: words to columns, or the question to ask), and plan assembly
 * ({@link PlanAssembly} for the whole request, {@link ClauseSteps}, {@link FeatureSteps} and {@link ModelStep} for
 * the steps of one clause). Follow-ups to an earlier plan are {@link FollowUps}.
 */
public final class BuiltInPlanner implements Planner {

    /**
     * Text that reads as code, a query, a shell command or a file path (quoted values left out first, so a quoted
     * regular expression or fill value is not mistaken for code). Such a request is refused whole: running any of
     * it is not what Assay does, and acting on the column names inside it would be a guess.
     */
    private static final Pattern CODE = Pattern.compile(
            "(?i)"
                    + "\\b(?:select\\s+(?:\\*|[\\w\",\\s]+?)\\s+from\\s+\\w+(?:\\s+where\\b|\\s*;|\\s*$)|delete\\s+from\\b"
                    + "|insert\\s+into\\b|update\\s+\\w+\\s+set\\b|(?:drop|truncate|alter|create)\\s+(?:table|database|schema|view|index)\\b"
                    + "|truncate\\s+\\w+\\s*;?\\s*$|union\\s+(?:all\\s+)?select\\b)"
                    + "|;\\s*--|--\\s*$|/\\*.*\\*/"
                    + "|\\brm\\s+-\\w+|&&|\\|\\||\\$\\(|\\$\\{|\\bsudo\\b|\\bchmod\\b|\\bcurl\\s|\\bwget\\s|\\becho\\s|\\bcat\\s+\\S*/"
                    + "|(?:^|[\\s'\"])(?:\\.\\./|~/|/(?:etc|var|usr|home|tmp|root|bin|proc|dev)(?:/|\\b))|\\b[a-z]:\\\\"
                    + "|\\bimport\\s+[\\w.]+|\\bfrom\\s+[\\w.]+\\s+import\\b|\\bdef\\s+\\w+\\s*\\(|\\blambda\\b|\\b\\w+\\.\\w+\\s*\\("
                    + "|\\b\\w+\\[\\s*['\"\\]]|=\\s*(?:true|false|none)\\b|\\b(?:exec|eval|system|open)\\s*\\(|\\bos\\.|\\bsubprocess\\b");

    /** Whether the text reads as code once quoted values and the dataset's own column names are left out. */
    static boolean looksLikeCode(String text, Profile profile) {
        String words = Clause.QUOTED.matcher(text).replaceAll("''");
        for (String column : profile.variables().keySet()) {
            words = Pattern.compile(Pattern.quote(column), Pattern.CASE_INSENSITIVE)
                    .matcher(words)
                    .replaceAll(" column ");
        }
        return CODE.matcher(words).find();
    }

    @Override
    public String name() {
        return "built-in";
    }

    @Override
    public boolean remote() {
        return false;
    }

    @Override
    public PlannerAnswer plan(PlanningRequest request) {
        if (!request.conversation().isEmpty()) {
            ColumnMatcher matcher = ColumnResolution.matcher(request.profile());
            FollowUps.Revision revision = new FollowUps(request.profile(), matcher, prompt -> {
                        PlannerAnswer fresh = PlanAssembly.plan(prompt, request.profile());
                        return new FollowUps.Revision(fresh.plan().actions(), fresh.warnings());
                    })
                    .revise(request.prompt(), request.conversation());
            return said(request, revision.steps(), revision.warnings());
        }
        PlannerAnswer fresh = PlanAssembly.plan(request.prompt(), request.profile());
        return said(request, fresh.plan().actions(), fresh.warnings());
    }

    /** The answer, with a line for every way asked for that Assay does not have (see {@link UnavailableMethods}). */
    private static PlannerAnswer said(PlanningRequest request, List<PlanStep> steps, List<String> warnings) {
        List<String> all = new ArrayList<>(warnings);
        // "what drives the tip?" is answered with a model: said, with what its result can and cannot show.
        Optional<PlanStep> model = steps.stream()
                .filter(s -> s.type() == dev.assay.model.plan.params.ActionType.TRAIN_MODEL)
                .findFirst();
        if (request.conversation().isEmpty()
                && model.isPresent()
                && Paraphrases.readsDrivers(request.prompt())
                && (Paraphrases.DRIVERS.matcher(request.prompt()).find()
                        || Paraphrases.WHICH_OF_DRIVES.matcher(request.prompt()).find())) {
            all.add("Read the question of what drives " + model.get().params().get("target") + " as a model that "
                    + "predicts it: its result ranks the inputs by how much the model relies on them, which shows "
                    + "association, not cause.");
        }
        UnavailableMethods.warnings(
                        request.prompt(), steps, request.profile().variables().keySet())
                .stream()
                .filter(w -> !all.contains(w))
                .forEach(all::add);
        return new PlannerAnswer(new Plan(Explanations.of(steps, all), steps), all);
    }

    /** The columns a request names (groups and profile phrases resolved, exclusions left out), in order. */
    public static Set<String> namedColumns(String prompt, Profile profile) {
        Set<String> named = new LinkedHashSet<>();
        clauses(prompt, profile).forEach(c -> named.addAll(new ColumnResolution(c).columns()));
        return named;
    }

    /** The columns a request leaves out ("every column except X", "without using Y"). */
    public static Set<String> excludedColumns(String prompt, Profile profile) {
        Set<String> excluded = new LinkedHashSet<>();
        clauses(prompt, profile).forEach(c -> excluded.addAll(new ColumnResolution(c).excluded()));
        return excluded;
    }

    private static List<Clause> clauses(String prompt, Profile profile) {
        ColumnMatcher matcher = ColumnResolution.matcher(profile);
        List<Clause> clauses = new ArrayList<>();
        for (String clause : RequestClauses.split(PlanAssembly.prepared(prompt, profile, matcher), matcher)) {
            if (!clause.isBlank()) {
                clauses.add(new Clause(clause, Words.tokens(clause), matcher, profile, Optional.empty(), List.of()));
            }
        }
        return clauses;
    }

    /** Names said as English, "a, b or c": how questions offer the columns that fit. */
    static String orList(List<String> names) {
        return names.size() <= 1
                ? String.join("", names)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast();
    }

    /** One plan step; with {@link #params} shared by every rule class of this package. */
    static PlanStep step(ActionType type, Map<String, Object> params) {
        return new PlanStep(type, params);
    }

    /** Parameters in the order given, so plans read the same every time. */
    static Map<String, Object> params(Object... keysAndValues) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            params.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return params;
    }
}
