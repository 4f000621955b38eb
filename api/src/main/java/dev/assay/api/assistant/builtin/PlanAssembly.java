package dev.assay.api.assistant.builtin;

import static dev.assay.api.assistant.builtin.BuiltInPlanner.params;
import static dev.assay.api.assistant.builtin.BuiltInPlanner.step;

import dev.assay.api.assistant.planning.Explanations;
import dev.assay.api.assistant.planning.PlannerAnswer;
import dev.assay.model.plan.Plan;
import dev.assay.model.plan.PlanStep;
import dev.assay.model.plan.params.ActionType;
import dev.assay.model.profile.Profile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fresh request made into a plan: clause by clause, with what carries from one clause to the next ("it", the fill
 * an indicator belongs to, a model's inputs said on their own, how the model is tested), and the model step last.
 */
final class PlanAssembly {

    private PlanAssembly() {}

    /** A share ("30 %") that, said in a model's clause, no training setting took: named, so it is not lost. */
    private static final Pattern UNUSED_SHARE =
            Pattern.compile("(?i)\\b\\d{1,3}(?:\\.\\d+)?\\s*(?:%|percent\\b|per cent\\b)");

    /**
     * The request as its clauses are read: everyday phrasings said plainly ("nothing but" is "only"), a target said by
     * a verb or a year, a formula. Every reading of the request's clauses starts here, so that what the answer says it
     * left out is what the plan left out.
     */
    static String prepared(String prompt, Profile profile, ColumnMatcher matcher) {
        return RequestClauses.formula(Paraphrases.yearTargets(
                Paraphrases.verbTargets(StepOrder.read(Paraphrases.plain(prompt)), profile), profile, matcher));
    }

    private static final Pattern CORRELATION = Pattern.compile("(?i)\\bcorrelat\\w*|\\b(?:multi)?collinear\\w*");

    /** Ways of one kind of step said in words: two of them in one clause that made one step is one too many. */
    private static final Map<ActionType, List<Pattern>> WAYS_SAID = Map.of(
            ActionType.IMPUTE,
            List.of(
                    Pattern.compile("(?i)\\bmedians?\\b"),
                    Pattern.compile("(?i)\\bmeans?\\b|\\baverages?\\b"),
                    Pattern.compile("(?i)\\bmode\\b|\\bmost\\s+(?:common|frequent)\\b")),
            ActionType.ENCODE,
            List.of(
                    Pattern.compile("(?i)\\blabel(?:s|led|ling|-encod\\w*)?\\b|\\bordinal\\b"),
                    Pattern.compile("(?i)\\bone[- ]?hot\\b|\\bdumm(?:y|ies)\\b")),
            ActionType.SCALE,
            List.of(
                    Pattern.compile("(?i)\\bmin[- ]?max\\b|\\b(?:0|zero)\\s*(?:to|-)\\s*(?:1|one)\\b"),
                    Pattern.compile("(?i)\\bstandardi[sz]\\w*|\\bz[- ]?scores?\\b|\\bstandard\\b")),
            ActionType.CLIP_OUTLIERS,
            List.of(
                    Pattern.compile("(?i)\\biqr\\b|\\binterquartile\\b"),
                    Pattern.compile("(?i)\\bpercentiles?\\b|\\bquantiles?\\b")));

    /** Two pairs of limits: "at the 1st and 99th percentiles and carat at 5th and 95th". */
    private static final Pattern LIMIT_PAIR = Pattern.compile(
            "(?i)\\b\\d+(?:\\.\\d+)?(?:st|nd|rd|th|%)?\\s*(?:and|-|to|/)\\s*(?:the\\s+)?\\d+(?:\\.\\d+)?(?:st|nd|rd|th|%)");

    /**
     * "encode color and payment with labels and the boroughs one-hot", "clip price at the 1st and 99th percentiles
     * and carat at 5th and 95th": one step made from a clause that says two ways (or two sets of limits) for its
     * columns would use one of them for all, in silence. Nothing is planned for the clause, and the answer says how
     * to ask for each.
     */
    private static Optional<String> twoWays(String clause, List<PlanStep> made) {
        for (Map.Entry<ActionType, List<Pattern>> kind : WAYS_SAID.entrySet()) {
            long steps = made.stream().filter(s -> s.type() == kind.getKey()).count();
            if (steps != 1) {
                continue;
            }
            List<String> said = kind.getValue().stream()
                    .map(p -> p.matcher(clause))
                    .filter(Matcher::find)
                    .map(m -> m.group().strip())
                    .toList();
            Matcher pairs = LIMIT_PAIR.matcher(clause);
            int limits = 0;
            while (pairs.find()) {
                limits++;
            }
            if (said.size() > 1 || kind.getKey() == ActionType.CLIP_OUTLIERS && limits > 1) {
                return Optional.of("\"" + clause.strip() + "\" says "
                        + (said.size() > 1 ? "two ways (" + String.join(" and ", said) + ")" : "two sets of limits")
                        + " for one " + kind.getKey().wireName() + " step, and a step takes one: nothing was planned"
                        + " for it. Ask for each on its own, e.g. \""
                        + kind.getKey().wireName().replace('_', ' ')
                        + " A …, then " + kind.getKey().wireName().replace('_', ' ') + " B …\".");
            }
        }
        return Optional.empty();
    }

    /** "the others", "the rest", "everything else", "the other columns", "the remaining features". */
    private static final Pattern OTHERS = Pattern.compile(
            "(?i)\\b(?:others|the\\s+rest|everything\\s+else|all\\s+else|other\\s+(?:columns|ones|features|variables|fields)"
                    + "|remaining\\s+(?:columns|ones|features|variables|fields))\\b");

    /**
     * "min-max proline, standardise the other columns": a scaling or clipping of "the others" after one of the same
     * kind on named columns takes the numeric columns that step did not (nor a drop before it). An empty list would
     * mean every numeric column, proline included: its min-max scaling undone by the second step, in silence.
     */
    private static PlanStep others(String clause, PlanStep step, List<PlanStep> before, Profile profile) {
        if (!(step.type() == ActionType.SCALE || step.type() == ActionType.CLIP_OUTLIERS)
                || !(step.params().get("columns") instanceof List<?> columns)
                || !columns.isEmpty()
                || !OTHERS.matcher(clause).find()) {
            return step;
        }
        java.util.Set<String> taken = new java.util.HashSet<>();
        java.util.Set<String> dropped = new java.util.HashSet<>();
        for (PlanStep earlier : before) {
            List<String> named = FollowUps.names(earlier.params().get("columns"));
            if (earlier.type() == step.type()) {
                taken.addAll(named);
            } else if (earlier.type() == ActionType.DROP_COLUMNS) {
                dropped.addAll(named);
            }
        }
        if (taken.isEmpty()) {
            return step;
        }
        Map<String, Object> params = new LinkedHashMap<>(step.params());
        params.put(
                "columns",
                profile.variables().values().stream()
                        .filter(v -> v.type() == dev.assay.model.dataset.VariableKind.NUMERIC)
                        .map(dev.assay.model.profile.VariableProfile::name)
                        .filter(c -> !taken.contains(c) && !dropped.contains(c))
                        .toList());
        return step(step.type(), params);
    }

    /** The plan for a request with no conversation before it; follow-ups also come here for the part they add. */
    static PlannerAnswer plan(String prompt, Profile profile) {
        if (ModelStep.HORIZON.matcher(prompt).find()
                || ModelStep.yearAfterData(prompt, profile).isPresent()
                        && Words.tokens(prompt).stream().anyMatch(t -> Vocabulary.TRAIN.contains(t.text()))) {
            String why = "Assay's models learn a column from the other columns of the same row; they do not forecast"
                    + " periods after the data ends, so nothing was planned for \"" + prompt.strip() + "\".";
            return new PlannerAnswer(new Plan(Explanations.of(List.of(), List.of(why)), List.of()), List.of(why));
        }
        ColumnMatcher matcher = ColumnResolution.matcher(profile);
        List<PlanStep> steps = new ArrayList<>();
        List<PlanStep> training = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Optional<String> antecedent = Optional.empty();
        List<String> referents = List.of();
        Optional<String> pendingStatement = Optional.empty();
        String statementText = "";
        Map<String, Object> settings = new LinkedHashMap<>();
        // Columns named in a removal of rows by their values, which no action does: if the model's target is among
        // them ("remove the passengers who died, then predict survival"), the model would be trained on rows the
        // person meant to leave out.
        java.util.Set<String> filteredBy = new java.util.LinkedHashSet<>();
        for (String said : RequestClauses.split(prepared(prompt, profile, matcher), matcher)) {
            // "… and hold out 30 % for testing", "with 5-fold cross-validation": how the model is tested, taken out
            // of the clause and put on the model step below, so no setting is lost or read as a column.
            TrainingSettings testing = TrainingSettings.read(said);
            settings.putAll(testing.params());
            warnings.addAll(testing.warnings());
            if (testing.onlySettings()) {
                continue;
            }
            String clause = testing.rest();
            if (clause.isBlank()) {
                continue;
            }
            // "…, and fill the rest with the mode": the columns still missing values after the steps before.
            clause = RestOfGaps.read(clause, steps, profile, warnings).orElse(clause);
            // "convert Date to a date and pull out the year": the parts are of the column just converted.
            clause = ElidedDates.read(clause, steps, matcher);
            // "…, then log-transform total_paid" after a step made total_paid: the clause says "it" of the new column.
            Optional<CreatedColumns.Reference> created = CreatedColumns.find(clause, steps, profile);
            if (created.isPresent()) {
                clause = created.get().clause();
                referents = List.of(created.get().column());
                antecedent = Optional.of(created.get().column());
            }
            List<Words.Token> tokens = Words.tokens(clause);
            if (tokens.stream()
                    .allMatch(t -> Vocabulary.FILLER.contains(t.text()) || ColumnMatcher.GRAMMAR.contains(t.text()))) {
                continue;
            }
            if (BuiltInPlanner.looksLikeCode(clause, profile)) {
                warnings.add("\"" + clause.strip() + "\" reads as code, a query, a shell command or a file path; Assay "
                        + "plans only whitelisted data actions and runs none of it, so nothing was planned for it. Say in "
                        + "words what should happen to which columns.");
                continue;
            }
            // "ratio = a / b": a new column defined by a formula is that feature, or refused with the reason; "it"
            // after it is the new column, or nothing at all when it could not be made.
            Optional<Assignments.Result> assignment = Assignments.read(clause, profile, matcher);
            if (assignment.isPresent()) {
                Assignments.Result made = assignment.get();
                made.step().ifPresent(steps::add);
                made.refusal().ifPresent(warnings::add);
                warnings.addAll(made.notes());
                referents = made.step().isPresent() ? List.of(made.name()) : List.of();
                antecedent = made.step().isPresent() ? Optional.of(made.name()) : Optional.empty();
                continue;
            }
            Optional<List<String>> stated = CastClauses.asItIs(clause, matcher);
            if (stated.isPresent()) {
                referents = stated.get();
                antecedent = Optional.of(stated.get().getLast());
                continue;
            }
            Clause parsed = new Clause(clause, tokens, matcher, profile, antecedent, referents);
            // "predict price; inputs: carat and clarity": a clause that only lists a model's inputs gives the features
            // of the model asked for before it.
            if (!training.isEmpty() && new ModelWords(parsed).listsInputs()) {
                PlanStep model = training.removeLast();
                Map<String, Object> params = new LinkedHashMap<>(model.params());
                ColumnResolution inputs = new ColumnResolution(parsed);
                // "what predicts body mass? use everything but island": every other column but the ones left out.
                List<String> listed = inputs.columns().isEmpty()
                        ? ModelWords.everyInput(profile).stream()
                                .filter(c -> !inputs.excluded().contains(c))
                                .toList()
                        : inputs.columns();
                params.put(
                        "features",
                        listed.stream()
                                .filter(c -> !c.equals(params.get("target")))
                                .toList());
                training.add(step(ActionType.TRAIN_MODEL, params));
                continue;
            }
            // "what affects the tip? leave out smoker": after a model, a clause that only leaves columns out leaves
            // them out of its inputs; read alone it dropped the column from the data.
            if (!training.isEmpty()
                    && LEAVES_OUT.matcher(clause).find()
                    // "…, then exclude rows with missing Age" removes rows, not an input.
                    && !parsed.has(Vocabulary.ROWS)
                    && !parsed.has(Vocabulary.MISSING)
                    && !parsed.has(Vocabulary.DUPLICATES)
                    && !parsed.has(Vocabulary.FILL)
                    && !parsed.has(Vocabulary.SCALE)
                    && !parsed.has(Vocabulary.ENCODE)
                    && !parsed.has(Vocabulary.CLIP)) {
                ColumnResolution leaving = new ColumnResolution(parsed);
                java.util.Set<String> out = new java.util.LinkedHashSet<>(leaving.excluded());
                out.addAll(leaving.columns());
                if (!out.isEmpty()) {
                    PlanStep model = training.removeLast();
                    Map<String, Object> params = new LinkedHashMap<>(model.params());
                    List<String> inputs = params.get("features") instanceof List<?> given && !given.isEmpty()
                            ? FollowUps.names(given)
                            : ModelWords.everyInput(profile);
                    params.put(
                            "features",
                            inputs.stream()
                                    .filter(c -> !out.contains(c) && !c.equals(params.get("target")))
                                    .toList());
                    training.add(step(ActionType.TRAIN_MODEL, params));
                    warnings.add("Left " + String.join(", ", out) + " out of the model's inputs, as asked.");
                    continue;
                }
            }
            // "fill hp with the median and add a missing indicator": an indicator asked for in a clause of its own
            // belongs to the fill before it.
            int lastFill = -1;
            for (int i = 0; i < steps.size(); i++) {
                if (steps.get(i).type() == ActionType.IMPUTE) {
                    lastFill = i;
                }
            }
            if (lastFill >= 0
                    && new ColumnResolution(parsed).columns().isEmpty()
                    && !parsed.has(Vocabulary.FILL)
                    && FollowUps.INDICATOR
                            .matcher(clause.toLowerCase(Locale.ROOT))
                            .find()) {
                // "fill Age and Embarked, and add a missing indicator": a fill split by type is one fill.
                int firstFill = lastFill;
                while (firstFill > 0
                        && steps.get(firstFill - 1).type() == ActionType.IMPUTE
                        && !java.util.Objects.equals(
                                steps.get(firstFill - 1).params().get("strategy"),
                                steps.get(firstFill).params().get("strategy"))) {
                    firstFill--;
                }
                for (int i = firstFill; i <= lastFill; i++) {
                    Map<String, Object> params =
                            new LinkedHashMap<>(steps.get(i).params());
                    params.put("add_indicator", true);
                    steps.set(i, step(ActionType.IMPUTE, params));
                }
                continue;
            }
            // "Cabin and Age have gaps. Drop it.": "it" is one column, and the statement named several; asked.
            if (pendingStatement.isPresent()
                    && referents.size() > 1
                    && tokens.stream().anyMatch(t -> t.text().equals("it") && !parsed.isInsideMention(t.index()))
                    && tokens.stream()
                            .noneMatch(t -> java.util.Set.of("them", "those", "these", "both", "all", "each")
                                    .contains(t.text()))) {
                warnings.add("Which column does \"it\" mean in \"" + clause.strip() + "\": "
                        + String.join(" or ", referents) + "? Nothing was planned for it.");
                pendingStatement = Optional.empty();
                referents = List.of();
                continue;
            }
            // "drop the columns highly correlated with realgdp": no action measures correlation, and the column
            // named was read as the one to drop, the opposite of what was asked.
            if (CORRELATION.matcher(clause).find()) {
                warnings.add("Assay has no action that picks columns by how they correlate (\"" + clause.strip()
                        + "\"), so nothing was planned for it. Name the columns to act on.");
                referents = List.of();
                continue;
            }
            Interpretation result = new ClauseSteps(parsed).interpret();
            Optional<String> twoWays = twoWays(clause, result.steps());
            if (twoWays.isPresent()) {
                warnings.add(twoWays.get());
                referents = List.of();
                continue;
            }
            if (result.steps().isEmpty()
                    && result.warnings().stream().anyMatch(w -> w.contains("rows by their values"))) {
                parsed.mentions.forEach(m -> filteredBy.addAll(m.columns()));
            }
            // A share said in a model's clause that no setting took is named, never dropped quietly.
            Matcher share = UNUSED_SHARE.matcher(clause);
            if (share.find() && result.steps().stream().anyMatch(s -> s.type() == ActionType.TRAIN_MODEL)) {
                warnings.add("I did not use \"" + share.group().strip() + "\" in \"" + clause.strip()
                        + "\"; to hold rows out " + "for testing, say e.g. \"hold out 25 % for testing\".");
            }
            // A column read from a misspelt or derived word is named, so the person can see the reading.
            for (ColumnMatcher.Mention read : parsed.inexact()) {
                if (result.steps().stream().anyMatch(s -> mentionsColumn(s.params(), read.column()))) {
                    warnings.add("No column is called \"" + read.words() + "\"; I read it as " + read.column() + ".");
                }
            }
            // "the body measurements" on a file where only body_mass_g holds "body": the plural says several
            // columns and the words name one, so the answer says the one it took.
            for (ColumnMatcher.Mention one : parsed.mentions) {
                boolean pluralAfter = one.kind() == ColumnMatcher.Kind.SINGLE
                        && one.partial()
                        && one.end() < parsed.tokens.size()
                        && ColumnMatcher.GROUP_NOUNS.contains(
                                parsed.tokens.get(one.end()).text());
                if (pluralAfter && result.steps().stream().anyMatch(s -> mentionsColumn(s.params(), one.column()))) {
                    warnings.add("Only " + one.column() + " has \"" + one.words() + "\" in its name, so \""
                            + one.words() + " " + parsed.tokens.get(one.end()).original()
                            + "\" was read as that one column;"
                            + " name the others if you meant more.");
                }
            }
            if (parsed.lastColumn().isPresent()) {
                antecedent = parsed.lastColumn();
            }
            // A clause that planned nothing (not understood, or asked about) leaves nothing for "it" to stand for:
            // "get the tip share of the bill, z-score it" asks rather than scaling the columns its words named. A
            // statement that asks for nothing ("The 2012 and 2013 columns are blank, drop them", "Fuel use depends on
            // weight and horsepower. Predict mpg from those two") names what "them" and "those" stand for.
            List<String> described = statement(result, parsed);
            if (!described.isEmpty()) {
                referents = described;
                pendingStatement = Optional.of(result.warnings().getFirst());
                statementText = clause.strip();
                warnings.addAll(result.warnings());
                continue;
            }
            referents = result.steps().isEmpty() && !result.warnings().isEmpty()
                    ? List.of()
                    : referents(result.steps(), new ColumnResolution(parsed).columns(), referents);
            // "add tip over total bill and predict it": "it" is the column just made, not the last one named.
            List<String> made = result.steps().stream()
                    .map(PlanAssembly::created)
                    .flatMap(Optional::stream)
                    .toList();
            if (!made.isEmpty()) {
                antecedent = Optional.of(made.getLast());
            }
            // The statement before was read as what this clause's "them" stands for: the answer says that reading
            // in place of "I did not understand", so the person can check it.
            if (pendingStatement.isPresent()
                    && !result.steps().isEmpty()
                    && parsed.referents.stream()
                            .allMatch(c -> result.steps().stream().anyMatch(s -> mentionsColumn(s.params(), c)))) {
                int at = warnings.indexOf(pendingStatement.get());
                warnings.set(
                        at,
                        "I read \"" + statementText + "\" as naming " + String.join(", ", parsed.referents) + ", and \""
                                + clause.strip() + "\" as acting on "
                                + (parsed.referents.size() == 1 ? "it." : "them."));
            }
            pendingStatement = Optional.empty();
            boolean listed = false;
            for (PlanStep step : result.steps()) {
                PlanStep added = others(clause, step, steps, profile);
                listed |= added != step;
                (step.type() == ActionType.TRAIN_MODEL ? training : steps).add(added);
            }
            // The columns "the rest" stands for are listed now, so the note that it means every column would be untrue.
            final boolean othersListed = listed;
            result.warnings().stream()
                    .filter(w -> !(othersListed && w.endsWith(ColumnResolution.STILL_THERE)))
                    .forEach(warnings::add);
        }
        Optional<String> unplannable =
                training.isEmpty() ? Optional.empty() : targetLost(training.getLast(), steps, filteredBy, profile);
        if (unplannable.isPresent()) {
            warnings.add(unplannable.get());
            return new PlannerAnswer(new Plan(Explanations.of(List.of(), warnings), List.of()), warnings);
        }
        // "one-hot encode all categorical columns, then predict species": a group encoded before the model holds its
        // target; encoded, the target is gone and the model with it. The target leaves the group, and that is said.
        // Scaled or clipped with a group, the target would be predicted in other units, or with its extremes cut.
        if (!training.isEmpty() && training.getLast().params().get("target") instanceof String target) {
            for (int i = 0; i < steps.size(); i++) {
                PlanStep step = steps.get(i);
                List<String> columns = FollowUps.names(step.params().get("columns"));
                if (TARGET_KEPT_FROM.containsKey(step.type()) && columns.size() > 1 && columns.contains(target)) {
                    Map<String, Object> params = new LinkedHashMap<>(step.params());
                    params.put(
                            "columns",
                            columns.stream().filter(c -> !c.equals(target)).toList());
                    steps.set(i, step(step.type(), params));
                    warnings.add("Left " + target + " out of the " + TARGET_KEPT_FROM.get(step.type())
                            + ": it is the model's target, which the model needs as it is.");
                }
                // "log the price; then train … on price": a column made from the target, among the model's inputs,
                // would hand it the answer. Said, since which was meant (a log target?) is the person's call.
                Optional<String> made = created(step);
                boolean madeIsInput = !(training.getLast().params().get("features") instanceof List<?> given)
                        || given.isEmpty()
                        || made.isPresent() && given.contains(made.get());
                if (step.type() == ActionType.FEATURE_ENGINEER
                        && columns.contains(target)
                        && made.isPresent()
                        && madeIsInput) {
                    warnings.add(made.get() + " is made from the target " + target + ", and the model learns from it: "
                            + "its score would be inflated by the answer it is given. Predict " + made.get()
                            + " instead, or leave it out of the inputs.");
                }
            }
        }
        // A model is trained on what the other steps produce, so training goes last whatever the wording order.
        if (!training.isEmpty()) {
            steps.add(
                    settings.isEmpty()
                            ? training.getLast()
                            : step(
                                    ActionType.TRAIN_MODEL,
                                    new TrainingSettings(settings, List.of(), "")
                                            .applyTo(training.getLast().params())));
            if (training.size() > 1) {
                warnings.add("Only one model is trained per plan; kept the last one asked for.");
            }
        } else if (!settings.isEmpty()) {
            warnings.add("The request sets how a model is tested (" + String.join(", ", settings.keySet())
                    + ") but asks for no model; nothing was planned for it.");
        }
        List<PlanStep> renamed = afterRenames(steps);
        warnings.addAll(lostIntents(prompt, renamed, warnings, matcher));
        return new PlannerAnswer(new Plan(Explanations.of(renamed, warnings), renamed), warnings);
    }

    /**
     * "rename unemp to unemployment, then predict unemployment": a step after a rename works on the renamed table, so
     * a column it names by its old name (or by words that found the old name) takes the new one — the same column,
     * never a plan that fails on a name that is gone.
     */
    private static List<PlanStep> afterRenames(List<PlanStep> steps) {
        Map<String, String> renamed = new LinkedHashMap<>();
        List<PlanStep> out = new ArrayList<>();
        for (PlanStep step : steps) {
            if (renamed.isEmpty()) {
                out.add(step);
            } else {
                Map<String, Object> params = new LinkedHashMap<>(step.params());
                for (String key : List.of("columns", "features")) {
                    if (params.get(key) instanceof List<?> list) {
                        params.put(
                                key,
                                list.stream()
                                        .map(c -> c instanceof String name ? renamed.getOrDefault(name, name) : c)
                                        .toList());
                    }
                }
                if (params.get("target") instanceof String target) {
                    params.put("target", renamed.getOrDefault(target, target));
                }
                out.add(new PlanStep(step.type(), params));
            }
            if (step.type() == ActionType.RENAME_COLUMNS && step.params().get("renames") instanceof List<?> pairs) {
                for (Object pair : pairs) {
                    if (pair instanceof Map<?, ?> rename
                            && rename.get("from") instanceof String from
                            && rename.get("to") instanceof String to) {
                        renamed.replaceAll((old, now) -> now.equals(from) ? to : now);
                        renamed.put(from, to);
                    }
                }
            }
        }
        return out;
    }

    /** An action the request asks for by its verb, and the test of whether the plan holds a step of it. */
    private record Intent(String kind, java.util.Set<String> words, java.util.function.Predicate<PlanStep> done) {}

    private static final List<Intent> INTENTS = List.of(
            new Intent("scaling", Vocabulary.SCALE, s -> s.type() == ActionType.SCALE),
            new Intent("clipping", Vocabulary.CLIP, s -> s.type() == ActionType.CLIP_OUTLIERS),
            new Intent(
                    "binning",
                    java.util.Set.of(
                            "bin",
                            "bins",
                            "binned",
                            "binning",
                            "bucket",
                            "buckets",
                            "bucketed",
                            "bucketing",
                            "bucketize",
                            "bucketise",
                            "discretize",
                            "discretise"),
                    s -> s.type() == ActionType.FEATURE_ENGINEER
                            && "bin".equals(s.params().get("operation"))),
            new Intent(
                    "log transform",
                    Vocabulary.LOG,
                    s -> s.type() == ActionType.FEATURE_ENGINEER
                            && "log1p".equals(s.params().get("operation"))),
            new Intent("renaming", Vocabulary.RENAME, s -> s.type() == ActionType.RENAME_COLUMNS));

    /**
     * Never a silent departure: a kind of step the request asks for by its verb ("standard-scale it", "cut
     * total_bill into 4 bins") that no step of the plan does and no sentence of the answer mentions is named, so the
     * person sees it was not done. Words inside a column's name ("log_price", "bins" in a column) are left out.
     */
    private static List<String> lostIntents(
            String prompt, List<PlanStep> steps, List<String> warnings, ColumnMatcher matcher) {
        List<Words.Token> tokens = Words.tokens(prompt);
        List<ColumnMatcher.Mention> mentions = matcher.find(tokens);
        List<String> lost = new ArrayList<>();
        String said = String.join(" ", warnings).toLowerCase(java.util.Locale.ROOT);
        for (Intent intent : INTENTS) {
            Optional<Words.Token> asked = tokens.stream()
                    .filter(t -> mentions.stream().noneMatch(m -> t.index() >= m.start() && t.index() < m.end()))
                    .filter(t -> intent.words().contains(t.text())
                            || java.util.Arrays.stream(t.text().split("-")).anyMatch(intent.words()::contains))
                    .findFirst();
            if (asked.isEmpty()
                    || steps.stream().anyMatch(intent.done())
                    || said.contains(asked.get().text())) {
                continue;
            }
            lost.add("The request asks for " + intent.kind() + " (\""
                    + asked.get().original()
                    + "\"), but no such step was planned: I could not tell which columns it is for. Ask for it on"
                    + " its own, naming them.");
        }
        return lost;
    }

    /**
     * Why the model asked for cannot be trained as asked: its target has no values at all, its target is dropped by a step before it ("delete price,
     * then predict price"), or the rows were to be filtered by the target's own values first ("remove everyone who
     * didn't survive, then predict survival"), which no action does and which would leave one class to learn. Either
     * way no plan is better than a plan that fails or trains on other rows than the person meant.
     */
    private static Optional<String> targetLost(
            PlanStep model, List<PlanStep> steps, java.util.Set<String> filteredBy, Profile profile) {
        if (!(model.params().get("target") instanceof String target)) {
            return Optional.empty();
        }
        dev.assay.model.profile.VariableProfile column = profile.variables().get(target);
        if (column != null && column.missing() > 0 && column.missingShare() >= 1.0) {
            return Optional.of(
                    target + " has no values at all in this dataset, so there is nothing for a model to learn "
                            + "to predict; nothing was planned.");
        }
        boolean dropped = steps.stream()
                .anyMatch(s -> s.type() == ActionType.DROP_COLUMNS
                        && s.params().get("columns") instanceof List<?> columns
                        && columns.contains(target));
        if (dropped) {
            return Optional.of("The request drops " + target + " and then asks to predict it; a model cannot learn a "
                    + "column that is no longer there, so nothing was planned. Keep " + target
                    + " (or drop it only from the model's inputs) and ask again.");
        }
        if (filteredBy.contains(target)) {
            return Optional.of("The request keeps only some rows by their " + target + " and then predicts " + target
                    + ": Assay cannot filter rows by their values, and a model trained on rows filtered by its own "
                    + "target would have little or nothing left to learn. Nothing was planned.");
        }
        return Optional.empty();
    }

    /** Whether a column name appears anywhere in a step's parameters. */
    private static boolean mentionsColumn(Object value, String column) {
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(v -> mentionsColumn(v, column));
        }
        if (value instanceof List<?> list) {
            return list.stream().anyMatch(v -> mentionsColumn(v, column));
        }
        return column.equals(value);
    }

    /**
     * The column a step creates: its new_column, or for arithmetic and log1p without one the name the engine gives
     * ("weight_per_cylinders"), so "work out weight per cylinder, then standardise it" scales the new column.
     */
    private static Optional<String> created(PlanStep step) {
        if (step.params().get("new_column") instanceof String name) {
            return Optional.of(name);
        }
        if (step.type() != ActionType.FEATURE_ENGINEER
                || !(step.params().get("operation") instanceof String operation)
                || !(step.params().get("columns") instanceof List<?> columns)) {
            return Optional.empty();
        }
        dev.assay.model.plan.params.FeatureOperation op;
        try {
            op = dev.assay.model.plan.params.FeatureOperation.valueOf(operation.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
        if (op.arithmetic() && columns.size() == 2) {
            return Optional.of(columns.get(0) + "_" + op.word() + "_" + columns.get(1));
        }
        return op == dev.assay.model.plan.params.FeatureOperation.LOG1P && columns.size() == 1
                ? Optional.of("log1p_" + columns.getFirst())
                : Optional.empty();
    }

    /** A clause that only leaves columns out: "leave out smoker", "but don't use sex", "exclude x and y". */
    private static final Pattern LEAVES_OUT = Pattern.compile("(?i)^\\s*(?:but\\s+|and\\s+|please\\s+)?(?:leave\\s+out"
            + "|exclude|ignore|don't\\s+use|dont\\s+use|do\\s+not\\s+use|without|except|skip|not\\s+using)\\b");

    /** Steps that must not change a model's target when a group of columns includes it, and their names. */
    private static final Map<ActionType, String> TARGET_KEPT_FROM =
            Map.of(ActionType.ENCODE, "encoding", ActionType.SCALE, "scaling", ActionType.CLIP_OUTLIERS, "clipping");

    /** A first word that asks for something: a clause that begins with it is no statement about columns. */
    private static final Pattern IMPERATIVE = Pattern.compile(
            "get|make|compute|calculate|create|add|give|show|find|turn|put|set|keep|use|let|do|work|take|please|can"
                    + "|could|would|will|should|try|go|now|then|also|and|next|finally|lastly|first|after");

    /**
     * The columns a clause that asks for nothing names, every word of it read: "The 2012 and 2013 columns are
     * blank". Empty for a clause that asks for something, or whose words name nothing or not only columns.
     */
    private static List<String> statement(Interpretation result, Clause parsed) {
        if (!result.steps().isEmpty()
                || parsed.tokens.isEmpty()
                || IMPERATIVE.matcher(parsed.tokens.getFirst().text()).matches()
                || result.warnings().size() != 1
                || !result.warnings().getFirst().startsWith("I did not understand \"")
                || parsed.mentions.isEmpty()
                || parsed.mentions.stream()
                        .anyMatch(m -> m.kind() != ColumnMatcher.Kind.SINGLE && m.kind() != ColumnMatcher.Kind.GROUP)) {
            return List.of();
        }
        // "Cabin and Age have gaps": a group the profile gives ("have gaps" is every column with gaps) is no name
        // of the columns the statement means; only a group whose columns are also named one by one ("the four Cs:
        // carat, cut, colour and clarity") is read.
        // A word only part of a name ("wine" in od280/od315_of_diluted_wines) names nothing here.
        java.util.Set<String> single = new java.util.HashSet<>();
        parsed.mentions.stream()
                .filter(m -> m.kind() == ColumnMatcher.Kind.SINGLE && !m.partial())
                .forEach(m -> single.addAll(m.columns()));
        if (!single.isEmpty()
                && parsed.mentions.stream()
                        .anyMatch(m -> m.kind() == ColumnMatcher.Kind.GROUP && !single.containsAll(m.columns()))) {
            return List.of();
        }
        return parsed.mentions.stream()
                .filter(m -> m.kind() == ColumnMatcher.Kind.GROUP || !m.partial())
                .flatMap(m -> m.columns().stream())
                .distinct()
                .toList();
    }

    /**
     * What "it" or "them" in the next clause stands for: the column the step before created ("… into a column called
     * x, then scale it"), else the columns the clause before named ("fill Fare, then scale it"); a clause that
     * names none leaves the earlier referents in place.
     */
    private static List<String> referents(List<PlanStep> steps, List<String> named, List<String> earlier) {
        List<String> created = steps.stream()
                .map(PlanAssembly::created)
                .flatMap(Optional::stream)
                .toList();
        if (!created.isEmpty()) {
            return created;
        }
        return named.isEmpty() ? earlier : List.copyOf(named);
    }
}
