package dev.assay.api.assistant.builtin;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Phrasal ways of asking that say one word of the vocabulary in several: "work out the class from …" and "figure out
 * which species" ask for a prediction, "A as well as B" lists, "as well as you can" says nothing. Read before the
 * request is split, so every later rule sees the plain word.
 */
final class Paraphrases {

    private Paraphrases() {}

    /**
     * "work out", "figure out", "find out" followed by what is to be known: a prediction, unless the clause computes
     * it ("work out the tip per person as tip divided by size").
     */
    private static final Pattern FIND_OUT = Pattern.compile(
            "(?i)\\b(?:work|works|working|figure|figures|figuring|find|finds|finding)\\s+out\\s+"
                    + "(?=(?:the|which|what|whether|who|how|each|every|a|an|its|their|his|her)\\b)"
                    + "(?![^,;.]*(?:\\bdivided\\b|\\btimes\\b|\\bplus\\b|\\bminus\\b|\\bmultiplied\\b|\\bratio\\b|[/+*=]))");
    /** "I guess you could drop Cabin": a hedge, not a request to guess a column. */
    private static final Pattern HEDGE = Pattern.compile("(?i)\\bi\\s+(?:guess|suppose)\\b,?\\s*");
    /** "can the species be told apart from …", "could price be predicted using …": a model asked as a question. */
    private static final Pattern PASSIVE_QUESTION = Pattern.compile(
            "(?i)\\b(?:can|could|would|might)\\s+((?:the\\s+|a\\s+|an\\s+)?[\\p{L}\\p{N}_'-]+(?:\\s+[\\p{L}\\p{N}_'-]+){0,2}?)\\s+be\\s+"
                    + "(?:reliably\\s+|accurately\\s+)?(?:told\\s+apart|distinguished|separated|predicted|classified|guessed"
                    + "|recogni[sz]ed|identified|determined|estimated|inferred)\\b");
    /** "tell whether a passenger survived": asking to tell which of two outcomes holds is a prediction. */
    private static final Pattern TELL_WHETHER =
            Pattern.compile("(?i)\\b(?:tell|tells|telling)\\s+(?:me\\s+|us\\s+)?(?=whether\\b)");
    /** "as well as you can", "as well as possible": how well, not a list. */
    private static final Pattern AS_WELL_AS_POSSIBLE =
            Pattern.compile("(?i)\\s*\\bas\\s+well\\s+as\\s+(?:possible|(?:you|we|i|it|they)\\s+(?:can|could))\\b");
    /** "weight as well as horsepower": a list. */
    private static final Pattern AS_WELL_AS = Pattern.compile("(?i)\\bas\\s+well\\s+as\\b");

    /**
     * "fill Age with the median and Embarked with the mode": two fills sharing one verb, each with its own way; read
     * as two fills so neither way is lost (the second part starts with no verb of its own). The first way holds no
     * "and": "impute Age with the mean and then classify … using Pclass and Age with 10 folds" is a fill, then a
     * model whose "Age with 10 folds" is no second fill.
     */
    private static final Pattern FILL_PAIR = Pattern.compile(
            "(?i)\\b(fill|impute|replace)\\s+([^,;.]+?)\\s+with\\s+((?:(?!\\s+and\\s)[^,;.])+?)"
                    + "\\s+and\\s+(?!(?:then|drop|remove|delete|encode|one-hot|scale|standardi[sz]e|normali[sz]e|clip|cap|convert|cast"
                    + "|turn|rename|bin|log|train|predict|fit|model|create|add|compute|fill|impute|replace)\\b)([^,;.]+?)\\s+with\\s+");

    /**
     * "drop the Ticket column and any rows missing Embarked": a column removal and a row removal sharing one verb are
     * two steps; read as one, the column would join the rows' scope and every row missing a Ticket would go. The first
     * part names no rows itself ("drop rows missing Age and rows missing Fare" stays one step).
     */
    private static final Pattern COLUMNS_AND_ROWS = Pattern.compile(
            "(?i)\\b(drop|remove|delete|discard|eliminate|exclude|ditch|get\\s+rid\\s+of|throw\\s+(?:away|out))\\s+"
                    + "((?:(?!\\b(?:rows?|records?|entries|entry|observations?|lines?|samples?)\\b)[^,;.])+?)\\s+and\\s+"
                    + "(?=(?:(?:also|any|all|every|each|the|those)\\s+)*(?:rows?|records?|entries|observations|lines|samples)"
                    + "\\b)");

    /** "based only on carat", "based solely on": the restriction said inside the cue; the same as "using only". */
    private static final Pattern BASED_ONLY_ON =
            Pattern.compile("(?i)\\bbased\\s+(?:only|just|solely|purely|exclusively|entirely)\\s+(?:up)?on\\b");
    /**
     * "using nothing but weight", "with nothing other than the bill": only those, never everything but them (a
     * "but" read as leaving them out would train on every other column).
     */
    private static final Pattern NOTHING_BUT =
            Pattern.compile("(?i)\\b(?:nothing|none)\\s+(?:but|other\\s+than|except|besides|apart\\s+from|save)\\b");
    /**
     * "Price prediction based on carat", "a tip model using size": the request said as a noun, its target before it,
     * at the start of the request and followed by the inputs' cue; read as "predict price from …".
     */
    private static final Pattern NOUN_REQUEST = Pattern.compile(
            "(?i)^\\s*(?:(?:a|an|the|some)\\s+)?([\\p{L}\\p{N}_]+(?:\\s+[\\p{L}\\p{N}_]+)?)\\s+(?:prediction|predictions"
                    + "|forecast|forecasts|estimate|estimates|estimation)\\s+(?=(?:based\\s+on|using|from|with|given)\\b)");
    /**
     * "how wide the petals are", "how old the passenger was", "how heavy each car is": a measurement said by its
     * adjective is the quantity's noun ("the petal width", "the passenger age"), the name a column would have; a plural
     * ("the petals") is said singular, as names are.
     */
    private static final Pattern HOW_ADJECTIVE = Pattern.compile(
            "(?i)\\bhow\\s+(wide|long|tall|high|heavy|old|deep|big|large|fast|thick)\\s+(?:the|each|every|a|an)\\s+"
                    + "([\\p{L}_]+(?:\\s+[\\p{L}_]+)?)\\s+(?:is|are|was|were|gets|get)\\b");

    /** Things whose size is an amount of money: "how big the check is" is the check's amount, no party size. */
    private static final Set<String> MONEY = Set.of(
            "bill",
            "bills",
            "check",
            "checks",
            "cheque",
            "cheques",
            "tab",
            "tabs",
            "invoice",
            "invoices",
            "total",
            "fare",
            "fares",
            "payment",
            "payments",
            "price",
            "prices",
            "cost",
            "costs");

    /** "the size of the bill", "the amount of the check": the bill itself, never the size column. */
    private static final Pattern SIZE_OF_MONEY =
            Pattern.compile("(?i)\\b(?:the\\s+)?(?:size|amount|value|magnitude)\\s+of\\s+(?:the\\s+|a\\s+|each\\s+)?"
                    + "(bill|bills|check|checks|cheque|cheques|tab|tabs|invoice|invoices)\\b");

    private static final java.util.Map<String, String> MEASURES = java.util.Map.ofEntries(
            java.util.Map.entry("wide", "width"),
            java.util.Map.entry("long", "length"),
            java.util.Map.entry("tall", "height"),
            java.util.Map.entry("high", "height"),
            java.util.Map.entry("heavy", "weight"),
            java.util.Map.entry("old", "age"),
            java.util.Map.entry("deep", "depth"),
            java.util.Map.entry("big", "size"),
            java.util.Map.entry("large", "size"),
            java.util.Map.entry("fast", "speed"),
            java.util.Map.entry("thick", "thickness"));

    /** A year predicted: "predict 2011", "forecast the 2011 figure". */
    private static final Pattern YEAR_TARGET = Pattern.compile(
            "(?i)\\b(?:predict|forecast|model|estimate|regress|explain|guess)\\s+(?:the\\s+)?((?:1[89]|20)\\d{2})\\b");
    /**
     * "predict births per woman in 2011", "forecast the fertility rate for 2012": in a file with a column per year, what
     * is measured is in every year's column, so the year names the target; where no such column exists the answer
     * says that no column is called so.
     */
    private static final Pattern MEASURE_IN_YEAR = Pattern.compile(
            "(?i)\\b(predict|forecast|estimate|model)\\s+(?:the\\s+|each\\s+country's\\s+)?"
                    + "(?:(?!from\\b|using\\b|with\\b|on\\b|by\\b)[\\p{L}'-]+\\s+){1,6}?(?:in|for)\\s+((?:1[89]|20)\\d{2})\\b");
    /** "the earlier years", "the previous years", "the years before it": relative to the year predicted. */
    private static final Pattern EARLIER_YEARS = Pattern.compile(
            "(?i)\\b(?:the\\s+|all\\s+the\\s+)?(?:earlier|previous|prior"
                    + "|preceding|past)\\s+years\\b|\\b(?:the\\s+)?years\\s+(?:before|prior to)\\s+(?:it|that|that one|that year)\\b");

    /** "bill length & bill depth": an ampersand between words is "and" (a name like S&P 500 has none around it). */
    private static final Pattern AMPERSAND = Pattern.compile("\\s+&\\s+");
    /**
     * "guess body mass off the bill length", "price off carat": after a verb of predicting, "off (of)" says what the
     * guess is read from, as "from" does ("cut off", "drop off" and "dropoff" are not after such a verb, and "a model
     * of who made it off the ship" is another verb's "off").
     */
    private static final Pattern OFF = Pattern.compile(
            "(?i)(?<=\\b(?:predict|predicts|predicting|guess|guesses|guessing|estimate|estimates|estimating|forecast"
                    + "|model|classify|regress|explain|train|fit|infer|work out|figure out)\\b"
                    + "(?:(?!\\b(?:that|who|which|it|they|made|make|makes|got|get|gets|went|go|goes)\\b)[^,;.:]){1,60}?)"
                    + "\\s+off\\s+(?:of\\s+)?(?!by\\b)");

    /**
     * "standardise that, then …", "log this and …": a demonstrative standing alone after a verb of a step is "it",
     * the column the clause before named or created (never every column).
     */
    private static final Pattern DEMONSTRATIVE = Pattern.compile(
            "(?i)\\b(standardi[sz]e|normali[sz]e|scale|rescale|z-score|log|log-transform|bin|encode|clip|cap|fill|impute"
                    + "|drop|remove|rename|convert|cast)\\s+(?:that|this)(?=\\s*(?:[,;.!?]|$|\\s+(?:and|then|too|as\\s+well)\\b))");

    /** "the ticker with by far the most gaps": an intensifier before a superlative, never a column ("far", Fare). */
    private static final Pattern BY_FAR = Pattern.compile(
            "(?i)\\bby\\s+far\\s+(?=the\\s+(?:most|largest|biggest|highest|longest|heaviest|fewest|least|emptiest|sparsest)\\b)");

    /** "a weight-divided-by-horsepower column": a formula said as one hyphenated word is said in words. */
    private static final Pattern HYPHENATED_FORMULA = Pattern.compile(
            "(?i)\\b([\\p{L}\\p{N}_]+)-(divided-by|over|times|multiplied-by|plus|minus|per)-([\\p{L}\\p{N}_]+)\\b");

    /**
     * "the petal dimensions only (length and width)", "the bill measurements (length and depth)": a group said with
     * its members in brackets is those members, each with the group's word ("petal length and petal width").
     */
    private static final Pattern GROUP_THEN_MEMBERS = Pattern.compile(
            "(?i)\\b(?:the\\s+)?([\\p{L}]+)\\s+(?:measurements|measures|dimensions|columns|features|variables|sizes)"
                    + "(\\s+(?:only|alone))?\\s*\\(\\s*([\\p{L}]+)\\s*(?:,\\s*([\\p{L}]+)\\s*)?(?:,?\\s*(?:and|&|\\+|/)\\s*([\\p{L}]+))"
                    // "(length and depth, both in mm)": the unit said of the members is no member.
                    + "(?:\\s*,\\s*(?:both|all|each)\\s+in\\s+[\\p{L}]+)?\\s*\\)");

    /**
     * "the missing boroughs (pickup and dropoff)", "the zones (pickup, dropoff)": a plural that is part of a name, with
     * the words it goes with in brackets, says "the boroughs of pickup and dropoff" (pickup_borough, dropoff_borough),
     * never the plural's whole group and the bracketed words' own columns as well. Words that name no column part
     * ("the values (Age and Fare)") keep their brackets.
     */
    private static final Pattern PLURAL_THEN_MEMBERS = Pattern.compile(
            "(?i)\\b(?!(?:values|columns|fields|variables|features|rows|gaps|entries|cells|ones|outliers|numbers|items"
                    + "|things|inputs|predictors|nulls|nans|blanks|duplicates|records|observations)\\b)([\\p{L}]{3,}s)"
                    + "\\s*\\(\\s*([\\p{L}_]+)\\s*(?:,\\s*([\\p{L}_]+)\\s*)??(?:,?\\s*(?:and|&|\\+|/)\\s*|,\\s*)([\\p{L}_]+)\\s*\\)");

    /** "drop whichever column is mostly empty": the column that is. */
    private static final Pattern WHICHEVER = Pattern.compile(
            "(?i)\\bwhichever\\s+(columns?|fields?|variables?|features?|ones?)\\s+(is|are|has|have)\\b");

    /** "tells the three kinds of penguin apart": a model of the kind. */
    private static final Pattern TELL_APART = Pattern.compile(
            "(?i)\\btell(?:s|ing)?\\s+(?:the\\s+)?(?:[\\p{L}\\d]+\\s+)?(kinds?|types?|sorts?|species|class(?:es)?"
                    + "|variet(?:y|ies)|cultivars?|breeds?)\\s+of\\s+[\\p{L}-]+\\s+apart\\b");
    /** "drop that one", "scale this one": the column the words before named. */
    private static final Pattern THAT_ONE = Pattern.compile(
            "(?i)\\b(?:that|this)\\s+one\\b(?=\\s*(?:[.,;!?]|$|\\s+(?:too|as well|please|instead|then)\\b))");
    /** "its phenolic measurements only, i.e. total phenols, …": the list after "i.e." says which columns. */
    private static final Pattern THAT_IS =
            Pattern.compile("(?i),?\\s*\\b(?:i\\.\\s?e\\.?|e\\.\\s?g\\.?|namely|viz\\.?)\\s*,?\\s+");

    /** "Two things: …", "A few things -", "Here's what I need:": a preamble that announces the steps, no step. */
    private static final Pattern PREAMBLE = Pattern.compile(
            "(?i)^\\s*(?:(?:two|three|four|five|a\\s+few|a\\s+couple\\s+of|several|some|\\d)\\s+(?:things|steps|tasks|changes)"
                    + "(?:\\s+(?:please|to\\s+do|for\\s+you))?|here(?:'s|\\s+is)\\s+what\\s+I\\s+(?:need|want))\\s*[:\\-–—]\\s*");

    /** "the 0-to-1 kind of scaling", "a sort of encoding": how a step is said, never a column ("kind" for class). */
    private static final Pattern KIND_OF = Pattern.compile(
            "(?i)\\b(?:kind|sort|type|form|flavou?r)\\s+of\\s+(?=(?:scaling|rescaling|normali[sz]ation|standardi[sz]ation|encoding"
                    + "|imputation|filling|clipping|capping|binning|model|classifier|regressor)\\b)");
    /** "0-to-1", "zero-to-one": the min-max range. */
    private static final Pattern ZERO_TO_ONE = Pattern.compile("(?i)\\b(?:0|zero)-to-(?:1|one)\\b");

    /** "standard-scale it", "standard scale the fare": standardising, said with the method's name. */
    private static final Pattern STANDARD_SCALE = Pattern.compile("(?i)\\bstandard[- ]scal(?:e|ed|ing)\\b");

    /** Verbs people mistype ("predcit", "clasify", "standradise"): one slip from them is them. */
    private static final List<String> VERBS = List.of(
            "predict",
            "classify",
            "forecast",
            "estimate",
            "regress",
            "standardise",
            "standardize",
            "normalise",
            "normalize",
            "impute",
            "encode",
            "rescale");

    /**
     * The words of a step's kind and way people mistype ("fil the age colum with the medain"): one slip from them is
     * them. Six letters or more (five typed), so that no short English word is read as another; "fill", shorter, has
     * its slips listed.
     */
    private static final List<String> TERMS = List.of(
            "columns",
            "column",
            "median",
            "missing",
            "average",
            "duplicates",
            "duplicate",
            "outliers",
            "categorical",
            "numeric",
            "numerical",
            "frequent",
            "replace",
            "using");

    private static final Map<String, String> FILL_SLIPS = Map.of("fil", "fill", "fll", "fill", "fiil", "fill");

    private static final Pattern WORD = Pattern.compile("\\b\\p{L}{3,}\\b");

    /**
     * A word one slip from a verb of {@link #VERBS} or a word of {@link #TERMS} that is no known word itself is that
     * word. The plan then shows what was read: the step, its columns and its way.
     */
    private static String verbsSpelt(String text) {
        return WORD.matcher(text).replaceAll(m -> {
            String word = m.group().toLowerCase(java.util.Locale.ROOT);
            if (Vocabulary.known(word) || ColumnMatcher.GRAMMAR.contains(word)) {
                return m.group();
            }
            if (FILL_SLIPS.containsKey(word)) {
                return FILL_SLIPS.get(word);
            }
            if (word.length() < 5) {
                return m.group();
            }
            return java.util.stream.Stream.concat(
                            VERBS.stream().filter(v -> word.length() >= 6),
                            TERMS.stream().filter(v -> !v.equals(word + "s") && !word.startsWith(v)))
                    .filter(v -> Spellings.distance(word, v) == 1)
                    .findFirst()
                    .orElse(m.group());
        });
    }

    /** "I'd like unemp predicted from …", "we want price estimated …": the thing wanted, then a verb of predicting. */
    private static final Pattern PASSIVE = Pattern.compile(
            "(?i)\\b(?:like|want|need|have|get)\\s+(?:the\\s+|a\\s+)?([\\p{L}\\p{N}_]+(?:\\s+[\\p{L}\\p{N}_]+){0,3}?)\\s+"
                    + "(?:predicted|forecast|forecasted|estimated|modell?ed|classified)\\b");
    /** "on the basis of", "on the strength of": the inputs' cue. */
    private static final Pattern ON_BASIS = Pattern.compile("(?i)\\bon\\s+the\\s+(?:basis|strength)\\s+of\\b");
    /** "Using A and B as the inputs, predict X": the inputs said first, as a clause of their own. */
    private static final Pattern INPUTS_FIRST = Pattern.compile(
            "(?i)^\\s*(?:using|with|taking)\\s+(.+?)\\s+as\\s+(?:the\\s+|my\\s+)?(?:inputs?|predictors?|features?)\\s*,\\s*"
                    + "((?:predict|forecast|estimate|model|classify|regress|train|fit|guess)\\b[^,;]+?)[.!]?\\s*$");

    /** "dummy-code day", "dummy coding": one-hot encoding by its statistical name (never "code" to run). */
    private static final Pattern DUMMY_CODE =
            Pattern.compile("(?i)\\bdummy[- ]?(?:code|codes|coded|coding|encode|encodes|encoded|encoding)\\b");
    /** "4 equal-width bands", "bands of equal width": a band is a bin. */
    private static final Pattern BANDS = Pattern.compile("(?i)\\bbands\\b");
    /** "exact duplicate rows", "exactly duplicated rows": duplicates on every column, as a plain "duplicate" is. */
    private static final Pattern EXACT_DUPLICATES =
            Pattern.compile("(?i)\\b(?:exact|exactly|complete|completely|full|fully|identical)\\s+(?=duplicat)");
    /** "the day of the week", "day-of-week" of a date: the weekday (a column called "day" is still named by "day"). */
    private static final Pattern DAY_OF_WEEK = Pattern.compile("(?i)\\bday[- ]of[- ](?:the[- ])?week\\b(?![- ]column)");
    /**
     * "tip as a function of the bill and the size", "mpg in terms of weight": the target said first, then its inputs
     * as what it is a function of; read as "predict tip from …".
     */
    private static final Pattern FUNCTION_OF = Pattern.compile(
            "(?i)^\\s*(?:(?:model|predict|estimate|fit|regress)\\s+)?(?:the\\s+)?([\\p{L}\\p{N}_]+(?:\\s+[\\p{L}\\p{N}_]+){0,2}?)"
                    + "\\s+as\\s+a\\s+function\\s+of\\s+");
    /**
     * "on the family counts only - SibSp and Parch", "from the four Cs only: carat, cut, color, clarity": a described
     * group, then the columns themselves after a dash or colon; the list is what the inputs are.
     */
    private static final Pattern ONLY_THEN_LIST = Pattern.compile(
            "(?i)\\s+(?:on|from|using|with)\\s+(?:the\\s+)?[^,;.()\\-:]{1,40}?\\s+(?:only|alone)\\s*(?:[-\u2013\u2014:]|--)\\s+"
                    + "(?!(?:and\\s+)?(?:then|also|next|after)\\b)");

    /**
     * "the ten '... error' ones", "the 'worst ...' columns": a name pattern quoted with an ellipsis for the rest of the
     * name is the word it keeps, which names every column holding it (the dots never end a sentence).
     */
    private static final Pattern ELIDED_NAME = Pattern.compile(
            "['\"\u2018\u201c]\\s*(?:\\.{2,}|\u2026)\\s*([^'\"\u2019\u201d.\u2026]{1,40}?)\\s*['\"\u2019\u201d]"
                    + "|['\"\u2018\u201c]\\s*([^'\"\u2019\u201d.\u2026]{1,40}?)\\s*(?:\\.{2,}|\u2026)\\s*['\"\u2019\u201d]");

    /**
     * {@link #MEASURE_IN_YEAR} read only where the file has that year's column and the words before the year name no
     * column ("predict IBM in 2015" keeps IBM).
     */
    static String yearTargets(String text, dev.assay.model.profile.Profile profile, ColumnMatcher matcher) {
        java.util.regex.Matcher m = MEASURE_IN_YEAR.matcher(text);
        if (!m.find() || !profile.variables().containsKey(m.group(2))) {
            return text;
        }
        String between = text.substring(m.end(1), m.start(2));
        if (!matcher.find(Words.tokens(between)).isEmpty()) {
            return text;
        }
        String out = text.substring(0, m.start()) + m.group(1) + " " + m.group(2) + text.substring(m.end());
        java.util.regex.Matcher year = YEAR_TARGET.matcher(out);
        return year.find() ? EARLIER_YEARS.matcher(out).replaceAll("every year before " + year.group(1)) : out;
    }

    /** "the day-of-week column", "the day of the week column": a column said so is the day column. */
    private static final Pattern DAY_OF_WEEK_COLUMN =
            Pattern.compile("(?i)\\bday[- ]of[- ](?:the[- ])?week(?=[- ]columns?\\b)");
    /** "car mpg off weight", "class off three inputs": a request with no verb that reads a column off others. */
    private static final Pattern VERBLESS_OFF = Pattern.compile(
            "(?i)^(\\s*(?:the\\s+)?(\\p{L}[\\p{L}\\p{N}_]*)(?:\\s+[\\p{L}\\p{N}_]+)?)\\s+off\\s+(?:of\\s+)?(?=\\S)");
    /** A clause's first word, then what it is said of: "Diagnose each sample from …". */
    private static final Pattern OPENING_VERB = Pattern.compile(
            "(?i)(^\\s*|[.;!?]\\s+|\\bthen\\s+)(\\p{L}{6,})(?=\\s+(?:the|each|every|all|these|those|a|an)\\b)");

    /**
     * "can you tell malignant from benign tumours?", "distinguish male and female birds": two values of one column
     * told apart are a prediction of that column.
     */
    private static final Pattern VALUE_PAIR = Pattern.compile(
            "(?i)\\b(?:tell|tells|telling|distinguish|distinguishes|differentiate|separate|discriminate)\\s+"
                    + "(?:between\\s+)?([\\p{L}]+)\\s+(?:from|and|versus|vs\\.?)\\s+([\\p{L}]+)");

    /**
     * "Diagnose each sample from …" in a file with a diagnosis column: a verb whose noun is a column's one-word name
     * asks to predict that column. Only an unknown verb whose stem begins exactly one column's name is read so.
     */
    static String verbTargets(String text, dev.assay.model.profile.Profile profile) {
        text = VALUE_PAIR
                .matcher(text)
                .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                        ValueTargets.holdingBoth(m.group(1), m.group(2), profile)
                                .map(c -> "predict " + c + " (" + m.group(1) + " or " + m.group(2) + ")")
                                .orElse(m.group())));
        return OPENING_VERB.matcher(text).replaceAll(m -> {
            String word = m.group(2).toLowerCase(java.util.Locale.ROOT);
            String stem = word.replaceAll("e$", "");
            if (Vocabulary.known(word) || stem.length() < 5) {
                return java.util.regex.Matcher.quoteReplacement(m.group());
            }
            List<String> named = profile.variables().keySet().stream()
                    .filter(c -> c.matches("\\p{L}+") && c.length() > stem.length())
                    .filter(c -> c.toLowerCase(java.util.Locale.ROOT).startsWith(stem))
                    .toList();
            return java.util.regex.Matcher.quoteReplacement(
                    named.size() == 1 ? m.group(1) + "predict " + named.getFirst() + " of" : m.group());
        });
    }

    /**
     * "predict what the whole ride cost, tip and tolls included", "the whole bill, including the tip": words after a
     * model's target that say what the target holds describe it; they are never the target themselves. Only after a
     * clause that asks for a model and names no inputs, so "predict tip from the bill, including size" keeps its
     * input; and never "… excluded" or "… not included", which may leave an input out ("predict Survived, Age
     * excluded").
     */
    private static final Pattern TARGET_HOLDS = Pattern.compile(
            "(?i)(\\b(?:predict|predicting|model|modell?ing|forecast|forecasting|estimate|estimating|regress|regression"
                    + "|classify|train)\\b[^,;.!?]*?),\\s*(?:(?:with\\s+)?(?:the\\s+)?[\\p{L}_]+(?:\\s+(?:and|or)\\s+(?:the\\s+)?"
                    + "[\\p{L}_]+)?\\s+(?:both\\s+)?included|including\\s+(?:the\\s+)?[\\p{L}_]+"
                    + "(?:\\s+(?:and|or)\\s+(?:the\\s+)?[\\p{L}_]+)?)(?=\\s*(?:$|[.;!?]|,\\s*(?:and\\s+)?then\\b))");

    private static final Pattern NAMES_INPUTS = Pattern.compile(
            "(?i)\\b(?:from|using|based|except|excluding|but|without|features?|inputs?|predictors?)\\b");

    /**
     * "where it was made", "the country each car comes from": where a thing comes from is its origin, said in one
     * word so the name or its synonyms can meet it.
     */
    private static final Pattern WHERE_FROM = Pattern.compile(
            "(?i)\\b(?:where\\s+(?:it|they|each\\s+[\\p{L}]+|the\\s+[\\p{L}]+)\\s+(?:was|were|is|are|gets?|got)\\s+"
                    + "(?:made|built|manufactured|produced|assembled)|(?:the\\s+)?(?:country|place|region)\\s+"
                    + "(?:it|they|each\\s+[\\p{L}]+|the\\s+[\\p{L}]+)\\s+(?:comes?|came)\\s+from)\\b");

    /** "predict Survived, Age excluded", "…, Cabin and Ticket not included": the columns said, then left out. */
    private static final Pattern EXCLUDED_AFTER = Pattern.compile(
            "(?i),\\s*((?:the\\s+)?[\\p{L}\\p{N}_]+(?:\\s+(?:and|or)\\s+(?:the\\s+)?[\\p{L}\\p{N}_]+)?)\\s+"
                    + "(?:(?:both|all)\\s+)?(?:excluded|not\\s+included|left\\s+out|omitted)\\b");

    static String targetHolds(String text) {
        return TARGET_HOLDS
                .matcher(text)
                .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                        NAMES_INPUTS.matcher(m.group(1)).find() ? m.group() : m.group(1)));
    }

    /** "throw out the incomplete rows", "throw in Fare too": the phrasal verbs of dropping and of adding. */
    private static final Pattern THROW_OUT = Pattern.compile("(?i)\\bthrow(?:ing)?\\s+(?:out|away)\\b");

    private static final Pattern THROW_IN = Pattern.compile("(?i)\\bthrow(?:ing)?\\s+in\\b");

    static String phrasalVerbs(String text) {
        return THROW_IN.matcher(THROW_OUT.matcher(text).replaceAll("drop")).replaceAll("include");
    }

    /**
     * "the passengers where we don't know the age", "rows whose sex wasn't recorded": rows missing that value, said as
     * what is not known.
     */
    private static final Pattern NOT_KNOWN =
            Pattern.compile("(?i)\\b(?:where|whose|for\\s+which|for\\s+whom)\\s+(?:(?:we|you|they|i)\\s+"
                    + "(?:don't|do\\s+not|didn't|did\\s+not|can't|cannot|doesn't|does\\s+not)\\s+(?:know|have|record)"
                    + "|(?:nobody|no\\s+one)\\s+(?:knows|knew|recorded|entered|gave))\\s+"
                    + "(?:the\\s+|their\\s+|its\\s+|his\\s+|her\\s+|a\\s+)?");

    /** "clip outliers (IQR) in …": the bracketed name of the default way says nothing more. */
    private static final Pattern BRACKETED_IQR = Pattern.compile("(?i)\\s*\\(\\s*(?:iqr|tukey)\\s*\\)");

    /**
     * "from every datetime column, extract the weekday": the columns said first, then what to take from them, is
     * "extract the weekday from every datetime column".
     */
    private static final Pattern FRONTED_FROM = Pattern.compile(
            "(?i)^\\s*(?:from|out\\s+of)\\s+((?:each|every|all|all\\s+the|both)\\s+[^,;.]{1,40}?)\\s*,\\s*"
                    + "((?:extract|pull(?:\\s+out)?|take(?:\\s+out)?|get|derive|grab)\\b[^,;.]*)");

    /** "median-fill Age", "mode-impute Embarked": a fill said with its way as one word is a fill with that way. */
    private static final Pattern WAY_FILL = Pattern.compile(
            "(?i)\\b(mean|median|mode|zero|average)[- ](fill|impute)(?:ed|s|ing)?\\s+(.+?)(?=\\s*(?:[,;.!?]|\\bthen\\b|\\band\\s+then\\b|$))");

    /**
     * "what drives the tip?", "which factors influence the price", "what are the main drivers of mpg": a question about
     * what a column depends on, which Assay answers with a model predicting that column (its result ranks the inputs
     * by importance; the planner says so, see {@link BuiltInPlanner}).
     */
    static final Pattern DRIVERS =
            Pattern.compile("(?i)\\b(?:what|which\\s+(?:factors?|features?|columns?|variables?|inputs?"
                    + "|things?|attributes?|characteristics))\\s+(?:best\\s+|most\\s+|really\\s+|actually\\s+)?"
                    + "(?:drives?|determines?|influences?|affects?|impacts?|explains?|shapes?)\\s+(?:the\\s+)?(?=\\p{L})"
                    + "|\\bwhat\\s+are\\s+the\\s+(?:main\\s+|biggest\\s+|key\\s+|strongest\\s+)?(?:drivers|determinants)\\s+of\\s+"
                    + "(?:the\\s+)?(?=\\p{L})");

    /** "… the most?" after such a question: how much, not a column. */
    private static final Pattern THE_MOST_AT_END = Pattern.compile("(?i)\\s+(?:the\\s+)?most\\s*(?=[?.!]*\\s*$)");

    /** "which of size, day and time drives the tip?": the inputs said first, then the column they drive. */
    static final Pattern WHICH_OF_DRIVES = Pattern.compile("(?i)\\bwhich\\s+of\\s+(?:the\\s+)?([^?.;]{1,80}?)\\s+"
            + "(?:(?:best|most|really|actually)\\s+)?(?:drives?|determines?|influences?|affects?|impacts?|explains?)"
            + "\\s+(?:the\\s+)?(?=\\p{L})");

    /** A request that asks for a model in so many words: its question of drivers is framing, not a second model. */
    private static final Pattern ASKS_FOR_MODEL =
            Pattern.compile("(?i)\\b(?:predict|forecast|model|train|classify|regress|fit)\\w*");

    /** Whether a question of drivers in this request is read as a model (see {@link #DRIVERS}). */
    static boolean readsDrivers(String text) {
        return !ASKS_FOR_MODEL.matcher(text).find();
    }

    private static String drivers(String text) {
        if (!readsDrivers(text)) {
            return text;
        }
        java.util.regex.Matcher which = WHICH_OF_DRIVES.matcher(text);
        if (which.find()) {
            String rest = THE_MOST_AT_END.matcher(text.substring(which.end())).replaceFirst("");
            String target = rest.replaceFirst("[?.!]+\\s*$", "");
            return text.substring(0, which.start()) + "predict " + target + " from " + which.group(1)
                    + rest.substring(target.length());
        }
        java.util.regex.Matcher m = DRIVERS.matcher(text);
        if (!m.find()) {
            return text;
        }
        String rest = text.substring(m.end());
        return text.substring(0, m.start()) + "predict "
                + THE_MOST_AT_END.matcher(rest).replaceFirst("");
    }

    /** "w/o Cabin": without. */
    private static final Pattern WITHOUT_SLASH = Pattern.compile("(?i)\\bw/o\\b");

    static String plain(String prompt) {
        prompt = WITHOUT_SLASH.matcher(prompt).replaceAll("without");
        String text = AMPERSAND
                .matcher(verbsSpelt(drivers(PREAMBLE.matcher(prompt).replaceFirst(""))))
                .replaceAll(" and ");
        text = GROUP_THEN_MEMBERS
                .matcher(text)
                .replaceAll(m -> java.util.regex.Matcher.quoteReplacement("the " + m.group(1) + " " + m.group(3)
                        + (m.group(4) == null ? "" : ", " + m.group(1) + " " + m.group(4)) + " and " + m.group(1) + " "
                        + m.group(5) + (m.group(2) == null ? "" : m.group(2))));
        text = PLURAL_THEN_MEMBERS
                .matcher(text)
                .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(m.group(1) + " of " + m.group(2)
                        + (m.group(3) == null ? "" : ", " + m.group(3)) + " and " + m.group(4)));
        text = EXCLUDED_AFTER.matcher(text).replaceAll(", except $1");
        text = targetHolds(text);
        text = phrasalVerbs(text);
        text = NOT_KNOWN.matcher(text).replaceAll("with a missing ");
        text = BRACKETED_IQR.matcher(text).replaceAll("");
        text = FRONTED_FROM.matcher(text).replaceFirst("$2 from $1");
        text = WHERE_FROM.matcher(text).replaceAll("the origin");
        text = WHICHEVER.matcher(text).replaceAll("the $1 that $2");
        text = TELL_APART.matcher(text).replaceAll("predict the $1");
        text = THAT_ONE.matcher(text).replaceAll("it");
        text = THAT_IS.matcher(text).replaceAll(": ");
        text = INPUTS_FIRST.matcher(text).replaceAll("$2 from $1");
        text = ELIDED_NAME
                .matcher(text)
                .replaceAll(
                        m -> java.util.regex.Matcher.quoteReplacement(m.group(1) != null ? m.group(1) : m.group(2)));
        text = DUMMY_CODE.matcher(text).replaceAll("one-hot encode");
        text = WAY_FILL.matcher(text).replaceAll("$2 $3 with the $1");
        text = BANDS.matcher(text).replaceAll("bins");
        text = EXACT_DUPLICATES.matcher(text).replaceAll("");
        text = DAY_OF_WEEK_COLUMN.matcher(text).replaceAll("day");
        text = DAY_OF_WEEK.matcher(text).replaceAll("weekday");
        java.util.regex.Matcher off = VERBLESS_OFF.matcher(text);
        if (off.find() && !Vocabulary.known(off.group(2).toLowerCase(java.util.Locale.ROOT))) {
            text = off.group(1) + " from " + text.substring(off.end());
        }
        text = FUNCTION_OF.matcher(text).replaceFirst("predict $1 from ");
        text = ONLY_THEN_LIST.matcher(text).replaceAll(" using only ");
        text = ON_BASIS.matcher(text).replaceAll("from");
        text = PASSIVE.matcher(text).replaceAll("predict $1");
        text = STANDARD_SCALE.matcher(text).replaceAll("standardise");
        text = KIND_OF.matcher(text).replaceAll("");
        text = ZERO_TO_ONE.matcher(text).replaceAll("0 to 1");
        text = HYPHENATED_FORMULA
                .matcher(text)
                .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                        m.group(1) + " " + m.group(2).replace('-', ' ') + " " + m.group(3)));
        text = BY_FAR.matcher(text).replaceAll("");
        text = DEMONSTRATIVE.matcher(text).replaceAll("$1 it");
        text = OFF.matcher(text).replaceAll(" from ");
        text = FILL_PAIR.matcher(text).replaceAll("$1 $2 with $3, then $1 $4 with ");
        text = COLUMNS_AND_ROWS.matcher(text).replaceAll("$1 $2, then $1 ");
        text = HEDGE.matcher(text).replaceAll("");
        text = BASED_ONLY_ON.matcher(text).replaceAll("using only");
        text = NOTHING_BUT.matcher(text).replaceAll("only");
        text = NOUN_REQUEST.matcher(text).replaceFirst("predict $1 ");
        text = PASSIVE_QUESTION.matcher(text).replaceAll("predict $1");
        text = FIND_OUT.matcher(text).replaceAll("predict ");
        text = TELL_WHETHER.matcher(text).replaceAll("predict ");
        text = AS_WELL_AS_POSSIBLE.matcher(text).replaceAll("");
        text = SIZE_OF_MONEY.matcher(text).replaceAll("the $1");
        text = HOW_ADJECTIVE
                .matcher(text)
                .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                        Set.of("big", "large").contains(m.group(1).toLowerCase(java.util.Locale.ROOT))
                                        && MONEY.contains(m.group(2).toLowerCase(java.util.Locale.ROOT))
                                ? "the " + m.group(2)
                                : "the " + m.group(2).replaceAll("(?<=\\p{L}{2}[^s])s$", "") + " "
                                        + MEASURES.get(m.group(1).toLowerCase(java.util.Locale.ROOT))));
        text = AS_WELL_AS.matcher(text).replaceAll("and");
        // "predict 2011 from the earlier years": every year before the one predicted, a range the matcher reads.
        java.util.regex.Matcher year = YEAR_TARGET.matcher(text);
        if (year.find()) {
            text = EARLIER_YEARS.matcher(text).replaceAll("every year before " + year.group(1));
        }
        return text;
    }
}
