package dev.assay.api.assistant.builtin;

import static dev.assay.api.assistant.builtin.BuiltInPlanner.params;
import static dev.assay.api.assistant.builtin.BuiltInPlanner.step;

import dev.assay.model.plan.PlanStep;
import dev.assay.model.plan.params.ActionType;
import dev.assay.model.profile.Alert;
import dev.assay.model.profile.AlertSeverity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one clause asks for, as plan steps: the intent is chosen in a fixed order (refusals first, then the most
 * specific wordings), and each intent's step is built on the columns {@link ColumnResolution} allows.
 */
final class ClauseSteps {

    /** Words that say a row has no value in a column: "rows without a sex", "rows that lack a fare". */
    private static final Set<String> LACKING = Set.of("no", "without", "lacking", "lack", "lacks");

    private final Clause clause;
    private final ColumnResolution resolution;
    private final ModelWords modelWords;
    private final FeatureSteps featureSteps;

    ClauseSteps(Clause clause) {
        this.clause = clause;
        this.resolution = new ColumnResolution(clause);
        this.modelWords = new ModelWords(clause);
        this.featureSteps = new FeatureSteps(clause);
    }

    /**
     * The clause's steps, or why there are none. The checks run in this order on purpose: a refusal or a more specific
     * wording ("drop rows with missing values") must win over a broader one it contains ("drop").
     */
    Interpretation interpret() {
        // Asking for code, commands or files is refused even next to a data verb: nothing here runs code.
        if (clause.has(Vocabulary.FORBIDDEN) && !trainingWithRunWord() && !clause.fileAsPlainWord()) {
            return Interpretation.warn("Assay plans only whitelisted data actions; it does not run code, commands "
                    + "or queries, or read or send files: \"" + clause.text + "\" was left out.");
        }
        // "fill the gaps by scraping Yahoo Finance", "look them up on Google Maps": data from outside the file.
        if (OUTSIDE.matcher(clause.text).find()) {
            return Interpretation.warn("Assay works only on the data in this file; it does not fetch, download or"
                    + " look up values elsewhere, so nothing was planned for \"" + clause.text + "\".");
        }
        // "bin mass into 4 bins and call it mass_band" names the new column; it renames nothing.
        // "parse the date columns", "split the timestamps into year and hour": parts of the columns holding dates.
        Optional<List<PlanStep>> dateParts =
                DateParts.read(clause.words, resolution.columns(), featureSteps.datePartsAsked(), clause.profile);
        if (dateParts.isPresent()) {
            return new Interpretation(dateParts.get(), List.of());
        }
        // "make year categorical", "origin is a category, not a number": a type said of columns and nothing else.
        Optional<Map.Entry<List<String>, String>> typed =
                CastClauses.read(clause.text, clause.matcher, clause.referents);
        if (typed.isPresent()) {
            return castOrEncode(typed.get().getKey(), typed.get().getValue());
        }
        if (clause.has(Vocabulary.RENAME)
                || (clause.words.contains("call")
                        && clause.mentions.size() >= 1
                        && !(NewColumnNames.namesResult(clause.text) && featureSteps.isFeature()))) {
            return rename();
        }
        // "drop rows missing any numeric value": the gaps are said inside a group of columns ("missing any numeric
        // value"), so the clause's own words have no "missing"; it is still a removal of rows with gaps.
        boolean gapsNamed = clause.mentions.stream()
                .anyMatch(m -> Words.tokens(m.words()).stream().anyMatch(t -> Vocabulary.MISSING.contains(t.text())));
        boolean missingRows = clause.has(Vocabulary.ROWS)
                && (clause.has(Vocabulary.MISSING) || clause.has(Set.of("incomplete", "nulls")) || gapsNamed);
        if (clause.has(Vocabulary.DUPLICATES) && missingRows) {
            // "drop duplicates and rows with missing values": two steps said in one breath.
            return new Interpretation(
                    List.of(
                            step(ActionType.DROP_DUPLICATES, params("columns", List.of())),
                            step(ActionType.DROP_MISSING_ROWS, params("columns", resolution.columns()))),
                    List.of());
        }
        Optional<Interpretation> columnsAndDuplicates = columnsAndDuplicates();
        if (columnsAndDuplicates.isPresent()) {
            return columnsAndDuplicates.get();
        }
        if (clause.has(Vocabulary.DUPLICATES)) {
            return scoped(ANY, columns -> step(ActionType.DROP_DUPLICATES, params("columns", columns)));
        }
        // "remove the cars with missing horsepower", "throw away penguins with an unknown sex", "discard passengers
        // that have no Age": things (no column word) said to lack a column's value are the rows lacking it; dropping
        // the column would be a plausible wrong answer.
        if (clause.removes() && (lacksValue() || UNRECORDED.matcher(clause.text).find())) {
            return scoped(ANY, columns -> step(ActionType.DROP_MISSING_ROWS, params("columns", columns)));
        }
        // "remove rows where Fare is 0", "drop the rows with a tip above 10": no action filters rows by their
        // values, and reading it as dropping the column would be a plausible wrong answer.
        if ((clause.removes() || clause.has(Set.of("keep", "filter", "select")))
                && clause.has(Vocabulary.ROWS)
                && !missingRows
                && !clause.has(LACKING)) {
            return Interpretation.warn("Assay has no action that keeps or drops rows by their values (\"" + clause.text
                    + "\"); it can drop rows with missing values or duplicate rows. Nothing was planned for it.");
        }
        // "drop the passengers who embarked at C", "drop the tables where day is Sun": a removal that names a
        // value of a column, after a word that relates it, removes rows by value; dropping the column is wrong.
        if (clause.removes()
                && !missingRows
                && !clause.has(Vocabulary.MISSING)
                && clause.rowValue().isPresent()) {
            return Interpretation.warn("Assay has no action that keeps or drops rows by their values (\"" + clause.text
                    + "\": " + clause.rowValue().get()
                    + "); it can drop rows with missing values or duplicate rows. Nothing"
                    + " was planned for it.");
        }
        // "delete the tables that had zero smokers", "drop the cars that have 8 cylinders": a removal of things (no
        // column word) said by how many of a column they had is a row filter by value too.
        if (clause.removes()
                && !missingRows
                && !clause.has(Vocabulary.MISSING)
                && COUNTED_ROWS.matcher(clause.text).find()
                && !clause.mentions.isEmpty()) {
            return Interpretation.warn("Assay has no action that keeps or drops rows by their values (\"" + clause.text
                    + "\"); it can drop rows with missing values or duplicate rows. Nothing was planned for it.");
        }
        // "delete the trips whose fare is above $100", "remove the cars whose weight is over 4000": a removal of
        // things (no column word) said by how a column's value compares with a number is a row filter by value;
        // dropping the column would destroy what the request keeps.
        if (clause.removes()
                && !missingRows
                && !clause.has(Vocabulary.MISSING)
                && !COLUMN_SAID.matcher(clause.text).find()
                && COMPARED_ROWS.matcher(clause.text).find()
                && !clause.mentions.isEmpty()) {
            return Interpretation.warn("Assay has no action that keeps or drops rows by their values (\"" + clause.text
                    + "\"); it can drop rows with missing values or duplicate rows. Nothing was planned for it, and no"
                    + " column was dropped.");
        }
        // "drop any trip where the pickup borough is missing", "remove passengers whose Age is blank": what is removed
        // is the rows (whatever they are called) lacking those columns, never the columns themselves.
        if (clause.removes()
                && clause.has(Vocabulary.MISSING)
                && !clause.has(Set.of("column", "columns", "field", "fields", "variable", "variables", "feature"))
                && MISSING_WHERE.matcher(clause.text).find()) {
            return scoped(ANY, columns -> step(ActionType.DROP_MISSING_ROWS, params("columns", columns)));
        }
        if (clause.removes()
                && clause.has(Vocabulary.ROWS)
                && (clause.has(Vocabulary.MISSING) || clause.has(LACKING) || gapsNamed)) {
            return scoped(ANY, columns -> step(ActionType.DROP_MISSING_ROWS, params("columns", columns)));
        }
        if (modelWords.isTraining()) {
            return new ModelStep(clause).train();
        }
        // "missing ... with the" is a fill ("missing values with the median") unless the verb removes: "drop the
        // column with the most missing values" names a column to drop.
        if (clause.has(Vocabulary.FILL)
                || (clause.hasPhrase("missing")
                        && (clause.hasPhrase("with the") && !clause.removes()
                                || clause.has(Set.of("median", "mean", "mode"))))
                // "where the sex is blank, use the most common value": a gap and a way to fill it.
                || clause.has(Vocabulary.MISSING)
                        && !clause.removes()
                        && clause.has(Set.of("median", "mean", "mode", "average", "frequent", "commonest", "common"))
                        && clause.has(Set.of("use", "put", "take", "insert", "set", "fill", "replace", "substitute"))) {
            return impute();
        }
        // "cast the few-valued columns to categorical": the verb of a type change with a type after "to" is a
        // cast to that type; "categorical" alone ("the categorical columns") keeps meaning an encoding.
        if (clause.has(Set.of("cast", "convert", "change", "turn"))
                && (clause.hasPhrase("to categorical")
                        || clause.hasPhrase("to category")
                        || clause.hasPhrase("into categorical")
                        || clause.hasPhrase("into categories")
                        || clause.hasPhrase("to categories"))) {
            return cast();
        }
        if (clause.has(Vocabulary.ENCODE)
                || clause.hasPhrase("one hot")
                || ONE_BINARY_COLUMN.matcher(clause.text).find()) {
            return encode();
        }
        if (clause.has(Vocabulary.CLIP)) {
            return clip();
        }
        if (clause.has(Vocabulary.SCALE)
                || clause.hasPhrase("0-1")
                || clause.hasPhrase("0 to 1")
                || clause.hasPhrase("between 0 and 1")) {
            return scale();
        }
        if (featureSteps.isFeature()) {
            return featureSteps.feature();
        }
        if (clause.isCast()) {
            return cast();
        }
        if (clause.removes() || clause.hasPhrase("get rid of") || clause.hasPhrase("leave out")) {
            return dropColumns();
        }
        if (clause.has(Vocabulary.CLEAN)) {
            return clean();
        }
        return Interpretation.warn(
                "I did not understand \"" + clause.text + "\". I can drop, fill, convert, encode, scale, "
                        + "rename or clip columns, create features, remove duplicate or incomplete rows, and train a model.");
    }

    private boolean trainingWithRunWord() {
        return clause.words.contains("run")
                && clause.words.stream().filter(Vocabulary.FORBIDDEN::contains).count() == 1
                && modelWords.isTraining();
    }

    private Interpretation rename() {
        // "rename SibSp to siblings and Parch to parents": two pairs, one step with both renames.
        Optional<List<Map<String, Object>>> pairs = RenamePairs.read(clause.text, resolution::columnIn);
        if (pairs.isPresent()) {
            return Interpretation.of(step(ActionType.RENAME_COLUMNS, params("renames", pairs.get())));
        }
        Matcher m = Pattern.compile(
                        "(?i)rename\\s+(?:the\\s+)?(?:column\\s+)?(.+?)\\s+(?:to|as|into)\\s+(?:be\\s+)?(.+)$")
                .matcher(clause.text);
        if (!m.find()) {
            // "call the Parch column parents_children (instead)"
            m = Pattern.compile("(?i)\\bcall\\s+(?:the\\s+)?(.+?\\s+column|\\S+)\\s+(\\S+)(?:\\s+instead)?\\s*$")
                    .matcher(clause.text);
        }
        if (!m.find(0)) {
            return Interpretation.warn("To rename, say \"rename <column> to <new name>\".");
        }
        // "rename the petal columns to petal_length and petal_width": a phrase naming several columns takes one new
        // name each, in the columns' order; a count that does not fit is asked about, never one column renamed to
        // every new name joined.
        List<String> group = resolution.columnsIn(m.group(1));
        if (group.size() > 1) {
            return renameGroup(m.group(1).strip(), group, m.group(2));
        }
        Optional<String> from = resolution.columnIn(m.group(1));
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

    private static Interpretation renameGroup(String said, List<String> group, String names) {
        List<String> to = java.util.Arrays.stream(names.strip().split("\\s*,\\s*(?:and\\s+)?|\\s+and\\s+"))
                .map(n -> n.strip().replaceAll("^[\"'`“‘]|[\"'`”’.]$", "").strip())
                .toList();
        if (to.size() != group.size() || to.stream().anyMatch(n -> n.isEmpty() || n.contains(" "))) {
            return Interpretation.warn("\"" + said + "\" are " + group.size() + " columns (" + String.join(", ", group)
                    + "), so say one new name for each, e.g. \"rename " + group.getFirst() + " to <name> and "
                    + group.get(1) + " to <name>\"; nothing was renamed.");
        }
        List<Map<String, Object>> renames = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            renames.add(params("from", group.get(i), "to", to.get(i)));
        }
        return Interpretation.of(step(ActionType.RENAME_COLUMNS, params("renames", renames)));
    }

    /** Every word that says how to fill; with none of them the way is the planner's choice, and said. */
    private static final Set<String> FILL_WAYS = Set.of(
            "median",
            "medians",
            "middle",
            "mean",
            "means",
            "average",
            "averages",
            "avg",
            "mode",
            "modes",
            "frequent",
            "common",
            "commonest",
            "popular",
            "zero",
            "zeros",
            "zeroes",
            "0");

    private Interpretation impute() {
        // "fill the target": no model here names one, and filling a target invents the answers a model learns from.
        if (clause.mentions.isEmpty() && clause.has(Set.of("target", "label", "outcome"))) {
            return Interpretation.warn("No model in this request names a target, and a target's gaps are never filled"
                    + " (a model learns only from measured answers; rows without one are left out of training and"
                    + " counted). Nothing was planned for \"" + clause.text + "\".");
        }
        String strategy = "median";
        Object value = null;
        if (clause.has(Set.of("mean", "means", "average", "averages", "avg"))) {
            strategy = "mean";
        } else if (clause.has(Set.of("mode", "modes", "frequent", "common", "commonest", "popular"))) {
            strategy = "mode";
        } else if (clause.has(Set.of("zero", "zeros", "zeroes", "0"))) {
            strategy = "zero";
        } else if (!clause.has(Set.of("median", "medians", "middle"))) {
            Matcher quoted = Clause.QUOTED.matcher(clause.text);
            if (quoted.find()) {
                strategy = "constant";
                value = quoted.group(1);
            } else {
                Optional<String> bare = bareValue();
                if (bare.isPresent()) {
                    strategy = "constant";
                    value = bare.get();
                }
            }
        }
        // A group filled with a mean or median keeps only its numeric columns, and says which it left out.
        boolean waySaid = value != null || clause.has(FILL_WAYS);
        Scope scope = resolution.scope(
                waySaid && (strategy.equals("median") || strategy.equals("mean")) ? this::numeric : ANY);
        if (scope.refusal().isPresent()) {
            return Interpretation.warn(scope.refusal().get());
        }
        List<String> columns = scope.columns();
        List<String> scopeNotes = new ArrayList<>(scope.notes());
        // "fill the missing values for all columns except Cabin with median": every other column that has gaps;
        // one the way cannot fill is named, never left with its gaps in silence.
        if (!resolution.excluded().isEmpty() && !columns.isEmpty()) {
            List<String> gaps = clause.profile.variables().values().stream()
                    .filter(v -> v.missing() > 0 && !resolution.excluded().contains(v.name()))
                    .map(dev.assay.model.profile.VariableProfile::name)
                    .toList();
            List<String> scoped = columns;
            List<String> unfilled =
                    gaps.stream().filter(c -> !scoped.contains(c)).toList();
            columns = scoped.stream().filter(gaps::contains).toList();
            if (!unfilled.isEmpty()) {
                scopeNotes.add("Left out " + String.join(", ", unfilled) + ": the " + strategy + " needs numbers; "
                        + "say \"fill " + String.join(" and ", unfilled) + " with the most common value\" to fill "
                        + (unfilled.size() == 1 ? "it" : "them") + " too.");
            }
            if (columns.isEmpty()) {
                return Interpretation.warn(String.join(" ", scopeNotes));
            }
        }
        // "fill unemp with the median" where unemp has no gap: the step is kept as asked, and said to change nothing.
        List<String> complete = columns.stream()
                .filter(c -> clause.profile.variables().containsKey(c)
                        && clause.profile.variables().get(c).missing() == 0)
                .toList();
        if (!complete.isEmpty()) {
            scopeNotes.add(String.join(", ", complete) + (complete.size() == 1 ? " has" : " have")
                    + " no missing values in the uploaded data, so this fill changes nothing unless an earlier step"
                    + " makes gaps.");
        }
        boolean strategySaid = waySaid;
        List<String> words = columns.stream().filter(c -> !numeric(c)).toList();
        if (!strategySaid && !words.isEmpty()) {
            // "fill Age and Embarked": no way was said, and a median needs numbers, so the words take their most
            // common value; the answer says which way each column was filled.
            List<String> numbers = columns.stream().filter(this::numeric).toList();
            boolean indicator = FollowUps.INDICATOR
                    .matcher(clause.text.toLowerCase(Locale.ROOT))
                    .find();
            List<PlanStep> steps = new ArrayList<>();
            for (List<String> part : List.of(numbers, words)) {
                if (part.isEmpty()) {
                    continue;
                }
                Map<String, Object> fill = params("strategy", part == numbers ? "median" : "mode", "columns", part);
                if (indicator) {
                    fill.put("add_indicator", true);
                }
                steps.add(step(ActionType.IMPUTE, fill));
            }
            List<String> notes = new ArrayList<>(scopeNotes);
            notes.add("No way to fill was said: "
                    + (numbers.isEmpty() ? "" : String.join(", ", numbers) + " with the median, ")
                    + String.join(", ", words)
                    + " with the most common value (a median needs numbers).");
            return new Interpretation(steps, notes);
        }
        if (strategy.equals("zero")
                && !columns.isEmpty()
                && columns.stream()
                        .anyMatch(c ->
                                !clause.profile.variables().get(c).storage().isNumeric())) {
            strategy = "constant";
            value = "0";
        }
        Map<String, Object> params = params("strategy", strategy, "columns", columns);
        if (value != null) {
            params.put("value", value);
        }
        if (FollowUps.INDICATOR.matcher(clause.text.toLowerCase(Locale.ROOT)).find()) {
            params.put("add_indicator", true);
        }
        return new Interpretation(List.of(step(ActionType.IMPUTE, params)), scopeNotes);
    }

    /**
     * "get rid of the name column and the duplicates": a removal of columns and of duplicate rows said as one list,
     * so two steps. Read as duplicates judged on the name, the column stayed and the request's own drop was lost.
     * Duplicates said with the columns they are judged on ("duplicates by name", "the duplicate names") are not this.
     */
    private Optional<Interpretation> columnsAndDuplicates() {
        if (!clause.has(Vocabulary.DUPLICATES) || !clause.has(Vocabulary.REMOVE) || clause.mentions.isEmpty()) {
            return Optional.empty();
        }
        int duplicates = -1;
        for (Words.Token token : clause.tokens) {
            if (Vocabulary.DUPLICATES.contains(token.text())) {
                duplicates = token.index();
                break;
            }
        }
        int at = duplicates;
        Set<String> between = Set.of("the", "any", "all", "exact", "and", "also", "rows", "rows'", "records");
        // The list word right before the duplicates ("… and the duplicates") or right after them ("the duplicates
        // and the name column").
        int before = at - 1;
        while (before >= 0
                && between.contains(clause.tokens.get(before).text())
                && !clause.tokens.get(before).text().equals("and")) {
            before--;
        }
        int beforeAt = before;
        boolean listedAfterColumns = before >= 0
                && clause.tokens.get(before).text().equals("and")
                && clause.mentions.stream().allMatch(m -> m.end() <= beforeAt);
        int after = at + 1;
        while (after < clause.tokens.size()
                && Set.of("rows", "records", "entries")
                        .contains(clause.tokens.get(after).text())) {
            after++;
        }
        int afterAt = after;
        boolean listedBeforeColumns = after < clause.tokens.size()
                && clause.tokens.get(after).text().equals("and")
                && clause.mentions.stream().allMatch(m -> m.start() > afterAt);
        if (!listedAfterColumns && !listedBeforeColumns) {
            return Optional.empty();
        }
        List<String> columns = List.copyOf(ColumnMatcher.unique(clause.mentions));
        PlanStep drop = step(ActionType.DROP_COLUMNS, params("columns", columns));
        PlanStep dedupe = step(ActionType.DROP_DUPLICATES, params("columns", List.of()));
        return Optional.of(
                new Interpretation(listedAfterColumns ? List.of(drop, dedupe) : List.of(dedupe, drop), List.of()));
    }

    /**
     * "fill Embarked with S": one word after "with" that is no column and no word of the request's grammar is the
     * value to write, said without quotes.
     */
    private Optional<String> bareValue() {
        Matcher with = BARE_VALUE.matcher(clause.text);
        while (with.find()) {
            String said = with.group(1);
            List<Words.Token> tokens = Words.tokens(said);
            boolean placeholder = PLACEHOLDERS.contains(said.toLowerCase(Locale.ROOT));
            boolean number = said.matches("-?\\d+(?:\\.\\d+)?");
            boolean word = tokens.size() == 1
                    && !ColumnResolution.plainWord(tokens.getFirst().text())
                    && !Clause.PRONOUNS.contains(tokens.getFirst().text());
            if ((placeholder || number || word) && clause.matcher.find(tokens).isEmpty()) {
                return Optional.of(said);
            }
        }
        return Optional.empty();
    }

    private static final java.util.regex.Pattern BARE_VALUE = java.util.regex.Pattern.compile(
            "(?i)\\bwith\\s+([^\\s,;'\"]+?)(?=\\s*$|\\s*[,;]|\\.(?:\\s|$)|\\s+(?:and|or|then)\\b)");

    /** Words that say "no value" and are written as such, even though the request's grammar knows them. */
    private static final Set<String> PLACEHOLDERS = Set.of("unknown", "none", "missing", "other", "na", "n/a", "null");

    /**
     * "as one 0/1 column", "into a single 0/1 indicator": one column of codes is a label encoding (one-hot makes a
     * column per value).
     */
    private static final java.util.regex.Pattern ONE_BINARY_COLUMN = java.util.regex.Pattern.compile(
            "(?i)\\b(?:a|one|single|a\\s+single)\\s+(?:0\\s*/\\s*1|zero[-/ ]one|binary|yes/no)\\s+"
                    + "(?:column|indicator|flag|variable|feature|field)s?\\b");

    /**
     * "with at most ten new columns per feature", "keeping the top 5 categories", "no more than 3 dummies": how many
     * columns a one-hot encoding may make (the rarer values share one).
     */
    private static final java.util.regex.Pattern MAX_CATEGORIES = java.util.regex.Pattern.compile(
            "(?i)\\b(?:at\\s+most|no\\s+more\\s+than|up\\s+to|a\\s+maximum\\s+of|max(?:imum)?(?:\\s+of)?|top)\\s+"
                    + "(\\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)\\s+"
                    + "(?:new\\s+|most\\s+(?:common|frequent)\\s+|dummy\\s+)?(?:columns|categories|levels|dummies)\\b");

    static Optional<Integer> maxCategories(String text) {
        java.util.regex.Matcher m = MAX_CATEGORIES.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        String said = m.group(1).toLowerCase(Locale.ROOT);
        return Optional.of(said.matches("\\d+") ? Integer.parseInt(said) : Words.NUMBERS.get(said));
    }

    private Interpretation encode() {
        String method = ONE_BINARY_COLUMN.matcher(clause.text).find()
                        || clause.has(Set.of(
                                        "label",
                                        "labels",
                                        "label-encode",
                                        "label-encoded",
                                        "ordinal",
                                        "integer",
                                        "integers",
                                        "codes",
                                        "code"))
                                && !clause.hasPhrase("one hot")
                                && !clause.has(Set.of("one-hot", "onehot", "dummy", "dummies"))
                ? "label"
                : "onehot";
        Optional<Integer> cap = maxCategories(clause.text);
        return scoped(this::categorical, columns -> {
            Map<String, Object> params = params("columns", columns, "method", method);
            cap.filter(n -> method.equals("onehot")).ifPresent(n -> params.put("max_categories", n));
            return step(ActionType.ENCODE, params);
        });
    }

    private static final Pattern ZERO_MEAN = Pattern.compile(
            "(?i)\\b(?:mean\\s+(?:of\\s+)?(?:zero|0)|(?:zero|0)\\s+mean|unit\\s+variance|(?:standard\\s+deviation|sd|std)\\s+(?:of\\s+)?(?:one|1))\\b");

    private Interpretation scale() {
        // "normalise … to mean zero", "… to zero mean and unit variance": what standardising does, whatever the verb.
        boolean minmax = !ZERO_MEAN.matcher(clause.text).find()
                && (clause.has(Set.of("min-max", "minmax", "0-1", "normalize", "normalise", "normalized", "range"))
                        || clause.hasPhrase("0 to 1")
                        || clause.hasPhrase("between 0 and 1")
                        || clause.hasPhrase("min max"));
        return scoped(
                this::numeric,
                columns ->
                        step(ActionType.SCALE, params("columns", columns, "method", minmax ? "minmax" : "standard")));
    }

    private Interpretation clip() {
        // Limits said in words go into the step; a limit the action cannot take is asked about, never defaulted.
        // "the variables with a skew greater than 0.9": a bound that chose the columns is no limit of the clip.
        String limitText = clause.text;
        for (ColumnMatcher.Mention mention : clause.mentions) {
            if (mention.words().matches(".*\\bskew(?:ness)?\\b.*\\d.*")) {
                limitText = limitText.replaceAll(
                        "(?i)" + java.util.regex.Pattern.quote(mention.words()),
                        java.util.regex.Matcher.quoteReplacement(" "));
            }
        }
        ClipLimits limits = ClipLimits.read(
                limitText, List.copyOf(clause.profile.variables().keySet()));
        if (limits.refusal().isPresent()) {
            return Interpretation.warn(limits.refusal().get());
        }
        // "3 x IQR" on a file with a column x: the words of a limit name no column.
        for (String said : limits.said()) {
            List<String> limitWords =
                    Words.tokens(said).stream().map(Words.Token::text).toList();
            for (int i = 0; !limitWords.isEmpty() && i + limitWords.size() <= clause.tokens.size(); i++) {
                if (clause.tokens.subList(i, i + limitWords.size()).stream()
                        .map(Words.Token::text)
                        .toList()
                        .equals(limitWords)) {
                    int from = i;
                    int to = i + limitWords.size();
                    clause.mentions.removeIf(m -> m.start() >= from && m.end() <= to);
                }
            }
        }
        boolean percentile = limits.params().isEmpty()
                ? clause.has(Set.of(
                        "percentile", "percentiles", "quantile", "quantiles", "1st", "99th", "winsorize", "winsorise"))
                : limits.percentile();
        return scoped(this::numeric, columns -> {
            Map<String, Object> params = params("columns", columns, "method", percentile ? "percentile" : "iqr");
            limits.params().forEach((key, value) -> params.putIfAbsent(key, value));
            return step(ActionType.CLIP_OUTLIERS, params);
        });
    }

    private Interpretation cast() {
        String to = clause.castTarget().orElseThrow();
        List<String> columns = resolution.columns();
        if (columns.isEmpty()) {
            return Interpretation.warn(
                    "Which columns should become " + to + "? Name them, e.g. \"convert <column> to " + to + "\".");
        }
        // One step for every column said together, as for any other action: the step reports per column the
        // values that did not convert.
        return castOrEncode(columns, to);
    }

    /**
     * "whose age isn't known", "where the payment hasn't been recorded", "whose horsepower was never measured": a value
     * said not to be there is a missing value, and removing its things removes rows.
     */
    private static final Pattern UNRECORDED = Pattern.compile(
            "(?i)\\b(?:where|whenever|when|if|whose|in\\s+which)\\b[^,;.]*?\\b(?:(?:is|are|was|were)(?:n['’]t|\\s+not)"
                    + "|(?:has|have)(?:n['’]t|\\s+not)\\s+been|(?:is|are|was|were|has\\s+been|have\\s+been)\\s+never)\\s+"
                    + "(?:known|recorded|measured|given|filled\\s+in|entered|available|reported|noted|logged|captured)\\b");

    /** "the cars with missing horsepower", "passengers that have no Age": a thing, then what it lacks. */
    private static final Pattern LACKS_VALUE = Pattern.compile(
            "(?i)\\b(\\p{L}+)\\s+(?:(?:that|which|who)\\s+(?:have|has|had)|having|with)\\s+(?:(?:an?|the)\\s+)?"
                    + "(?:missing|unknown|blank|empty|null|unrecorded|no)\\b");

    private static final Set<String> COLUMN_NOUNS = Set.of(
            "column",
            "columns",
            "field",
            "fields",
            "variable",
            "variables",
            "feature",
            "features",
            "attribute",
            "attributes",
            "measurement",
            "measurements",
            "ones",
            "predictors",
            "inputs",
            "one",
            "it",
            "those",
            "them");

    /**
     * Whether the clause removes things said to lack a value: the thing is no column word and not a column's whole
     * name ("drop Cabin with its missing values" names the column to drop; "passengers" is no name, though it is a
     * word of PassengerId), and the clause says no column word at all.
     */
    private boolean lacksValue() {
        Matcher m = LACKS_VALUE.matcher(clause.text);
        // Every token, not only the words outside mentions: "the columns that have no values at all" is a profile
        // phrase whose mention holds its column word.
        if (!m.find()) {
            return false;
        }
        String thing = m.group(1);
        // A column word up to the thing removed makes it columns ("the columns that have no values"); after it, the
        // word says what is missing ("remove penguins with missing measurements" removes penguins).
        String upToThing = clause.text.substring(0, m.end(1)).toLowerCase(java.util.Locale.ROOT);
        if (Words.tokens(upToThing).stream().anyMatch(t -> COLUMN_NOUNS.contains(t.text()))
                || COLUMN_NOUNS.contains(thing.toLowerCase(java.util.Locale.ROOT))) {
            return false;
        }
        return clause.profile.variables().keySet().stream().noneMatch(thing::equalsIgnoreCase);
    }

    /** "the tables that had zero smokers", "the cars that have 8 cylinders", "passengers with more than 2 siblings". */
    private static final Pattern COUNTED_ROWS = Pattern.compile(
            "(?i)\\b(?!(?:columns?|fields?|variables?|features?|ones|rows?|years|attributes|series|tickers|indicators"
                    + "|predictors|inputs|measurements|measures|along|together|plus)\\b)\\p{L}+\\s+(?:who|that|which|where|with)\\s+"
                    + "(?:(?:had|have|has|having|carried|carry|carries|got|get|gets|held|hold|holds|contain|contains|contained)\\s+)?"
                    + "(?:(?:no\\s+more\\s+than|more\\s+than|fewer\\s+than|less\\s+than|over|under|above|below|at\\s+least"
                    + "|at\\s+most|exactly|only|just)\\s+)?(?:no|zero|\\d+(?:\\.\\d+)?|one|two|three|four|five|six|seven|eight"
                    + "|nine|ten)\\s+(?!and\\b|or\\b)\\p{L}");

    /** Words that make a removal one of columns ("the tickers with fewer than 100 prices", "70% empty"). */
    private static final Pattern COLUMN_SAID = Pattern.compile(
            "(?i)\\b(?:columns?|fields?|variables?|features?|tickers?|indicators?|predictors?|inputs?|attributes?"
                    + "|series|measurements?|measures|years|distinct|unique|different|empty|blank|missing|null|nulls"
                    + "|correlated|correlation|outliers?|extremes?|std|sd|deviations?|iqr|percentiles?)\\b|%|\\bper ?cent\\b");

    /** "with format yyyy-MM-dd", "using the pattern dd/MM/yyyy HH:mm": a date pattern as the cast step takes it. */
    private static final Pattern DATE_FORMAT = Pattern.compile("\\b(?:format|pattern)\\s+(?:of\\s+|is\\s+)?[\"'`]?"
            + "((?:yyyy|yy|MM|dd|HH)[yMdHms:/.\\- T]{0,30}[yMdHms])[\"'`]?");

    /** "whose fare is above $100", "where the weight was over 4000", "with a price of more than 5000". */
    private static final Pattern COMPARED_ROWS = Pattern.compile(
            "(?i)\\b(?:whose|where|with|when|if|that|which|who)\\b.*?\\b(?:above|over|below|under|beyond|exceed\\w*"
                    + "|(?:greater|more|less|fewer|higher|lower|bigger|smaller|larger|cheaper|dearer|longer|shorter)\\s+than"
                    + "|at\\s+least|at\\s+most|equal\\w*(?:\\s+to)?|is|are|was|were|of)\\s*(?:[<>]=?|=)?\\s*[$£€]?-?\\d"
                    + "|\\b(?:whose|where|with|when|if)\\b.*?[<>]=?\\s*[$£€]?-?\\d");

    /** Values taken from outside the file: scraped, downloaded, looked up on a site or service. */
    private static final Pattern OUTSIDE = Pattern.compile(
            "(?i)\\b(?:scrap(?:e|es|ed|ing)|crawl(?:s|ed|ing)?|download(?:s|ed|ing)?|fetch(?:es|ed|ing)?\\s+\\w+\\s+from"
                    + "|look(?:s|ed|ing)?\\s+(?:\\w+\\s+)?up\\s+(?:on|in|online|from)"
                    + "|from\\s+the\\s+(?:web|internet)|online\\s+sources?|website|web\\s+site"
                    // "look up each car's resale value online", "search the internet for each price".
                    + "|(?:look(?:s|ed|ing)?\\s+up|search(?:es|ed|ing)?|find|get|fetch(?:es|ed|ing)?|pull|retrieve|grab)\\b"
                    + "[^,;.]*?\\b(?:online|on\\s+the\\s+(?:web|internet)|(?:on|from)\\s+(?:google|wikipedia)|the\\s+internet|the\\s+web)"
                    + "|search(?:es|ed|ing)?\\s+(?:online|the\\s+web|the\\s+internet))\\b");

    /**
     * A cast to numbers of columns that hold words ("turn origin into numbers", "make island numeric") would leave
     * every value empty: words become numbers by an encoding, one number per value, said in the answer. Free text
     * (a name on every row) has no such numbers and is left out with the reason; numbers stored as text are cast.
     */
    private Interpretation castOrEncode(List<String> columns, String to) {
        if (!Set.of("float", "int", "integer").contains(to)) {
            Map<String, Object> params = params("columns", columns, "to", to);
            // "cast Date to datetime with format yyyy-MM-dd": the pattern said is the one used, never dropped.
            java.util.regex.Matcher format = DATE_FORMAT.matcher(clause.text);
            if (to.equals("datetime") && format.find()) {
                params.put("format", format.group(1));
            }
            return Interpretation.of(step(ActionType.CAST, params));
        }
        List<String> cast = new ArrayList<>();
        List<String> encoded = new ArrayList<>();
        List<String> freeText = new ArrayList<>();
        for (String column : columns) {
            dev.assay.model.profile.VariableProfile variable =
                    clause.profile.variables().get(column);
            if (variable == null || !holdsWords(variable)) {
                cast.add(column);
            } else if (variable.type() == dev.assay.model.dataset.VariableKind.TEXT
                    || variable.type() == dev.assay.model.dataset.VariableKind.IDENTIFIER
                    || variable.distinct() > 20 && variable.uniqueShare() > 0.5) {
                freeText.add(column);
            } else {
                encoded.add(column);
            }
        }
        if (encoded.isEmpty() && freeText.isEmpty()) {
            return Interpretation.of(step(ActionType.CAST, params("columns", columns, "to", to)));
        }
        List<PlanStep> steps = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (!cast.isEmpty()) {
            steps.add(step(ActionType.CAST, params("columns", cast, "to", to)));
        }
        if (!encoded.isEmpty()) {
            steps.add(step(ActionType.ENCODE, params("columns", encoded, "method", "label")));
            notes.add(String.join(", ", encoded) + (encoded.size() == 1 ? " holds" : " hold")
                    + " words, not numbers written as text: a cast would leave every value empty, so "
                    + (encoded.size() == 1 ? "it is" : "they are")
                    + " label-encoded instead (one number per value; say one-hot for a 0/1 column per value).");
        }
        if (!freeText.isEmpty()) {
            notes.add(String.join(", ", freeText) + (freeText.size() == 1 ? " is" : " are")
                    + " free text, different on almost every row: neither a cast nor an encoding gives useful numbers,"
                    + " so " + (freeText.size() == 1 ? "it was" : "they were") + " left out.");
        }
        if (steps.isEmpty()) {
            return Interpretation.warn(String.join(" ", notes) + " Nothing was planned for \"" + clause.text + "\".");
        }
        return new Interpretation(steps, notes);
    }

    /** A column stored as text whose common values are words, not numbers. */
    private static boolean holdsWords(dev.assay.model.profile.VariableProfile variable) {
        if (variable.storage() != dev.assay.model.dataset.ColumnType.STRING) {
            return false;
        }
        long words = variable.top().stream()
                .filter(v -> !v.value().strip().matches("[-+]?[\\d.,]+(?:[eE][-+]?\\d+)?%?"))
                .count();
        return !variable.top().isEmpty() && words * 2 > variable.top().size();
    }

    private Interpretation dropColumns() {
        Scope scope = resolution.scope(ANY);
        if (scope.refusal().isPresent()) {
            return Interpretation.warn(scope.refusal().get());
        }
        List<String> columns = scope.columns();
        if (columns.isEmpty()) {
            return Interpretation.warn("Which columns should go? I found none named in \"" + clause.text + "\".");
        }
        // "remove the passengers who died", "delete the diamonds worth less than 1000": a word read as a column only
        // by its meaning, in a removal that never says "column", is more likely rows by their values (which no
        // action does) than the column; dropping the column would be a plausible wrong answer, so it is asked.
        Optional<ColumnMatcher.Mention> byMeaning = clause.mentions.stream()
                .filter(m -> m.inexact() && ColumnMatcher.readByMeaning(m.words()))
                .findFirst();
        if (byMeaning.isPresent()
                && !clause.has(Set.of("column", "columns", "field", "fields", "variable", "variables", "feature"))) {
            return Interpretation.warn(
                    "No column is called \"" + byMeaning.get().words() + "\" (it may mean "
                            + BuiltInPlanner.orList(byMeaning.get().columns())
                            + "), and Assay has no action that drops rows by their values. Name the column to drop it; "
                            + "nothing was planned for \"" + clause.text + "\".");
        }
        return Interpretation.of(step(ActionType.DROP_COLUMNS, params("columns", columns)));
    }

    /** A relative clause saying a column's value is missing on the rows meant: "where X is missing", "whose Y is blank". */
    private static final java.util.regex.Pattern MISSING_WHERE = java.util.regex.Pattern.compile(
            "(?i)\\b(?:where|whenever|when|if|whose|in which)\\b[^,;.]*?\\b(?:is|are|was|were|'s)\\s+(?:still\\s+)?"
                    + "(?:missing|blank|empty|null|na|nan|unknown|not\\s+known|not\\s+recorded)\\b");

    /** "Clean this data": the profile's own suggestions for its warnings, merged per action. */
    private Interpretation clean() {
        List<String> drop = new ArrayList<>();
        Map<String, List<String>> impute = new LinkedHashMap<>();
        List<PlanStep> casts = new ArrayList<>();
        boolean duplicates = false;
        for (Alert alert : clause.profile.alerts()) {
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
                    impute.computeIfAbsent(String.valueOf(suggestion.params().get("strategy")), s -> new ArrayList<>())
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
            List<String> kept = columns.stream().filter(c -> !drop.contains(c)).toList();
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

    /** Any column fits: dropping, removing duplicates, filling with a value or the mode. */
    private static final java.util.function.Predicate<String> ANY = c -> true;

    private boolean numeric(String column) {
        return clause.profile.variables().get(column).type() == dev.assay.model.dataset.VariableKind.NUMERIC;
    }

    private boolean categorical(String column) {
        var variable = clause.profile.variables().get(column);
        return variable.type() == dev.assay.model.dataset.VariableKind.CATEGORICAL
                || variable.type() == dev.assay.model.dataset.VariableKind.BOOLEAN
                        && !variable.storage().isNumeric();
    }

    /** One step on the clause's scope, or the reason there is none. */
    private Interpretation scoped(
            java.util.function.Predicate<String> applicable, java.util.function.Function<List<String>, PlanStep> step) {
        Scope scope = resolution.scope(applicable);
        return scope.refusal()
                .map(Interpretation::warn)
                .orElseGet(() -> new Interpretation(List.of(step.apply(scope.columns())), scope.notes()));
    }
}
