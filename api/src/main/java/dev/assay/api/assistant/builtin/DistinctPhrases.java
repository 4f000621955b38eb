package dev.assay.api.assistant.builtin;

import dev.assay.model.profile.Profile;
import dev.assay.model.profile.VariableProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Columns said by how many distinct values they hold: "the columns with fewer than 5 distinct values", "every column
 * with at most 3 unique values", "fields with more than 600 different values", "columns with exactly two categories".
 * They resolve from the profile's distinct counts, and the answer's summary names the columns found.
 */
final class DistinctPhrases {

    private static final String COUNT =
            "(\\d{1,9}|(?:a|one|two|three|four|five|six|seven|eight|nine)\\s+(?:hundred|thousand)"
                    + "|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)";

    /** "a hundred", "two hundred", "fifty": the counts a person says in words. */
    private static long count(String said) {
        if (said.matches("\\d+")) {
            return Long.parseLong(said);
        }
        String[] words = said.split("\\s+");
        if (words.length == 2) {
            long unit = words[0].equals("a") ? 1 : Words.NUMBERS.get(words[0]);
            return unit * (words[1].equals("hundred") ? 100 : 1000);
        }
        return Words.NUMBERS.containsKey(said)
                ? Words.NUMBERS.get(said)
                : java.util.Map.of(
                                "thirty", 30, "forty", 40, "fifty", 50, "sixty", 60, "seventy", 70, "eighty", 80,
                                "ninety", 90)
                        .get(said);
    }

    private static final Pattern PHRASE =
            Pattern.compile("\\b(?:that |which )?(?:have |has |with |having |holding |hold "
                    + "|holds |take |takes |show |shows )?(?:only |just )?(fewer than|less than|under|below|at most|no more than|up to"
                    + "|not more than|more than|over|above|at least|no fewer than|exactly|only|just"
                    + "|around|about|roughly|approximately|some|circa|close to|nearly|almost)?\\s*" + COUNT
                    + " (or fewer |or less |or more |or above |or below )?(?:distinct|unique|different|separate) "
                    + "(?:values|value|categories|category|levels|level|labels|entries)\\b");
    /**
     * "the columns that have just two values", "fields with exactly 3 categories": a small count of values said
     * after a verb of having, with no "distinct", still counts distinct values (a count of present values is said
     * with "fewer than" and read elsewhere).
     */
    private static final Pattern PLAIN = Pattern.compile(
            "\\b(?:that |which )?(?:have |has |with |having |holding |hold "
                    + "|holds |take |takes |show |shows |contain |contains )(only |just |exactly |precisely )?"
                    + "(\\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|twelve) ()(?:values|categories|levels|labels|outcomes)\\b");
    /**
     * "the columns with few distinct values", "the low-cardinality ones", "the few-valued fields", "a handful of
     * categories": no count said, so a small one — more than one value (a single one is "constant") and at most
     * {@link #FEW}, the size up to which a person still reads the values as categories.
     */
    private static final Pattern FEW_PHRASE = Pattern.compile(
            "\\b(?:that |which )?(?:have |has |with |having |holding "
                    + "|hold |holds |take |takes |show |shows )?(?:only |just )?(?:a |very )?(?:few|small number of|handful of"
                    + "|limited number of) (?:distinct |unique |different |separate )?(?:values|categories|levels|labels)\\b"
                    + "|\\b(?:low[- ]cardinality|few[- ]valued|low[- ]distinct)(?: (?:columns?|variables?|fields?|features?|ones?)\\b)?");

    /**
     * "the high-cardinality text columns", "the ones with many unique values": columns of words with more than
     * {@link #MANY} distinct values, too many to read as categories. Numbers and dates are left out: nearly every
     * measurement has many values, and that is not what the phrase is said of.
     */
    private static final Pattern MANY_PHRASE = Pattern.compile(
            "\\b(?:that |which )?(?:have |has |with |having |holding |hold |holds |take |takes |show |shows )?"
                    + "(?:very |so |too )?(?:many|lots of|a lot of|a large number of|hundreds of) (?:distinct |unique "
                    + "|different |separate )?(?:values|categories|levels|labels)\\b"
                    + "|\\b(?:high[- ]cardinality|many[- ]valued)(?: (?:columns?|variables?|fields?|features?|ones?)\\b)?");

    static final long MANY = 50;

    /** "the three-valued text column", "the 4-valued ones": exactly that many distinct values. */
    private static final Pattern VALUED =
            Pattern.compile("\\b(\\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[- ]valued?"
                    + "(?: (?:columns?|variables?|fields?|features?|ones?)\\b)?");

    static final long FEW = 10;

    /** Nouns a phrase describes: "columns with …", "variables that have …". */
    private static final Set<String> NOUNS = Set.of(
            "column", "columns", "variable", "variables", "field", "fields", "feature", "features", "ones", "one");

    private DistinctPhrases() {}

    static List<ColumnMatcher.Mention> find(
            List<Words.Token> tokens, Profile profile, String text, List<Integer> starts) {
        List<ColumnMatcher.Mention> found = new ArrayList<>();
        for (Pattern phrase : List.of(PHRASE, PLAIN)) {
            Matcher m = phrase.matcher(text);
            while (m.find()) {
                int start = starts.indexOf(m.start());
                int end = tokenAt(starts, m.end());
                if (start < 0 || found.stream().anyMatch(f -> f.start() < end && start < f.end())) {
                    continue;
                }
                String said = m.group(2);
                long n = count(said);
                String bound = m.group(1) == null ? "" : m.group(1).strip();
                String after = m.group(3) == null ? "" : m.group(3).strip();
                LongPredicate fits = switch (bound) {
                    case "fewer than", "less than", "under", "below" -> d -> d < n;
                    case "at most", "no more than", "up to", "not more than" -> d -> d <= n;
                    case "more than", "over", "above" -> d -> d > n;
                    case "at least", "no fewer than" -> d -> d >= n;
                    // "around two hundred distinct values": within a fifth of the count said either way.
                    case "around",
                            "about",
                            "roughly",
                            "approximately",
                            "some",
                            "circa",
                            "close to",
                            "nearly",
                            "almost" -> d -> d >= Math.floor(n * 0.8) && d <= Math.ceil(n * 1.2);
                    default ->
                        after.startsWith("or fewer") || after.startsWith("or less") || after.startsWith("or below")
                                ? d -> d <= n
                                : after.startsWith("or more") || after.startsWith("or above")
                                        ? d -> d >= n
                                        : d -> d == n;
                };
                int from = overAdverbs(tokens, start);
                if (from > 0
                        && Set.of("that", "which").contains(tokens.get(from - 1).text())) {
                    from--;
                }
                if (from > 0 && NOUNS.contains(tokens.get(from - 1).text())) {
                    from--;
                }
                List<String> columns = profile.variables().values().stream()
                        .filter(v -> fits.test(distinct(v)))
                        .map(VariableProfile::name)
                        .toList();
                found.add(new ColumnMatcher.Mention(
                        ColumnMatcher.Kind.GROUP,
                        columns,
                        from,
                        end,
                        text.substring(starts.get(from), m.end()).strip()));
            }
        }
        Matcher valued = VALUED.matcher(text);
        while (valued.find()) {
            int start = starts.indexOf(valued.start());
            int end = tokenAt(starts, valued.end());
            if (start < 0 || found.stream().anyMatch(f -> f.start() < end && start < f.end())) {
                continue;
            }
            String said = valued.group(1);
            long n = said.matches("\\d+") ? Long.parseLong(said) : Words.NUMBERS.get(said);
            found.add(new ColumnMatcher.Mention(
                    ColumnMatcher.Kind.GROUP,
                    profile.variables().values().stream()
                            .filter(v -> distinct(v) == n)
                            .map(VariableProfile::name)
                            .toList(),
                    start,
                    end,
                    valued.group().strip()));
        }
        for (Pattern amount : List.of(FEW_PHRASE, MANY_PHRASE)) {
            found.addAll(amount(amount, tokens, profile, text, starts, found));
        }
        return found;
    }

    /** Columns said by how many values they take, with no count: a few, or many. */
    private static List<ColumnMatcher.Mention> amount(
            Pattern amount,
            List<Words.Token> tokens,
            Profile profile,
            String text,
            List<Integer> starts,
            List<ColumnMatcher.Mention> taken) {
        List<ColumnMatcher.Mention> found = new ArrayList<>(taken);
        Matcher few = amount.matcher(text);
        while (few.find()) {
            int start = starts.indexOf(few.start());
            int end = tokenAt(starts, few.end());
            if (start < 0 || found.stream().anyMatch(f -> f.start() < end && start < f.end())) {
                continue;
            }
            int from = overAdverbs(tokens, start);
            if (from > 0
                    && Set.of("that", "which").contains(tokens.get(from - 1).text())) {
                from--;
            }
            if (from > 0 && NOUNS.contains(tokens.get(from - 1).text())) {
                from--;
            }
            List<String> columns = profile.variables().values().stream()
                    .filter(v -> amount == MANY_PHRASE
                            ? distinct(v) > MANY
                                    && !v.storage().isNumeric()
                                    && !v.storage().isTemporal()
                            : distinct(v) >= 2 && distinct(v) <= FEW)
                    .map(VariableProfile::name)
                    .toList();
            found.add(new ColumnMatcher.Mention(
                    ColumnMatcher.Kind.GROUP,
                    columns,
                    from,
                    end,
                    text.substring(starts.get(from), few.end()).strip()));
        }
        return found.subList(taken.size(), found.size());
    }

    /**
     * "the text columns that only take two values": an adverb between "that" and the verb still ties the phrase to
     * the noun before it, so the phrase narrows that noun's columns instead of adding its own to them.
     */
    private static int overAdverbs(List<Words.Token> tokens, int start) {
        int from = start;
        while (from > 0
                && Set.of("only", "just", "exactly", "precisely", "ever", "all")
                        .contains(tokens.get(from - 1).text())) {
            from--;
        }
        return from > 0 && Set.of("that", "which").contains(tokens.get(from - 1).text()) ? from : start;
    }

    /** Distinct values present; a gap is no value of its own. */
    private static long distinct(VariableProfile v) {
        return v.distinct();
    }

    private static int tokenAt(List<Integer> starts, int charEnd) {
        for (int i = 0; i < starts.size(); i++) {
            if (starts.get(i) >= charEnd) {
                return i;
            }
        }
        return starts.size();
    }
}
