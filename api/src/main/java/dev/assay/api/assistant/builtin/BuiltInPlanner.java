package dev.assay.api.assistant.builtin;

import dev.assay.api.assistant.planning.Planner;
import dev.assay.api.assistant.planning.PlannerAnswer;
import dev.assay.api.assistant.planning.PlanningRequest;
import dev.assay.model.plan.Plan;
import dev.assay.model.plan.PlanStep;
import dev.assay.model.plan.params.ActionType;
import dev.assay.model.profile.Alert;
import dev.assay.model.profile.AlertSeverity;
import dev.assay.model.profile.Profile;
import dev.assay.model.profile.VariableProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offline planner: deterministic, no model, nothing leaves Assay. It reads a request clause by clause,
 * recognises the common intents in many wordings, finds the columns they name, and says what it did not
 * understand instead of guessing. Its plans are validated like any other planner's.
 */
public final class BuiltInPlanner implements Planner {

    /** Splits "do this, then that and train …" into clauses at sentence ends, "then", and "and" before a new verb. */
    private static final Pattern CLAUSES = Pattern.compile(
            "(?i)\\s*(?:[.;!?](?:\\s+|$)|,?\\s+(?:and\\s+)?(?:then|after\\s+that|afterwards|next)\\s*,?\\s+"
                    + "|,\\s+(?=(?:and\\s+)?(?:(?:also|finally|lastly|last|then)\\s+)?(?:" + verbs() + ")\\b)"
                    + "|\\s+and\\s+(?=(?:(?:also|finally|lastly|last|then)\\s+)?(?:" + verbs() + ")\\b)"
                    // "scale carat before predicting price": the step before the model is its own clause.
                    + "|\\s+(?:before|prior\\s+to)\\s+(?=(?:training|fitting|predicting|modell?ing|building|classifying"
                    + "|regressing|forecasting)\\b))");

    private static final Pattern QUOTED = Pattern.compile("[\"'“‘`]([^\"'”’`]{1,200})[\"'”’`]");
    private static final Pattern NUMBER = Pattern.compile("\\b(\\d{1,3})\\b");

    /**
     * Words that begin a new step after a comma or "and". Every intent's opening verb is here, including the ones
     * said as an adjective or noun ("label encode", "one hot", "min-max", "model X"): a clause that swallowed the next
     * step would lose it silently.
     */
    private static String verbs() {
        return "train|fit|predict|build|drop|remove|delete|exclude|discard|fill|impute|replace|encode|one-hot|onehot"
                + "|one\\s+hot|label-encode|label\\s+encode|ordinal\\s+encode|scale|rescale|standardi[sz]e|normali[sz]e"
                + "|min-max|minmax|z-score|convert|cast|treat|parse|rename|clip|cap|pull"
                + "|winsori[sz]e|create|add|make|compute|derive|extract|log|log-transform|bin|bucket|dedupe|dedup|deduplicate"
                + "|clean|classify|regress|forecast|estimate|model\\s+(?!selection\\b)|get\\s+rid|throw\\s+(?:away|out)|ditch";
    }

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
        String words = QUOTED.matcher(text).replaceAll("''");
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
            ColumnMatcher matcher = matcher(request.profile());
            FollowUps.Revision revision = new FollowUps(request.profile(), matcher, prompt -> {
                        PlannerAnswer fresh = planFresh(prompt, request.profile());
                        return new FollowUps.Revision(fresh.plan().actions(), fresh.warnings());
                    })
                    .revise(request.prompt(), request.conversation());
            return new PlannerAnswer(
                    new Plan(Explanations.of(revision.steps(), revision.warnings()), revision.steps()),
                    revision.warnings());
        }
        return planFresh(request.prompt(), request.profile());
    }

    private PlannerAnswer planFresh(String prompt, Profile profile) {
        ColumnMatcher matcher = matcher(profile);
        List<PlanStep> steps = new ArrayList<>();
        List<PlanStep> training = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Optional<String> antecedent = Optional.empty();
        List<String> referents = List.of();
        Map<String, Object> settings = new LinkedHashMap<>();
        for (String said : split(formula(prompt), matcher)) {
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
            if (looksLikeCode(clause, profile)) {
                warnings.add("\"" + clause.strip() + "\" reads as code, a query, a shell command or a file path; Assay "
                        + "plans only whitelisted data actions and runs none of it, so nothing was planned for it. Say in "
                        + "words what should happen to which columns.");
                continue;
            }
            // "ratio = a / b": a new column defined by a formula is that feature, or refused with the reason; "it"
            // after
            // it is the new column, or nothing at all when it could not be made.
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
            Clause parsed = new Clause(clause, tokens, matcher, profile, antecedent, referents);
            // "predict price; inputs: carat and clarity": a clause that only lists a model's inputs gives the features
            // of the model asked for before it.
            if (!training.isEmpty() && parsed.listsInputs()) {
                PlanStep model = training.removeLast();
                Map<String, Object> params = new LinkedHashMap<>(model.params());
                params.put(
                        "features",
                        parsed.columns().stream()
                                .filter(c -> !c.equals(params.get("target")))
                                .toList());
                training.add(step(ActionType.TRAIN_MODEL, params));
                continue;
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
                    && parsed.columns().isEmpty()
                    && !parsed.has(Vocabulary.FILL)
                    && FollowUps.INDICATOR
                            .matcher(clause.toLowerCase(Locale.ROOT))
                            .find()) {
                Map<String, Object> params =
                        new LinkedHashMap<>(steps.get(lastFill).params());
                params.put("add_indicator", true);
                steps.set(lastFill, step(ActionType.IMPUTE, params));
                continue;
            }
            Interpretation result = parsed.interpret();
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
            if (parsed.lastColumn().isPresent()) {
                antecedent = parsed.lastColumn();
            }
            referents = referents(result.steps(), parsed.columns(), referents);
            for (PlanStep step : result.steps()) {
                (step.type() == ActionType.TRAIN_MODEL ? training : steps).add(step);
            }
            warnings.addAll(result.warnings());
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
        return new PlannerAnswer(new Plan(Explanations.of(steps, warnings), steps), warnings);
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

    private static final Pattern FORMULA = Pattern.compile(
            "^\\s*(?:(?:fit|train|model|regress|predict)\\s+)?([^~+*:()=]+?)\\s*~\\s*" + "(\\.|[^~*:()=^|]+?)\\s*$");

    /**
     * "price ~ carat + cut + clarity", "y ~ .": the formula people type for a model is data, read as its target and
     * features (never evaluated); interactions and functions (*, :, ( )) are not read this way.
     */
    static String formula(String prompt) {
        Matcher m = FORMULA.matcher(prompt);
        if (!m.matches()) {
            return prompt;
        }
        String inputs = m.group(2).strip().equals(".")
                ? "every other column"
                : String.join(
                        ", ",
                        List.of(m.group(2).split("\\s*\\+\\s*")).stream()
                                .map(String::strip)
                                .toList());
        return "predict " + m.group(1).strip() + " from " + inputs;
    }

    /**
     * What "it" or "them" in the next clause stands for: the column the step before created ("… into a column called
     * x, then scale it"), else the columns the clause before named ("fill Fare, then scale it"); a clause that
     * names none leaves the earlier referents in place.
     */
    private static List<String> referents(List<PlanStep> steps, List<String> named, List<String> earlier) {
        List<String> created = steps.stream()
                .map(s -> s.params().get("new_column"))
                .filter(String.class::isInstance)
                .map(String.class::cast)
                .toList();
        if (!created.isEmpty()) {
            return created;
        }
        return named.isEmpty() ? earlier : List.copyOf(named);
    }

    /** The columns a request names (groups and profile phrases resolved, exclusions left out), in order. */
    public static Set<String> namedColumns(String prompt, Profile profile) {
        Set<String> named = new LinkedHashSet<>();
        clauses(prompt, profile).forEach(c -> named.addAll(c.columns()));
        return named;
    }

    /** The columns a request leaves out ("every column except X", "without using Y"). */
    public static Set<String> excludedColumns(String prompt, Profile profile) {
        Set<String> excluded = new LinkedHashSet<>();
        clauses(prompt, profile).forEach(c -> excluded.addAll(c.excluded()));
        return excluded;
    }

    private static List<Clause> clauses(String prompt, Profile profile) {
        ColumnMatcher matcher = matcher(profile);
        List<Clause> clauses = new ArrayList<>();
        for (String clause : split(prompt, matcher)) {
            if (!clause.isBlank()) {
                clauses.add(new Clause(clause, Words.tokens(clause), matcher, profile, Optional.empty(), List.of()));
            }
        }
        return clauses;
    }

    /**
     * The request's clauses. A boundary before a verb that is the first word of a column's name ("drop cylinders and
     * model year" where model_year is a column) is no boundary: that word names the column, it does not begin a step.
     */
    static List<String> split(String prompt, ColumnMatcher matcher) {
        String text = prompt.strip();
        List<String> clauses = new ArrayList<>();
        Matcher boundary = CLAUSES.matcher(text);
        int start = 0;
        while (boundary.find()) {
            List<Words.Token> next = Words.tokens(text.substring(boundary.end()));
            boolean nameFirst = !boundary.group().matches("(?s).*[.;!?].*")
                    && !next.isEmpty()
                    && Vocabulary.known(next.getFirst().text())
                    && matcher.find(next).stream().anyMatch(m -> m.start() == 0 && m.end() > 1);
            if (nameFirst) {
                continue;
            }
            clauses.add(text.substring(start, boundary.start()));
            start = boundary.end();
        }
        clauses.add(text.substring(start));
        return clauses;
    }

    static ColumnMatcher matcher(Profile profile) {
        // A verb or a how-word ("drop", "mean") is part of a column's name only when it is the whole name.
        return new ColumnMatcher(
                List.copyOf(profile.variables().keySet()),
                word -> Vocabulary.HOW.contains(word)
                        || Vocabulary.FILLER.contains(word)
                        || Vocabulary.known(word)
                                && !Vocabulary.LENGTH.contains(word)
                                && !Vocabulary.DATE_PARTS.containsKey(word));
    }

    private static final Pattern UNUSED_SHARE =
            Pattern.compile("(?i)\\b\\d{1,3}(?:\\.\\d+)?\\s*(?:%|percent\\b|per cent\\b)");

    /** Words that say a row has no value in a column: "rows without a sex", "rows that lack a fare". */
    private static final Set<String> LACKING = Set.of("no", "without", "lacking", "lack", "lacks");

    private static final Pattern GOES = Pattern.compile(
            "(?i)\\b(?:can|could|should|must|may|might|will|to|gotta)\\s+(?:all\\s+)?"
                    + "(?:go|be\\s+(?:dropped|removed|deleted|discarded|excluded|thrown\\s+(?:out|away)|tossed|binned))\\b");

    /** What one clause asks for. */
    record Interpretation(List<PlanStep> steps, List<String> warnings) {

        static Interpretation of(PlanStep... steps) {
            return new Interpretation(List.of(steps), List.of());
        }

        static Interpretation warn(String warning) {
            return new Interpretation(List.of(), List.of(warning));
        }
    }

    /** One clause of the request, with its tokens and the columns it mentions. */
    private static final class Clause {
        private final String text;
        private final List<Words.Token> tokens;
        private final Set<String> words = new LinkedHashSet<>();
        private final ColumnMatcher matcher;
        private final Profile profile;
        private final List<ColumnMatcher.Mention> mentions;
        private final int exclusionStart;
        /** The column a previous clause named last: what "it" refers to in "… the tip? fit a model for it". */
        private final Optional<String> antecedent;
        /** The columns "it" or "them" stand for in this clause (see {@link BuiltInPlanner#referents}). */
        private final List<String> referents;

        /** Columns read from a misspelt word or another word of their family ("wieght", "urbanisation"). */
        List<ColumnMatcher.Mention> inexact() {
            return mentions.stream()
                    .filter(m -> m.inexact() && m.kind() == ColumnMatcher.Kind.SINGLE)
                    .toList();
        }

        /**
         * The column "it" in the next clause stands for: the last one named by its whole name, else the last one
         * found only inside a longer name ("the class of each wine": class, not od280/od315_of_diluted_wines).
         */
        Optional<String> lastColumn() {
            List<ColumnMatcher.Mention> singles = mentions.stream()
                    .filter(m -> m.kind() == ColumnMatcher.Kind.SINGLE)
                    .toList();
            return singles.stream()
                    .filter(m -> !m.partial())
                    .reduce((a, b) -> b)
                    .or(() -> singles.stream().reduce((a, b) -> b))
                    .map(ColumnMatcher.Mention::column);
        }

        Clause(
                String text,
                List<Words.Token> tokens,
                ColumnMatcher matcher,
                Profile profile,
                Optional<String> antecedent,
                List<String> referents) {
            this.antecedent = antecedent;
            this.referents = referents;
            this.text = text.strip();
            this.tokens = tokens;
            this.matcher = matcher;
            this.profile = profile;
            this.mentions = new ArrayList<>(ProfilePhrases.find(tokens, profile));
            List<ColumnMatcher.Mention> named = matcher.find(tokens);
            for (ColumnMatcher.Mention mention : named) {
                if (mentions.stream().noneMatch(p -> mention.start() < p.end() && p.start() < mention.end())) {
                    mentions.add(mention);
                }
            }
            mentions.sort(java.util.Comparator.comparingInt(ColumnMatcher.Mention::start));
            this.exclusionStart = exclusionStart();
            // Words inside a column's name ("bill length", "pickup time") never signal an intent.
            tokens.stream().filter(t -> !isInsideMention(t.index())).forEach(t -> words.add(t.text()));
        }

        /** Where "except", "but", "without", "other than", "not" begin the columns left out, or the clause's end. */
        private int exclusionStart() {
            for (Words.Token token : tokens) {
                if (isInsideMention(token.index())) {
                    continue;
                }
                String word = token.text();
                // "rows without a sex" are rows missing sex, not every column but sex.
                boolean rowsWithout = word.equals("without")
                        && token.index() > 0
                        && Vocabulary.ROWS.contains(
                                tokens.get(token.index() - 1).text());
                boolean cue = Set.of("except", "excluding", "but", "without", "besides", "not")
                                        .contains(word)
                                && !rowsWithout
                        || word.equals("other")
                                && token.index() + 1 < tokens.size()
                                && tokens.get(token.index() + 1).text().equals("than")
                        || word.equals("apart")
                                && token.index() + 1 < tokens.size()
                                && tokens.get(token.index() + 1).text().equals("from");
                if (cue && mentions.stream().anyMatch(m -> m.start() > token.index())) {
                    return token.index();
                }
            }
            return tokens.size();
        }

        /** The columns the clause leaves out ("every column except X", "but keep Y", "without using Z"). */
        private List<String> excluded() {
            List<String> out = new ArrayList<>();
            mentions.stream()
                    .filter(m -> m.start() > exclusionStart && m.kind() != ColumnMatcher.Kind.AMBIGUOUS)
                    .forEach(m ->
                            m.columns().stream().filter(c -> !out.contains(c)).forEach(out::add));
            return out;
        }

        /**
         * Whether leaving columns out selects every other one: "except", "excluding", "other than", "apart from",
         * "besides" say so themselves; "without", "not" and "but" only beside a word for every column ("everything but
         * Cabin"), since "penguins without a recorded sex" or "not Cabin" name no rest to act on.
         */
        private boolean restImplied() {
            String cue = tokens.get(exclusionStart).text();
            return !Set.of("without", "not", "but").contains(cue)
                    || words.stream()
                            .anyMatch(Set.of(
                                    "all",
                                    "every",
                                    "everything",
                                    "each",
                                    "entire",
                                    "whole",
                                    "rest",
                                    "others",
                                    "other",
                                    "columns",
                                    "variables",
                                    "features")::contains);
        }

        /** Whether the clause speaks of every column ("all", "every column", "everything", "each variable"). */
        private boolean saysEvery() {
            return words.stream().anyMatch(Set.of("all", "every", "everything", "each", "entire", "whole")::contains)
                    || exclusionStart < tokens.size();
        }

        /** The first mention that fits several columns equally when said as one: the planner asks which. */
        private Optional<ColumnMatcher.Mention> ambiguous(int from, int to) {
            return mentions.stream()
                    .filter(m -> m.kind() == ColumnMatcher.Kind.AMBIGUOUS && m.start() >= from && m.start() < to)
                    .findFirst();
        }

        private String question(ColumnMatcher.Mention mention) {
            return "Which column do you mean by \"" + mention.words() + "\": " + orList(mention.columns())
                    + "? Several fit equally, so nothing was planned for \"" + text + "\".";
        }

        /** The clause's words that are neither grammar, an intent, a number nor a column: a name not found. */
        private List<String> unknownWords() {
            List<String> unknown = new ArrayList<>();
            StringBuilder run = new StringBuilder();
            for (Words.Token token : tokens) {
                String word = token.text();
                boolean known = isInsideMention(token.index())
                        || ColumnMatcher.GRAMMAR.contains(word)
                        || Vocabulary.FILLER.contains(word)
                        || Vocabulary.known(word)
                        || word.matches("[\\d.,%-]+")
                        || ColumnMatcher.GROUP_NOUNS.contains(word);
                // A word is taken for a column's name only where a name goes: after the/in/where/of/for/on or a verb.
                boolean slot = !run.isEmpty()
                        || token.index() > 0
                                && slotBefore(tokens.get(token.index() - 1).text());
                if (known || !slot) {
                    if (!run.isEmpty()) {
                        unknown.add(run.toString());
                        run.setLength(0);
                    }
                } else {
                    run.append(run.isEmpty() ? "" : " ").append(token.original());
                }
            }
            if (!run.isEmpty()) {
                unknown.add(run.toString());
            }
            return unknown;
        }

        private static boolean slotBefore(String word) {
            return Set.of(
                                    "the", "in", "where", "of", "for", "on", "a", "an", "my", "column", "called",
                                    "named", "by", "from", "using")
                            .contains(word)
                    || Vocabulary.known(word) && !Vocabulary.ROWS.contains(word) && !Vocabulary.MISSING.contains(word);
        }

        /**
         * The scope rule: the columns a step may touch are those the clause names (groups and profile phrases
         * included), or every applicable column but the excluded ones when it says "every … except"; when it names
         * something that is no column, or fits several equally, there is no scope and the reason is given. Never
         * "every column" for a name that was not found.
         */
        private Scope scope(java.util.function.Predicate<String> applicable) {
            Optional<ColumnMatcher.Mention> unclear = ambiguous(0, exclusionStart);
            if (unclear.isPresent()) {
                return Scope.refused(question(unclear.get()));
            }
            Optional<ColumnMatcher.Mention> emptyPhrase =
                    mentions.stream().filter(m -> m.columns().isEmpty()).findFirst();
            if (emptyPhrase.isPresent()) {
                return Scope.refused("No column of this dataset is "
                        + emptyPhrase.get().words() + " in its profile, so nothing was planned for \"" + text + "\".");
            }
            List<String> named = new ArrayList<>();
            mentions.stream()
                    .filter(m -> m.start() < exclusionStart)
                    .forEach(m ->
                            m.columns().stream().filter(c -> !named.contains(c)).forEach(named::add));
            List<String> excluded = excluded();
            named.removeAll(excluded);
            if (!named.isEmpty()) {
                // A group ("the 2010s", "the numeric ones") may hold columns the action cannot take; they are left
                // out and named. A column named on its own is kept, so the validator says why it cannot be done.
                List<String> alone = mentions.stream()
                        .filter(m -> m.kind() == ColumnMatcher.Kind.SINGLE)
                        .map(ColumnMatcher.Mention::column)
                        .toList();
                List<String> unfit = named.stream()
                        .filter(c -> !alone.contains(c) && !applicable.test(c))
                        .toList();
                if (!unfit.isEmpty() && unfit.size() < named.size()) {
                    named.removeAll(unfit);
                    return new Scope(
                            List.copyOf(named),
                            Optional.empty(),
                            List.of("Left out " + String.join(", ", unfit)
                                    + ": this action does not apply to "
                                    + (unfit.size() == 1 ? "that column's" : "their")
                                    + " type."));
                }
                return Scope.of(named);
            }
            if (!excluded.isEmpty() || saysEvery() && mentions.isEmpty()) {
                if (excluded.isEmpty()) {
                    return Scope.of(List.of());
                }
                if (!restImplied()) {
                    return Scope.refused("Which columns should \"" + text + "\" act on? It leaves out "
                            + String.join(", ", excluded)
                            + " but names no columns to act on, so nothing was planned for "
                            + "it rather than acting on every other column.");
                }
                return Scope.of(profile.variables().keySet().stream()
                        .filter(applicable)
                        .filter(c -> !excluded.contains(c))
                        .toList());
            }
            List<String> unknown = unknownWords();
            if (!unknown.isEmpty()) {
                return Scope.refused(notFound(unknown.getFirst()));
            }
            // "then scale it": a pronoun stands for what the clause before named or created, never for every column;
            // with nothing before it to stand for, the person is asked.
            if (tokens.stream().anyMatch(t -> !isInsideMention(t.index()) && PRONOUNS.contains(t.text()))) {
                return referents.isEmpty()
                        ? Scope.refused("Which column should \"" + text + "\" use? Name it.")
                        : Scope.of(referents);
            }
            return Scope.of(List.of());
        }

        /** Words that refer back to columns named before; "that" and "those" are left out, as they also begin a clause. */
        private static final Set<String> PRONOUNS = Set.of("it", "them");

        private String notFound(String words) {
            return "I could not find a column called \"" + words + "\"; the closest are "
                    + orList(matcher.closest(words, 3)) + ". Nothing was planned for \"" + text
                    + "\" rather than acting on every column.";
        }

        private boolean has(Set<String> vocabulary) {
            return words.stream().anyMatch(vocabulary::contains);
        }

        /** A verb of removal, also said of the rows themselves: "rows missing X can go", "… should be dropped". */
        private static final Set<String> RELATES = Set.of(
                "where", "whose", "who", "which", "that", "is", "are", "was", "were", "equals", "equal", "=", "at",
                "from", "in", "by", "with", "of");

        /**
         * A value of a column of words said right after a relating word ("at C", "is Sun", "from Dream"): a one-letter
         * value only as written (a capital C), longer ones in any case; never a column's own name.
         */
        private Optional<String> rowValue() {
            for (int i = 1; i < tokens.size(); i++) {
                Words.Token token = tokens.get(i);
                if (!RELATES.contains(tokens.get(i - 1).text())
                        || Vocabulary.FILLER.contains(token.text())
                        || ColumnMatcher.GRAMMAR.contains(token.text())
                                && token.text().length() > 1
                        || profile.variables().keySet().stream().anyMatch(c -> c.equalsIgnoreCase(token.text()))) {
                    continue;
                }
                for (VariableProfile variable : profile.variables().values()) {
                    if (variable.storage().isNumeric()) {
                        continue;
                    }
                    Optional<String> value = variable.categories().stream()
                            .filter(c ->
                                    c.length() == 1 ? c.equals(token.original()) : c.equalsIgnoreCase(token.text()))
                            .findFirst();
                    if (value.isPresent()) {
                        return Optional.of("'" + value.get() + "' is a value of " + variable.name());
                    }
                }
            }
            return Optional.empty();
        }

        private boolean removes() {
            return has(Vocabulary.REMOVE) || GOES.matcher(text).find();
        }

        /** Whether the clause says the phrase; a hyphen between words counts as a space ("random-forest", "one-hot"). */
        private boolean hasPhrase(String phrase) {
            String said = " "
                    + String.join(" ", tokens.stream().map(Words.Token::text).toList()) + " ";
            return said.contains(" " + phrase + " ") || Words.unhyphenated(said).contains(" " + phrase + " ");
        }

        private List<String> columns() {
            List<String> columns = new ArrayList<>();
            for (ColumnMatcher.Mention mention : mentions) {
                if (mention.kind() != ColumnMatcher.Kind.AMBIGUOUS && mention.start() < exclusionStart) {
                    mention.columns().stream().filter(c -> !columns.contains(c)).forEach(columns::add);
                }
            }
            columns.removeAll(excluded());
            // "make pickup a date, then pull the hour out of it": a clause that names no column but says "it" or
            // "them" is about the columns the clause before named or created, for every action alike.
            if (columns.isEmpty()
                    && !referents.isEmpty()
                    && tokens.stream().anyMatch(t -> !isInsideMention(t.index()) && PRONOUNS.contains(t.text()))) {
                return new ArrayList<>(referents);
            }
            return columns;
        }

        Interpretation interpret() {
            // Asking for code, commands or files is refused even next to a data verb: nothing here runs code.
            if (has(Vocabulary.FORBIDDEN) && !trainingWithRunWord() && !fileAsPlainWord()) {
                return Interpretation.warn("Assay plans only whitelisted data actions; it does not run code, commands "
                        + "or queries, or read or send files: \"" + text + "\" was left out.");
            }
            // "bin mass into 4 bins and call it mass_band" names the new column; it renames nothing.
            // "parse the date columns", "split the timestamps into year and hour": parts of the columns holding dates.
            Optional<List<PlanStep>> dateParts = DateParts.read(words, columns(), datePartsAsked(), profile);
            if (dateParts.isPresent()) {
                return new Interpretation(dateParts.get(), List.of());
            }
            // "make year categorical", "origin is a category, not a number": a type said of columns and nothing else.
            Optional<Map.Entry<List<String>, String>> typed = CastClauses.read(text, matcher);
            if (typed.isPresent()) {
                return Interpretation.of(step(
                        ActionType.CAST,
                        params(
                                "columns",
                                typed.get().getKey(),
                                "to",
                                typed.get().getValue())));
            }
            if (has(Vocabulary.RENAME)
                    || (words.contains("call")
                            && mentions.size() >= 1
                            && !(NewColumnNames.namesResult(text) && isFeature()))) {
                return rename();
            }
            boolean missingRows =
                    has(Vocabulary.ROWS) && (has(Vocabulary.MISSING) || has(Set.of("incomplete", "nulls")));
            if (has(Vocabulary.DUPLICATES) && missingRows) {
                // "drop duplicates and rows with missing values": two steps said in one breath.
                return new Interpretation(
                        List.of(
                                step(ActionType.DROP_DUPLICATES, params("columns", List.of())),
                                step(ActionType.DROP_MISSING_ROWS, params("columns", columns()))),
                        List.of());
            }
            if (has(Vocabulary.DUPLICATES)) {
                return scoped(ANY, columns -> step(ActionType.DROP_DUPLICATES, params("columns", columns)));
            }
            // "remove rows where Fare is 0", "drop the rows with a tip above 10": no action filters rows by their
            // values, and reading it as dropping the column would be a plausible wrong answer.
            if ((removes() || has(Set.of("keep", "filter", "select")))
                    && has(Vocabulary.ROWS)
                    && !missingRows
                    && !has(LACKING)) {
                return Interpretation.warn("Assay has no action that keeps or drops rows by their values (\"" + text
                        + "\"); it can drop rows with missing values or duplicate rows. Nothing was planned for it.");
            }
            // "drop the passengers who embarked at C", "drop the tables where day is Sun": a removal that names a
            // value of a column, after a word that relates it, removes rows by value; dropping the column is wrong.
            if (removes()
                    && !missingRows
                    && !has(Vocabulary.MISSING)
                    && rowValue().isPresent()) {
                return Interpretation.warn("Assay has no action that keeps or drops rows by their values (\"" + text
                        + "\": " + rowValue().get()
                        + "); it can drop rows with missing values or duplicate rows. Nothing"
                        + " was planned for it.");
            }
            if (removes() && has(Vocabulary.ROWS) && (has(Vocabulary.MISSING) || has(LACKING))) {
                return scoped(ANY, columns -> step(ActionType.DROP_MISSING_ROWS, params("columns", columns)));
            }
            if (isTraining()) {
                return train();
            }
            // "missing ... with the" is a fill ("missing values with the median") unless the verb removes: "drop the
            // column with the most missing values" names a column to drop.
            if (has(Vocabulary.FILL)
                    || (hasPhrase("missing")
                            && (hasPhrase("with the") && !removes() || has(Set.of("median", "mean", "mode"))))) {
                return impute();
            }
            // "cast the few-valued columns to categorical": the verb of a type change with a type after "to" is a
            // cast to that type; "categorical" alone ("the categorical columns") keeps meaning an encoding.
            if (has(Set.of("cast", "convert", "change", "turn"))
                    && (hasPhrase("to categorical")
                            || hasPhrase("to category")
                            || hasPhrase("into categorical")
                            || hasPhrase("into categories")
                            || hasPhrase("to categories"))) {
                return cast();
            }
            if (has(Vocabulary.ENCODE) || hasPhrase("one hot")) {
                return encode();
            }
            if (has(Vocabulary.CLIP)) {
                return clip();
            }
            if (has(Vocabulary.SCALE) || hasPhrase("0-1") || hasPhrase("0 to 1") || hasPhrase("between 0 and 1")) {
                return scale();
            }
            if (isFeature()) {
                return feature();
            }
            if (isCast()) {
                return cast();
            }
            if (removes() || hasPhrase("get rid of") || hasPhrase("leave out")) {
                return dropColumns();
            }
            if (has(Vocabulary.CLEAN)) {
                return clean();
            }
            return Interpretation.warn(
                    "I did not understand \"" + text + "\". I can drop, fill, convert, encode, scale, "
                            + "rename or clip columns, create features, remove duplicate or incomplete rows, and train a model.");
        }

        /**
         * "everything else in the file", "every column of this file": "file" said of the dataset, after a determiner
         * and with no verb that reads, writes or sends files, is a plain English word, not a request for a file.
         */
        private boolean fileAsPlainWord() {
            List<String> forbidden =
                    words.stream().filter(Vocabulary.FORBIDDEN::contains).toList();
            if (forbidden.isEmpty()
                    || !forbidden.stream().allMatch(w -> w.equals("file") || w.equals("files"))
                    || has(Set.of(
                            "read", "open", "write", "save", "load", "attach", "delete", "copy", "move", "path"))) {
                return false;
            }
            for (Words.Token token : tokens) {
                if ((token.text().equals("file") || token.text().equals("files"))
                        && (token.index() == 0
                                || !Set.of("the", "this", "that", "your", "my", "our", "whole", "entire", "same")
                                        .contains(tokens.get(token.index() - 1).text()))) {
                    return false;
                }
            }
            return true;
        }

        private boolean trainingWithRunWord() {
            return words.contains("run")
                    && words.stream().filter(Vocabulary.FORBIDDEN::contains).count() == 1
                    && isTraining();
        }

        /** "inputs: A and B", "features A, B", "using A and B" alone: a list of a model's inputs, nothing else. */
        boolean listsInputs() {
            return !tokens.isEmpty()
                    && Set.of(
                                    "input",
                                    "inputs",
                                    "feature",
                                    "features",
                                    "predictor",
                                    "predictors",
                                    "using",
                                    "from",
                                    "based",
                                    "with")
                            .contains(tokens.getFirst().text())
                    && !columns().isEmpty()
                    && !isInsideMention(0)
                    && !isTraining()
                    && !has(Vocabulary.FILL)
                    && !has(Vocabulary.SCALE)
                    && !has(Vocabulary.ENCODE)
                    && !has(Vocabulary.REMOVE)
                    && !has(Vocabulary.CLIP);
        }

        /** "use the diagnosis column as the label", "with price as the target", "Survived is the outcome". */
        private Optional<String> namedAsTarget() {
            for (ColumnMatcher.Mention mention : mentions) {
                if (mention.kind() != ColumnMatcher.Kind.SINGLE) {
                    continue;
                }
                int at = mention.end();
                if (at < tokens.size()
                        && Set.of("column", "variable", "field")
                                .contains(tokens.get(at).text())) {
                    at++;
                }
                if (at < tokens.size()
                        && Set.of("as", "is", "be").contains(tokens.get(at).text())) {
                    at++;
                    while (at < tokens.size()
                            && Set.of("the", "a", "my", "our", "your")
                                    .contains(tokens.get(at).text())) {
                        at++;
                    }
                    if (at < tokens.size()
                            && Set.of("target", "label", "outcome", "response", "y", "dependent")
                                    .contains(tokens.get(at).text())) {
                        return Optional.of(mention.column());
                    }
                }
            }
            return Optional.empty();
        }

        private boolean isTraining() {
            if (namedAsTarget().isPresent()) {
                return true;
            }
            // "explain body mass by flipper length and bill depth": explaining a column by others is a model.
            boolean explains = has(Set.of("explain", "explains", "explaining")) && featureCue() < tokens.size();
            // "species from the sepal measurements", "price using carat and cut": a column, then a cue and the columns
            // it is read from, with no other verb, is a model of the first column.
            int cue = featureCue();
            boolean verbless = cue < tokens.size()
                    && !mentions.isEmpty()
                    && mentions.getFirst().end() == cue
                    && mentions.getFirst().kind() == ColumnMatcher.Kind.SINGLE
                    && Set.of("from", "using", "given", "based")
                            .contains(tokens.get(cue).text())
                    && tokens.subList(0, mentions.getFirst().start()).stream()
                            .allMatch(t -> Set.of("the", "a", "an").contains(t.text()));
            boolean modelWord = has(Vocabulary.TRAIN)
                    || explains
                    || verbless
                    || Vocabulary.MODELS.stream().anyMatch(m -> hasPhrase(m.getKey()));
            // "log transform" is a feature, "extract" a feature even next to "model"; "predict" always trains.
            return modelWord && !(has(Vocabulary.LOG) && !has(Set.of("train", "predict", "fit", "model")));
        }

        private boolean isFeature() {
            return has(Vocabulary.LOG)
                    || has(Vocabulary.BIN)
                    || hasArithmetic()
                    || (has(Set.of("extract", "get", "pull"))
                            && (datePartsAsked().size() > 0
                                    || QUOTED.matcher(text).find()))
                    || (has(Vocabulary.CREATE)
                            && (has(Set.of("column", "feature", "variable"))
                                    || !datePartsAsked().isEmpty()))
                    || (has(Vocabulary.LENGTH) && has(Set.of("text", "string", "characters", "length")));
        }

        private boolean hasArithmetic() {
            return arithmetic().isPresent();
        }

        /**
         * The operation of "X plus Y", "X divided by Y" (the word between the two columns) or "add X and Y",
         * "ratio of X to Y" (the word before them); "add a column …" alone is not arithmetic.
         */
        private Optional<String> arithmetic() {
            if (mentions.size() < 2) {
                return Optional.empty();
            }
            ColumnMatcher.Mention first = mentions.get(0);
            ColumnMatcher.Mention second = mentions.get(1);
            // A word between the columns wins; else the one nearest before them: "add the ratio of a to b" divides.
            Optional<String> nearestBefore = Optional.empty();
            for (Words.Token token : tokens) {
                String operation = Vocabulary.ARITHMETIC.get(token.text());
                if (operation == null || isInsideMention(token.index())) {
                    continue;
                }
                boolean between = token.index() >= first.end() && token.index() < second.start();
                boolean before = token.index() < first.start() && first.start() - token.index() <= 4;
                if (between) {
                    return Optional.of(operation);
                }
                if (before) {
                    nearestBefore = Optional.of(operation);
                }
            }
            return nearestBefore;
        }

        private boolean isInsideMention(int index) {
            return mentions.stream().anyMatch(m -> index >= m.start() && index < m.end());
        }

        private boolean isCast() {
            return (has(Vocabulary.CAST) || hasPhrase("as text") || hasPhrase("as a string") || hasPhrase("as string"))
                    && castTarget().isPresent();
        }

        private Interpretation rename() {
            // "rename SibSp to siblings and Parch to parents": two pairs, one step with both renames.
            Optional<List<Map<String, Object>>> pairs = RenamePairs.read(text, this::columnIn);
            if (pairs.isPresent()) {
                return Interpretation.of(step(ActionType.RENAME_COLUMNS, params("renames", pairs.get())));
            }
            Matcher m = Pattern.compile(
                            "(?i)rename\\s+(?:the\\s+)?(?:column\\s+)?(.+?)\\s+(?:to|as|into)\\s+(?:be\\s+)?(.+)$")
                    .matcher(text);
            if (!m.find()) {
                // "call the Parch column parents_children (instead)"
                m = Pattern.compile("(?i)\\bcall\\s+(?:the\\s+)?(.+?\\s+column|\\S+)\\s+(\\S+)(?:\\s+instead)?\\s*$")
                        .matcher(text);
            }
            if (!m.find(0)) {
                return Interpretation.warn("To rename, say \"rename <column> to <new name>\".");
            }
            Optional<String> from = columnIn(m.group(1));
            String to = m.group(2)
                    .strip()
                    .replaceAll("^[\"'`“‘]|[\"'`”’.]$", "")
                    .replaceAll("[\"'`”’]$", "")
                    .strip();
            if (from.isEmpty()) {
                return Interpretation.warn(
                        "I could not find the column \"" + m.group(1).strip() + "\" to rename.");
            }
            if (to.contains(" ")) {
                to = Words.snake(to);
            }
            return Interpretation.of(step(
                    ActionType.RENAME_COLUMNS, params("renames", List.of(params("from", from.get(), "to", to)))));
        }

        private Optional<String> columnIn(String phrase) {
            List<ColumnMatcher.Mention> found = matcher.find(Words.tokens(phrase.replaceAll("(?i)\\bcolumn\\b", "")));
            return found.isEmpty()
                    ? Optional.empty()
                    : Optional.of(found.getFirst().column());
        }

        /**
         * The grammar of training: the target after a verb or cue ("predict X", "train … on X", "model X",
         * "regress X on A"), the features after "from", "using", "based on", "given", "with" ("X from A, B and C";
         * "every column except D"; "without using E"), the model and task words anywhere.
         */
        private Interpretation train() {
            int featureCue = featureCue();
            Optional<ColumnMatcher.Mention> unclear = ambiguous(0, Math.min(featureCue, exclusionStart));
            if (unclear.isPresent()) {
                return Interpretation.warn(question(unclear.get()));
            }
            Optional<String> named = target(featureCue);
            List<String> notes = new ArrayList<>();
            if (named.isEmpty()) {
                // "predict benign cases", "spot female penguins": a target said by one of its values.
                Optional<ValueTargets.Found> byValue = ValueTargets.find(
                        tokens.subList(0, Math.min(featureCue, exclusionStart)).stream()
                                .filter(t -> !isInsideMention(t.index()) && !Vocabulary.known(t.text()))
                                .toList(),
                        profile);
                if (byValue.isPresent() && byValue.get().column().isEmpty()) {
                    return Interpretation.warn(byValue.get().note());
                }
                if (byValue.isPresent()) {
                    named = byValue.get().column();
                    notes.add(byValue.get().note());
                }
            }
            Optional<String> target = named;
            if (target.isEmpty()) {
                List<String> unknown = unknownWords();
                return Interpretation.warn(
                        unknown.isEmpty()
                                ? "I could not tell which column to predict in \"" + text
                                        + "\"; name it, e.g. \"train a classifier on <column>\"."
                                : notFound(unknown.getFirst()));
            }
            Optional<ColumnMatcher.Mention> said = mentions.stream()
                    .filter(m -> m.kind() == ColumnMatcher.Kind.SINGLE
                            && m.column().equals(target.get())
                            && m.start() < featureCue)
                    .findFirst();
            Optional<String> formula = said.flatMap(m -> FormulaTargets.question(tokens, m.end(), target.get(), text));
            if (formula.isPresent()) {
                return Interpretation.warn(formula.get());
            }
            Map<String, Object> params = new LinkedHashMap<>();
            Optional<String> model = Vocabulary.MODELS.stream()
                    .filter(m -> hasPhrase(m.getKey()))
                    .map(Map.Entry::getValue)
                    .findFirst();
            boolean linearRegression = model.filter("linear_regression"::equals).isPresent();
            boolean logistic = model.filter("logistic_regression"::equals).isPresent();
            if ((has(Vocabulary.CLASSIFICATION) || logistic) && !linearRegression) {
                params.put("task", "classification");
            } else if (has(Vocabulary.REGRESSION) || linearRegression) {
                params.put("task", "regression");
            }
            params.put("target", target.get());
            model.ifPresent(m -> params.put("model", m));
            // The answer states the task it will do: the one the engine would infer from the target's profile.
            if (!params.containsKey("task") && !profile.variables().containsKey(target.get())) {
                // A column an earlier step creates: the arithmetic and log features are decimal numbers.
                params.put("task", "regression");
            }
            if (!params.containsKey("task")) {
                var column = profile.variables().get(target.get()).columnInfo();
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
            Optional<String> lost = unresolvedFeature(featureCue);
            if (lost.isPresent()) {
                return Interpretation.warn(notFound(lost.get()));
            }
            // "from the economic indicators": inputs said by a description no column holds are asked about.
            List<String> measured =
                    featureCue == tokens.size() ? VagueInputs.measured(text, profile, target.get()) : List.of();
            if (!measured.isEmpty()) {
                params.put("features", measured);
                notes.add("Read \"the measurements\" as the columns measured in a unit: " + String.join(", ", measured)
                        + ".");
                return new Interpretation(List.of(step(ActionType.TRAIN_MODEL, params)), notes);
            }
            if (featureCue == tokens.size() && excluded().isEmpty()) {
                Optional<String> vague = VagueInputs.phrase(tokens, this::isInsideMention);
                if (vague.isPresent()) {
                    return Interpretation.warn(VagueInputs.question(vague.get(), profile, target.get()));
                }
            }
            List<String> features = features(featureCue, target.get());
            if (!features.isEmpty()) {
                params.put("features", features);
            }
            // "from distance and borough": a shared word among the inputs is every column holding it, said so.
            mentions.stream()
                    .filter(m -> m.start() > featureCue && m.start() < exclusionStart && FeatureGroups.sharedWord(m))
                    .map(FeatureGroups::note)
                    .forEach(notes::add);
            // A target found only inside a longer name is a reading, not a certainty: the answer says which column.
            mentions.stream()
                    .filter(m -> m.partial()
                            && m.kind() == ColumnMatcher.Kind.SINGLE
                            && m.column().equals(target.get()))
                    .findFirst()
                    .ifPresent(m -> notes.add("No column is called \"" + m.words() + "\"; I took " + m.column()
                            + ", whose name contains it, as the target."));
            return new Interpretation(List.of(step(ActionType.TRAIN_MODEL, params)), notes);
        }

        /** A word listed among named inputs (right after "and"/"or") that is no column, no group and no known word. */
        private Optional<String> unresolvedFeature(int featureCue) {
            int end = Math.min(exclusionStart, tokens.size());
            boolean named = mentions.stream().anyMatch(m -> m.start() > featureCue && m.start() < end);
            if (!named) {
                return Optional.empty();
            }
            for (int i = featureCue + 2; i < end; i++) {
                String word = tokens.get(i).text();
                if (!Set.of("and", "or").contains(tokens.get(i - 1).text())
                        || isInsideMention(i)
                        || ColumnMatcher.GRAMMAR.contains(word)
                        || Vocabulary.FILLER.contains(word)
                        || Vocabulary.known(word)
                        || word.matches("[\\d.,%-]+")
                        || ColumnMatcher.GROUP_NOUNS.contains(word)
                        || Vocabulary.TARGET_CUES.contains(word)
                        // "party size": a word describing the column named right after it.
                        || i + 1 < tokens.size() && isInsideMention(i + 1)) {
                    continue;
                }
                return Optional.of(tokens.get(i).original());
            }
            return Optional.empty();
        }

        /** Where the features begin: a cue word followed by a column, a group or "every/all". */
        private int featureCue() {
            for (int i = 0; i < tokens.size(); i++) {
                String word = tokens.get(i).text();
                int here = i;
                boolean cue = Set.of("from", "using", "given", "with", "by", "against")
                                .contains(word)
                        || word.equals("based")
                                && i + 1 < tokens.size()
                                && tokens.get(i + 1).text().equals("on")
                        // "as a function of A, B", "in terms of A"
                        || word.equals("of")
                                && i > 0
                                && Set.of("function", "terms")
                                        .contains(tokens.get(i - 1).text())
                        || word.equals("on")
                                && words.contains("regress")
                                && mentions.stream().anyMatch(m -> m.end() <= here);
                if (!cue || isInsideMention(i)) {
                    continue;
                }
                int next = i + 1;
                while (next < tokens.size()
                        && Set.of(
                                        "on",
                                        "the",
                                        "only",
                                        "just",
                                        "a",
                                        "an",
                                        "columns",
                                        "column",
                                        "features",
                                        "feature",
                                        "of",
                                        "their",
                                        "its",
                                        "his",
                                        "her",
                                        "my",
                                        "our",
                                        "both")
                                .contains(tokens.get(next).text())) {
                    next++;
                }
                if (next < tokens.size()
                        && (mentionAt(next).isPresent()
                                || Set.of("every", "all", "everything", "each")
                                        .contains(tokens.get(next).text()))) {
                    return i;
                }
                // "using the 4 Cs: carat, cut …", "from two things, A and B": a few words that describe the list
                // (no column, no cue, no model word) may stand between the cue and the columns it introduces.
                int described = next;
                while (described < tokens.size()
                        && described - next < 4
                        && mentionAt(described).isEmpty()
                        && !isInsideMention(described)
                        && !Vocabulary.TARGET_CUES.contains(
                                tokens.get(described).text())
                        && !Vocabulary.known(tokens.get(described).text())
                        && !Set.of("from", "using", "given", "with", "by", "except", "but", "without")
                                .contains(tokens.get(described).text())) {
                    described++;
                }
                if (described > next
                        && described < tokens.size()
                        && mentionAt(described).isPresent()) {
                    return i;
                }
            }
            return tokens.size();
        }

        private Optional<ColumnMatcher.Mention> mentionAt(int index) {
            return mentions.stream().filter(m -> m.start() == index).findFirst();
        }

        /** The features named after the cue, or every other column but the excluded ones, or [] (every other). */
        private List<String> features(int featureCue, String target) {
            List<String> excluded = excluded();
            List<String> named = new ArrayList<>();
            mentions.stream()
                    .filter(m -> m.start() > featureCue
                            && m.start() < exclusionStart
                            && (m.kind() != ColumnMatcher.Kind.AMBIGUOUS || FeatureGroups.sharedWord(m)))
                    .forEach(m -> m.columns().stream()
                            .filter(c -> !named.contains(c) && !c.equals(target))
                            .forEach(named::add));
            named.removeAll(excluded);
            if (!named.isEmpty()) {
                return named;
            }
            if (!excluded.isEmpty()) {
                return profile.variables().values().stream()
                        .filter(v -> v.type() != dev.assay.model.dataset.VariableKind.IDENTIFIER)
                        .map(dev.assay.model.profile.VariableProfile::name)
                        .filter(c -> !c.equals(target) && !excluded.contains(c))
                        .toList();
            }
            return List.of();
        }

        /** The column after a cue word (on, for, predict…) before the features, else the first column named there. */
        private Optional<String> target(int featureCue) {
            Optional<String> named = namedAsTarget();
            if (named.isPresent()) {
                return named;
            }
            List<ColumnMatcher.Mention> before = mentions.stream()
                    .filter(m ->
                            m.start() < Math.min(featureCue, exclusionStart) && m.kind() == ColumnMatcher.Kind.SINGLE)
                    .filter(m -> !RowUnits.saysRowUnit(tokens, m.start()))
                    .toList();
            for (ColumnMatcher.Mention mention : before) {
                int at = mention.start() - 1;
                while (at >= 0
                        && Set.of(
                                        "the", "a", "an", "column", "whether", "to", "be", "its", "each", "share",
                                        "rate", "of", "value", "values")
                                .contains(tokens.get(at).text())
                        && !Vocabulary.TARGET_CUES.contains(tokens.get(at).text())) {
                    at--;
                }
                if (at >= 0
                        && (Vocabulary.TARGET_CUES.contains(tokens.get(at).text())
                                || Set.of("regress", "model", "classify", "predict")
                                        .contains(tokens.get(at).text()))) {
                    return Optional.of(mention.column());
                }
            }
            // A word found only inside a longer name loses to a column named by its whole name.
            List<ColumnMatcher.Mention> whole =
                    before.stream().filter(m -> !m.partial()).toList();
            if (!whole.isEmpty() && whole.size() < before.size()) {
                before = whole;
            }
            if (featureCue < tokens.size() && !before.isEmpty()) {
                return Optional.of(before.getFirst().column());
            }
            // "classify the flowers by species", "sort passengers by Survived with a tree": things that are no column,
            // then "by" and one column, are sorted by that column, which is the target (the features are the rest).
            // "model it by size" keeps "it" for the column said before.
            boolean pronoun = tokens.stream().anyMatch(t -> !isInsideMention(t.index()) && PRONOUNS.contains(t.text()));
            if (before.isEmpty()
                    && !pronoun
                    && featureCue < tokens.size()
                    && tokens.get(featureCue).text().equals("by")) {
                List<ColumnMatcher.Mention> after = mentions.stream()
                        .filter(m -> m.start() > featureCue && m.start() < exclusionStart)
                        .toList();
                if (after.size() == 1 && after.getFirst().kind() == ColumnMatcher.Kind.SINGLE) {
                    return Optional.of(after.getFirst().column());
                }
            }
            // "… the tip? fit a model for it", "what predicts murder? use boosting with poverty as inputs".
            if (before.isEmpty()) {
                return antecedent;
            }
            return before.isEmpty()
                    ? Optional.empty()
                    : Optional.of(before.getLast().column());
        }

        private Interpretation impute() {
            String strategy = "median";
            Object value = null;
            if (has(Set.of("mean", "average", "avg"))) {
                strategy = "mean";
            } else if (has(Set.of("mode", "frequent", "common", "commonest", "popular"))) {
                strategy = "mode";
            } else if (has(Set.of("zero", "zeros", "zeroes", "0"))) {
                strategy = "zero";
            } else if (!has(Set.of("median", "middle"))) {
                Matcher quoted = QUOTED.matcher(text);
                if (quoted.find()) {
                    strategy = "constant";
                    value = quoted.group(1);
                }
            }
            // A group filled with a mean or median keeps only its numeric columns, and says which it left out.
            Scope scope = scope(strategy.equals("median") || strategy.equals("mean") ? this::numeric : ANY);
            if (scope.refusal().isPresent()) {
                return Interpretation.warn(scope.refusal().get());
            }
            List<String> columns = scope.columns();
            if (strategy.equals("zero")
                    && !columns.isEmpty()
                    && columns.stream()
                            .anyMatch(c -> !profile.variables().get(c).storage().isNumeric())) {
                strategy = "constant";
                value = "0";
            }
            Map<String, Object> params = params("strategy", strategy, "columns", columns);
            if (value != null) {
                params.put("value", value);
            }
            if (FollowUps.INDICATOR.matcher(text.toLowerCase(Locale.ROOT)).find()) {
                params.put("add_indicator", true);
            }
            return new Interpretation(List.of(step(ActionType.IMPUTE, params)), scope.notes());
        }

        private Interpretation encode() {
            String method = has(Set.of(
                                    "label",
                                    "labels",
                                    "label-encode",
                                    "label-encoded",
                                    "ordinal",
                                    "integer",
                                    "integers",
                                    "codes",
                                    "code"))
                            && !hasPhrase("one hot")
                            && !has(Set.of("one-hot", "onehot", "dummy", "dummies"))
                    ? "label"
                    : "onehot";
            return scoped(
                    this::categorical,
                    columns -> step(ActionType.ENCODE, params("columns", columns, "method", method)));
        }

        private Interpretation scale() {
            boolean minmax = has(Set.of("min-max", "minmax", "0-1", "normalize", "normalise", "normalized", "range"))
                    || hasPhrase("0 to 1")
                    || hasPhrase("between 0 and 1")
                    || hasPhrase("min max");
            return scoped(
                    this::numeric,
                    columns -> step(
                            ActionType.SCALE, params("columns", columns, "method", minmax ? "minmax" : "standard")));
        }

        private Interpretation clip() {
            // Limits said in words go into the step; a limit the action cannot take is asked about, never defaulted.
            ClipLimits limits =
                    ClipLimits.read(text, List.copyOf(profile.variables().keySet()));
            if (limits.refusal().isPresent()) {
                return Interpretation.warn(limits.refusal().get());
            }
            // "3 x IQR" on a file with a column x: the words of a limit name no column.
            for (String said : limits.said()) {
                List<String> limitWords =
                        Words.tokens(said).stream().map(Words.Token::text).toList();
                for (int i = 0; !limitWords.isEmpty() && i + limitWords.size() <= tokens.size(); i++) {
                    if (tokens.subList(i, i + limitWords.size()).stream()
                            .map(Words.Token::text)
                            .toList()
                            .equals(limitWords)) {
                        int from = i;
                        int to = i + limitWords.size();
                        mentions.removeIf(m -> m.start() >= from && m.end() <= to);
                    }
                }
            }
            boolean percentile = limits.params().isEmpty()
                    ? has(Set.of(
                            "percentile",
                            "percentiles",
                            "quantile",
                            "quantiles",
                            "1st",
                            "99th",
                            "winsorize",
                            "winsorise"))
                    : limits.percentile();
            return scoped(this::numeric, columns -> {
                Map<String, Object> params = params("columns", columns, "method", percentile ? "percentile" : "iqr");
                limits.params().forEach((key, value) -> params.putIfAbsent(key, value));
                return step(ActionType.CLIP_OUTLIERS, params);
            });
        }

        private Interpretation cast() {
            String to = castTarget().orElseThrow();
            List<String> columns = columns();
            if (columns.isEmpty()) {
                return Interpretation.warn(
                        "Which columns should become " + to + "? Name them, e.g. \"convert <column> to " + to + "\".");
            }
            // One step for every column said together, as for any other action: the step reports per column the
            // values that did not convert.
            return Interpretation.of(step(ActionType.CAST, params("columns", columns, "to", to)));
        }

        /** The type named after as/to/into, else the first type word; "as text, not a number" is text. */
        private Optional<String> castTarget() {
            for (int i = 0; i < tokens.size() - 1; i++) {
                if (Set.of("as", "to", "into", "a").contains(tokens.get(i).text())) {
                    for (int j = i + 1; j < Math.min(tokens.size(), i + 3); j++) {
                        String type = Vocabulary.CAST_TARGETS.get(tokens.get(j).text());
                        if (type != null && !isInsideMention(j)) {
                            return Optional.of(type);
                        }
                    }
                }
            }
            return tokens.stream()
                    .filter(t -> !isInsideMention(t.index()))
                    .map(t -> Vocabulary.CAST_TARGETS.get(t.text()))
                    .filter(java.util.Objects::nonNull)
                    .findFirst();
        }

        private Interpretation feature() {
            Optional<ColumnMatcher.Mention> unclear = ambiguous(0, exclusionStart);
            if (unclear.isPresent()) {
                return Interpretation.warn(question(unclear.get()));
            }
            List<String> columns = columns();
            Optional<String> newColumn = newColumnName();
            List<String> parts = datePartsAsked();
            if (!parts.isEmpty() && !columns.isEmpty()) {
                List<String> dates = columns.stream()
                        .filter(c -> profile.variables().get(c).storage().isTemporal())
                        .toList();
                List<String> inputs = dates.isEmpty() ? List.of(columns.getFirst()) : dates;
                return new Interpretation(
                        inputs.stream()
                                .map(column -> step(
                                        ActionType.FEATURE_ENGINEER,
                                        params("operation", "date_parts", "columns", List.of(column), "parts", parts)))
                                .toList(),
                        List.of());
            }
            if (has(Vocabulary.LENGTH)
                    && has(Set.of("length", "lengths", "characters"))
                    && !columns.isEmpty()
                    && profile.variables().get(columns.getLast()).storage()
                            == dev.assay.model.dataset.ColumnType.STRING) {
                Map<String, Object> params = params("operation", "text_length", "columns", List.of(columns.getLast()));
                newColumn.ifPresent(name -> params.put("new_column", name));
                return Interpretation.of(step(ActionType.FEATURE_ENGINEER, params));
            }
            if (hasArithmetic() && columns.size() >= 2) {
                String operation = arithmetic().orElseThrow();
                Map<String, Object> params = params("operation", operation, "columns", columns.subList(0, 2));
                newColumn.ifPresent(n -> params.put("new_column", n));
                return Interpretation.of(step(ActionType.FEATURE_ENGINEER, params));
            }
            if (columns.isEmpty()) {
                List<String> unknown = unknownWords();
                return Interpretation.warn(
                        unknown.isEmpty()
                                ? "Which column should \"" + text + "\" use? Name it."
                                : notFound(unknown.getFirst()));
            }
            if (has(Vocabulary.LOG)) {
                if (columns.size() == 1 && newColumn.isPresent()) {
                    return Interpretation.of(step(
                            ActionType.FEATURE_ENGINEER,
                            params("operation", "log1p", "columns", columns, "new_column", newColumn.get())));
                }
                return new Interpretation(
                        columns.stream()
                                .map(c -> step(
                                        ActionType.FEATURE_ENGINEER,
                                        params("operation", "log1p", "columns", List.of(c))))
                                .toList(),
                        List.of());
            }
            if (has(Vocabulary.BIN)) {
                Map<String, Object> params = params("operation", "bin", "columns", List.of(columns.getFirst()));
                Matcher n = NUMBER.matcher(text);
                Optional<Integer> inWords = tokens.stream()
                        .map(t -> Words.NUMBERS.get(t.text()))
                        .filter(java.util.Objects::nonNull)
                        .findFirst();
                if (n.find()) {
                    params.put("bins", Math.max(2, Math.min(100, Integer.parseInt(n.group(1)))));
                } else if (inWords.isPresent()) {
                    params.put("bins", Math.max(2, Math.min(100, inWords.get())));
                }
                if (has(Set.of("equal", "width", "equal-width", "uniform"))) {
                    params.put("binning", "equal_width");
                }
                newColumn.ifPresent(name -> params.put("new_column", name));
                return Interpretation.of(step(ActionType.FEATURE_ENGINEER, params));
            }
            Matcher quoted = QUOTED.matcher(text);
            if (quoted.find()) {
                Map<String, Object> params = params(
                        "operation",
                        "regex_extract",
                        "columns",
                        List.of(columns.getFirst()),
                        "pattern",
                        quoted.group(1));
                newColumn.ifPresent(name -> params.put("new_column", name));
                return Interpretation.of(step(ActionType.FEATURE_ENGINEER, params));
            }
            if (has(Vocabulary.LENGTH)) {
                Map<String, Object> params = params("operation", "text_length", "columns", List.of(columns.getFirst()));
                newColumn.ifPresent(name -> params.put("new_column", name));
                return Interpretation.of(step(ActionType.FEATURE_ENGINEER, params));
            }
            return Interpretation.warn("I did not understand which feature \"" + text + "\" should create; I can add, "
                    + "subtract, multiply or divide two columns, take log1p, bin, extract date parts, text length or a "
                    + "quoted regular expression.");
        }

        private List<String> datePartsAsked() {
            List<String> parts = new ArrayList<>();
            for (Words.Token token : tokens) {
                String part = Vocabulary.DATE_PARTS.get(token.text());
                if (part != null && !isInsideMention(token.index()) && !parts.contains(part)) {
                    parts.add(part);
                }
            }
            if (hasPhrase("day of week") || hasPhrase("day of the week") || hasPhrase("week day")) {
                parts.remove("day");
                if (!parts.contains("weekday")) {
                    parts.add("weekday");
                }
            }
            return parts;
        }

        /** "a family size column", "called family_size", "named x": the new column's name, in snake_case. */
        private Optional<String> newColumnName() {
            Optional<String> given = NewColumnNames.in(text, profile.variables().keySet());
            if (given.isPresent()) {
                return given;
            }
            Matcher named = Pattern.compile(
                            "(?i)\\b(?:called|named)\\s+[\"'`“]?([\\p{L}\\p{N}_ ]{1,40}?)[\"'`”]?(?:\\s+(?:as|from|by|using|with)\\b|$)")
                    .matcher(text);
            if (named.find()) {
                return Optional.of(Words.snake(named.group(1)));
            }
            Matcher column = Pattern.compile(
                            "(?i)\\b(?:a|an|the|new)\\s+((?:[\\p{L}\\p{N}_]+\\s+){1,3}?)(?:column|feature|variable)\\b")
                    .matcher(text);
            if (column.find()) {
                String words = column.group(1).strip();
                if (!words.isEmpty()
                        && !words.equalsIgnoreCase("new")
                        && matcher.find(Words.tokens(words)).isEmpty()) {
                    return Optional.of(Words.snake(words.replaceAll("(?i)^new\\s+", "")));
                }
            }
            return Optional.empty();
        }

        private Interpretation dropColumns() {
            Scope scope = scope(ANY);
            if (scope.refusal().isPresent()) {
                return Interpretation.warn(scope.refusal().get());
            }
            List<String> columns = scope.columns();
            if (columns.isEmpty()) {
                return Interpretation.warn("Which columns should go? I found none named in \"" + text + "\".");
            }
            return Interpretation.of(step(ActionType.DROP_COLUMNS, params("columns", columns)));
        }

        /** "Clean this data": the profile's own suggestions for its warnings, merged per action. */
        private Interpretation clean() {
            List<String> drop = new ArrayList<>();
            Map<String, List<String>> impute = new LinkedHashMap<>();
            List<PlanStep> casts = new ArrayList<>();
            boolean duplicates = false;
            for (Alert alert : profile.alerts()) {
                if (alert.severity() == AlertSeverity.INFO
                        || alert.suggestedAction().isEmpty()) {
                    duplicates |= alert.type() == dev.assay.model.profile.AlertType.DUPLICATES;
                    continue;
                }
                PlanStep suggestion = alert.suggestedAction().get();
                @SuppressWarnings("unchecked")
                List<String> columns = (List<String>) suggestion.params().getOrDefault("columns", List.of());
                switch (suggestion.type()) {
                    case DROP_COLUMNS ->
                        columns.stream().filter(c -> !drop.contains(c)).forEach(drop::add);
                    case IMPUTE ->
                        impute.computeIfAbsent(
                                        String.valueOf(suggestion.params().get("strategy")), s -> new ArrayList<>())
                                .addAll(columns);
                    case CAST -> casts.add(suggestion);
                    default -> {}
                }
            }
            List<PlanStep> steps = new ArrayList<>();
            if (!drop.isEmpty()) {
                steps.add(step(ActionType.DROP_COLUMNS, params("columns", drop)));
            }
            casts.stream()
                    .filter(c -> ((List<?>) c.params().get("columns")).stream().noneMatch(drop::contains))
                    .forEach(steps::add);
            impute.forEach((strategy, columns) -> {
                List<String> kept =
                        columns.stream().filter(c -> !drop.contains(c)).toList();
                if (!kept.isEmpty()) {
                    steps.add(step(ActionType.IMPUTE, params("strategy", strategy, "columns", kept)));
                }
            });
            if (duplicates && steps.isEmpty()) {
                return Interpretation.warn("Duplicate rows were already dropped when the file was read.");
            }
            if (steps.isEmpty()) {
                return Interpretation.warn(
                        "The profile found nothing to clean: no missing values, identifiers or " + "mixed types.");
            }
            return new Interpretation(steps, List.of());
        }

        private static final java.util.function.Predicate<String> ANY = c -> true;

        private boolean numeric(String column) {
            return profile.variables().get(column).type() == dev.assay.model.dataset.VariableKind.NUMERIC;
        }

        private boolean categorical(String column) {
            var variable = profile.variables().get(column);
            return variable.type() == dev.assay.model.dataset.VariableKind.CATEGORICAL
                    || variable.type() == dev.assay.model.dataset.VariableKind.BOOLEAN
                            && !variable.storage().isNumeric();
        }

        /** One step on the clause's scope, or the reason there is none. */
        private Interpretation scoped(
                java.util.function.Predicate<String> applicable,
                java.util.function.Function<List<String>, PlanStep> step) {
            Scope scope = scope(applicable);
            return scope.refusal()
                    .map(Interpretation::warn)
                    .orElseGet(() -> new Interpretation(List.of(step.apply(scope.columns())), scope.notes()));
        }
    }

    /** The columns a step may touch, or why there are none (a question, a name not found). */
    record Scope(List<String> columns, Optional<String> refusal, List<String> notes) {

        static Scope of(List<String> columns) {
            return new Scope(List.copyOf(columns), Optional.empty(), List.of());
        }

        static Scope refused(String reason) {
            return new Scope(List.of(), Optional.of(reason), List.of());
        }
    }

    static String orList(List<String> names) {
        return names.size() <= 1
                ? String.join("", names)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast();
    }

    private static PlanStep step(ActionType type, Map<String, Object> params) {
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

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
