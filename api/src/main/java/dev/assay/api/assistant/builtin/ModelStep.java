package dev.assay.api.assistant.builtin;

import static dev.assay.api.assistant.builtin.BuiltInPlanner.params;
import static dev.assay.api.assistant.builtin.BuiltInPlanner.step;

import dev.assay.model.plan.params.ActionType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The model step of a clause: target, features, task and model read by {@link ModelWords}, or the question to ask. */
final class ModelStep {

    /**
     * "forecast the next eight quarters", "predict AAPL for the next twelve months", "fit an ARIMA model": values of
     * periods after the data's last row are no column of any row; a model here learns a column from the other columns
     * of the same row. Read on the whole request, since the clause split may cut the period off.
     */
    static final java.util.regex.Pattern HORIZON =
            java.util.regex.Pattern.compile("(?i)\\b(?:next|coming|following|upcoming|future)\\s+(?:\\d+\\s+|few\\s+|"
                    + String.join("\\s+|", Words.NUMBERS.keySet())
                    + "\\s+)?(?:days?|weeks?|months?|quarters?|years?|periods?)\\b"
                    + "|\\b(?:\\d+|" + String.join("|", Words.NUMBERS.keySet())
                    + ")\\s+(?:days?|weeks?|months?|quarters?|years?|periods?|steps?)\\s+(?:ahead|into\\s+the\\s+future)\\b"
                    + "|\\b(?:arima|sarima|prophet|exponential\\s+smoothing)\\b");

    /** "for 2015", "in 2030", "by the year 2040": a year said as when. */
    private static final java.util.regex.Pattern YEAR_SAID = java.util.regex.Pattern.compile(
            "(?i)\\b(?:in|for|by|during|until|through|of)\\s+(?:the\\s+year\\s+)?((?:19|20)\\d{2})\\b");

    /**
     * "forecast real GDP for 2015", "what will AAPL be worth in 2030": a year after the last one the data's dates or
     * year column reach is a forecast past the data (a year that is a column's name, as in a file with a column per
     * year, is that column).
     */
    static java.util.Optional<Integer> yearAfterData(String prompt, dev.assay.model.profile.Profile profile) {
        java.util.OptionalInt last = profile.variables().values().stream()
                .mapToInt(v -> v.date()
                        .map(d -> year(d.max()))
                        .orElseGet(() ->
                                java.util.Set.of("year", "yr").contains(v.name().toLowerCase(java.util.Locale.ROOT))
                                        ? v.numeric().map(n -> (int) n.max()).orElse(0)
                                        : 0))
                .filter(y -> y > 0)
                .max();
        if (last.isEmpty()) {
            return java.util.Optional.empty();
        }
        java.util.regex.Matcher said = YEAR_SAID.matcher(prompt);
        while (said.find()) {
            int year = Integer.parseInt(said.group(1));
            if (year > last.getAsInt() && !profile.variables().containsKey(said.group(1))) {
                return java.util.Optional.of(year);
            }
        }
        return java.util.Optional.empty();
    }

    private static int year(String date) {
        return date != null && date.matches("^(?:19|20)\\d{2}.*") ? Integer.parseInt(date.substring(0, 4)) : 0;
    }

    private static final java.util.regex.Pattern HOW_MUCH_PAID = java.util.regex.Pattern.compile(
            "(?i)\\bhow\\s+much\\b[^,;.]*?\\b(?:paid|pay|pays|cost|costs|spent|spend|spends|charged|charge)\\b"
                    // "what a ride costs", "what each stay cost": the same amount, said by "what".
                    + "|\\bwhat\\s+(?:(?:a|an|the|each|every|one)\\s+)?[\\p{L}]+\\s+(?:costs|cost|charges)\\b");
    /** Where the inputs begin, and everything after: "… using how much they paid and where they embarked". */
    private static final java.util.regex.Pattern INPUTS_CUE =
            java.util.regex.Pattern.compile("(?i)\\s+(?:using|from|given|based\\s+on|with)\\s+.*$");

    /** "a random forest, not xgboost", "a tree instead of a forest": one of the two models named is not wanted. */
    private static final java.util.regex.Pattern ONE_OF_TWO =
            java.util.regex.Pattern.compile("(?i)\\b(?:not|no|instead|rather|than|except|without)\\b");

    /** "each stone's value in US dollars": a target said only by its currency is the money column. */
    private static final java.util.regex.Pattern MONEY_UNIT = java.util.regex.Pattern.compile(
            "(?i)\\b(?:in|as)\\s+(?:(?:us|u\\.s\\.|american|euro)\\s+)?(?:dollars|usd|euros|eur|pounds|gbp)\\b");

    private static final java.util.Set<String> MONEY = java.util.Set.of(
            "fare", "fares", "price", "prices", "cost", "costs", "charge", "charges", "amount", "bill", "paid");

    private boolean numericOrNew(String column) {
        return !clause.profile.variables().containsKey(column) || numeric(column);
    }

    private boolean numeric(String column) {
        var variable = clause.profile.variables().get(column);
        return variable != null && variable.type() == dev.assay.model.dataset.VariableKind.NUMERIC;
    }

    /** "using only …", "just …", "nothing else": the request restricts the model's inputs. */
    private static final java.util.regex.Pattern RESTRICTED = java.util.regex.Pattern.compile(
            "(?i)\\b(?:using|from|with|based|off|on|inputs?|features?|predictors?)\\b[^.;]{0,40}?\\b(?:only|just|solely)\\b"
                    + "|\\b(?:only|just|solely)\\s+(?:using|from|with|on|off|based)\\b"
                    + "|\\b(?:nothing\\s+(?:more|else)|no\\s+other\\s+(?:columns?|inputs?|features?))\\b"
                    // "A, B and C as the only inputs", "… alone", however long the list before it.
                    + "|\\bonly\\s+(?:inputs?|features?|predictors?|variables|columns|ones)\\b|\\b(?:alone|exclusively|solely)\\b");

    /** "from the family columns": a cue of inputs after the target even when no column follows it. */
    private int anyCue(Optional<ColumnMatcher.Mention> target) {
        int from = target.map(ColumnMatcher.Mention::end).orElse(clause.tokens.size());
        for (int i = from; i < clause.tokens.size(); i++) {
            // "regress tip on the mood of the waiter and size": "on" right after the target begins the inputs too.
            if (java.util.Set.of("from", "using", "given", "based")
                            .contains(clause.tokens.get(i).text())
                    || i == from
                            && java.util.Set.of("on", "against")
                                    .contains(clause.tokens.get(i).text())) {
                return i;
            }
        }
        return clause.tokens.size();
    }

    private final Clause clause;
    private final ColumnResolution resolution;
    private final ModelWords modelWords;

    ModelStep(Clause clause) {
        this.clause = clause;
        this.resolution = new ColumnResolution(clause);
        this.modelWords = new ModelWords(clause);
    }

    /**
     * The model step, from the grammar of training ({@link ModelWords}): the target after a verb or cue ("predict
     * X", "train … on X", "model X", "regress X on A"), the features after "from", "using", "based on", "given",
     * "with" ("X from A, B and C"; "every column except D"; "without using E"), the model and task words anywhere.
     */
    Interpretation train() {
        int featureCue = modelWords.featureCue();
        Optional<ColumnMatcher.Mention> unclear = resolution
                .ambiguous(0, Math.min(featureCue, clause.exclusionStart))
                // Among the inputs, a name several columns fit by meaning, not by a shared word ("the interest rate":
                // tbilrate or realint), is asked about; it had been left out of the inputs without a word.
                .or(() -> clause.mentions.stream()
                        .filter(m -> m.kind() == ColumnMatcher.Kind.AMBIGUOUS
                                && m.start() > featureCue
                                && m.start() < clause.exclusionStart
                                && !FeatureGroups.sharedWord(m)
                                && !RowUnits.describedRowUnit(clause.tokens, m.start(), m.end()))
                        .findFirst());
        if (unclear.isPresent()) {
            return Interpretation.warn(resolution.question(unclear.get()));
        }
        Optional<String> named = modelWords.target(featureCue);
        List<String> notes = new ArrayList<>();
        if (named.isEmpty()) {
            // "predict benign cases", "spot female penguins": a target said by one of its values.
            Optional<ValueTargets.Found> byValue = ValueTargets.find(
                    clause.tokens.subList(0, Math.min(featureCue, clause.exclusionStart)).stream()
                            .filter(t -> !clause.isInsideMention(t.index()) && !Vocabulary.known(t.text()))
                            .toList(),
                    clause.profile);
            if (byValue.isPresent() && byValue.get().column().isEmpty()) {
                return Interpretation.warn(byValue.get().note());
            }
            if (byValue.isPresent()) {
                named = byValue.get().column();
                notes.add(byValue.get().note());
            }
        }
        // "how much each passenger paid for their ticket", "how much each table paid": an amount of money is a number;
        // a column of words named on the way (Ticket) is not it. The money column is taken when there is one.
        // "the passenger's ticket price": a column of words followed by a word of money names the money, not it.
        boolean moneyAfter = named.flatMap(c -> clause.mentions.stream()
                        .filter(m -> m.kind() == ColumnMatcher.Kind.SINGLE
                                && m.column().equals(c))
                        .findFirst())
                .filter(m -> m.end() < clause.tokens.size()
                        && java.util.Set.of("price", "cost", "fare", "charge", "amount")
                                .contains(clause.tokens.get(m.end()).text()))
                .isPresent();
        // Said only by a currency, every column of money counts, tips and totals too: several are asked about.
        // Only the words before the inputs say the target: "predict Survived using how much they paid" names an input.
        String targetWords = INPUTS_CUE.matcher(clause.text).replaceFirst("");
        boolean howMuchPaid = HOW_MUCH_PAID.matcher(targetWords).find();
        boolean byCurrency = named.isEmpty()
                && !howMuchPaid
                && MONEY_UNIT.matcher(clause.text).find();
        java.util.Set<String> moneyWords = byCurrency
                ? java.util.Set.of(
                        "fare", "fares", "price", "prices", "cost", "costs", "charge", "charges", "amount", "bill",
                        "paid", "tip", "tips", "tolls", "total", "revenue", "income", "salary", "wage")
                : MONEY;
        if ((howMuchPaid || moneyAfter || byCurrency)
                && named.map(c -> !numeric(c)).orElse(true)) {
            List<String> money = clause.profile.variables().values().stream()
                    .filter(v -> v.type() == dev.assay.model.dataset.VariableKind.NUMERIC
                            && java.util.Arrays.stream(Words.spaced(v.name()).split(" "))
                                    .anyMatch(moneyWords::contains))
                    .map(dev.assay.model.profile.VariableProfile::name)
                    .toList();
            if (money.size() == 1) {
                notes.add("Read the amount of money as " + money.getFirst() + ", the one column of money.");
                named = Optional.of(money.getFirst());
            } else if (money.size() > 1) {
                return Interpretation.warn("Which amount do you mean in \"" + clause.text + "\": "
                        + BuiltInPlanner.orList(money) + "? Nothing was planned for it.");
            }
        }
        Optional<String> target = named;
        if (target.isEmpty()) {
            List<String> unknown = resolution.unknownWords();
            return Interpretation.warn(
                    unknown.isEmpty()
                            ? "I could not tell which column to predict in \"" + clause.text
                                    + "\"; name it, e.g. \"train a classifier on <column>\"."
                            : resolution.notFound(unknown.getFirst()));
        }
        Optional<ColumnMatcher.Mention> said = clause.mentions.stream()
                .filter(m -> m.kind() == ColumnMatcher.Kind.SINGLE
                        && m.column().equals(target.get())
                        && m.start() < featureCue)
                .findFirst();
        Optional<String> formula =
                said.flatMap(m -> FormulaTargets.question(clause.tokens, m.end(), target.get(), clause.text));
        if (formula.isPresent()) {
            return Interpretation.warn(formula.get());
        }
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> models = modelsNamed(clause.text);
        Optional<String> model = Vocabulary.MODELS.stream()
                .filter(m -> clause.hasPhrase(m.getKey()))
                .map(Map.Entry::getValue)
                .findFirst();
        // "a random forest and gradient boosting, compare them": one step trains one model; auto compares the
        // candidates by cross-validation, the ones named among them. Keeping the first in silence lost the other.
        if (models.size() > 1 && !ONE_OF_TWO.matcher(clause.text).find()) {
            model = Optional.of("auto");
            notes.add("Two or more models were named ("
                    + String.join(", ", models).replace('_', ' ') + "): a plan"
                    + " trains one, so the model is auto, which compares the candidates by cross-validation and keeps"
                    + " the best; the report's leaderboard shows each one's score.");
        }
        boolean linearRegression = model.filter("linear_regression"::equals).isPresent();
        boolean logistic = model.filter("logistic_regression"::equals).isPresent();
        if ((clause.has(Vocabulary.CLASSIFICATION) || logistic) && !linearRegression) {
            params.put("task", "classification");
        } else if (linearRegression
                || clause.has(Vocabulary.REGRESSION)
                        // "class is the target, with the amount of alcohol as an input": a word of quantities said of
                        // an input makes no regression of a column of words.
                        && numericOrNew(target.get())) {
            params.put("task", "regression");
        }
        params.put("target", target.get());
        model.ifPresent(m -> params.put("model", m));
        // The answer states the task it will do: the one the engine would infer from the target's profile.
        if (!params.containsKey("task") && !clause.profile.variables().containsKey(target.get())) {
            // A column an earlier step creates: the arithmetic and log features are decimal numbers.
            params.put("task", "regression");
        }
        if (!params.containsKey("task")) {
            var column = clause.profile.variables().get(target.get()).columnInfo();
            var declared = new dev.assay.model.plan.params.TrainModelParams(
                    null,
                    target.get(),
                    model.map(m -> dev.assay.model.plan.params.ModelAlgorithm.valueOf(m.toUpperCase(Locale.ROOT)))
                            .orElse(null),
                    null,
                    null,
                    null);
            params.put("task", declared.taskFor(column).wireName());
        }
        // "from bill_length_mm and wingspan": a listed input that is no column is asked about, never dropped.
        Optional<String> lost = modelWords.unresolvedFeature(featureCue);
        if (lost.isPresent()) {
            return Interpretation.warn(
                    lost.get().matches("(?i)(?:(?:the|a)\\s+)?(?:how\\s+(?:many|much)|number\\s+of)\\b.*")
                            ? resolution.countNotFound(lost.get(), target.get())
                            : resolution.notFound(lost.get()));
        }
        // "from the economic indicators": inputs said by a description no column holds are asked about.
        // "from the other measurements" says its inputs after "from": the other measured columns.
        List<String> measured = featureCue == clause.tokens.size()
                        || clause.text.matches("(?is).*\\bother\\s+(?:physical\\s+)?(?:measurements|measures)\\b.*")
                ? VagueInputs.measured(clause.text, clause.profile, target.get())
                : List.of();
        if (!measured.isEmpty()) {
            params.put("features", measured);
            notes.add("Read \"the measurements\" as the columns measured in a unit: " + String.join(", ", measured)
                    + ".");
            return new Interpretation(List.of(step(ActionType.TRAIN_MODEL, params)), notes);
        }
        // "tells benign tumours from malignant ones", "tell lunch tables from dinner ones": what follows "from" is
        // the other class of the target, not the model's inputs.
        boolean contrast = clause.has(java.util.Set.of(
                "tell",
                "tells",
                "telling",
                "distinguish",
                "distinguishes",
                "differentiate",
                "differentiates",
                "separate",
                "separates",
                "discriminate"));
        if (featureCue == clause.tokens.size() && resolution.excluded().isEmpty() && !contrast) {
            Optional<String> vague = VagueInputs.phrase(clause.tokens, clause::isInsideMention);
            if (vague.isPresent()) {
                return Interpretation.warn(VagueInputs.question(vague.get(), clause.profile, target.get()));
            }
        }
        // "from everything except the species and where they live": an input to leave out that names no column is
        // asked about; training with it kept would be wider than asked.
        Optional<String> unreadExclusion = resolution.unresolvedExclusion().or(resolution::exclusionOfNothing);
        if (unreadExclusion.isPresent()) {
            return Interpretation.warn(resolution.exclusionNotFound(unreadExclusion.get()));
        }
        Optional<String> unclearInputs = modelWords.demonstrativeQuestion(featureCue, target.get());
        if (unclearInputs.isPresent()) {
            return Interpretation.warn(unclearInputs.get());
        }
        List<String> features = modelWords.features(featureCue, target.get());
        Optional<String> miscounted = features.isEmpty() ? Optional.empty() : resolution.miscounted();
        if (miscounted.isPresent()) {
            return Interpretation.warn(miscounted.get());
        }
        int cue = featureCue < clause.tokens.size() ? featureCue : anyCue(said);
        // "from the rest of the bill info" is every other column, said around a column's word.
        boolean everyOther = clause.has(java.util.Set.of("rest", "other", "others", "else", "everything", "remaining"));
        List<String> undescribed = features.isEmpty() && resolution.excluded().isEmpty() && !everyOther
                ? clause.mentions.stream()
                        .filter(m -> m.start() > cue
                                && m.kind() == ColumnMatcher.Kind.SINGLE
                                && !m.column().equals(target.get())
                                && !RowUnits.describedRowUnit(clause.tokens, m.start(), m.end())
                                && !RowUnits.saysRowUnit(clause.tokens, m.start()))
                        .map(ColumnMatcher.Mention::words)
                        .toList()
                : List.of();
        // "from carat, cut and the dimensions": a group among the inputs that names no column is asked about; the
        // model had been trained on carat and cut alone, in silence.
        Optional<String> unnamedGroup = features.isEmpty() ? Optional.empty() : unnamedGroupAmongInputs(featureCue);
        if (unnamedGroup.isPresent()) {
            return Interpretation.warn("I could not tell which columns \"" + unnamedGroup.get() + "\" are among the"
                    + " model's inputs in \"" + clause.text + "\": no column name says it. Name them; nothing was"
                    + " planned rather than training on fewer inputs than asked.");
        }
        if (!features.isEmpty()) {
            params.put("features", features);
            // "from all columns except Name": an identifier is left out of "every other column" too, and said so,
            // since the person did not ask for that.
            if (!resolution.excluded().isEmpty()) {
                List<String> identifiers = clause.profile.variables().values().stream()
                        .filter(v -> v.type() == dev.assay.model.dataset.VariableKind.IDENTIFIER)
                        .map(dev.assay.model.profile.VariableProfile::name)
                        .filter(c -> !c.equals(target.get())
                                && !features.contains(c)
                                && !resolution.excluded().contains(c))
                        .toList();
                if (!identifiers.isEmpty()) {
                    notes.add(String.join(", ", identifiers) + (identifiers.size() == 1 ? " is" : " are")
                            + " left out of the inputs too: "
                            + (identifiers.size() == 1 ? "it identifies" : "they identify")
                            + " rows, and a model would only learn the row's number. Name "
                            + (identifiers.size() == 1 ? "it" : "them") + " among the inputs to keep "
                            + (identifiers.size() == 1 ? "it." : "them."));
                }
            }
            modelWords.describers(featureCue).stream()
                    .filter(m -> !features.contains(m.column()))
                    .forEach(m -> notes.add("Read \"" + m.words() + "\" as describing the column named beside it,"
                            + " not as an input of its own, so " + m.column() + " is not among the inputs."));
        } else if (!undescribed.isEmpty()) {
            // "from the family columns plus Pclass" with no input read: the words after the cue said which
            // inputs, so training on every column would be a quiet departure; the person is asked.
            return Interpretation.warn("The request names " + String.join(", ", undescribed)
                    + " among the model's inputs, but I could not tell which other columns it means in \"" + clause.text
                    + "\". Which of these should the model use? "
                    + inputChoices(target.get()));
        } else if (RESTRICTED.matcher(clause.text).find()) {
            // "using only the share of single-parent households and the poverty level" with no input read: training
            // on every column would be wider than asked, so the person is asked which columns.
            return Interpretation.warn("The request asks for only some inputs, but I could not tell which columns"
                    + " they are in \"" + clause.text + "\". Which of these should the model use? "
                    + inputChoices(target.get()));
        }
        // "from distance and borough": a shared word among the inputs is every column holding it, said so.
        clause.mentions.stream()
                .filter(m -> m.start() > featureCue && m.start() < clause.exclusionStart && FeatureGroups.sharedWord(m))
                .map(FeatureGroups::note)
                .forEach(notes::add);
        // A target found only inside a longer name is a reading, not a certainty: the answer says which column.
        clause.mentions.stream()
                .filter(m -> m.partial()
                        && m.kind() == ColumnMatcher.Kind.SINGLE
                        && m.column().equals(target.get()))
                .findFirst()
                .ifPresent(m -> notes.add("No column is called \"" + m.words() + "\"; I took " + m.column()
                        + ", whose name contains it, as the target."));
        return new Interpretation(List.of(step(ActionType.TRAIN_MODEL, params)), notes);
    }

    /**
     * The models a clause names, each once: a name inside a longer one ("tree" in "boosted tree", "forest" in
     * "random forest") is that one.
     */
    private static List<String> modelsNamed(String text) {
        String lower = " " + text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ") + " ";
        List<int[]> spans = new ArrayList<>();
        List<String> named = new ArrayList<>();
        Vocabulary.MODELS.stream()
                .sorted(java.util.Comparator.comparingInt(
                                (Map.Entry<String, String> m) -> m.getKey().length())
                        .reversed())
                .forEach(m -> {
                    int at = lower.indexOf(" " + m.getKey() + " ");
                    while (at >= 0) {
                        int start = at + 1;
                        int end = start + m.getKey().length();
                        if (spans.stream().noneMatch(s -> s[0] <= start && end <= s[1])) {
                            spans.add(new int[] {start, end});
                            if (!m.getValue().equals("auto") && !named.contains(m.getValue())) {
                                named.add(m.getValue());
                            }
                        }
                        at = lower.indexOf(" " + m.getKey() + " ", end);
                    }
                });
        return named;
    }

    private static final java.util.Set<String> GROUP_WORDS = java.util.Set.of(
            "dimensions",
            "metrics",
            "readings",
            "scores",
            "stats",
            "statistics",
            "characteristics",
            "attributes",
            "measurements",
            "measures");

    /** "… and the dimensions" among the inputs, where no column's name says which: the words, to ask about. */
    private Optional<String> unnamedGroupAmongInputs(int featureCue) {
        boolean measured = !VagueInputs.measuredColumns(clause.profile).isEmpty();
        java.util.OptionalInt at = modelWords.inputWord(featureCue, i -> {
            String word = clause.tokens.get(i).text();
            return GROUP_WORDS.contains(word)
                    && !(measured
                            && java.util.Set.of("measurements", "measures").contains(word))
                    && java.util.Set.of("the", "all", "its", "their", "other")
                            .contains(clause.tokens.get(i - 1).text());
        });
        return at.isPresent()
                ? Optional.of(clause.tokens.get(at.getAsInt() - 1).original() + " "
                        + clause.tokens.get(at.getAsInt()).original())
                : Optional.empty();
    }

    /** The columns a question about the model's inputs offers, and what was not done meanwhile. */
    private String inputChoices(String target) {
        return String.join(
                        ", ",
                        clause.profile.variables().keySet().stream()
                                .filter(c -> !c.equals(target))
                                .limit(15)
                                .toList())
                + ". Nothing was planned rather than training on every other column.";
    }
}
