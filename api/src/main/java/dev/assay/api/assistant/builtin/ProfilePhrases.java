package dev.assay.api.assistant.builtin;

import dev.assay.model.dataset.VariableKind;
import dev.assay.model.profile.AlertType;
import dev.assay.model.profile.Profile;
import dev.assay.model.profile.VariableProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phrases that name columns by what the profile knows of them: "the mostly empty columns", "the ID-like ones",
 * "the skewed columns", "the text/categorical/numeric/date columns", "the constant columns". They resolve from the
 * profile of this dataset, never from the words of the names; a phrase that fits no column resolves to none (and
 * the planner says so).
 */
final class ProfilePhrases {

    /** More than this share missing is "mostly empty". */
    static final double MOSTLY_EMPTY = 0.5;

    /** {@code ofValues}: a kind of value (numeric, text, dates …), which also says whose gaps "the numeric gaps" are. */
    private record Property(Pattern words, BiPredicate<VariableProfile, Profile> holds, boolean ofValues) {
        Property(Pattern words, BiPredicate<VariableProfile, Profile> holds) {
            this(words, holds, false);
        }
    }

    /** What a gap is called after its kind: "missing numeric values", "empty text cells". */
    private static final String GAP_NOUN = "(?:values?|entries|cells|data|numbers|fields)";

    /** Gaps said as numbers: "the missing numbers", "numbers that are missing". */
    private static final Pattern MISSING_NUMBERS = Pattern.compile(
            "\\b(?:missing|empty|blank|absent|null)\\s+numbers\\b|\\bnumbers\\s+(?:that\\s+are\\s+|which\\s+are\\s+)?missing\\b");

    /** The nouns a property describes; collective ones too ("the half-empty tickers", "the skewed series"). */
    private static final String NOUN =
            "(?:columns?|colums?|collumns?|coloumns?|colunms?|ones?|variables?|features?|fields?|years|attributes|series|tickers|indicators|predictors|inputs)";

    /** Between an adverb and its adjective a hyphen is a space: "mostly-empty", "entirely-blank". */
    private static final String JOIN = "[\\s-]+";

    private static final List<Property> PROPERTIES = List.of(
            // Before "empty" alone: "completely empty" is every value missing, not most of them.
            new Property(
                    // "the columns that are all missing": "all" after "are" says every value, as "entirely" does.
                    Pattern.compile("(?:completely|entirely|fully|totally|wholly|100 %|100%|100 percent"
                            + "|(?<=(?:are|is)\\s)all)" + JOIN
                            + "(?:empty|missing|blank|null)"),
                    (v, p) -> v.missing() > 0 && v.missingShare() >= 1.0),
            new Property(
                    Pattern.compile("binary|two-valued|two valued|two-value|dichotomous"), (v, p) -> v.distinct() == 2),
            // Before "numeric": "the non-numeric column" is a column of words (or dates), never the numeric ones.
            new Property(
                    Pattern.compile("non-numeric|non numeric|nonnumeric|non-numerical|non-number"),
                    (v, p) -> v.type() != VariableKind.NUMERIC
                            && !v.storage().isNumeric()
                            && !v.storage().isTemporal()
                            && v.type() != VariableKind.DATETIME,
                    true),
            new Property(
                    Pattern.compile("(?:mostly|largely|almost|nearly|half|predominantly|majority)" + JOIN
                            + "(?:empty|missing|blank|null)|sparse|empty"),
                    (v, p) -> v.missingShare() > MOSTLY_EMPTY),
            new Property(Pattern.compile("constant|single-valued|single valued"), ProfilePhrases::constant),
            // Before "id": "the row-id column", "the running-number field", "the index column" are a row counter.
            new Property(
                    Pattern.compile("(?:row" + JOIN + "(?:number|numbers|index|counter|count|id|ids)"
                            + "|running" + JOIN + "(?:number|index|count|counter|id)|sequential" + JOIN
                            + "(?:number|index|id)|serial" + JOIN + "number|record" + JOIN + "number|index)"),
                    (v, p) -> rowNumber(v)),
            // "the identifier column", said of one: the profile's identifier when it found one.
            new Property(
                    Pattern.compile("(?:identifier|id)(?=\\s+(?:column|field|variable)\\b)"),
                    (v, p) -> p.variables().values().stream().anyMatch(o -> o.type() == VariableKind.IDENTIFIER)
                            ? v.type() == VariableKind.IDENTIFIER
                            : identifierLike(v, p)),
            new Property(
                    Pattern.compile("id-like|id like|identifier|identifier-like|identifiers|id"),
                    ProfilePhrases::identifierLike),
            // Before "skewed": "the right-skewed columns", "the ones with a long right tail" are the positive skew
            // only.
            new Property(
                    Pattern.compile("(?:right-|right\\s+|positively\\s+)skewed|skewed\\s+(?:to\\s+the\\s+)?right"
                            + "|(?:a\\s+)?(?:long|longer|heavy|fat)\\s+right[-\\s]+tails?|right-tailed"),
                    (v, p) -> has(p, v, AlertType.SKEWED) && rightSkew(v) > 0),
            new Property(
                    Pattern.compile("(?:left-|left\\s+|negatively\\s+)skewed|skewed\\s+(?:to\\s+the\\s+)?left"
                            + "|(?:a\\s+)?(?:long|longer|heavy|fat)\\s+left[-\\s]+tails?|left-tailed"),
                    (v, p) -> has(p, v, AlertType.SKEWED) && rightSkew(v) == 0),
            new Property(
                    Pattern.compile("skewed|skewy|heavily skewed|highly skewed|long-tailed"),
                    (v, p) -> has(p, v, AlertType.SKEWED)),
            new Property(Pattern.compile("free-text|free text"), ProfilePhrases::freeText),
            // "the text columns" are the free-text ones; in a file that has none, the columns of words.
            new Property(Pattern.compile("text|textual|string"), ProfilePhrases::textLike, true),
            // A yes/no column of words is a category of two: encoding applies to it like to any other.
            new Property(
                    Pattern.compile("categorical|category|nominal"),
                    (v, p) -> v.type() == VariableKind.CATEGORICAL
                            || v.type() == VariableKind.BOOLEAN && !v.storage().isNumeric(),
                    true),
            // Before "numeric": "the integer columns", "the ones that only hold whole numbers" are stored as integers.
            new Property(
                    Pattern.compile("integer|integers|integer-valued|whole-number|whole" + JOIN + "numbers?|int"),
                    (v, p) -> v.storage() == dev.assay.model.dataset.ColumnType.INTEGER,
                    true),
            // "the columns with decimals", "the non-integer ones": numbers stored with a fraction.
            new Property(
                    Pattern.compile(
                            "decimals?|decimal-valued|fractional|floating-point|floats?|non-integer" + "|non-whole"),
                    (v, p) -> v.storage() == dev.assay.model.dataset.ColumnType.DECIMAL,
                    true),
            // "the yes/no columns", "the binary ones", "the two-valued flags": a column of exactly two values.
            new Property(
                    Pattern.compile("yes[\\s/-]*no|binary|two-valued|boolean|true[\\s/-]*false|dichotomous"),
                    (v, p) -> v.type() == VariableKind.BOOLEAN),
            new Property(
                    Pattern.compile("numeric|numerical|continuous"), (v, p) -> v.type() == VariableKind.NUMERIC, true),
            new Property(
                    Pattern.compile("date|datetime|date-time|time|timestamp|temporal"),
                    (v, p) -> v.type() == VariableKind.DATETIME,
                    true));

    /**
     * A superlative: its words for one column ("the most skewed column") and the plural that counts several ("the
     * three most skewed columns"), and the measure that ranks the columns.
     */
    private record Superlative(
            Pattern words, String most, java.util.function.ToDoubleFunction<VariableProfile> measure) {

        /** "the two most skewed columns", "the 3 emptiest numeric variables", "the top four most skewed features". */
        Pattern counted() {
            return Pattern.compile(
                    "\\b(?:the\\s+)?(?:top\\s+)?" + COUNT + "\\s+(?:" + most
                            + ")\\s+(?:(?:numeric|numerical)\\s+)?(?:columns|variables|features|fields|ones|attributes|series)\\b");
        }
    }

    private static final String COUNT = "(\\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|twelve)";

    /** "the four cs", "the 3 bs": a count, then one letter said as a plural. */
    private static final Pattern LETTERS = Pattern.compile("\\b" + COUNT + "\\s+([a-z])s\\b");

    private static final String ONE =
            "(?:column|variable|feature|field|attribute|one|ticker|series|indicator|measurement|predictor|input|year)";
    private static final String WHICH = "(?:whichever\\s+|the\\s+|the\\s+one\\s+)?";

    /** The superlative after "most" or before/after the noun: "the most skewed column", "the column that is most skewed". */
    private static Pattern superlative(String most, String after) {
        // "the most skewed numeric column": a word for the columns' type between the superlative and its noun.
        return Pattern.compile(
                "\\b(?:(?:the\\s+)?(?:single\\s+|one\\s+)?(?:" + most + ")\\s+(?:(?:numeric|numerical)\\s+)?"
                        + ONE + "\\b"
                        + "|" + WHICH + ONE
                        + "\\s+(?:that\\s+is|which\\s+is|that's|is|with|having|that\\s+has|which\\s+has|that\\s+have|has|that\\s+holds"
                        + "|which\\s+holds|holds|whose\\s+values?\\s+(?:span|spans|cover|covers|show|shows|have|has))"
                        + "\\s+(?:the\\s+)?(?:" + after + ")\\b)");
    }

    /** Numeric columns only: the size of the skewness, whichever way the tail points. */
    private static double skew(VariableProfile v) {
        return v.type() == VariableKind.NUMERIC
                ? v.numeric()
                        .map(n -> Math.abs(n.skewness()))
                        .filter(Double::isFinite)
                        .orElse(0.0)
                : 0;
    }

    /** Numeric columns only: how far the right tail reaches (positive skewness). */
    private static double rightSkew(VariableProfile v) {
        return v.type() == VariableKind.NUMERIC
                ? v.numeric()
                        .map(n -> n.skewness())
                        .filter(Double::isFinite)
                        .filter(k -> k > 0)
                        .orElse(0.0)
                : 0;
    }

    private static final List<Superlative> SUPERLATIVES = List.of(
            // Before "most skewed": "the most right-skewed", "the longest right tail" are the positive skew only.
            new Superlative(
                    superlative(
                            "most\\s+(?:right-|right\\s+|positively\\s+)skewed",
                            "most\\s+(?:right-|right\\s+|positively\\s+)skewed|(?:longest|heaviest|fattest|biggest)\\s+right[-\\s]+tail"),
                    "most\\s+(?:right-|right\\s+|positively\\s+)skewed",
                    ProfilePhrases::rightSkew),
            new Superlative(
                    superlative("most\\s+long-tailed", "(?:longest|heaviest|fattest)\\s+tail"),
                    "most\\s+long-tailed",
                    ProfilePhrases::skew),
            // "the column with the largest values", "the variable with the biggest numbers": the largest maximum.
            new Superlative(
                    superlative(
                            "largest-valued|biggest-valued",
                            "(?:largest|biggest|highest)\\s+(?:values|numbers|magnitudes?)"),
                    "largest-valued|biggest-valued",
                    v -> v.type() == VariableKind.NUMERIC
                            ? v.numeric()
                                    .map(n -> n.max())
                                    .filter(Double::isFinite)
                                    .orElse(0.0)
                            : 0),
            // "the column with the largest range of values", "whose values span the widest range": max − min.
            new Superlative(
                    superlative(
                            "widest-ranging|widest\\s+ranging",
                            "(?:largest|biggest|widest|greatest|broadest)\\s+(?:range|span)(?:\\s+of\\s+values)?"),
                    "widest-ranging|widest\\s+ranging",
                    v -> v.type() == VariableKind.NUMERIC
                            ? v.numeric()
                                    .map(n -> n.max() - n.min())
                                    .filter(Double::isFinite)
                                    .orElse(0.0)
                            : 0),
            // "the most spread-out column", "the one with the highest variance": the largest standard deviation.
            new Superlative(
                    superlative(
                            "most\\s+(?:spread[- ]out|variable|dispersed)",
                            "(?:largest|biggest|highest|greatest)\\s+(?:variance|standard\\s+deviation|spread|dispersion)"),
                    "most\\s+(?:spread[- ]out|variable|dispersed)",
                    v -> v.type() == VariableKind.NUMERIC
                            ? v.numeric()
                                    .map(n -> n.std())
                                    .filter(Double::isFinite)
                                    .orElse(0.0)
                            : 0),
            new Superlative(
                    superlative(
                            "most\\s+(?:skewed|asymmetric|lopsided)|skewiest",
                            "most\\s+skewed|highest\\s+skew(?:ness)?|most\\s+skew(?:ness)?|largest\\s+skew(?:ness)?|biggest\\s+skew(?:ness)?"),
                    "most\\s+(?:skewed|asymmetric|lopsided)|skewiest",
                    ProfilePhrases::skew),
            // "the column with the most distinct values", "the highest-cardinality one": most different values.
            new Superlative(
                    superlative(
                            "most\\s+(?:varied|diverse)|highest[- ]cardinality",
                            "most\\s+(?:distinct|unique|different)\\s+(?:values|categories|levels|entries)"
                                    + "|highest\\s+cardinality|most\\s+categories"
                                    + "|largest\\s+number\\s+of\\s+(?:distinct|unique|different)\\s+values"),
                    "most\\s+(?:varied|diverse)|highest[- ]cardinality",
                    v -> v.distinct()),
            // "the column with the fewest distinct values", "the lowest-cardinality one": fewest different values.
            new Superlative(
                    superlative(
                            "least\\s+(?:varied|diverse)|lowest[- ]cardinality",
                            "(?:fewest|least)\\s+(?:distinct|unique|different)\\s+(?:values|categories|levels|entries)"
                                    + "|lowest\\s+cardinality|fewest\\s+categories"
                                    + "|smallest\\s+number\\s+of\\s+(?:distinct|unique|different)\\s+values"),
                    "least\\s+(?:varied|diverse)|lowest[- ]cardinality",
                    v -> v.distinct() > 0 ? 1.0 / v.distinct() : 0),
            new Superlative(
                    superlative(
                            "most\\s+(?:empty|missing|incomplete|sparse)|emptiest|sparsest",
                            "most\\s+(?:empty|missing|incomplete|sparse)|most\\s+(?:missing|empty|null|blank)\\s+(?:values|cells|entries|data)"
                                    + "|most\\s+(?:gaps|nulls|nans|blanks)|fewest\\s+(?:present\\s+|non-missing\\s+)?values"),
                    "most\\s+(?:empty|missing|incomplete|sparse)|emptiest|sparsest",
                    v -> v.missing()));

    private ProfilePhrases() {}

    /**
     * ID-like: the profile's identifiers and every other column that is different in every row, has no gap and holds
     * words or whole numbers (a code and a name per country are both ID-like; a measurement with decimals is not).
     */
    private static boolean identifierLike(VariableProfile v, Profile p) {
        if (v.type() == VariableKind.IDENTIFIER) {
            return true;
        }
        boolean wordsOrWholeNumbers = v.storage() == dev.assay.model.dataset.ColumnType.STRING
                || v.storage() == dev.assay.model.dataset.ColumnType.INTEGER;
        return wordsOrWholeNumbers && v.missing() == 0 && v.count() > 1 && v.distinct() == v.count();
    }

    /**
     * Free text: the profile's text columns; in a file it found none in, a column of words whose values are mostly
     * different (more than half unique) and long (ten characters or more on average), like a car's name.
     */
    private static boolean freeText(VariableProfile v, Profile p) {
        if (p.variables().values().stream().anyMatch(o -> o.type() == VariableKind.TEXT)) {
            return v.type() == VariableKind.TEXT;
        }
        return v.storage() == dev.assay.model.dataset.ColumnType.STRING
                && v.uniqueShare() > 0.5
                && v.text().map(t -> t.meanLength() >= 10).orElse(false);
    }

    /**
     * A row number: whole numbers without a gap, different in every row, and exactly as many as the rows from the
     * smallest to the largest (1 … n or 0 … n-1) — a counter of the rows, not a code or a name.
     */
    private static boolean rowNumber(VariableProfile v) {
        return v.storage() == dev.assay.model.dataset.ColumnType.INTEGER
                && v.missing() == 0
                && v.count() > 1
                && v.distinct() == v.count()
                && v.numeric().map(n -> n.max() - n.min() + 1 == v.count()).orElse(false);
    }

    /** "the column that just numbers the rows", "the field that is only a running row number": a row counter. */
    private static final Pattern COUNTS_ROWS =
            Pattern.compile("\\b" + NOUN + "\\s+(?:(?:that|which)\\s+)?(?:just\\s+|simply\\s+|only\\s+|merely\\s+)?"
                    + "(?:(?:numbers|counts|indexes|enumerates)\\s+the\\s+(?:rows|records|lines|entries)"
                    // "that's just a running row number": the "'s" is cut from the word, so the verb may be gone.
                    + "|(?:(?:is|are)\\s+)?(?:just\\s+|simply\\s+|only\\s+|merely\\s+)?(?:a\\s+|the\\s+)?"
                    + "(?:(?:running\\s+|sequential\\s+)?(?:row|record|line)" + JOIN
                    + "(?:number|numbers|index|counter|count|id)"
                    // "a column that is just a running number for each passenger": counting is said by the adjective.
                    + "|(?:running|sequential|consecutive)\\s+(?:number|numbers|index|counter|count|id)))\\b");

    /** "columns that have no values at all", "the fields with no data whatsoever", "columns without any values". */
    private static final Pattern NO_VALUES = Pattern.compile("\\b" + NOUN
            + "\\s+(?:(?:that|which)\\s+)?(?:(?:have|has|with|having|hold|holds|contain|contains)\\s+no"
            + "|(?:without|lacking)\\s+any)\\s+(?:values?|data|entries|numbers)(?:\\s+(?:at\\s+all|whatsoever))?\\b"
            // "the columns that were never filled in", "that never got filled": every value missing.
            + "|\\b" + NOUN
            + "\\s+(?:that|which)\\s+(?:(?:were|was|have\\s+been|has\\s+been)\\s+never|never\\s+(?:got|get|gets|were|was))"
            + "\\s+(?:filled|populated|recorded)(?:\\s+in)?\\b");

    /**
     * "the ID-like column that just names each row", "the field that identifies each record": a column that is a name
     * or key per row.
     */
    private static final Pattern NAMES_ROWS = Pattern.compile(
            "\\b(?:(?:id-like|id like|identifier|identifier-like|key)\\s+)?"
                    + NOUN
                    + "\\s+(?:that|which)\\s+(?:just\\s+|simply\\s+|only\\s+|merely\\s+)?(?:names|identifies|labels|keys)"
                    + "\\s+(?:each|every|the|one)\\s+(?:single\\s+)?(?:rows?|records?|entries|entry|lines?|observations?)\\b");

    private static boolean constant(VariableProfile v, Profile p) {
        return v.count() > v.missing() && v.distinct() <= 1 || has(p, v, AlertType.CONSTANT);
    }

    private static final Pattern TEXT_WORD = Pattern.compile("(?i)\\b(?:text|textual|string)\\b");

    private static boolean textLike(VariableProfile v, Profile p) {
        if (p.variables().values().stream().anyMatch(o -> o.type() == VariableKind.TEXT)) {
            return v.type() == VariableKind.TEXT;
        }
        return !v.storage().isNumeric() && !v.storage().isTemporal() && v.type() != VariableKind.BOOLEAN;
    }

    /** "on every single row", "in all the rows", "from row to row": said of a column's values, every row. */
    private static final String EVERY_ROW =
            "(?:(?:on|in|for|across|throughout|over)\\s+(?:every|each|all|all the|every single)"
                    + "\\s+rows?\\b|from\\s+row\\s+to\\s+row\\b|between\\s+rows\\b)";

    /** A noun, then a relative phrase saying its values are one and the same on every row. */
    private static final Pattern SAME_VALUE = Pattern.compile("\\b" + NOUN
            + "\\s+(?:that\\s+|which\\s+|with\\s+|having\\s+)?"
            + "(?:just\\s+|only\\s+|simply\\s+)?(?:(?:repeat|repeats|have|has|hold|holds|holding|contain|contains|containing"
            + "|take|takes|show|shows|are|is)\\s+)?(?:only\\s+|just\\s+|always\\s+)?(?:one|a single|the same|one and the same"
            + "|a single distinct|one distinct|one unique|a single unique)\\s+values?\\b(?:\\s+" + EVERY_ROW + ")?");

    /** "every column where all the rows hold the same value", "the fields in which each row has one value". */
    private static final Pattern ROWS_SHARE_A_VALUE = Pattern.compile(
            "\\b" + NOUN + "\\s+(?:where|in which|for which)\\s+(?:all|every|each)\\s+(?:the\\s+|single\\s+)?rows?"
                    + "\\s+(?:hold|holds|have|has|share|shares|contain|contains|show|shows|carry|carries|is|are)\\s+"
                    + "(?:the same|one and the same|one|a single)\\s+values?\\b");

    /** "the columns that never vary", "whose values do not change", "that stay the same on every row": constant. */
    private static final Pattern NEVER_CHANGES =
            Pattern.compile("\\b" + NOUN + "\\s+(?:that\\s+|which\\s+|whose\\s+values?\\s+)"
                    + "(?:(?:never|don't|do not|does not|doesn't|not)\\s+(?:ever\\s+)?(?:change|changes|vary|varies|differ|differs)"
                    + "|(?:always\\s+)?(?:stay|stays|remain|remains|is|are)\\s+(?:the same|constant|unchanged|fixed))"
                    + "(?:\\s+" + EVERY_ROW + ")?");

    /** "the columns that have no missing values", "without any gaps", "the complete columns": no gap at all. */
    private static final Pattern NO_MISSING = Pattern.compile(
            "\\b(?:that |which )?(?:have|has|with|having|contain|contains) no "
                    + "(?:missing|gaps?|nulls?|nans?|blanks?|empty)(?: values| value| data| entries| cells)?"
                    + "|\\b(?:without|lacking) (?:any )?(?:missing|gaps?|nulls?|nans?|blanks?)(?: values| value| data| entries| cells)?");
    /** "with fewer than 100 prices", "that have less than 50 values": fewer present values than a count. */
    private static final Pattern FEWER = Pattern.compile(
            "\\b(?:that |which )?(?:have |has |with |having )?(?:fewer|less) than "
                    + "(\\d{1,9}) (?!distinct |unique |different |separate )(?:non-missing |present |actual |real )?\\w+");
    /**
     * "missing in fewer than 150 rows", "with fewer than 200 missing values", "that have less than 10 gaps": fewer
     * gaps than a count (and some). Before {@link #FEWER}, which reads "fewer than 150 rows" as present values.
     */
    private static final Pattern FEWER_GAPS =
            Pattern.compile("\\b(?:that |which )?(?:are |is )?(?:missing|empty|blank|null)"
                    + " (?:in |for |from |on )?(?:fewer|less) than (\\d{1,9}) (?:rows|values|cells|entries|records|places)"
                    + "|\\b(?:that |which )?(?:have |has |with |having )?(?:fewer|less) than (\\d{1,9}) "
                    + "(?:missing|null|empty|blank) (?:values|cells|entries|rows)|\\b(?:that |which )?(?:have |has |with |having )?"
                    + "(?:fewer|less) than (\\d{1,9}) (?:gaps|nulls|nans|blanks)");

    /** "with more than 100 missing values", "missing over 40 values": more gaps than a count. */
    private static final Pattern MORE_GAPS =
            Pattern.compile("\\b(?:that |which )?(?:have |has |with |having )?(?:more than|over|above) "
                    + "(\\d{1,9}) (?:missing|null|empty|blank) (?:values|cells|entries|rows)");

    private static final String SHARE =
            "(half|a half|a third|one third|a quarter|one quarter|two thirds|three quarters" + "|\\d{1,3}(?:\\.\\d+)?)";
    private static final String EMPTY = "(?:missing|empty|null|blank|nan|na)";
    private static final String MORE = "(?:more than|over|above|at least|greater than|upwards of|beyond)";
    /** "that are missing more than half their prices", "more than 70 % empty", "over a third missing". */
    private static final List<Pattern> THRESHOLDS = List.of(
            Pattern.compile("\\b" + EMPTY + " (?:in |for )?" + MORE + " " + SHARE
                    + " (?:percent |pct )?(?:(?:of )?(?:their|its|the) \\w+ ?)?"),
            Pattern.compile(
                    "\\b" + MORE + " " + SHARE + " (?:percent |pct )?(?:of (?:their|its|the) \\w+ )?(?:is |are )?"
                            + EMPTY + "(?: values| data| entries| cells| rows)?"),
            Pattern.compile("\\b(?:with|having|has|have) " + MORE + " " + SHARE
                    + " (?:percent |pct )?(?:of (?:their|its|the) \\w+ )?" + EMPTY
                    + "(?: values| data| entries| cells| rows)?"));
    /** "with less than 25 % missing", "under a third empty": some missing, but a smaller share than this. */
    private static final Pattern LESS_SHARE =
            Pattern.compile("\\b(?:(?:with|having|has|have) )?(?:less than|fewer than|under"
                    + "|below) " + SHARE + " (?:percent |pct )?(?:of (?:their|its|the) \\w+ )?(?:is |are )?" + EMPTY
                    + "(?! (?:values|cells|entries|rows))");

    /** "the columns where most values are missing", "in which the majority of cells are empty": more than half. */
    private static final Pattern MOSTLY =
            Pattern.compile("\\b(?:where|in which|whose|with|that have|which have) (?:most|the majority"
                    + "|more than half)(?: of)?(?: the| their| its)?(?: values| cells| entries| rows| data)? (?:are |is )?"
                    + EMPTY);
    /** "whatever columns have missing values", "any column with gaps", "the fields that contain nulls". */
    private static final Pattern HAS_MISSING =
            Pattern.compile("\\b(?:that |which |who )?(?:has|have|with|having|contain"
                    + "|contains|containing|show|shows) (?:any |some )?(?:missing|gaps|gap|nulls|null|nans|nan|blanks|empty|na)"
                    + "(?: values| value| data| entries| cells| in them)?");

    /** The count of {@link #FEWER_GAPS}, whichever way it was said. */
    private static long fewerThan(Matcher m) {
        for (int group = 1; group <= m.groupCount(); group++) {
            if (m.group(group) != null) {
                return Long.parseLong(m.group(group));
            }
        }
        throw new IllegalStateException("every way of saying it holds the count");
    }

    /** At most this share missing (and some missing) is "slightly incomplete", "a few missing values". */
    static final double SLIGHTLY_INCOMPLETE = 0.05;
    /**
     * "the slightly incomplete columns", "the nearly complete ones", "with just a few missing values", "that have
     * only a couple of gaps", "missing only a handful of values": some values missing, but a small share.
     */
    private static final Pattern FEW_GAPS =
            Pattern.compile("\\b(?:that |which )?(?:(?:have|has|with|having|contain|contains"
                    + "|containing|show|shows) )?(?:only |just )?(?:a |very )?(?:few|couple of|couple|handful of|small number of"
                    + "|small share of|small amount of|small fraction of|little) " + EMPTY
                    + "(?: values| value| data| entries| cells| rows)?"
                    + "|\\b(?:that |which )?(?:(?:are|is) )?(?:only |just )?(?:slightly|a little|a bit|somewhat|barely|partially|partly)"
                    + " (?:incomplete|missing|empty|gappy)(?: " + NOUN + "\\b)?"
                    + "|\\b(?:that |which )?(?:(?:are|is) )?(?:nearly|almost|mostly|largely|virtually) (?:complete|full|filled)(?: "
                    + NOUN + "\\b)?"
                    + "|\\b(?:that |which )?(?:(?:are|is) )?(?:missing|lacking) (?:only |just )?(?:a few|a couple of|a handful of|very few"
                    + "|a small share of|a small number of) (?:their |its )?(?:values|entries|cells|rows)\\b");

    private static final Set<String> ADVERBS = Set.of("still", "also", "only", "just", "even", "yet", "already", "now");

    private static double share(String words) {
        return switch (words) {
            case "half", "a half" -> 0.5;
            case "a third", "one third" -> 1.0 / 3;
            case "a quarter", "one quarter" -> 0.25;
            case "two thirds" -> 2.0 / 3;
            case "three quarters" -> 0.75;
            default -> Double.parseDouble(words) / 100;
        };
    }

    /**
     * Columns said by how much they miss: a relative phrase after a noun ("the tickers that are missing more than
     * half their prices", "whichever column has missing data"), resolved from the profile's missing counts. The noun
     * before it (columns, series, tickers …) and words like "whatever" belong to the phrase; a profile group just
     * before it ("the numeric columns that have gaps") is narrowed to the columns that also miss.
     */
    private static List<ColumnMatcher.Mention> missingPhrases(
            List<Words.Token> tokens,
            Profile profile,
            String text,
            List<Integer> starts,
            List<ColumnMatcher.Mention> groups) {
        List<ColumnMatcher.Mention> found = new ArrayList<>();
        List<Pattern> patterns = new ArrayList<>(THRESHOLDS);
        patterns.add(LESS_SHARE);
        patterns.add(MOSTLY);
        patterns.add(NO_MISSING);
        patterns.add(FEWER_GAPS);
        patterns.add(FEWER);
        patterns.add(MORE_GAPS);
        patterns.add(HAS_MISSING);
        patterns.add(FEW_GAPS);
        for (Pattern pattern : patterns) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                int start = starts.indexOf(m.start());
                int end = tokenAt(starts, m.end());
                if (start < 0 || found.stream().anyMatch(f -> f.start() < end && start < f.end())) {
                    continue;
                }
                // "remove passengers with missing age", "trips with missing payment": "missing" says of the word
                // after it, so the rows missing that column are meant, not every column that has gaps.
                if (pattern == HAS_MISSING
                        && m.group().strip().matches(".*\\b(?:missing|gaps?|nulls?|nans?|blanks?|empty|na)$")
                        && end < tokens.size()
                        && tokens.get(end).text().matches("\\p{L}[\\p{L}\\p{N}_-]*")
                        && !Set.of(
                                        "and", "or", "then", "in", "with", "from", "so", "but", "please", "using", "by",
                                        "to", "as", "via", "for", "at", "on", "of", "the", "a", "an", "it", "them",
                                        "first", "too", "also", "only", "now", "instead", "before", "after", "into",
                                        "all", "any")
                                .contains(tokens.get(end).text())) {
                    continue;
                }
                double threshold = pattern == HAS_MISSING
                                || pattern == NO_MISSING
                                || pattern == FEWER
                                || pattern == FEWER_GAPS
                                || pattern == MORE_GAPS
                                || pattern == FEW_GAPS
                        ? 0
                        : pattern == MOSTLY ? MOSTLY_EMPTY : share(m.group(1));
                // The noun the phrase describes: "columns", "tickers", "whatever column", "any field that"; an adverb
                // between them ("rows that still have gaps") says nothing of which.
                int from = start;
                while (from > 0 && ADVERBS.contains(tokens.get(from - 1).text())) {
                    from--;
                }
                if (from > 0
                        && Set.of("that", "which", "who")
                                .contains(tokens.get(from - 1).text())) {
                    from--;
                }
                if (from > 0
                        && Set.of("are", "is").contains(tokens.get(from - 1).text())) {
                    from--;
                    if (from > 0
                            && Set.of("that", "which", "who")
                                    .contains(tokens.get(from - 1).text())) {
                        from--;
                    }
                }
                // "rows with missing values" are rows, said for dropping them: not a set of columns.
                if (from > 0 && Vocabulary.ROWS.contains(tokens.get(from - 1).text())) {
                    continue;
                }
                final int phraseStart = from;
                java.util.function.Predicate<VariableProfile> misses = pattern == NO_MISSING
                        ? v -> v.missing() == 0
                        : pattern == FEWER_GAPS
                                ? v -> v.missing() > 0 && v.missing() < fewerThan(m)
                                : pattern == FEWER
                                        ? v -> v.count() < Long.parseLong(m.group(1))
                                        : pattern == MORE_GAPS
                                                ? v -> v.missing() > Long.parseLong(m.group(1))
                                                : pattern == FEW_GAPS
                                                        ? v -> v.missing() > 0
                                                                && v.missingShare() <= SLIGHTLY_INCOMPLETE
                                                        : pattern == LESS_SHARE
                                                                ? v -> v.missing() > 0 && v.missingShare() < threshold
                                                                // "more than 300 missing": no share is above 100 %, so
                                                                // the number counts cells.
                                                                : threshold > 1
                                                                        ? v -> v.missing() > Math.round(threshold * 100)
                                                                        : v -> v.missing() > 0
                                                                                && v.missingShare() > threshold;
                java.util.Optional<ColumnMatcher.Mention> group =
                        groups.stream().filter(g -> g.end() == phraseStart).findFirst();
                List<String> columns;
                int mentionStart;
                if (group.isPresent()) {
                    columns = group.get().columns().stream()
                            .filter(c -> misses.test(profile.variables().get(c)))
                            .toList();
                    mentionStart = group.get().start();
                } else {
                    columns = profile.variables().values().stream()
                            .filter(misses)
                            .map(VariableProfile::name)
                            .toList();
                    mentionStart = phraseStart;
                    if (mentionStart > 0
                            && !Set.of("the", "a", "an", "all", "every", "any")
                                    .contains(tokens.get(mentionStart - 1).text())
                            && !Vocabulary.known(tokens.get(mentionStart - 1).text())) {
                        mentionStart--;
                    }
                    if (mentionStart > 0
                            && Set.of("whatever", "whichever", "any", "all", "every")
                                    .contains(tokens.get(mentionStart - 1).text())) {
                        mentionStart--;
                    }
                }
                found.add(new ColumnMatcher.Mention(
                        ColumnMatcher.Kind.GROUP,
                        columns,
                        mentionStart,
                        end,
                        text.substring(starts.get(mentionStart), m.end()).strip()));
            }
        }
        return found;
    }

    private static boolean has(Profile profile, VariableProfile variable, AlertType type) {
        return profile.alerts().stream()
                .anyMatch(a -> a.type() == type
                        && a.column().filter(variable.name()::equals).isPresent());
    }

    /** The columns said by the words {@code m} matched, as a group, unless those words are part of one found before. */
    private static void addGroup(
            List<ColumnMatcher.Mention> found, List<Integer> starts, String text, Matcher m, List<String> columns) {
        int start = starts.indexOf(m.start());
        int end = tokenAt(starts, m.end());
        if (start >= 0 && found.stream().noneMatch(f -> f.start() < end && start < f.end())) {
            found.add(new ColumnMatcher.Mention(
                    ColumnMatcher.Kind.GROUP,
                    columns,
                    start,
                    end,
                    text.substring(m.start(), m.end()).strip()));
        }
    }

    /**
     * Profile phrases among the tokens, as group mentions: the property word followed by a noun ("skewed columns",
     * "empty years"), or after "the"/"all" with "ones".
     */
    static List<ColumnMatcher.Mention> find(List<Words.Token> tokens, Profile profile) {
        List<ColumnMatcher.Mention> found = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        List<Integer> starts = new ArrayList<>();
        for (Words.Token token : tokens) {
            starts.add(text.length());
            text.append(token.text()).append(' ');
        }
        // "the two most skewed columns": a counted superlative names that many columns, the highest ranked first,
        // never every column the property fits.
        for (Superlative superlative : SUPERLATIVES) {
            Matcher m = superlative.counted().matcher(text);
            while (m.find()) {
                String said = m.group(1);
                long n = said.matches("\\d+") ? Long.parseLong(said) : Words.NUMBERS.get(said);
                addGroup(
                        found,
                        starts,
                        text.toString(),
                        m,
                        profile.variables().values().stream()
                                .filter(v -> superlative.measure().applyAsDouble(v) > 0)
                                .sorted(java.util.Comparator.comparingDouble(superlative.measure())
                                        .reversed())
                                .limit(n)
                                .map(VariableProfile::name)
                                .toList());
            }
        }
        // "the most skewed column", "the column with the most missing values": a superlative names exactly one column.
        for (Superlative superlative : SUPERLATIVES) {
            Matcher m = superlative.words().matcher(text);
            while (m.find()) {
                int start = starts.indexOf(m.start());
                int end = tokenAt(starts, m.end());
                if (start < 0 || found.stream().anyMatch(f -> f.start() < end && start < f.end())) {
                    continue;
                }
                // "whichever location column has the most distinct values": a describing word before the noun
                // narrows the columns ranked to those whose names hold it (or what it means), never dropped.
                String qualifier = start > 0 && tokens.get(start).text().matches(ONE)
                        ? tokens.get(start - 1).text()
                        : "";
                List<VariableProfile> ranked =
                        profile.variables().values().stream().toList();
                int from = start;
                // "the categorical column with the most distinct levels", "the numeric column with the fewest
                // distinct values": a kind of column before the noun ranks only the columns of that kind.
                Optional<Property> kind = PROPERTIES.stream()
                        .filter(p -> p.words().matcher(qualifier).matches())
                        .findFirst();
                if (kind.isPresent()) {
                    ranked = ranked.stream()
                            .filter(v -> kind.get().holds().test(v, profile))
                            .toList();
                    from = start - 1;
                } else if (describing(qualifier)) {
                    List<String> held = ColumnMatcher.meanings(qualifier).stream()
                            .map(w -> w.replaceAll("s$", ""))
                            .toList();
                    ranked = ranked.stream()
                            .filter(v -> java.util.Arrays.stream(
                                            Words.spaced(v.name()).split(" "))
                                    .anyMatch(t -> held.contains(t.replaceAll("s$", ""))))
                            .toList();
                    from = start - 1;
                }
                double top = ranked.stream()
                        .mapToDouble(superlative.measure())
                        .filter(d -> d > 0)
                        .max()
                        .orElse(0);
                List<String> columns = ranked.stream()
                        .filter(v -> top > 0 && superlative.measure().applyAsDouble(v) == top)
                        .map(VariableProfile::name)
                        .toList();
                // Two columns equally "the most": which one is asked, never one of them picked in silence.
                found.add(new ColumnMatcher.Mention(
                        columns.size() > 1 ? ColumnMatcher.Kind.AMBIGUOUS : ColumnMatcher.Kind.GROUP,
                        columns,
                        from,
                        end,
                        text.substring(m.start(), m.end()).strip()));
            }
        }
        // "fill the numeric gaps", "impute missing numerical values", "the categorical blanks": the gaps of columns of
        // that kind, never every column's (a median fill of every column also fills the words with their mode).
        for (Property property : PROPERTIES.stream().filter(Property::ofValues).toList()) {
            String kind = "(?:" + property.words().pattern() + ")";
            Matcher m = Pattern.compile("\\b(?:missing|empty|null|blank|absent)\\s+(?:any\\s+|a\\s+|an\\s+|some\\s+)?"
                            + kind
                            + "\\s+" + GAP_NOUN + "\\b"
                            + "|\\b" + kind + "\\s+(?:gaps|blanks|nulls|nans|holes|missing\\s+" + GAP_NOUN + ")\\b")
                    .matcher(text);
            while (m.find()) {
                List<String> gaps = profile.variables().values().stream()
                        .filter(v -> v.missing() > 0 && property.holds().test(v, profile))
                        .map(VariableProfile::name)
                        .toList();
                // "the text gaps" in a file whose free text has none (Titanic's Name): the gaps of its columns of
                // words (Cabin, Embarked), which a person calls text too; the plan names them.
                if (gaps.isEmpty() && property.words().pattern().startsWith("text")) {
                    gaps = profile.variables().values().stream()
                            .filter(v -> v.missing() > 0
                                    && !v.storage().isNumeric()
                                    && !v.storage().isTemporal()
                                    && v.type() != VariableKind.DATETIME)
                            .map(VariableProfile::name)
                            .toList();
                }
                addGroup(found, starts, text.toString(), m, gaps);
            }
        }
        // "fill the missing numbers with the mean", "the blank numbers": the gaps of the numeric columns, never every
        // column's (a mean fill of every column also fills the words with their mode).
        Matcher numbers = MISSING_NUMBERS.matcher(text);
        while (numbers.find()) {
            addGroup(
                    found,
                    starts,
                    text.toString(),
                    numbers,
                    profile.variables().values().stream()
                            .filter(v -> v.missing() > 0 && v.type() == VariableKind.NUMERIC)
                            .map(VariableProfile::name)
                            .toList());
        }
        for (Property property : PROPERTIES) {
            Matcher m = Pattern.compile("\\b(?:" + property.words().pattern() + ")\\s+" + NOUN + "\\b")
                    .matcher(text);
            while (m.find()) {
                int start = starts.indexOf(m.start());
                int end = tokenAt(starts, m.end());
                // "the time column" in a file that has a column called time names that column, not a property.
                boolean named = profile.variables().keySet().stream()
                        .anyMatch(c -> c.equalsIgnoreCase(tokens.get(Math.max(0, Math.min(end - 2, tokens.size() - 1)))
                                .text()));
                if (start < 0
                        || named
                        || destination(tokens, start)
                        || found.stream().anyMatch(f -> f.start() < end && start < f.end())) {
                    continue;
                }
                List<String> columns = profile.variables().values().stream()
                        .filter(v -> property.holds().test(v, profile))
                        .map(VariableProfile::name)
                        .toList();
                int from = m.start();
                // "the skewed numeric columns": two properties said of one noun are both true of its columns; the
                // first had been dropped, and every numeric column clipped.
                for (Property before : PROPERTIES) {
                    Matcher stacked = Pattern.compile("\\b(?:" + before.words().pattern() + ")\\s+$")
                            .matcher(text.substring(0, m.start()));
                    int at = stacked.find() ? starts.indexOf(stacked.start()) : -1;
                    if (before != property
                            && at >= 0
                            && found.stream().noneMatch(f -> f.start() <= at && at < f.end())) {
                        columns = columns.stream()
                                .filter(c ->
                                        before.holds().test(profile.variables().get(c), profile))
                                .toList();
                        from = stacked.start();
                        break;
                    }
                }
                String words = text.substring(from, m.end()).strip();
                found.add(
                        new ColumnMatcher.Mention(ColumnMatcher.Kind.GROUP, columns, starts.indexOf(from), end, words));
            }
        }
        // "the columns that are entirely blank", "the column which is mostly missing", "the ones with a long right
        // tail": the property after the noun.
        for (Property property : PROPERTIES) {
            Matcher m = Pattern.compile("\\b" + NOUN
                            + "\\s+(?:(?:that|which)\\s+(?:is|are|have|has|(?:only\\s+)?(?:hold|holds|contain|contains))"
                            + "|that's|thats|which's|that|which|with|having|holding)\\s+(?:only\\s+)?"
                            + "(?:just\\s+|all\\s+|basically\\s+|essentially\\s+|practically\\s+|either\\s+)?(?:"
                            + property.words().pattern() + ")\\b")
                    .matcher(text);
            while (m.find()) {
                int end = tokenAt(starts, m.end());
                boolean named = profile.variables().keySet().stream()
                        .anyMatch(c -> c.equalsIgnoreCase(tokens.get(Math.max(0, Math.min(end - 1, tokens.size() - 1)))
                                .text()));
                if (!named) {
                    addGroup(
                            found,
                            starts,
                            text.toString(),
                            m,
                            profile.variables().values().stream()
                                    .filter(v -> property.holds().test(v, profile))
                                    .map(VariableProfile::name)
                                    .toList());
                }
            }
        }
        // "the columns that have no values at all", "fields without any data": every value missing.
        Matcher none = NO_VALUES.matcher(text);
        while (none.find()) {
            addGroup(
                    found,
                    starts,
                    text.toString(),
                    none,
                    profile.variables().values().stream()
                            .filter(v -> v.missing() > 0 && v.missingShare() >= 1.0)
                            .map(VariableProfile::name)
                            .toList());
        }
        // "the ID-like column that just names each row": the relative phrase belongs to the ID-like column, so "row"
        // in it is no removal of rows.
        replaceWithGroup(NAMES_ROWS.matcher(text), starts, found, profile, v -> identifierLike(v, profile));
        replaceWithGroup(COUNTS_ROWS.matcher(text), starts, found, profile, ProfilePhrases::rowNumber);
        // "the columns that just repeat one value on every row", "fields holding the same value in every row":
        // constant.
        for (Pattern constantPhrase : List.of(SAME_VALUE, NEVER_CHANGES, ROWS_SHARE_A_VALUE)) {
            Matcher same = constantPhrase.matcher(text);
            while (same.find()) {
                addGroup(
                        found,
                        starts,
                        text.toString(),
                        same,
                        profile.variables().values().stream()
                                .filter(v -> constant(v, profile))
                                .map(VariableProfile::name)
                                .toList());
            }
        }
        // "the columns with fewer than 5 distinct values": a count of distinct values, not of present ones.
        for (ColumnMatcher.Mention phrase : DistinctPhrases.find(tokens, profile, text.toString(), starts)) {
            // "the categorical columns that have just two values": the phrase shares its noun with a profile
            // phrase before it and narrows it to the columns both fit.
            java.util.Optional<ColumnMatcher.Mention> before = found.stream()
                    .filter(f -> f.start() < phrase.start() && f.end() == phrase.start() + 1)
                    .findFirst();
            found.removeIf(f -> f.start() < phrase.end() && phrase.start() < f.end());
            if (before.isPresent()) {
                // "the text columns that only take two values": free text never takes a few values, so "text"
                // narrowed by a count of values means the columns of words.
                Set<String> described = new java.util.HashSet<>(before.get().columns());
                if (TEXT_WORD.matcher(before.get().words()).find()) {
                    profile.variables().values().stream()
                            .filter(v ->
                                    textLike(v, profile) || v.storage() == dev.assay.model.dataset.ColumnType.STRING)
                            .map(VariableProfile::name)
                            .forEach(described::add);
                }
                found.add(new ColumnMatcher.Mention(
                        ColumnMatcher.Kind.GROUP,
                        phrase.columns().stream().filter(described::contains).toList(),
                        before.get().start(),
                        phrase.end(),
                        before.get().words() + " " + phrase.words()));
                continue;
            }
            found.add(phrase);
        }
        // "the features whose skewness is above 3", "columns with a skew over 1.5": a bound on the profile's skewness.
        Matcher bound = SKEW_BOUND.matcher(text);
        while (bound.find()) {
            int start = starts.indexOf(bound.start());
            int end = tokenAt(starts, bound.end());
            if (start < 0 || found.stream().anyMatch(f -> f.start() < end && start < f.end())) {
                continue;
            }
            boolean absolute = bound.group(1) != null;
            boolean above = bound.group(2).matches("above|over|greater than|more than|higher than|exceeding|exceeds");
            double limit = bound.group(3).matches("-?[\\d.]+")
                    ? Double.parseDouble(bound.group(3))
                    : Words.NUMBERS.get(bound.group(3));
            List<String> columns = profile.variables().values().stream()
                    .filter(v -> v.type() == VariableKind.NUMERIC)
                    .filter(v -> v.numeric()
                            .map(n -> absolute ? Math.abs(n.skewness()) : n.skewness())
                            .filter(Double::isFinite)
                            .map(k -> above ? k > limit : k < limit)
                            .orElse(false))
                    .map(VariableProfile::name)
                    .toList();
            found.add(new ColumnMatcher.Mention(
                    ColumnMatcher.Kind.GROUP,
                    columns,
                    start,
                    end,
                    text.substring(bound.start(), bound.end()).strip()));
        }
        List<ColumnMatcher.Mention> missing = missingPhrases(tokens, profile, text.toString(), starts, found);
        for (ColumnMatcher.Mention phrase : missing) {
            found.removeIf(f -> f.start() >= phrase.start() && f.start() < phrase.end());
            found.add(phrase);
        }
        // "the four Cs", "the three Bs": the columns whose names begin with that letter, as many as said.
        Matcher letters = LETTERS.matcher(text);
        while (letters.find()) {
            int start = starts.indexOf(letters.start());
            int end = tokenAt(starts, letters.end());
            if (start < 0 || found.stream().anyMatch(f -> f.start() < end && start < f.end())) {
                continue;
            }
            String letter = letters.group(2);
            List<String> columns = profile.variables().keySet().stream()
                    .filter(c -> Words.spaced(c).startsWith(letter))
                    .toList();
            String said = letters.group(1);
            long n = said.matches("\\d+") ? Long.parseLong(said) : Words.NUMBERS.get(said);
            if (columns.size() == n) {
                found.add(new ColumnMatcher.Mention(
                        ColumnMatcher.Kind.GROUP,
                        columns,
                        start,
                        end,
                        text.substring(letters.start(), letters.end()).strip()));
            }
        }
        return onlyOne(tokens, eitherOf(tokens, profile, adjacentNarrowed(found)));
    }

    private static final Pattern SKEW_BOUND = Pattern.compile("\\b" + NOUN
            + "\\s+(?:whose\\s+|where\\s+the\\s+|where\\s+their\\s+|with\\s+(?:a\\s+|an\\s+)?|that\\s+(?:have|has)\\s+(?:a\\s+|an\\s+)?"
            + "|having\\s+(?:a\\s+|an\\s+)?)(absolute\\s+)?(?:skewness|skew)\\s+(?:is\\s+|of\\s+|value\\s+(?:is\\s+)?)?"
            + "(above|over|greater than|more than|higher than|exceeding|exceeds|below|under|less than|lower than)\\s+"
            + "(-?\\d+(?:\\.\\d+)?|one|two|three|four|five|six|seven|eight|nine|ten)\\b");

    private static final Set<String> HOLDING_VERBS =
            Set.of("hold", "holds", "have", "has", "contain", "contains", "never", "only", "show", "shows");

    /**
     * "the columns that are completely empty or hold the same value in every row", "the ones that are all missing or
     * constant": a second property after "or" adds the columns it fits to the first; read as if it had its own noun.
     */
    private static List<ColumnMatcher.Mention> eitherOf(
            List<Words.Token> tokens, Profile profile, List<ColumnMatcher.Mention> found) {
        List<ColumnMatcher.Mention> out = new ArrayList<>(found);
        for (ColumnMatcher.Mention first : found) {
            int or = first.end();
            if (first.kind() != ColumnMatcher.Kind.GROUP
                    || or + 1 >= tokens.size()
                    || !tokens.get(or).text().equals("or")
                    || found.stream().anyMatch(f -> f.start() > or)) {
                continue;
            }
            List<Words.Token> rest = tokens.subList(or + 1, tokens.size());
            List<String> lead = HOLDING_VERBS.contains(rest.getFirst().text())
                    ? List.of("columns", "that")
                    : List.of("columns", "that", "are");
            List<Words.Token> said = new ArrayList<>();
            lead.forEach(w -> said.add(new Words.Token(w, w, said.size())));
            rest.forEach(t -> said.add(new Words.Token(t.text(), t.original(), said.size())));
            Optional<ColumnMatcher.Mention> second = find(said, profile).stream()
                    .filter(m -> m.start() == 0 && m.kind() == ColumnMatcher.Kind.GROUP)
                    .findFirst();
            if (second.isEmpty()) {
                continue;
            }
            List<String> both = new ArrayList<>(first.columns());
            second.get().columns().stream().filter(c -> !both.contains(c)).forEach(both::add);
            out.set(
                    out.indexOf(first),
                    new ColumnMatcher.Mention(
                            ColumnMatcher.Kind.GROUP,
                            profile.variables().keySet().stream()
                                    .filter(both::contains)
                                    .toList(),
                            first.start(),
                            or + 1 + second.get().end() - lead.size(),
                            first.words() + " or " + second.get().words()));
        }
        return out;
    }

    /**
     * "turn pickup into a proper datetime column", "store it as a numeric field": a kind of column said with "a" after
     * "into", "to" or "as" is what a column becomes, never the columns that already are of that kind.
     */
    private static boolean destination(List<Words.Token> tokens, int start) {
        int at = start - 1;
        while (at >= 0
                && Set.of("proper", "real", "true", "actual", "genuine")
                        .contains(tokens.get(at).text())) {
            at--;
        }
        return at >= 1
                && Set.of("a", "an").contains(tokens.get(at).text())
                && Set.of("into", "to", "as").contains(tokens.get(at - 1).text());
    }

    /** A word before a superlative's noun that says which columns, not how ("location", not "the" or "single"). */
    private static boolean describing(String word) {
        return !word.isEmpty()
                && word.chars().allMatch(Character::isLetter)
                && !ColumnMatcher.GRAMMAR.contains(word)
                && !Vocabulary.FILLER.contains(word)
                && !Vocabulary.known(word)
                && !Set.of(
                                "whichever",
                                "which",
                                "single",
                                "one",
                                "only",
                                "sole",
                                "lone",
                                "that",
                                "this",
                                "numeric",
                                "numerical",
                                "text",
                                "categorical")
                        .contains(word);
    }

    /**
     * "the only non-numeric column", "the single text field", "the one categorical variable", "the timestamp column":
     * said of one column, a phrase that fits several is a question (which one?), never a step on all of them; one
     * that fits one is it.
     */
    private static List<ColumnMatcher.Mention> onlyOne(List<Words.Token> tokens, List<ColumnMatcher.Mention> found) {
        List<ColumnMatcher.Mention> out = new ArrayList<>();
        for (ColumnMatcher.Mention mention : found) {
            int before = mention.start() - 1;
            String last = tokens.get(Math.min(mention.end(), tokens.size()) - 1).text();
            boolean singular = Set.of("column", "variable", "feature", "field", "attribute", "one", "colum")
                    .contains(last);
            // "the most bumpy numeric column", "the lumpiest numeric feature": a superlative no measure here ranks
            // by still says one column, so it is asked about, never read as every column of the type.
            boolean unranked = before >= 0
                    && describing(tokens.get(before).text())
                    && (before >= 1
                                    && Set.of("most", "least")
                                            .contains(tokens.get(before - 1).text())
                            || tokens.get(before).text().endsWith("est"));
            if (unranked && singular && mention.columns().size() > 1) {
                int from = tokens.get(before).text().endsWith("est") ? before : before - 1;
                out.add(new ColumnMatcher.Mention(
                        ColumnMatcher.Kind.AMBIGUOUS,
                        mention.columns(),
                        mention.start(),
                        mention.end(),
                        tokens.subList(from, before + 1).stream()
                                        .map(Words.Token::original)
                                        .collect(java.util.stream.Collectors.joining(" "))
                                + " " + mention.words()));
                continue;
            }
            if (before >= 0
                    && singular
                    && mention.columns().size() > 1
                    && Set.of("only", "single", "sole", "one", "lone", "the", "that", "this")
                            .contains(tokens.get(before).text())) {
                out.add(new ColumnMatcher.Mention(
                        ColumnMatcher.Kind.AMBIGUOUS,
                        mention.columns(),
                        mention.start(),
                        mention.end(),
                        tokens.get(before).original() + " " + mention.words()));
                continue;
            }
            out.add(mention);
        }
        return out;
    }

    /**
     * "the low-cardinality text columns", "the binary categorical ones": two profile phrases side by side, nothing
     * between them, describe one set of columns — those both fit — never every column either one fits.
     */
    private static List<ColumnMatcher.Mention> adjacentNarrowed(List<ColumnMatcher.Mention> found) {
        List<ColumnMatcher.Mention> sorted = new ArrayList<>(found);
        sorted.sort(java.util.Comparator.comparingInt(ColumnMatcher.Mention::start));
        List<ColumnMatcher.Mention> out = new ArrayList<>();
        for (ColumnMatcher.Mention mention : sorted) {
            if (!out.isEmpty() && out.getLast().end() == mention.start()) {
                ColumnMatcher.Mention first = out.removeLast();
                List<String> both = mention.columns().stream()
                        .filter(first.columns()::contains)
                        .toList();
                out.add(new ColumnMatcher.Mention(
                        ColumnMatcher.Kind.GROUP,
                        both,
                        first.start(),
                        mention.end(),
                        first.words() + " " + mention.words()));
                continue;
            }
            out.add(mention);
        }
        return out;
    }

    /** Each match becomes one mention of the columns that fit, in place of any mention it overlaps. */
    private static void replaceWithGroup(
            Matcher m,
            List<Integer> starts,
            List<ColumnMatcher.Mention> found,
            Profile profile,
            Predicate<VariableProfile> fits) {
        while (m.find()) {
            int start = starts.indexOf(m.start());
            int end = tokenAt(starts, m.end());
            if (start < 0) {
                continue;
            }
            found.removeIf(f -> f.start() < end && start < f.end());
            found.add(new ColumnMatcher.Mention(
                    ColumnMatcher.Kind.GROUP,
                    profile.variables().values().stream()
                            .filter(fits)
                            .map(VariableProfile::name)
                            .toList(),
                    start,
                    end,
                    m.group().strip()));
        }
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
