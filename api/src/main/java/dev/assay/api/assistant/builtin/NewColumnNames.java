package dev.assay.api.assistant.builtin;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name a request gives a new column: "… into log_violent", "call it bmi", "name it hp_per_lb", "store the result
 * as grand_total", "log-transform fare as log_fare", "called family size". A step that creates a column uses it as
 * its new_column, so the next step ("then scale it") acts on the new column, not on its source.
 */
final class NewColumnNames {

    private static final String NAME = "([\"'`“‘][^\"'`”’]{1,60}[\"'`”’]|[\\p{L}_][\\p{L}\\p{N}_]*)";
    /** Words that always introduce a name, so a plain word after them is a name too. */
    private static final Pattern EXPLICIT =
            Pattern.compile("(?i)\\b(?:call|name|label|title)\\s+(?:it|them|this|that|the\\s+"
                    + "(?:result|new\\s+column|column|feature|output))\\s+(?:as\\s+)?" + NAME
                    + "|\\b(?:store|save|keep|put|write|output|return)\\s+(?:it|them|this|that|the\\s+(?:result|output|answer|value|values))"
                    + "\\s+(?:as|in|into|under)\\s+(?:a\\s+)?(?:new\\s+)?(?:column\\s+)?(?:called\\s+|named\\s+)?"
                    + NAME);
    /** "into X", "as X", "to a new column X": a name only when it looks like one (an underscore, a digit, quotes). */
    private static final Pattern SHAPED = Pattern.compile("(?i)\\b(?:into|as)\\s+(?:a\\s+)?(?:new\\s+)?(?:column\\s+)?"
            + NAME + "|\\b(?:to|in)\\s+a\\s+new\\s+column\\s+(?:called\\s+|named\\s+)?" + NAME);

    /**
     * "add a column cost_per_mile that is fare divided by distance", "a new feature called ratio equal to …": the name
     * said right after the column it declares, before what it holds.
     */
    private static final Pattern DECLARED = Pattern.compile(
            "(?i)\\b(?:a|the)\\s+(?:new\\s+)?(?:column|feature|variable)\\s+" + "(called\\s+|named\\s+)?" + NAME
                    + "(?=\\s+(?:that|which|equal|equals|=|holding|containing|with)\\b|\\s*=)");

    /** Words of the vocabulary that still make a plain name as a clause's last word: "into gap", "as total". */
    private static final Set<String> PLAIN_OK = Set.of(
            "gap",
            "gaps",
            "total",
            "sum",
            "difference",
            "product",
            "ratio",
            "share",
            "rate",
            "score",
            "index",
            "size",
            "amount",
            "change",
            "range",
            "spread",
            "density");

    private NewColumnNames() {}

    /** The new column's name said in the clause, in snake_case unless quoted or already one word. */
    static Optional<String> in(String text, Set<String> columns) {
        Matcher explicit = EXPLICIT.matcher(text);
        if (explicit.find()) {
            String said = explicit.group(1) != null ? explicit.group(1) : explicit.group(2);
            Optional<String> name = clean(said, columns, false);
            if (name.isPresent()) {
                return name;
            }
        }
        Matcher declared = DECLARED.matcher(text);
        if (declared.find()) {
            Optional<String> name = clean(declared.group(2), columns, declared.group(1) == null);
            if (name.isPresent()) {
                return name;
            }
        }
        Matcher shaped = SHAPED.matcher(text);
        while (shaped.find()) {
            // A plain word counts as a name only as the clause's last word ("add SibSp and Parch as family").
            boolean last = text.substring(shaped.end())
                    .strip()
                    .replaceAll("[.!]+$", "")
                    .isEmpty();
            Optional<String> name = clean(shaped.group(1) != null ? shaped.group(1) : shaped.group(2), columns, !last);
            if (name.isPresent()) {
                return name;
            }
        }
        return Optional.empty();
    }

    /** Whether the clause names its result ("call it X", "store the result as X"), which is no rename of a column. */
    static boolean namesResult(String text) {
        return EXPLICIT.matcher(text).find();
    }

    private static Optional<String> clean(String said, Set<String> columns, boolean shapedOnly) {
        boolean quoted = said.matches("^[\"'`“‘].*");
        String name = quoted ? said.substring(1, said.length() - 1).strip() : said;
        if (name.isEmpty() || columns.stream().anyMatch(c -> c.equalsIgnoreCase(name))) {
            return Optional.empty();
        }
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        boolean shaped =
                quoted || name.contains("_") || name.matches(".*\\p{L}.*\\d.*") || name.matches(".*[a-z][A-Z].*");
        if (shapedOnly && !shaped) {
            return Optional.empty();
        }
        if (!shaped
                && (Vocabulary.FILLER.contains(lower)
                        || ColumnMatcher.GRAMMAR.contains(lower)
                        || Words.NUMBERS.containsKey(lower)
                        || ColumnMatcher.GROUP_NOUNS.contains(lower)
                        || Vocabulary.known(lower) && (shapedOnly || !PLAIN_OK.contains(lower)))) {
            return Optional.empty();
        }
        return Optional.of(name.contains(" ") ? Words.snake(name) : name);
    }
}
