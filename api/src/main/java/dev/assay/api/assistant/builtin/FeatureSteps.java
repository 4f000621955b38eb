package dev.assay.api.assistant.builtin;

import static dev.assay.api.assistant.builtin.BuiltInPlanner.params;
import static dev.assay.api.assistant.builtin.BuiltInPlanner.step;

import dev.assay.model.plan.params.ActionType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * New columns a clause asks for: arithmetic of two columns, log1p, bins, date parts, text length and quoted regular
 * expressions, with the new column's name when the clause gives one.
 */
final class FeatureSteps {

    private static final Pattern NUMBER = Pattern.compile("\\b(\\d{1,3})\\b");
    private static final Pattern POWERS = Pattern.compile(
            "(?i)\\b(?:squared|cubed|square\\s+roots?|cube\\s+roots?|sqrt|to\\s+the\\s+power|raised\\s+to|exponent(?:ial)?|exp)\\b|\\^\\s*\\d");

    private final Clause clause;
    private final ColumnResolution resolution;

    FeatureSteps(Clause clause) {
        this.clause = clause;
        this.resolution = new ColumnResolution(clause);
    }

    boolean isFeature() {
        return clause.has(Vocabulary.LOG)
                || clause.has(Vocabulary.BIN)
                || hasArithmetic()
                || (clause.has(Set.of("extract", "get", "pull"))
                        && (datePartsAsked().size() > 0
                                || Clause.QUOTED.matcher(clause.text).find()))
                || (clause.has(Vocabulary.CREATE)
                        && (clause.has(Set.of("column", "feature", "variable"))
                                || !datePartsAsked().isEmpty()))
                || (clause.has(Vocabulary.LENGTH) && clause.has(Set.of("text", "string", "characters", "length")));
    }

    private boolean hasArithmetic() {
        return arithmetic().isPresent();
    }

    /**
     * The operation of "X plus Y", "X divided by Y" (the word between the two columns) or "add X and Y",
     * "ratio of X to Y" (the word before them); "add a column …" alone is not arithmetic.
     */
    private static final Set<String> PARTS_OF_A_WHOLE =
            Set.of("fraction", "share", "proportion", "percentage", "percent");

    /** "Age*2", "fare / 100", "tip plus 1": a number as an operand, which no feature operation takes. */
    private static final java.util.regex.Pattern NUMBER_IN_FORMULA = java.util.regex.Pattern.compile(
            "(?i)(?:[*/+]|\\s-\\s|\\b(?:times|plus|minus|divided\\s+by|multiplied\\s+by)\\s)\\s*\\d"
                    + "|\\d\\s*(?:[*/+]|\\s-\\s|\\s(?:times|plus|minus)\\b)");

    /** The clause with each column's name taken out: "od280/od315_of_diluted_wines" holds no formula. */
    private String withoutNames() {
        String text = clause.text;
        for (String name : clause.profile.variables().keySet()) {
            text = text.replaceAll("(?i)" + java.util.regex.Pattern.quote(name), " column ");
        }
        return text;
    }

    /** An operation said with its sign between two columns: "horsepower / weight", "x * y", "total - tip". */
    private record Signed(String operation, List<String> columns) {}

    private static final Map<String, String> SIGNS =
            Map.of("/", "divide", "*", "multiply", "+", "add", "-", "subtract");

    private Optional<Signed> signed() {
        List<ColumnMatcher.Mention> operands = operands();
        for (int i = 0; i + 1 < operands.size(); i++) {
            ColumnMatcher.Mention a = operands.get(i);
            ColumnMatcher.Mention b = operands.get(i + 1);
            if (a.kind() != ColumnMatcher.Kind.SINGLE
                    || b.kind() != ColumnMatcher.Kind.SINGLE
                    || b.start() != a.end()) {
                continue;
            }
            // The sign stands between the two names in the words as typed; a hyphen only with spaces round it.
            java.util.regex.Matcher sign = java.util.regex.Pattern.compile("(?i)"
                            + java.util.regex.Pattern.quote(
                                    clause.tokens.get(a.end() - 1).original())
                            + "\\s*(/|\\*|\\+|\\s-\\s)\\s*"
                            + java.util.regex.Pattern.quote(
                                    clause.tokens.get(b.start()).original()))
                    .matcher(clause.text);
            if (sign.find()) {
                return Optional.of(new Signed(SIGNS.get(sign.group(1).strip()), List.of(a.column(), b.column())));
            }
        }
        return Optional.empty();
    }

    /** "subtract tip from total", "take the tolls away from the total": the second column is what is taken from. */
    private boolean takenFrom(ColumnMatcher.Mention first, ColumnMatcher.Mention second) {
        boolean verbBefore = clause.tokens.stream()
                .anyMatch(t -> t.index() < first.start()
                        && Set.of("subtract", "deduct", "take", "remove").contains(t.text()));
        boolean fromBetween = clause.tokens.stream()
                .anyMatch(t -> t.index() >= first.end()
                        && t.index() < second.start()
                        && t.text().equals("from"));
        return verbBefore && fromBetween;
    }

    private Optional<String> arithmetic() {
        Optional<Signed> signed = signed();
        if (signed.isPresent()) {
            return Optional.of(signed.get().operation());
        }
        List<ColumnMatcher.Mention> operands = operands();
        if (operands.size() < 2) {
            return Optional.empty();
        }
        ColumnMatcher.Mention first = operands.get(0);
        ColumnMatcher.Mention second = operands.get(1);
        // A word between the columns wins; else the one nearest before them: "add the ratio of a to b" divides.
        Optional<String> nearestBefore = Optional.empty();
        for (Words.Token token : clause.tokens) {
            // "tip as a fraction of fare", "tip as a share of total_bill": a part said of a whole between the two is
            // the one divided by the other (never the "add" before them); only after "as a", so "logs of murder and
            // of the share of people in poverty" divides nothing.
            String operation = Vocabulary.ARITHMETIC.getOrDefault(
                    token.text(), PARTS_OF_A_WHOLE.contains(token.text()) ? "divide" : null);
            if (PARTS_OF_A_WHOLE.contains(token.text())
                    && !(token.index() >= first.end()
                            && token.index() < second.start()
                            && token.index() >= 2
                            && clause.tokens.get(token.index() - 2).text().equals("as")
                            && Set.of("a", "an", "the")
                                    .contains(
                                            clause.tokens.get(token.index() - 1).text()))) {
                continue;
            }
            if (operation == null || clause.isInsideMention(token.index())) {
                continue;
            }
            // "add log1p of violent and log1p of murder": "add" followed by a log is the verb that makes the log
            // columns, not a sum of the two.
            if (Set.of("add", "adds").contains(token.text())
                    && clause.tokens.stream()
                            .anyMatch(t -> t.index() > token.index()
                                    && t.index() < first.start()
                                    && Vocabulary.LOG.contains(t.text()))) {
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

    /**
     * The mentions that are operands: "add a column tip_pct that is tip divided by total bill" names tip inside the new
     * column's name, which is no operand.
     */
    private List<ColumnMatcher.Mention> operands() {
        Optional<String> name =
                NewColumnNames.in(clause.text, clause.profile.variables().keySet());
        return clause.mentions.stream()
                .filter(m -> name.isEmpty()
                        || !clause.tokens.subList(m.start(), m.end()).stream()
                                .allMatch(t -> name.get().equalsIgnoreCase(t.original())
                                        || name.get()
                                                        .toLowerCase(java.util.Locale.ROOT)
                                                        .contains(t.text())
                                                && t.original().contains("_")))
                .toList();
    }

    /** "a plus b plus c": an operator word between the second column and a third one. */
    private boolean thirdOperand() {
        List<ColumnMatcher.Mention> operands = operands();
        // "a tip-per-person column (tip divided by party size)": the new column's description may name an operand
        // again; only a third column of its own counts.
        return operands.stream().flatMap(m -> m.columns().stream()).distinct().count() > 2
                && clause.tokens.subList(operands.get(1).end(), operands.get(2).start()).stream()
                        .anyMatch(t -> Vocabulary.ARITHMETIC.containsKey(t.text()));
    }

    Interpretation feature() {
        Optional<ColumnMatcher.Mention> unclear = resolution.ambiguous(0, clause.exclusionStart);
        if (unclear.isPresent()) {
            return Interpretation.warn(resolution.question(unclear.get()));
        }
        List<String> columns = resolution.columns();
        Optional<String> newColumn = newColumnName();
        List<String> parts = datePartsAsked();
        if (!parts.isEmpty() && !columns.isEmpty()) {
            List<String> dates = columns.stream()
                    .filter(c -> clause.profile.variables().get(c).storage().isTemporal())
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
        if (clause.has(Vocabulary.LENGTH)
                && clause.has(Set.of("length", "lengths", "characters"))
                && !columns.isEmpty()
                && clause.profile.variables().get(columns.getLast()).storage()
                        == dev.assay.model.dataset.ColumnType.STRING) {
            Map<String, Object> params = params("operation", "text_length", "columns", List.of(columns.getLast()));
            newColumn.ifPresent(name -> params.put("new_column", name));
            return Interpretation.of(step(ActionType.FEATURE_ENGINEER, params));
        }
        if (hasArithmetic() && columns.size() >= 2) {
            // "the square root of weight times horsepower", "petal length squared plus petal width", "a plus b plus
            // c": one operation of two columns is all the action does; a formula beyond it is refused, naming why,
            // never cut down to the part it can do.
            Optional<String> beyond = POWERS.matcher(clause.text).find()
                    ? Optional.of("a power or a root")
                    : thirdOperand()
                            ? Optional.of("more than two columns")
                            // "Fare - Age*2": a number in the formula had been dropped, and Fare - Age made.
                            : NUMBER_IN_FORMULA.matcher(withoutNames()).find()
                                    ? Optional.of("a number besides the columns")
                                    : Optional.empty();
            if (beyond.isPresent()) {
                return Interpretation.warn("\"" + clause.text + "\" is a formula of " + beyond.get()
                        + "; a new column here is one operation (add, subtract, multiply or divide) of two columns, or"
                        + " log1p of one. Nothing was planned for it; say it as steps of that kind.");
            }
            String operation = arithmetic().orElseThrow();
            // The order of the operands is what the words say: "horsepower / weight" divides horsepower, whichever
            // column was named first elsewhere ("power to weight ratio: …"); "subtract tip from total" is total - tip.
            Optional<Signed> signed = signed();
            List<String> operandOrder = signed.map(Signed::columns).orElse(columns.subList(0, 2));
            List<ColumnMatcher.Mention> said = operands();
            if (signed.isEmpty()
                    && operation.equals("subtract")
                    && said.size() >= 2
                    && takenFrom(said.get(0), said.get(1))) {
                operandOrder = List.of(operandOrder.get(1), operandOrder.get(0));
            }
            Map<String, Object> params = params("operation", operation, "columns", operandOrder);
            newColumn.ifPresent(n -> params.put("new_column", n));
            return Interpretation.of(step(ActionType.FEATURE_ENGINEER, params));
        }
        if (columns.isEmpty()) {
            List<String> unknown = resolution.unknownWords();
            return Interpretation.warn(
                    unknown.isEmpty()
                            ? "Which column should \"" + clause.text + "\" use? Name it."
                            : resolution.notFound(unknown.getFirst()));
        }
        if (clause.has(Vocabulary.LOG)) {
            // "take the log of displacement and of the car's oomph rating": an item that names no column is asked
            // about, never dropped from the list.
            Optional<String> lost = resolution
                    .unresolvedListItem()
                    .filter(item -> newColumn
                            .map(name -> !Words.snake(item).contains(name.toLowerCase(java.util.Locale.ROOT)))
                            .orElse(true));
            if (lost.isPresent()) {
                return Interpretation.warn(resolution.notFound(lost.get()));
            }
            if (columns.size() == 1 && newColumn.isPresent()) {
                return Interpretation.of(step(
                        ActionType.FEATURE_ENGINEER,
                        params("operation", "log1p", "columns", columns, "new_column", newColumn.get())));
            }
            return new Interpretation(
                    columns.stream()
                            .map(c -> step(
                                    ActionType.FEATURE_ENGINEER, params("operation", "log1p", "columns", List.of(c))))
                            .toList(),
                    List.of());
        }
        if (clause.has(Vocabulary.BIN)) {
            Map<String, Object> params = params("operation", "bin", "columns", List.of(columns.getFirst()));
            Matcher n = NUMBER.matcher(clause.text);
            Optional<Integer> inWords = clause.tokens.stream()
                    .map(t -> Words.NUMBERS.get(t.text()))
                    .filter(java.util.Objects::nonNull)
                    .findFirst();
            if (n.find()) {
                params.put("bins", Math.max(2, Math.min(100, Integer.parseInt(n.group(1)))));
            } else if (inWords.isPresent()) {
                params.put("bins", Math.max(2, Math.min(100, inWords.get())));
            }
            if (clause.has(Set.of("equal", "width", "equal-width", "uniform"))) {
                params.put("binning", "equal_width");
            } else if (clause.has(Set.of(
                    "quantile",
                    "quantiles",
                    "equal-frequency",
                    "frequency",
                    "quartiles",
                    "deciles",
                    "quintiles",
                    "tertiles",
                    "percentile",
                    "percentiles"))) {
                // Said, so written out, although it is the default: the plan shows what was asked.
                params.put("binning", "quantile");
            }
            newColumn.ifPresent(name -> params.put("new_column", name));
            return Interpretation.of(step(ActionType.FEATURE_ENGINEER, params));
        }
        Matcher quoted = Clause.QUOTED.matcher(clause.text);
        if (quoted.find()) {
            Map<String, Object> params = params(
                    "operation", "regex_extract", "columns", List.of(columns.getFirst()), "pattern", quoted.group(1));
            newColumn.ifPresent(name -> params.put("new_column", name));
            return Interpretation.of(step(ActionType.FEATURE_ENGINEER, params));
        }
        if (clause.has(Vocabulary.LENGTH)) {
            Map<String, Object> params = params("operation", "text_length", "columns", List.of(columns.getFirst()));
            newColumn.ifPresent(name -> params.put("new_column", name));
            return Interpretation.of(step(ActionType.FEATURE_ENGINEER, params));
        }
        return Interpretation.warn(
                "I did not understand which feature \"" + clause.text + "\" should create; I can add, "
                        + "subtract, multiply or divide two columns, take log1p, bin, extract date parts, text length or a "
                        + "quoted regular expression.");
    }

    List<String> datePartsAsked() {
        List<String> parts = new ArrayList<>();
        for (Words.Token token : clause.tokens) {
            String part = Vocabulary.DATE_PARTS.get(token.text());
            if (part != null && !clause.isInsideMention(token.index()) && !parts.contains(part)) {
                parts.add(part);
            }
        }
        if (clause.hasPhrase("day of week") || clause.hasPhrase("day of the week") || clause.hasPhrase("week day")) {
            parts.remove("day");
            if (!parts.contains("weekday")) {
                parts.add("weekday");
            }
        }
        return parts;
    }

    /** "a family size column", "called family_size", "named x": the new column's name, in snake_case. */
    private Optional<String> newColumnName() {
        Optional<String> given =
                NewColumnNames.in(clause.text, clause.profile.variables().keySet());
        if (given.isPresent()) {
            return given;
        }
        Matcher named = Pattern.compile(
                        "(?i)\\b(?:called|named)\\s+[\"'`“]?([\\p{L}\\p{N}_ ]{1,40}?)[\"'`”]?(?:\\s+(?:as|from|by|using|with)\\b|$)")
                .matcher(clause.text);
        if (named.find()) {
            return Optional.of(Words.snake(named.group(1)));
        }
        Matcher column = Pattern.compile(
                        "(?i)\\b(?:a|an|the|new)\\s+((?:[\\p{L}\\p{N}_]+\\s+){1,3}?)(?:column|feature|variable)\\b")
                .matcher(clause.text);
        if (column.find()) {
            String words = column.group(1).strip();
            // "the most skewed column", "the log of the column": words that pick or describe an existing column
            // (a profile phrase, grammar, the vocabulary) are no new name.
            boolean describes = Words.tokens(words).stream()
                    .anyMatch(t -> ColumnMatcher.GRAMMAR.contains(t.text())
                            || Vocabulary.known(t.text())
                            || Set.of("most", "least", "largest", "biggest", "smallest", "highest", "lowest", "skewed")
                                    .contains(t.text()));
            boolean profiled = clause.mentions.stream()
                    .anyMatch(m -> m.words()
                            .toLowerCase(java.util.Locale.ROOT)
                            .contains(words.toLowerCase(java.util.Locale.ROOT)));
            if (!words.isEmpty()
                    && !describes
                    && !profiled
                    && !words.equalsIgnoreCase("new")
                    && clause.matcher.find(Words.tokens(words)).isEmpty()) {
                return Optional.of(Words.snake(words.replaceAll("(?i)^new\\s+", "")));
            }
        }
        return Optional.empty();
    }
}
