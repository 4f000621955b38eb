package dev.assay.api.assistant.builtin;

import dev.assay.model.plan.PlanStep;
import dev.assay.model.plan.params.ActionType;
import dev.assay.model.profile.Profile;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "price_per_carat = price / carat", "create gap = poverty - hs_grad": a new column defined by a formula. The formula
 * is read as data, never evaluated: when it is exactly one whitelisted feature operation (two columns added,
 * subtracted, multiplied or divided; the log of one column) it becomes that feature_engineer step with the name on
 * the left as its new column; anything else (a constant, a power, three columns) is refused with the reason. It is
 * never read as some other operation.
 */
final class Assignments {

    private static final Pattern ASSIGN = Pattern.compile("(?i)^\\s*(?:(?:please\\s+)?(?:create|make|add|compute|define"
            + "|derive|calculate|build|let|set|new)\\s+)?(?:a\\s+|an\\s+|the\\s+)?(?:new\\s+)?(?:column|feature|variable)?"
            + "\\s*[\"'`]?([\\p{L}_][\\p{L}\\p{N}_]*)[\"'`]?\\s*:?=\\s*(.+?)\\s*$");
    private static final Map<Character, String> OPERATORS = Map.of(
            '+',
            "add",
            '-',
            "subtract",
            '−',
            "subtract",
            '*',
            "multiply",
            '×',
            "multiply",
            '/',
            "divide",
            '÷',
            "divide");
    private static final Pattern LOG = Pattern.compile("(?i)^(?:log1p|log|ln)\\s*\\(\\s*(.+?)\\s*\\)$");

    /** What an assignment asks for: the step, or why there is none. */
    record Result(String name, Optional<PlanStep> step, Optional<String> refusal, List<String> notes) {}

    private Assignments() {}

    /** "compute tip_pct as tip / total_bill": a name, then "as" and a formula written with operator signs. */
    private static final Pattern NAME_AS = Pattern.compile(
            "(?i)^\\s*(?:(?:please\\s+)?(?:create|make|add|compute|define"
                    + "|derive|calculate|build)\\s+)?(?:a\\s+|an\\s+|the\\s+)?(?:new\\s+)?(?:column|feature|variable)?\\s*(?:called\\s+"
                    + "|named\\s+)?[\"'`]?([\\p{L}_][\\p{L}\\p{N}_]*)[\"'`]?\\s+(?:as|being)\\s+(.+?\\s[-+*/×÷]\\s.+?)\\s*$");
    /** "add tip / total_bill as tip_pct": a formula with operator signs, then the name it goes under. */
    private static final Pattern AS_NAME =
            Pattern.compile("(?i)^\\s*(?:(?:please\\s+)?(?:create|make|add|compute|define"
                    + "|derive|calculate|build)\\s+)?(.+?\\s[-+*/×÷]\\s.+?)\\s+(?:as|into|called|named)\\s+(?:a\\s+)?(?:new\\s+)?"
                    + "(?:column\\s+)?[\"'`]?([\\p{L}_][\\p{L}\\p{N}_]*)[\"'`]?\\s*$");

    /** The assignment in a clause, if the clause is one ("name = formula"). */
    static Optional<Result> read(String said, Profile profile, ColumnMatcher matcher) {
        String clause = withSigns(said);
        Matcher m = ASSIGN.matcher(clause);
        if (!m.matches()) {
            // The "as" forms are read only when the formula is exactly one operation on two columns.
            Matcher nameAs = NAME_AS.matcher(clause);
            if (nameAs.matches() && !profile.variables().containsKey(nameAs.group(1))) {
                return operation(nameAs.group(1), nameAs.group(2), profile, matcher);
            }
            Matcher asName = AS_NAME.matcher(clause);
            if (asName.matches() && !profile.variables().containsKey(asName.group(2))) {
                return operation(asName.group(2), asName.group(1), profile, matcher);
            }
            return Optional.empty();
        }
        String name = m.group(1);
        String formula = m.group(2).replaceAll("^[\"'`]|[\"'`.]$", "").strip();
        if (profile.variables().containsKey(name)) {
            return Optional.of(
                    refused(
                            name,
                            "\"" + clause.strip() + "\" would overwrite the existing column " + name
                                    + "; feature_engineer only adds new columns, so nothing was planned for it. Choose another name."));
        }
        Matcher log = LOG.matcher(formula);
        if (log.matches()) {
            Optional<String> column = column(log.group(1), profile, matcher);
            if (column.isPresent()) {
                return Optional.of(new Result(
                        name,
                        Optional.of(new PlanStep(
                                ActionType.FEATURE_ENGINEER,
                                BuiltInPlanner.params(
                                        "operation", "log1p", "columns", List.of(column.get()), "new_column", name))),
                        Optional.empty(),
                        List.of(name + " is log(1 + " + column.get() + "), the log Assay takes, so zeros "
                                + "stay defined.")));
            }
        }
        // Every place an operator stands is tried, so a name holding '-' or '/' (od280/od315_of_diluted_wines) still
        // reads as one column; exactly one split into two columns is a feature.
        Optional<Result> made = operation(name, formula, profile, matcher);
        if (made.isPresent()) {
            return made;
        }
        return Optional.of(refused(
                name,
                "\"" + clause.strip() + "\" is a formula no whitelisted action expresses: "
                        + "feature_engineer adds, subtracts, multiplies or divides two columns, or takes the log of one, and Assay "
                        + "never evaluates an expression. Nothing was planned for " + name + "."));
    }

    /** "A divided by B", "A times B", "A plus B", "A minus B": the operation said in words is its sign. */
    private static final List<Map.Entry<Pattern, String>> IN_WORDS = List.of(
            Map.entry(Pattern.compile("(?i)\\s+divided\\s+by\\s+"), " / "),
            // "price_per_carat as price over carat": read only where both sides are columns (operation()).
            Map.entry(Pattern.compile("(?i)\\s+over\\s+"), " / "),
            Map.entry(Pattern.compile("(?i)\\s+(?:multiplied\\s+by|times)\\s+"), " * "),
            Map.entry(Pattern.compile("(?i)\\s+plus\\s+"), " + "),
            Map.entry(Pattern.compile("(?i)\\s+minus\\s+"), " - "));

    private static String withSigns(String clause) {
        String out = clause;
        for (Map.Entry<Pattern, String> word : IN_WORDS) {
            out = word.getKey().matcher(out).replaceAll(word.getValue());
        }
        return out;
    }

    private static Optional<Result> operation(String name, String formula, Profile profile, ColumnMatcher matcher) {
        for (int i = 1; i < formula.length() - 1; i++) {
            String operation = OPERATORS.get(formula.charAt(i));
            if (operation == null) {
                continue;
            }
            Optional<String> left = column(formula.substring(0, i), profile, matcher);
            Optional<String> right = column(formula.substring(i + 1), profile, matcher);
            if (left.isPresent() && right.isPresent()) {
                return Optional.of(new Result(
                        name,
                        Optional.of(new PlanStep(
                                ActionType.FEATURE_ENGINEER,
                                BuiltInPlanner.params(
                                        "operation",
                                        operation,
                                        "columns",
                                        List.of(left.get(), right.get()),
                                        "new_column",
                                        name))),
                        Optional.empty(),
                        List.of()));
            }
        }
        return Optional.empty();
    }

    /** One column said on its own: its exact name, or words the matcher reads as exactly that one column. */
    private static Optional<String> column(String side, Profile profile, ColumnMatcher matcher) {
        String said = side.strip().replaceAll("^[\"'`(]+|[\"'`)]+$", "").strip();
        if (said.isEmpty()) {
            return Optional.empty();
        }
        for (String name : profile.variables().keySet()) {
            if (name.equalsIgnoreCase(said)) {
                return Optional.of(name);
            }
        }
        if (!said.matches("[\\p{L}\\p{N}_ ]+")) {
            return Optional.empty();
        }
        List<Words.Token> tokens = Words.tokens(said.toLowerCase(Locale.ROOT));
        List<ColumnMatcher.Mention> found = matcher.find(tokens);
        if (found.size() == 1
                && found.getFirst().kind() == ColumnMatcher.Kind.SINGLE
                && found.getFirst().start() == 0
                && found.getFirst().end() == tokens.size()) {
            return Optional.of(found.getFirst().column());
        }
        return Optional.empty();
    }

    private static Result refused(String name, String why) {
        return new Result(name, Optional.empty(), Optional.of(why), List.of());
    }
}
