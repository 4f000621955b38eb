package dev.assay.api.assistant.builtin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Finds the dataset's columns in the words of a request. A column is known by the tokens of its name (split on
 * case, `_`, spaces and punctuation; units such as cm, kg, lbs, $ left out), compared as stems (plural and other
 * endings forgiven) after common abbreviations and a small synonym list are applied to both sides, then by close
 * spelling. Words that fit several columns are a group when said as one ("the lengths", "the petal measurements")
 * and ambiguous when said as one thing ("the width"): the planner then asks which, listing them.
 */
final class ColumnMatcher {

    enum Kind {
        SINGLE,
        GROUP,
        AMBIGUOUS
    }

    /** Columns found at tokens [start, end): one, a group the words name together, or candidates to ask about. */
    record Mention(
            Kind kind, List<String> columns, int start, int end, String words, boolean partial, boolean inexact) {

        Mention {
            columns = List.copyOf(columns);
        }

        Mention(Kind kind, List<String> columns, int start, int end, String words) {
            this(kind, columns, start, end, words, false, false);
        }

        /** {@code partial}: the words are only part of the name. */
        Mention(Kind kind, List<String> columns, int start, int end, String words, boolean partial) {
            this(kind, columns, start, end, words, partial, false);
        }

        String column() {
            return columns.getFirst();
        }
    }

    /** Words that are never a column, whatever the dataset: they carry the request's grammar. */
    static final Set<String> GRAMMAR = Set.of(
            "a", "an", "the", "and", "or", "to", "of", "in", "on", "for", "with", "by", "per", "plus", "minus", "times",
            "from", "as", "into", "it", "is", "are", "be", "all", "column", "columns", "row", "rows", "value", "values",
            "missing", "data", "then", "only", "but", "not", "except", "using", "use", "also", "too", "instead",
            "every", "each", "where", "that", "this", "its", "their");

    /** Units in column names: "sepal length (cm)" is called "sepal length". */
    static final Set<String> UNITS = Set.of(
            "cm", "mm", "m", "km", "g", "kg", "lb", "lbs", "oz", "in", "ft", "usd", "eur", "gbp", "min", "mins", "sec",
            "secs", "s", "h", "hr", "hrs", "knots", "kts", "mph", "kmh", "pct", "percent", "c", "f", "degc", "degf",
            "ms");

    /** Long forms to the short forms names use; applied to the request and to the names alike. */
    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
            Map.entry("temperature", "temp"),
            Map.entry("temperatures", "temp"),
            Map.entry("quantity", "qty"),
            Map.entry("quantities", "qty"),
            Map.entry("percentage", "pct"),
            Map.entry("number", "num"),
            Map.entry("numbers", "num"),
            Map.entry("no", "num"),
            Map.entry("#", "num"),
            Map.entry("identifier", "id"),
            Map.entry("unemployment", "unemp"),
            Map.entry("inflation", "infl"),
            Map.entry("consumption", "cons"),
            Map.entry("investment", "inv"),
            Map.entry("investments", "inv"),
            Map.entry("government", "govt"),
            Map.entry("gov", "govt"),
            Map.entry("population", "pop"),
            Map.entry("colour", "color"),
            Map.entry("colours", "color"),
            Map.entry("graduation", "grad"),
            Map.entry("graduates", "grad"),
            Map.entry("average", "avg"),
            Map.entry("maximum", "max"),
            Map.entry("minimum", "min"),
            Map.entry("amount", "amt"),
            Map.entry("description", "desc"),
            Map.entry("passengers", "passenger"),
            Map.entry("gallon", "gal"),
            // Short forms people type for names that are spelt out: "hp" is horsepower, "yr" year.
            Map.entry("hp", "horsepower"),
            Map.entry("wt", "weight"),
            Map.entry("yr", "year"),
            Map.entry("yrs", "year"),
            Map.entry("accel", "acceleration"),
            Map.entry("disp", "displacement"),
            Map.entry("cyl", "cylinders"),
            Map.entry("cyls", "cylinders"),
            Map.entry("dist", "distance"),
            Map.entry("pax", "passenger"),
            Map.entry("tmp", "temp"),
            Map.entry("percent", "pct"),
            Map.entry("mo", "month"),
            Map.entry("wk", "week"));

    /** A small curated synonym list: everyday phrases for names that are abbreviations of something else. */
    private static final Map<String, List<String>> SYNONYMS = Map.ofEntries(
            Map.entry("fuel economy", List.of("mpg")),
            Map.entry("fuel efficiency", List.of("mpg")),
            Map.entry("gas mileage", List.of("mpg")),
            Map.entry("miles per gallon", List.of("mpg")),
            Map.entry("high school", List.of("hs")),
            Map.entry("interest rate", List.of("tbilrate", "realint")),
            Map.entry("gdp", List.of("realgdp")),
            Map.entry("real gdp", List.of("realgdp")),
            Map.entry("tbill rate", List.of("tbilrate")),
            Map.entry("t-bill rate", List.of("tbilrate")),
            Map.entry("class", List.of("Pclass")),
            Map.entry("passenger class", List.of("Pclass")),
            Map.entry("ticket class", List.of("Pclass")),
            Map.entry("gender", List.of("Sex", "sex")),
            Map.entry("genders", List.of("Sex", "sex")),
            // A company or a market index said by its name, for a column named by its ticker symbol.
            Map.entry("apple", List.of("AAPL")),
            Map.entry("microsoft", List.of("MSFT")),
            Map.entry("amazon", List.of("AMZN")),
            Map.entry("google", List.of("GOOGL", "GOOG")),
            Map.entry("alphabet", List.of("GOOGL", "GOOG")),
            Map.entry("adobe", List.of("ADBE")),
            Map.entry("xerox", List.of("XRX")),
            Map.entry("s p 500", List.of("^GSPC")),
            Map.entry("s p", List.of("^GSPC")),
            Map.entry("s and p 500", List.of("^GSPC")),
            Map.entry("s and p", List.of("^GSPC")),
            Map.entry("sp500", List.of("^GSPC")),
            Map.entry("nasdaq", List.of("^IXIC")),
            Map.entry("nasdaq composite", List.of("^IXIC")),
            Map.entry("dow jones", List.of("^DJI")),
            // "how far each trip goes": the distance; by its letters "far" is also the stem of "fare".
            Map.entry("far", List.of("distance", "dist", "trip_distance", "miles", "km")),
            // The market indices of a file of tickers, said as such.
            Map.entry("market index", List.of("^GSPC", "^IXIC", "^DJI")),
            Map.entry("market indices", List.of("^GSPC", "^IXIC", "^DJI")),
            Map.entry("market indexes", List.of("^GSPC", "^IXIC", "^DJI")),
            Map.entry("stock indices", List.of("^GSPC", "^IXIC", "^DJI")),
            Map.entry("indices", List.of("^GSPC", "^IXIC", "^DJI")),
            // A crime rate, said of a file whose rates are named by the crime.
            Map.entry("crime", List.of("violent", "murder", "burglary", "robbery")),
            Map.entry("crime rate", List.of("violent", "murder", "burglary", "robbery")),
            Map.entry("crime rates", List.of("violent", "murder", "burglary", "robbery")),
            Map.entry("crimes", List.of("violent", "murder", "burglary", "robbery")));

    /** Nouns that make several columns one group: "the bill measurements", "the indicator columns". */
    static final Set<String> GROUP_NOUNS = Set.of(
            "columns",
            "measurements",
            "measures",
            "variables",
            "features",
            "fields",
            "ones",
            "scores",
            "years",
            "dimensions",
            "metrics",
            "readings",
            "stats",
            "statistics",
            "attributes",
            "characteristics");

    private static final int MAX_WORDS = 4;
    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

    private final List<String> columns;
    private final Map<String, List<String>> cores = new java.util.LinkedHashMap<>();
    private final java.util.function.Predicate<String> intentWords;

    /**
     * @param intentWords words that say what to do ("mean", "scale"): never a column by themselves, unless a
     *                    column is called exactly that
     */
    ColumnMatcher(List<String> columns, java.util.function.Predicate<String> intentWords) {
        this.columns = List.copyOf(columns);
        this.intentWords = intentWords;
        for (String column : columns) {
            cores.put(column, core(column));
        }
    }

    ColumnMatcher(List<String> columns) {
        this(columns, w -> false);
    }

    List<String> columns() {
        return columns;
    }

    /** Mentions in token order; longer phrases win over their parts ("pickup zone" over "pickup"). */
    List<Mention> find(List<Words.Token> tokens) {
        List<Mention> mentions = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Mention found = decade(tokens, i);
            for (int n = Math.min(MAX_WORDS, tokens.size() - i); n >= 1 && found == null; n--) {
                List<Words.Token> phrase = tokens.subList(i, i + n);
                if (GRAMMAR.contains(phrase.getFirst().text())
                        || GRAMMAR.contains(phrase.getLast().text())) {
                    if (n > 1 || !columnNamed(phrase.getFirst().text())) {
                        continue;
                    }
                }
                found = match(phrase, i, tokens);
            }
            if (found != null) {
                // "violent crime": a column's name right before a word of the synonym list that also means it is
                // that column ("crime" alone asks between violent and murder).
                if (!mentions.isEmpty()
                        && mentions.getLast().end() == found.start()
                        && mentions.getLast().kind() == Kind.SINGLE
                        && found.kind() != Kind.SINGLE
                        && found.columns().contains(mentions.getLast().column())) {
                    Mention said = mentions.removeLast();
                    found = new Mention(
                            Kind.SINGLE,
                            said.columns(),
                            said.start(),
                            found.end(),
                            said.words() + " " + found.words(),
                            said.partial(),
                            said.inexact());
                }
                // "the wine class", "the passenger class": a word that only partly fits a name, right before a word
                // that is a whole name, describes that name.
                if (!mentions.isEmpty()
                        && mentions.getLast().end() == found.start()
                        && mentions.getLast().partial()
                        && !found.partial()) {
                    mentions.removeLast();
                }
                mentions.add(found);
                i = found.end();
            } else {
                i++;
            }
        }
        return singularGroups(
                counted(
                        positions(
                                qualified(sharedAfterOf(shared(ranges(mentions, tokens), tokens), tokens), tokens),
                                tokens),
                        tokens),
                tokens);
    }

    private static final Set<String> ONE_COLUMN = Set.of("column", "variable", "field", "feature", "attribute");

    /**
     * "scale the phenols column": a word several names share, said with "column" in the singular, speaks of one of
     * them — which one is asked, never every column the word fits ("scale the phenols" is both).
     */
    private static List<Mention> singularGroups(List<Mention> mentions, List<Words.Token> tokens) {
        return mentions.stream()
                .map(m -> m.kind() == Kind.GROUP
                                && m.end() < tokens.size()
                                && ONE_COLUMN.contains(tokens.get(m.end()).text())
                                && m.start() > 0
                                && Set.of("the", "that", "this")
                                        .contains(tokens.get(m.start() - 1).text())
                        ? new Mention(Kind.AMBIGUOUS, m.columns(), m.start(), m.end() + 1, m.words() + " column")
                        : m)
                .toList();
    }

    /** Words after a name that say which of its columns: "the borough where each trip was picked up". */
    private static final Map<String, String> QUALIFIERS = Map.ofEntries(
            Map.entry("picked", "pickup"),
            Map.entry("started", "pickup"),
            Map.entry("began", "pickup"),
            Map.entry("starts", "pickup"),
            Map.entry("origin", "pickup"),
            Map.entry("dropped", "dropoff"),
            Map.entry("ended", "dropoff"),
            Map.entry("ends", "dropoff"),
            Map.entry("finished", "dropoff"),
            Map.entry("destination", "dropoff"));

    /**
     * "one-hot encode the borough each trip started in", "the zone where the ride was dropped off": a name that fits
     * several columns, followed within a few words by a verb that says which ("picked up" → pickup), is the one
     * column whose name holds that word; otherwise it stays a question.
     */
    private List<Mention> qualified(List<Mention> mentions, List<Words.Token> tokens) {
        List<Mention> out = new ArrayList<>(mentions);
        for (Mention mention : mentions) {
            if (mention.kind() != Kind.AMBIGUOUS) {
                continue;
            }
            int next = out.stream()
                    .mapToInt(Mention::start)
                    .filter(s -> s >= mention.end())
                    .min()
                    .orElse(tokens.size());
            List<String> said =
                    tokens.subList(mention.end(), Math.min(next, Math.min(tokens.size(), mention.end() + 7))).stream()
                            .map(Words.Token::text)
                            .filter(QUALIFIERS::containsKey)
                            .map(QUALIFIERS::get)
                            .distinct()
                            .toList();
            if (said.size() != 1) {
                continue;
            }
            List<String> fits = mention.columns().stream()
                    .filter(c -> cores.getOrDefault(c, List.of()).contains(Words.stem(said.getFirst())))
                    .toList();
            if (fits.size() == 1) {
                out.set(
                        out.indexOf(mention),
                        new Mention(Kind.SINGLE, fits, mention.start(), mention.end(), mention.words()));
            }
        }
        return out;
    }

    /**
     * "the zones of pickup and dropoff", "the widths of the sepal and the petal": a plural head said once, then "of"
     * and the words it goes with, are pickup_zone and dropoff_zone — never the head's whole group, and never pickup
     * and dropoff themselves as well. Taken only when every word after "of" gives one column with the head.
     */
    private List<Mention> sharedAfterOf(List<Mention> mentions, List<Words.Token> tokens) {
        List<Mention> out = new ArrayList<>(mentions);
        for (Mention head : mentions) {
            int of = head.end();
            if (head.end() - head.start() != 1
                    || of + 1 >= tokens.size()
                    || !tokens.get(of).text().equals("of")
                    || !Words.isPlural(tokens.get(head.start()).text())) {
                continue;
            }
            List<Mention> items = new ArrayList<>();
            List<Mention> readings = new ArrayList<>();
            int at = of + 1;
            while (true) {
                if (at < tokens.size()
                        && Set.of("the", "a", "an").contains(tokens.get(at).text())) {
                    at++;
                }
                int from = at;
                Mention item = mentions.stream()
                        .filter(m -> m.start() == from)
                        .findFirst()
                        .orElse(null);
                if (item == null) {
                    break;
                }
                List<Words.Token> words = new ArrayList<>(tokens.subList(item.start(), item.end()));
                words.add(tokens.get(head.start()));
                String column = match(words);
                if (column == null || readings.stream().anyMatch(r -> r.column().equals(column))) {
                    readings.clear();
                    break;
                }
                items.add(item);
                // The first reading spans the head and "of" too: those words are said, not left unknown.
                readings.add(new Mention(
                        Kind.SINGLE,
                        List.of(column),
                        readings.isEmpty() ? head.start() : item.start(),
                        item.end(),
                        item.words()));
                at = item.end();
                if (at + 1 < tokens.size() && AND.contains(tokens.get(at).text())) {
                    at++;
                } else {
                    break;
                }
            }
            if (readings.size() >= 2) {
                out.remove(head);
                out.removeAll(items);
                out.addAll(readings);
            }
        }
        out.sort(Comparator.comparingInt(Mention::start));
        return out;
    }

    /**
     * "the two ash columns", "the three pickup columns": a count before a word that is one column's whole name and
     * a group noun after it speaks of every column whose name holds the word (ash and alcalinity_of_ash), when exactly
     * that many do; otherwise the one column stays and the count is asked about.
     */
    private List<Mention> counted(List<Mention> mentions, List<Words.Token> tokens) {
        List<Mention> out = new ArrayList<>();
        for (Mention mention : mentions) {
            int at = mention.start() - 1;
            Integer n = at < 0
                    ? null
                    : tokens.get(at).text().matches("\\d{1,2}")
                            ? Integer.valueOf(tokens.get(at).text())
                            : Words.NUMBERS.get(tokens.get(at).text());
            if (mention.kind() != Kind.SINGLE
                    || n == null
                    || n < 2
                    || mention.end() >= tokens.size()
                    || !GROUP_NOUNS.contains(tokens.get(mention.end()).text())) {
                out.add(mention);
                continue;
            }
            List<String> words = core(mention.words());
            List<String> holding = cores.entrySet().stream()
                    .filter(e -> !words.isEmpty() && contains(e.getValue(), words))
                    .map(Map.Entry::getKey)
                    .toList();
            out.add(
                    holding.size() == n && holding.contains(mention.column())
                            ? new Mention(Kind.GROUP, holding, mention.start(), mention.end(), mention.words())
                            : mention);
        }
        return out;
    }

    /** "the first column", "the last two columns", "the first 3 variables": columns by their place in the file. */
    private List<Mention> positions(List<Mention> mentions, List<Words.Token> tokens) {
        List<Mention> out = new ArrayList<>(mentions);
        for (int i = 0; i + 1 < tokens.size(); i++) {
            String word = tokens.get(i).text();
            if (!word.equals("first") && !word.equals("last")) {
                continue;
            }
            int at = i + 1;
            int n = 1;
            String next = tokens.get(at).text();
            if (next.matches("\\d{1,3}") || Words.NUMBERS.containsKey(next)) {
                n = next.matches("\\d{1,3}") ? Integer.parseInt(next) : Words.NUMBERS.get(next);
                at++;
            }
            if (at >= tokens.size()
                    || !Set.of("column", "columns", "variable", "variables", "field", "fields")
                            .contains(tokens.get(at).text())
                    || (n > 1) != tokens.get(at).text().endsWith("s") && n > 1) {
                continue;
            }
            int from = i;
            int to = at + 1;
            if (out.stream().anyMatch(m -> m.start() < to && from < m.end()) || n > columns.size()) {
                continue;
            }
            List<String> picked =
                    word.equals("first") ? columns.subList(0, n) : columns.subList(columns.size() - n, columns.size());
            out.add(new Mention(
                    n == 1 ? Kind.SINGLE : Kind.GROUP,
                    picked,
                    from,
                    to,
                    String.join(
                            " ",
                            tokens.subList(from, to).stream()
                                    .map(Words.Token::text)
                                    .toList())));
        }
        out.sort(Comparator.comparingInt(Mention::start));
        return out;
    }

    private static final java.util.regex.Pattern DECADE = java.util.regex.Pattern.compile("'?(\\d{1,3})0s");
    /**
     * The short form a name uses for a long word, also for a long word misspelt ("unemployement"): the one long form
     * within the misspellings allowed for it.
     */
    private static String shortForm(String word) {
        if (ABBREVIATIONS.containsKey(word) || word.length() < 8 || !word.matches("\\p{L}+")) {
            return ABBREVIATIONS.getOrDefault(word, word);
        }
        List<String> near = ABBREVIATIONS.keySet().stream()
                .filter(k -> k.length() >= 8 && Spellings.distance(k, word) <= Spellings.allowed(k))
                .map(ABBREVIATIONS::get)
                .distinct()
                .toList();
        return near.size() == 1 ? near.getFirst() : word;
    }

    private static final Map<String, String> DECADE_WORDS = Map.of(
            "twenties",
            "20s",
            "thirties",
            "30s",
            "forties",
            "40s",
            "fifties",
            "50s",
            "sixties",
            "60s",
            "seventies",
            "70s",
            "eighties",
            "80s",
            "nineties",
            "90s");

    /** "the 1960s", "the 80s": every column named by a year of that decade (a group, possibly empty of none). */
    private Mention decade(List<Words.Token> tokens, int at) {
        String word =
                DECADE_WORDS.getOrDefault(tokens.get(at).text(), tokens.get(at).text());
        java.util.regex.Matcher m = DECADE.matcher(word);
        if (!m.matches() || columnNamed(tokens.get(at).text())) {
            return null;
        }
        String digits = m.group(1);
        List<String> centuries = digits.length() == 3
                ? List.of(digits)
                : digits.length() == 1 ? List.of("19" + digits, "20" + digits) : List.of();
        for (String century : centuries) {
            List<String> years =
                    columns.stream().filter(c -> c.matches(century + "\\d")).toList();
            if (!years.isEmpty()) {
                return new Mention(Kind.GROUP, years, at, at + 1, tokens.get(at).text());
            }
        }
        return null;
    }

    private static final Set<String> RANGE_WORDS = Set.of("to", "through", "thru", "till", "until");

    /**
     * "1990 through 1995", "years 2000 to 2004", "2000-2004", "from cylinders through weight": two columns joined by a
     * range word are every column between them, by the number in their names when both are numbers, else by their
     * order in the file ("to" counts only after "from" there, so "ratio of A to B" stays two columns).
     */
    private List<Mention> ranges(List<Mention> mentions, List<Words.Token> tokens) {
        List<Mention> out = new ArrayList<>();
        for (int k = 0; k < mentions.size(); k++) {
            Mention a = mentions.get(k);
            Mention b = k + 1 < mentions.size() ? mentions.get(k + 1) : null;
            boolean saysBetween =
                    a.start() > 0 && tokens.get(a.start() - 1).text().equals("between");
            if (b != null
                    && a.kind() == Kind.SINGLE
                    && b.kind() == Kind.SINGLE
                    && b.start() == a.end() + 1
                    && (RANGE_WORDS.contains(tokens.get(a.end()).text())
                            || saysBetween && tokens.get(a.end()).text().equals("and"))) {
                boolean numbers = a.column().matches("\\d+") && b.column().matches("\\d+");
                boolean from = a.start() > 0
                        && Set.of("from", "between")
                                .contains(tokens.get(a.start() - 1).text());
                boolean arithmetic = a.start() > 0
                        && Vocabulary.ARITHMETIC.containsKey(
                                tokens.get(a.start() - 1).text());
                if (!arithmetic
                        && (numbers || from || !tokens.get(a.end()).text().equals("to"))) {
                    List<String> between = between(a.column(), b.column(), numbers);
                    if (between.size() >= 2) {
                        out.add(new Mention(Kind.GROUP, between, a.start(), b.end(), a.words() + " to " + b.words()));
                        k++;
                        continue;
                    }
                }
            }
            Mention open = a.kind() == Kind.SINGLE && a.column().matches("\\d{1,18}") ? openRange(a, tokens) : null;
            out.add(open == null ? a : open);
        }
        // "2000-2004" is one token.
        List<Mention> withDashes = new ArrayList<>(out);
        for (Words.Token token : tokens) {
            java.util.regex.Matcher dash =
                    java.util.regex.Pattern.compile("(\\d+)-(\\d+)").matcher(token.text());
            if (dash.matches()
                    && columnNamed(dash.group(1))
                    && columnNamed(dash.group(2))
                    && withDashes.stream().noneMatch(m -> m.start() <= token.index() && token.index() < m.end())) {
                withDashes.add(new Mention(
                        Kind.GROUP,
                        between(dash.group(1), dash.group(2), true),
                        token.index(),
                        token.index() + 1,
                        token.text()));
            }
        }
        withDashes.sort(Comparator.comparingInt(Mention::start));
        return withDashes;
    }

    /**
     * "every year before 1970", "since 2005", "from 2005 onwards", "up to 1999": the columns named by numbers on that
     * side of a column named by a number ("before"/"after" leave the number out, the others keep it).
     */
    private Mention openRange(Mention at, List<Words.Token> tokens) {
        long n = Long.parseLong(at.column());
        String before = at.start() > 0 ? tokens.get(at.start() - 1).text() : "";
        String twoBefore = at.start() > 1 ? tokens.get(at.start() - 2).text() + " " + before : "";
        String after = at.end() < tokens.size() ? tokens.get(at.end()).text() : "";
        String twoAfter = at.end() + 1 < tokens.size()
                ? after + " " + tokens.get(at.end() + 1).text()
                : after;
        java.util.function.LongPredicate side = null;
        int start = at.start();
        int end = at.end();
        if (Set.of("before", "until", "till", "through").contains(before)
                        && !Set.of("up", "prior").contains(before)
                || Set.of("prior to", "earlier than", "older than", "up to").contains(twoBefore)) {
            boolean inclusive =
                    !before.equals("before") && !twoBefore.endsWith("than") && !twoBefore.equals("prior to");
            side = inclusive ? v -> v <= n : v -> v < n;
            start -= twoBefore.isEmpty()
                            || Set.of("before", "until", "till", "through").contains(before)
                    ? 1
                    : 2;
        } else if (Set.of("after", "since").contains(before)
                || Set.of("later than", "newer than").contains(twoBefore)) {
            boolean inclusive = before.equals("since");
            side = inclusive ? v -> v >= n : v -> v > n;
            start -= Set.of("after", "since").contains(before) ? 1 : 2;
        } else if (Set.of("onwards", "onward", "on").contains(after) && before.equals("from")
                || Set.of("and later", "and after", "or later", "and beyond").contains(twoAfter)) {
            side = v -> v >= n;
            end += Set.of("onwards", "onward", "on").contains(after) ? 1 : 2;
        }
        if (side == null) {
            return null;
        }
        java.util.function.LongPredicate keep = side;
        List<String> years = columns.stream()
                .filter(c -> c.matches("\\d{1,18}") && keep.test(Long.parseLong(c)))
                .toList();
        return years.isEmpty() ? null : new Mention(Kind.GROUP, years, Math.max(0, start), end, at.words());
    }

    private List<String> between(String from, String to, boolean numbers) {
        if (numbers) {
            long low = Math.min(Long.parseLong(from), Long.parseLong(to));
            long high = Math.max(Long.parseLong(from), Long.parseLong(to));
            return columns.stream()
                    .filter(c -> c.matches("\\d{1,18}") && Long.parseLong(c) >= low && Long.parseLong(c) <= high)
                    .toList();
        }
        int a = columns.indexOf(from);
        int b = columns.indexOf(to);
        return columns.subList(Math.min(a, b), Math.max(a, b) + 1);
    }

    private static final Set<String> AND = Set.of("and", "or", "&");

    /**
     * Words shared across a coordination: "the pickup and dropoff zones" are pickup_zone and dropoff_zone, "the
     * radius and texture errors" radius error and texture error (a plural head said once for each word before it);
     * "mean area and perimeter" is mean area and mean perimeter (a first word said once for the words after it).
     * Taken only when every reading it gives is one column, so "Age and Fare" stays two names.
     */
    private List<Mention> shared(List<Mention> mentions, List<Words.Token> tokens) {
        List<Mention> out = new ArrayList<>(mentions);
        for (Mention head : mentions) {
            int headWords = head.end()
                    - head.start()
                    - (head.kind() == Kind.GROUP
                                    && head.end() < tokens.size() + 1
                                    && GROUP_NOUNS.contains(
                                            tokens.get(head.end() - 1).text())
                            ? 1
                            : 0);
            if (headWords != 2 || head.kind() == Kind.AMBIGUOUS && !isHeadPlural(head, tokens)) {
                continue;
            }
            Words.Token last = tokens.get(head.start() + 1);
            boolean plural = isHeadPlural(head, tokens);
            int conjunction = head.start() - 1;
            List<Mention> readings = new ArrayList<>();
            while (plural
                    && conjunction >= 1
                    && (AND.contains(tokens.get(conjunction).text())
                            || !readings.isEmpty()
                                    && readings.getLast().start() == conjunction + 1
                                    && conjunction >= 0)) {
                int word = AND.contains(tokens.get(conjunction).text()) ? conjunction - 1 : conjunction;
                if (word < 0 || GRAMMAR.contains(tokens.get(word).text())) {
                    break;
                }
                String column = match(List.of(tokens.get(word), last));
                if (column == null || column.equals(head.columns().getFirst())) {
                    break;
                }
                readings.add(new Mention(
                        Kind.SINGLE,
                        List.of(column),
                        word,
                        word + 1,
                        tokens.get(word).text()));
                conjunction = word - 1;
            }
            if (!readings.isEmpty()) {
                String own = match(tokens.subList(head.start(), head.start() + 2));
                if (own == null) {
                    continue;
                }
                int from = readings.getLast().start();
                out.removeIf(m -> m.start() >= from && m.start() < head.start() || m == head);
                readings.forEach(out::add);
                out.add(new Mention(Kind.SINGLE, List.of(own), head.start(), head.end(), head.words()));
            }
        }
        // "mean area and perimeter": the first word of a two-word name carried to the next word.
        List<Mention> sorted = new ArrayList<>(out);
        sorted.sort(Comparator.comparingInt(Mention::start));
        for (Mention first : sorted) {
            if (first.kind() != Kind.SINGLE || first.end() - first.start() != 2) {
                continue;
            }
            int at = first.end();
            while (at + 1 < tokens.size() && AND.contains(tokens.get(at).text())) {
                int word = at + 1;
                Mention there =
                        out.stream().filter(m -> m.start() == word).findFirst().orElse(null);
                boolean wholeName = there != null
                        && there.kind() == Kind.SINGLE
                        && !there.partial()
                        && there.end() - there.start() == 1;
                if (wholeName
                        || there != null
                                && there.end() - there.start() > 1
                                && !GROUP_NOUNS.contains(
                                        tokens.get(there.end() - 1).text())) {
                    break;
                }
                String column = match(List.of(tokens.get(first.start()), tokens.get(word)));
                if (column == null || column.equals(first.column())) {
                    break;
                }
                int end = there == null ? word + 1 : there.end();
                out.removeIf(m -> m.start() == word);
                out.add(new Mention(
                        Kind.SINGLE,
                        List.of(column),
                        word,
                        end,
                        tokens.get(word).text()));
                at = word + 1;
            }
        }
        out.sort(Comparator.comparingInt(Mention::start));
        return out;
    }

    private static boolean isHeadPlural(Mention head, List<Words.Token> tokens) {
        String last = tokens.get(head.start() + 1).text();
        return Words.isPlural(last)
                || head.end() < tokens.size()
                        && GROUP_NOUNS.contains(tokens.get(head.end()).text())
                || GROUP_NOUNS.contains(tokens.get(head.end() - 1).text()) && head.end() - head.start() == 3;
    }

    private boolean columnNamed(String word) {
        return columns.stream().anyMatch(c -> c.equalsIgnoreCase(word));
    }

    /** The single column this phrase names, or null. */
    String match(List<Words.Token> phrase) {
        Mention mention = match(phrase, 0, phrase);
        return mention != null && mention.kind() == Kind.SINGLE ? mention.column() : null;
    }

    private Mention match(List<Words.Token> phrase, int start, List<Words.Token> all) {
        int end = start + phrase.size();
        String spaced = String.join(" ", phrase.stream().map(Words.Token::text).toList());
        String joined = spaced.replaceAll("[^\\p{L}\\p{N}]+", "");
        String originalJoined =
                String.join("", phrase.stream().map(Words.Token::original).toList());
        // "real consumption" is realcons: a name run together from the short forms of the words said.
        String abbreviatedJoined =
                String.join("", phrase.stream().map(t -> shortForm(t.text())).toList());
        for (String column : columns) {
            if (column.equals(originalJoined)
                    || phrase.size() > 1 && joinedForm(column).equals(abbreviatedJoined)
                    || column.equalsIgnoreCase(spaced)
                    || joinedForm(column).equals(joined)
                    || Words.spaced(column).equals(spaced)) {
                return single(column, start, end, spaced);
            }
        }
        List<String> synonyms = SYNONYMS.get(spaced);
        boolean misspelt = false;
        if (synonyms == null && phrase.size() > 1) {
            // "fuel efficency": a phrase of the list with a slip in one of its words, said as a reading.
            List<String> near = SYNONYMS.keySet().stream()
                    .filter(k -> slipOf(k.split(" "), phrase))
                    .toList();
            if (near.size() == 1) {
                synonyms = SYNONYMS.get(near.getFirst());
                misspelt = true;
            }
        }
        if (synonyms != null) {
            List<String> present = synonyms.stream().filter(columns::contains).toList();
            if (!present.isEmpty()) {
                // "the market indices", "the crime rates": a plural is every column it names, a singular asks.
                boolean plural = Words.isPlural(phrase.getLast().text()) || spaced.endsWith("indices");
                return new Mention(
                        present.size() == 1 ? Kind.SINGLE : plural ? Kind.GROUP : Kind.AMBIGUOUS,
                        present,
                        start,
                        end,
                        spaced,
                        false,
                        misspelt);
            }
        }
        List<String> words = core(spaced);
        if (words.isEmpty()) {
            return null;
        }
        List<String> whole = new ArrayList<>();
        List<String> partial = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : cores.entrySet()) {
            List<String> name = entry.getValue();
            if (name.equals(words)) {
                whole.add(entry.getKey());
            } else if (!name.isEmpty() && contains(name, words) && !leavesOutOnlyKey(name, words)) {
                partial.add(entry.getKey());
            }
        }
        if (whole.size() == 1) {
            return single(whole.getFirst(), start, end, spaced);
        }
        List<String> fits = whole.isEmpty() ? partial : whole;
        // "the error columns", "every mean column": a how-word said of columns is a name.
        boolean saidOfColumns = end < all.size()
                && (GROUP_NOUNS.contains(all.get(end).text())
                        || all.get(end).text().equals("column")
                                && start > 0
                                && Set.of("every", "each", "all")
                                        .contains(all.get(start - 1).text()));
        boolean intent =
                phrase.size() == 1 && intentWords.test(phrase.getFirst().text()) && !saidOfColumns;
        if (!fits.isEmpty() && !intent) {
            if (fits.size() == 1) {
                return new Mention(Kind.SINGLE, fits, start, end, spaced, whole.isEmpty());
            }
            boolean plural = Words.isPlural(phrase.getLast().text())
                    && !columnNamed(phrase.getLast().text());
            boolean groupNoun =
                    end < all.size() && GROUP_NOUNS.contains(all.get(end).text());
            boolean every = start > 0
                            && Set.of("all", "every", "both", "each")
                                    .contains(all.get(start - 1).text())
                    || start > 1
                            && Set.of("all", "both").contains(all.get(start - 2).text());
            Kind kind = plural || groupNoun || every ? Kind.GROUP : Kind.AMBIGUOUS;
            return new Mention(kind, fits, start, groupNoun ? end + 1 : end, spaced);
        }
        Mention initials = initials(phrase, start, end, spaced);
        if (initials != null) {
            return initials;
        }
        Mention runTogether = prefixesRunTogether(phrase, start, end, spaced);
        if (runTogether != null) {
            return runTogether;
        }
        boolean loose = phrase.size() > 1
                && (Vocabulary.FILLER.contains(phrase.getLast().text())
                        || Vocabulary.FILLER.contains(phrase.getFirst().text())
                        || intentWords.test(phrase.getLast().text()));
        if (joined.length() >= 5 && !loose) {
            // A slip of a letter or two (a swapped pair is one): the one closest name; two equally close are asked
            // about.
            List<String> best = new ArrayList<>();
            int bestDistance = Integer.MAX_VALUE;
            for (String column : columns) {
                String form = joinedForm(column);
                if (form.length() < 5 || partOfKey(column, joined)) {
                    continue;
                }
                int distance = Spellings.distance(form, joined);
                if (distance <= Spellings.allowed(form) && distance < bestDistance) {
                    best.clear();
                    bestDistance = distance;
                }
                if (distance <= Spellings.allowed(form) && distance == bestDistance) {
                    best.add(column);
                }
            }
            if (!best.isEmpty()) {
                return new Mention(
                        best.size() == 1 ? Kind.SINGLE : Kind.AMBIGUOUS, best, start, end, spaced, false, true);
            }
        }
        Mention family = family(phrase, start, end, spaced);
        return family != null ? family : synonym(phrase, start, end, spaced);
    }

    /**
     * Everyday words for what a name says in other words: "gratuity" for tip, "weight" for a mass, "cost" for price.
     * Tried last, for a one-word phrase no name holds; the column found is named in the answer as a reading, and
     * several columns holding the synonym are asked about, never guessed.
     */
    private static final Map<String, List<String>> WORD_SYNONYMS = Map.ofEntries(
            Map.entry("location", List.of("zone", "borough", "city", "state", "country", "region", "island")),
            Map.entry("locations", List.of("zone", "borough", "city", "state", "country", "region", "island")),
            Map.entry("gratuity", List.of("tip")),
            // "how powerful each car is": horsepower (or kilowatts, kw). "power" alone is left out: "a power to
            // weight ratio from horsepower and weight" names a new column.
            Map.entry("powerful", List.of("horsepower", "kw")),
            Map.entry("gratuities", List.of("tip")),
            Map.entry("weight", List.of("mass")),
            Map.entry("heaviness", List.of("weight", "mass")),
            Map.entry("mass", List.of("weight")),
            Map.entry("cost", List.of("price")),
            Map.entry("salary", List.of("income", "wage")),
            Map.entry("wage", List.of("income", "salary")),
            Map.entry("earnings", List.of("income", "salary")),
            Map.entry("kind", List.of("type", "species", "class")),
            Map.entry("killings", List.of("murder")),
            Map.entry("homicide", List.of("murder")),
            Map.entry("homicides", List.of("murder")),
            Map.entry("heavy", List.of("weight", "mass")),
            Map.entry("heavier", List.of("weight", "mass")),
            Map.entry("heaviest", List.of("weight", "mass")),
            Map.entry("costs", List.of("price")),
            Map.entry("costly", List.of("price")),
            // What a thing would fetch is its price or value: "what a house would sell for", "what it is worth".
            Map.entry("sell", List.of("price", "value")),
            Map.entry("sells", List.of("price", "value")),
            Map.entry("worth", List.of("price", "value")),
            Map.entry("fetch", List.of("price", "value")),
            // Who lived and who died is survival: "who lived", "whether they were alive", "who perished".
            Map.entry("lived", List.of("survived", "survival", "alive")),
            Map.entry("alive", List.of("survived", "survival")),
            Map.entry("survive", List.of("survived", "survival")),
            Map.entry("survival", List.of("survived")),
            Map.entry("died", List.of("survived", "survival", "dead")),
            Map.entry("perished", List.of("survived", "survival")),
            Map.entry("jobless", List.of("unemployment", "unemp")),
            Map.entry("joblessness", List.of("unemployment", "unemp")),
            Map.entry("unemployed", List.of("unemployment", "unemp")),
            // The kind a thing belongs to: "which variety", "what sort", "which cultivar", "what breed".
            Map.entry("sort", List.of("species", "type", "class")),
            Map.entry("variety", List.of("species", "variety", "class")),
            Map.entry("varieties", List.of("species", "variety", "class")),
            Map.entry("cultivar", List.of("cultivar", "class", "variety")),
            Map.entry("cultivars", List.of("cultivar", "class", "variety")),
            Map.entry("breed", List.of("breed", "species", "class")),
            Map.entry("type", List.of("type", "species", "class", "variety")),
            Map.entry("kinds", List.of("type", "species", "class")),
            Map.entry("types", List.of("type", "species", "class", "variety")),
            // "the region it was made in": where a thing comes from.
            Map.entry("region", List.of("region", "origin", "country")),
            Map.entry("country", List.of("country", "origin", "region", "nation")),
            Map.entry("nation", List.of("country", "origin", "region", "nation")),
            // "the port they embarked at", "one-hot encode sex and port".
            Map.entry("port", List.of("port", "embarked")),
            Map.entry("ports", List.of("port", "embarked")),
            // "how many people sat at the table", "how many persons rode": a head count is the party size or the
            // passengers.
            // "how far each trip goes": the distance, never the fare its letters start.
            Map.entry("far", List.of("distance", "dist", "miles", "km", "kilometers", "kilometres")),
            Map.entry("people", List.of("people", "persons", "passengers", "size", "party")),
            Map.entry("persons", List.of("people", "persons", "passengers", "size", "party")));

    /** The words a name may hold for an everyday word ("location": zone, borough, …), or the word itself. */
    static List<String> meanings(String word) {
        return WORD_SYNONYMS.getOrDefault(word, List.of(word));
    }

    /** Whether these words were read as a column only by what they mean (an everyday synonym), not by its name. */
    static boolean readByMeaning(String words) {
        return WORD_SYNONYMS.containsKey(words);
    }

    private Mention synonym(List<Words.Token> phrase, int start, int end, String spaced) {
        if (phrase.size() != 1) {
            return null;
        }
        // "tipped", "shipping": a verb form whose last consonant doubles is the one-word name it comes from.
        String word = phrase.getFirst().text();
        String base = word.replaceAll("([b-df-hj-kmnp-rtv-y])\\1(?:ed|ing|er)$", "$1");
        if (!base.equals(word) && base.length() >= 3) {
            List<String> named = cores.entrySet().stream()
                    .filter(e -> e.getValue().equals(List.of(Words.stem(base))))
                    .map(Map.Entry::getKey)
                    .toList();
            if (named.size() == 1) {
                return new Mention(Kind.SINGLE, named, start, end, spaced, false, true);
            }
        }
        // "unemployement": a misspelt everyday word is read as the one synonym it is closest to, and said so.
        String said = word;
        if (!WORD_SYNONYMS.containsKey(word)
                && word.length() >= 6
                && !intentWords.test(word)
                && !GRAMMAR.contains(word)
                && !Vocabulary.FILLER.contains(word)
                && !Vocabulary.known(word)) {
            List<String> near = WORD_SYNONYMS.keySet().stream()
                    .filter(k -> k.length() >= 6 && Spellings.distance(k, said) <= Spellings.allowed(k))
                    .toList();
            if (near.size() == 1) {
                word = near.getFirst();
            }
        }
        if (!WORD_SYNONYMS.containsKey(word)) {
            return null;
        }
        for (String other : WORD_SYNONYMS.get(word)) {
            String stem = Words.stem(other);
            List<String> holders = cores.entrySet().stream()
                    .filter(e -> e.getValue().contains(stem))
                    .map(Map.Entry::getKey)
                    .toList();
            if (!holders.isEmpty()) {
                return new Mention(
                        holders.size() == 1 ? Kind.SINGLE : Kind.AMBIGUOUS, holders, start, end, spaced, false, true);
            }
        }
        return null;
    }

    /**
     * "urbanisation" for urban, "smoking" for smoker: one word of the same family as a one-word name (after units are
     * left out) names it; several such names are asked about.
     */
    private Mention family(List<Words.Token> phrase, int start, int end, String spaced) {
        String word = phrase.getFirst().text();
        if (phrase.size() != 1
                || word.length() < 5
                || intentWords.test(word)
                || GRAMMAR.contains(word)
                || Vocabulary.FILLER.contains(word)
                || Vocabulary.known(word)) {
            return null;
        }
        List<String> fits = new ArrayList<>();
        for (String column : columns) {
            List<String> parts = List.of(Words.spaced(column).split(" ")).stream()
                    .filter(w -> !w.isEmpty() && !UNITS.contains(w))
                    .toList();
            if (parts.size() == 1 && Spellings.sameFamily(word, parts.getFirst())) {
                fits.add(column);
            }
        }
        if (fits.isEmpty()) {
            return null;
        }
        return new Mention(fits.size() == 1 ? Kind.SINGLE : Kind.AMBIGUOUS, fits, start, end, spaced, false, true);
    }

    /**
     * "bl" for bill_length_mm, "pz" for pickup_zone: a short word that is the initials of exactly one name of two or
     * more words (units left out) names it; initials that fit several names, or none, name nothing.
     */
    private Mention initials(List<Words.Token> phrase, int start, int end, String spaced) {
        String word = phrase.getFirst().text();
        if (phrase.size() != 1 || !word.matches("\\p{L}{2,4}") || intentWords.test(word) || GRAMMAR.contains(word)) {
            return null;
        }
        List<String> fits = new ArrayList<>();
        for (String column : columns) {
            List<String> parts = List.of(Words.spaced(column).split(" ")).stream()
                    .filter(w -> !w.isEmpty() && !UNITS.contains(w))
                    .toList();
            if (parts.size() >= 2
                    && parts.size() == word.length()
                    && parts.stream()
                            .map(w -> w.substring(0, 1))
                            .reduce("", String::concat)
                            .equals(word)) {
                fits.add(column);
            }
        }
        return fits.size() == 1 ? new Mention(Kind.SINGLE, fits, start, end, spaced, true) : null;
    }

    /**
     * "the treasury bill rate" is tbilrate, "real disposable personal income" is realdpi: a one-word name run together
     * from the start of every word said, in order (one letter or more each, one of them three or more). Taken only
     * when one name fits, and said as a reading.
     */
    private Mention prefixesRunTogether(List<Words.Token> phrase, int start, int end, String spaced) {
        if (phrase.size() < 2
                || phrase.stream()
                        .map(Words.Token::text)
                        .anyMatch(w -> !w.matches("\\p{L}+")
                                || GRAMMAR.contains(w)
                                || intentWords.test(w)
                                || Vocabulary.FILLER.contains(w)
                                || columnNamed(w))) {
            return null;
        }
        List<String> words = phrase.stream().map(Words.Token::text).toList();
        List<String> fits = columns.stream()
                .filter(c -> c.matches("\\p{L}{5,}"))
                .filter(c -> segments(c.toLowerCase(Locale.ROOT), words, 0, false))
                .toList();
        return fits.size() == 1 ? new Mention(Kind.SINGLE, fits, start, end, spaced, false, true) : null;
    }

    private static boolean segments(String name, List<String> words, int from, boolean long3) {
        if (from == words.size()) {
            return name.isEmpty() && long3;
        }
        String word = words.get(from);
        int left = words.size() - from - 1;
        for (int n = Math.min(word.length(), name.length() - left); n >= 1; n--) {
            if (word.startsWith(name.substring(0, n))
                    && segments(name.substring(n), words, from + 1, long3 || n >= 3)) {
                return true;
            }
        }
        return false;
    }

    /** The same words but one, and that one a slip of a long word (one or two letters). */
    private static boolean slipOf(String[] key, List<Words.Token> phrase) {
        if (key.length != phrase.size()) {
            return false;
        }
        int slips = 0;
        for (int i = 0; i < key.length; i++) {
            String said = phrase.get(i).text();
            if (key[i].equals(said)) {
                continue;
            }
            if (key[i].length() < 6 || Spellings.distance(key[i], said) > Spellings.allowed(key[i])) {
                return false;
            }
            slips++;
        }
        return slips == 1;
    }

    /** "passenger" leaves out only the key word of PassengerId: it speaks of passengers, not of their number. */
    private static boolean leavesOutOnlyKey(List<String> name, List<String> words) {
        return name.size() == words.size() + 1
                && name.subList(0, words.size()).equals(words)
                && Set.of("id", "key", "code", "num", "index").contains(name.getLast());
    }

    private static Mention single(String column, int start, int end, String words) {
        return new Mention(Kind.SINGLE, List.of(column), start, end, words);
    }

    /** Whether the name's words hold the phrase's words in order, next to each other. */
    private static boolean contains(List<String> name, List<String> words) {
        for (int i = 0; i + words.size() <= name.size(); i++) {
            if (name.subList(i, i + words.size()).equals(words)) {
                return true;
            }
        }
        return false;
    }

    /** A name's or phrase's words: split, units left out (unless nothing else is left), abbreviated, stemmed. */
    static List<String> core(String name) {
        String spaced =
                Words.spaced(name.replace("#", " number ").replace("$", " usd ").replace("%", " pct "));
        if (spaced.isEmpty()) {
            return List.of();
        }
        List<String> words = new ArrayList<>(List.of(spaced.split(" ")));
        List<String> withoutUnits =
                words.stream().filter(w -> !UNITS.contains(w)).toList();
        if (!withoutUnits.isEmpty()) {
            words = new ArrayList<>(withoutUnits);
        }
        return words.stream().map(ColumnMatcher::shortForm).map(Words::stem).toList();
    }

    /** The columns nearest to a word that matched none, best first: for "I could not find …; closest: …". */
    List<String> closest(String words, int limit) {
        String form = words.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
        List<String> stems = core(words);
        return columns.stream()
                .sorted(Comparator.<String>comparingInt(
                                c -> cores.get(c).stream().anyMatch(stems::contains) ? 0 : 1)
                        .thenComparingInt(c -> DISTANCE.apply(joinedForm(c), form)))
                .limit(limit)
                .toList();
    }

    /**
     * "passenger" is part of PassengerId, not a misspelling of it: a phrase that leaves out only the key word of
     * a name (id, key, code, number) names something else. Units are different: "body mass" is body_mass_g.
     */
    private static boolean partOfKey(String column, String joined) {
        String form = joinedForm(column);
        String base =
                joined.endsWith("s") && !form.startsWith(joined) ? joined.substring(0, joined.length() - 1) : joined;
        if (!form.startsWith(base) || form.length() == base.length()) {
            return false;
        }
        String rest = form.substring(base.length());
        return Set.of("id", "key", "code", "no", "num", "number", "index", "name")
                .contains(rest);
    }

    private static String joinedForm(String column) {
        return column.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }

    static Set<String> unique(List<Mention> mentions) {
        Set<String> out = new LinkedHashSet<>();
        mentions.forEach(m -> out.addAll(m.columns()));
        return out;
    }
}
