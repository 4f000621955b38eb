package dev.assay.api.assistant.builtin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column's type said as a statement or with a light verb: "treat zip as text", "make year categorical", "origin is
 * a category, not a number", "passengers should be text", "Survived is a boolean". Read only when the words before the
 * type are columns and nothing else, so "encode the categorical columns" or "use X as the label" keep their meaning.
 */
final class CastClauses {

    /** Type words and the cast target each names. */
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("categorical", "string"),
            Map.entry("category", "string"),
            Map.entry("categories", "string"),
            Map.entry("text", "string"),
            Map.entry("string", "string"),
            Map.entry("strings", "string"),
            Map.entry("label", "string"),
            Map.entry("labels", "string"),
            Map.entry("factor", "string"),
            Map.entry("nominal", "string"),
            Map.entry("discrete", "string"),
            Map.entry("number", "float"),
            Map.entry("numbers", "float"),
            Map.entry("numeric", "float"),
            Map.entry("numerical", "float"),
            Map.entry("float", "float"),
            Map.entry("decimal", "float"),
            Map.entry("decimals", "float"),
            Map.entry("continuous", "float"),
            Map.entry("integer", "int"),
            Map.entry("integers", "int"),
            Map.entry("int", "int"),
            Map.entry("whole number", "int"),
            Map.entry("whole numbers", "int"),
            Map.entry("date", "datetime"),
            Map.entry("dates", "datetime"),
            Map.entry("datetime", "datetime"),
            Map.entry("timestamp", "datetime"),
            Map.entry("timestamps", "datetime"),
            Map.entry("boolean", "boolean"),
            Map.entry("booleans", "boolean"),
            Map.entry("bool", "boolean"),
            Map.entry("flag", "boolean"),
            Map.entry("true/false", "boolean"));

    private static final String TYPE = "(whole numbers?|true/false|"
            + String.join(
                    "|",
                    TYPES.keySet().stream()
                            .filter(t -> !t.contains(" ") && !t.contains("/"))
                            .sorted((a, b) -> b.length() - a.length())
                            .toList())
            + ")";
    private static final String TAIL =
            "(?:\\s*,?\\s*(?:and\\s+)?(?:not|instead\\s+of|rather\\s+than)\\s+(?:a|an)?\\s*[\\w ]+?)?"
                    + "(?:\\s+(?:variables?|columns?|values?|type|data))?(?:\\s+(?:too|as\\s+well|also|instead|please))?\\s*[.!]?\\s*$";
    private static final Pattern VERB =
            Pattern.compile("(?i)^\\s*(?:please\\s+)?(?:make|treat|turn|convert|cast|change|set"
                    + "|store|read|keep|mark|handle|consider|recode|retype|parse|interpret|reinterpret|load)\\s+(.+?)\\s+(?:(?:as|to|into|like)\\s+)?(?:an?\\s+)?"
                    + "(?:(?:true|proper|real)\\s+)?" + TYPE + TAIL);
    private static final Pattern STATEMENT =
            Pattern.compile("(?i)^\\s*(?:(?:i\\s+think|actually|note\\s+that)\\s*,?\\s+)?"
                    + "(.+?)\\s+(?:is|are|should\\s+be|must\\s+be|needs\\s+to\\s+be|need\\s+to\\s+be|ought\\s+to\\s+be|has\\s+to\\s+be"
                    + "|have\\s+to\\s+be|is\\s+really|are\\s+really|is\\s+actually|are\\s+actually)\\s+"
                    + "(?:(?:currently|still|now)\\s+)?(?:(?:treated|handled|read|stored|kept"
                    + "|considered|regarded|seen|typed|cast|converted|made)\\s+(?:as\\s+|to\\s+|into\\s+)?)?(?:an?\\s+)?"
                    + TYPE + TAIL);

    /**
     * "Date is stored as text", "pickup is currently a string": how the data is now, said before what to do about it,
     * is no step; reading it as a cast to that type would plan the opposite of what follows.
     */
    private static final Pattern AS_IT_IS = Pattern.compile("(?i)\\b(?:is|are)\\s+(?:currently\\s+|still\\s+|now\\s+)?"
            + "(?:stored|kept|held|saved|loaded|encoded|read\\s+in|coming\\s+in)\\s+as\\b"
            + "|\\b(?:is|are)\\s+(?:currently|still|right\\s+now|at\\s+the\\s+moment)\\b");

    private CastClauses() {}

    /** The columns and cast target of a clause that only states types, if it is one. */
    static Optional<Map.Entry<List<String>, String>> read(String clause, ColumnMatcher matcher) {
        return read(clause, matcher, List.of());
    }

    /** As {@link #read(String, ColumnMatcher)}, with what "it" or "them" stands for ("convert it to a date type"). */
    static Optional<Map.Entry<List<String>, String>> read(
            String clause, ColumnMatcher matcher, List<String> referents) {
        for (Pattern pattern : List.of(VERB, STATEMENT)) {
            if (pattern == STATEMENT && AS_IT_IS.matcher(clause).find()) {
                continue;
            }
            Matcher m = pattern.matcher(clause);
            if (!m.matches()) {
                continue;
            }
            Optional<List<String>> columns = !referents.isEmpty()
                            && m.group(1)
                                    .strip()
                                    .toLowerCase(java.util.Locale.ROOT)
                                    .matches("it|them|this|that|these|those")
                    ? Optional.of(referents)
                    : onlyColumns(m.group(1), matcher);
            if (columns.isPresent()) {
                return Optional.of(Map.entry(
                        columns.get(),
                        TYPES.get(m.group(2).toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " "))));
            }
        }
        return Optional.empty();
    }

    /**
     * The columns of a clause that only says how they are stored now ("Date is stored as text"): no step, but what
     * "it" stands for in the clause after.
     */
    static Optional<List<String>> asItIs(String clause, ColumnMatcher matcher) {
        Matcher m = STATEMENT.matcher(clause);
        if (!AS_IT_IS.matcher(clause).find() || !m.matches()) {
            return Optional.empty();
        }
        return onlyColumns(m.group(1), matcher);
    }

    /** The columns the words name when they name columns and nothing else ("the zip column", "year and quarter"). */
    private static Optional<List<String>> onlyColumns(String words, ColumnMatcher matcher) {
        List<Words.Token> tokens = Words.tokens(words);
        List<ColumnMatcher.Mention> mentions = matcher.find(tokens);
        if (mentions.isEmpty() || mentions.stream().anyMatch(m -> m.kind() == ColumnMatcher.Kind.AMBIGUOUS)) {
            return Optional.empty();
        }
        for (Words.Token token : tokens) {
            boolean inside = mentions.stream().anyMatch(m -> token.index() >= m.start() && token.index() < m.end());
            if (!inside
                    && !java.util.Set.of(
                                    "the",
                                    "and",
                                    "column",
                                    "columns",
                                    "variable",
                                    "variables",
                                    "field",
                                    "fields",
                                    "both",
                                    "also",
                                    "too",
                                    "&",
                                    "or",
                                    "values",
                                    "of",
                                    "a",
                                    "my",
                                    "our")
                            .contains(token.text())) {
                return Optional.empty();
            }
        }
        List<String> columns = new ArrayList<>();
        mentions.forEach(
                m -> m.columns().stream().filter(c -> !columns.contains(c)).forEach(columns::add));
        return Optional.of(columns);
    }
}
