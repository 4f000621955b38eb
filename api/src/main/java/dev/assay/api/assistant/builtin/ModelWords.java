package dev.assay.api.assistant.builtin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The grammar of a model's clause: whether it asks for a model at all, its target (after a verb or cue, or named "as
 * the label") and its features (after "from", "using", "based on" …, or every other column but the excluded ones).
 */
final class ModelWords {

    private final Clause clause;
    private final ColumnResolution resolution;

    ModelWords(Clause clause) {
        this.clause = clause;
        this.resolution = new ColumnResolution(clause);
    }

    /** "inputs: A and B", "features A, B", "using A and B" alone: a list of a model's inputs, nothing else. */
    boolean listsInputs() {
        return !clause.tokens.isEmpty()
                && (Set.of(
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
                                .contains(clause.tokens.getFirst().text())
                        // "what predicts murder? use poverty and single": inputs said with "use", never "use X as
                        // the target"; "only use class, sex and fare" too.
                        || firstAfterOnly().equals("use") && !clause.words.contains("as"))
                && (!resolution.columns().isEmpty() || !resolution.excluded().isEmpty())
                && !clause.isInsideMention(0)
                && !isTraining()
                && !clause.has(Vocabulary.FILL)
                && !clause.has(Vocabulary.SCALE)
                && !clause.has(Vocabulary.ENCODE)
                && !clause.has(Vocabulary.REMOVE)
                && !clause.has(Vocabulary.CLIP);
    }

    private String firstAfterOnly() {
        int first =
                Set.of("only", "just").contains(clause.tokens.getFirst().text()) && clause.tokens.size() > 1 ? 1 : 0;
        return clause.tokens.get(first).text();
    }

    /** "use the diagnosis column as the label", "with price as the target", "Survived is the outcome". */
    private Optional<String> namedAsTarget() {
        for (ColumnMatcher.Mention mention : clause.mentions) {
            if (mention.kind() != ColumnMatcher.Kind.SINGLE) {
                continue;
            }
            int at = mention.end();
            if (at < clause.tokens.size()
                    && Set.of("column", "variable", "field")
                            .contains(clause.tokens.get(at).text())) {
                at++;
            }
            if (at < clause.tokens.size()
                    && Set.of("as", "is", "be").contains(clause.tokens.get(at).text())) {
                at++;
                while (at < clause.tokens.size()
                        && Set.of("the", "a", "my", "our", "your")
                                .contains(clause.tokens.get(at).text())) {
                    at++;
                }
                if (at < clause.tokens.size()
                        && Set.of("target", "label", "outcome", "response", "y", "dependent")
                                .contains(clause.tokens.get(at).text())) {
                    return Optional.of(mention.column());
                }
            }
        }
        return Optional.empty();
    }

    boolean isTraining() {
        if (namedAsTarget().isPresent()) {
            return true;
        }
        // "explain body mass by flipper length and bill depth": explaining a column by others is a model.
        boolean explains =
                clause.has(Set.of("explain", "explains", "explaining")) && featureCue() < clause.tokens.size();
        // "species from the sepal measurements", "price using carat and cut": a column, then a cue and the columns
        // it is read from, with no other verb, is a model of the first column.
        int cue = featureCue();
        boolean verbless = cue < clause.tokens.size()
                && !clause.mentions.isEmpty()
                && clause.mentions.getFirst().end() == cue
                && clause.mentions.getFirst().kind() == ColumnMatcher.Kind.SINGLE
                && Set.of("from", "using", "given", "based")
                        .contains(clause.tokens.get(cue).text())
                && describedOnly(
                        clause.tokens.subList(0, clause.mentions.getFirst().start()));
        boolean modelWord = clause.has(Vocabulary.TRAIN)
                || explains
                || verbless
                || Vocabulary.MODELS.stream().anyMatch(m -> clause.hasPhrase(m.getKey()));
        // "log transform" is a feature, "extract" a feature even next to "model"; "predict" always trains.
        return modelWord && !(clause.has(Vocabulary.LOG) && !clause.has(Set.of("train", "predict", "fit", "model")));
    }

    /** A word listed among named inputs (right after "and"/"or") that is no column, no group and no known word. */
    Optional<String> unresolvedFeature(int featureCue) {
        int end = Math.min(clause.exclusionStart, clause.tokens.size());
        boolean named = clause.mentions.stream().anyMatch(m -> m.start() > featureCue && m.start() < end);
        if (!named) {
            return Optional.empty();
        }
        for (int after = featureCue + 2; after < end; after++) {
            if (!Set.of("and", "or").contains(clause.tokens.get(after - 1).text())) {
                continue;
            }
            // The input said after "and": up to the next "and"/"or" or a word that closes the list.
            int last = after;
            while (last < end
                    && !Set.of("and", "or", "nothing", "no", "but")
                            .contains(clause.tokens.get(last).text())) {
                last++;
            }
            // A column said only as what one row is ("how urbanised each state is") is no input of its own.
            int from = after;
            int to = last;
            boolean holdsColumn = clause.mentions.stream()
                    .anyMatch(m -> m.start() >= from
                            && m.start() < to
                            && !RowUnits.describedRowUnit(clause.tokens, m.start(), m.end())
                            && !RowUnits.saysRowUnit(clause.tokens, m.start()));
            if (holdsColumn || last == after) {
                continue;
            }
            String said = String.join(
                    " ",
                    clause.tokens.subList(after, Math.min(last, after + 6)).stream()
                            .map(Words.Token::original)
                            .toList());
            // "and how many diners there were", "and how wealthy the passenger was": a measure said by a question.
            if (clause.tokens.get(after).text().equals("how") && last - after >= 2) {
                return Optional.of(said);
            }
            // "and the bird age": a determiner before the input is skipped, the word after it is the input.
            int i = after;
            while (i + 1 < last
                    && Set.of("the", "a", "an", "its", "their", "his", "her")
                            .contains(clause.tokens.get(i).text())) {
                i++;
            }
            String word = clause.tokens.get(i).text();
            if (ColumnMatcher.GRAMMAR.contains(word)
                    || Vocabulary.FILLER.contains(word)
                    || Vocabulary.known(word)
                    || word.matches("[\\d.,%-]+")
                    || ColumnMatcher.GROUP_NOUNS.contains(word)
                    || Vocabulary.TARGET_CUES.contains(word)) {
                continue;
            }
            return Optional.of(String.join(
                    " ",
                    clause.tokens.subList(i, Math.min(last, i + 4)).stream()
                            .map(Words.Token::original)
                            .toList()));
        }
        return ColumnResolution.unresolvedItemBefore(clause, featureCue, end)
                .or(() -> unresolvedListed(featureCue, end));
    }

    /**
     * "from unemployment, interest rate, money supply": an item of a list of inputs that names no one column is asked
     * about like one after "and", never dropped.
     */
    private Optional<String> unresolvedListed(int featureCue, int end) {
        for (String said : listed(featureCue, end)) {
            String item = said.strip().replaceFirst("(?i)^(?:(?:only|just|solely)\\s+)+", "");
            List<Words.Token> tokens = Words.tokens(item);
            List<ColumnMatcher.Mention> found = clause.matcher.find(tokens);
            if (tokens.isEmpty()
                    || found.stream().anyMatch(m -> m.kind() != ColumnMatcher.Kind.AMBIGUOUS)
                    || tokens.stream()
                            .map(Words.Token::text)
                            .anyMatch(w -> w.matches("[\\d.,%-]+")
                                    || Words.NUMBERS.containsKey(w)
                                    || DEMONSTRATIVES.contains(w)
                                    || Set.of("no", "other", "else", "nothing", "rest", "all", "every")
                                            .contains(w))) {
                continue;
            }
            boolean describes = found.isEmpty()
                    ? tokens.stream()
                            .map(Words.Token::text)
                            .anyMatch(w -> !ColumnMatcher.GRAMMAR.contains(w)
                                    && !Vocabulary.FILLER.contains(w)
                                    && !Vocabulary.known(w)
                                    && !ColumnMatcher.GROUP_NOUNS.contains(w)
                                    && !Vocabulary.TARGET_CUES.contains(w))
                    : true;
            if (describes) {
                return Optional.of(item.strip());
            }
        }
        return Optional.empty();
    }

    /** The inputs said between commas and brackets after the cue, when there are three or more. */
    private List<String> listed(int featureCue, int end) {
        if (featureCue >= end) {
            return List.of();
        }
        String cue = java.util.regex.Pattern.quote(clause.tokens.get(featureCue).original());
        java.util.regex.Matcher at = java.util.regex.Pattern.compile("(?i)(?<![\\w])" + cue + "(?![\\w])")
                .matcher(clause.text);
        if (!at.find()) {
            return List.of();
        }
        String after = clause.text.substring(at.end());
        // The words before a bracket or colon say what the list is ("the socioeconomic variables (…)"): no input.
        String listed = after.replaceAll("[^,;(\\[:]*[(\\[:]", ",");
        String[] items = listed.split("[,;()\\[\\]:]|\\s+[-\u2013\u2014]\\s+");
        return items.length < 2 ? List.of() : List.of(items);
    }

    /**
     * "from poverty, high-school graduation, single parents": each item of a list that names one column alone is an
     * input, even where the words of two items read together would make another name.
     */
    private boolean pronounAmongInputs(int featureCue) {
        return inputWord(
                        featureCue,
                        i -> Set.of("it", "them").contains(clause.tokens.get(i).text()))
                .isPresent();
    }

    /** "… and the measurements", "and all measurements": every measured column; "the beak measures" are some. */
    private boolean theMeasurementsAmongInputs(int featureCue) {
        return inputWord(
                        featureCue,
                        i -> Set.of("measurements", "measures")
                                        .contains(clause.tokens.get(i).text())
                                && Set.of("the", "all")
                                        .contains(clause.tokens.get(i - 1).text()))
                .isPresent();
    }

    /** The index of the first word among the inputs, outside any column's name, that the test accepts. */
    java.util.OptionalInt inputWord(int featureCue, java.util.function.IntPredicate accepts) {
        int end = Math.min(clause.exclusionStart, clause.tokens.size());
        for (int i = featureCue + 1; i < end; i++) {
            if (!clause.isInsideMention(i) && accepts.test(i)) {
                return java.util.OptionalInt.of(i);
            }
        }
        return java.util.OptionalInt.empty();
    }

    /** A model's inputs when every column is meant: all of them but the identifiers. */
    static List<String> everyInput(dev.assay.model.profile.Profile profile) {
        return profile.variables().values().stream()
                .filter(v -> v.type() != dev.assay.model.dataset.VariableKind.IDENTIFIER)
                .map(dev.assay.model.profile.VariableProfile::name)
                .toList();
    }

    private List<String> listedColumns(int featureCue) {
        List<String> columns = new ArrayList<>();
        for (String item : listed(featureCue, Math.min(clause.exclusionStart, clause.tokens.size()))) {
            List<ColumnMatcher.Mention> found = clause.matcher.find(Words.tokens(item));
            if (found.size() == 1 && found.getFirst().kind() == ColumnMatcher.Kind.SINGLE) {
                columns.add(found.getFirst().column());
            }
        }
        return columns;
    }

    /** Words right after "predict"/"forecast"/"model" (past a determiner) that are no column and no known word. */
    private boolean saysUnknownTarget(int featureCue) {
        int end = Math.min(featureCue, clause.tokens.size());
        for (int i = 0; i + 1 < end; i++) {
            if (!Set.of("predict", "forecast", "estimate", "model", "classify", "guess")
                    .contains(clause.tokens.get(i).text())) {
                continue;
            }
            int at = i + 1;
            while (at < end
                    && Set.of("the", "a", "an", "each", "every")
                            .contains(clause.tokens.get(at).text())) {
                at++;
            }
            if (at < end) {
                String word = clause.tokens.get(at).text();
                if (!clause.isInsideMention(at)
                        && !Clause.PRONOUNS.contains(word)
                        && !ColumnMatcher.GRAMMAR.contains(word)
                        && !Vocabulary.FILLER.contains(word)
                        && !Vocabulary.known(word)
                        && !Vocabulary.TARGET_CUES.contains(word)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** "the rest of the bill details", "the other informations": words after "the" that mean every other column. */
    private static final Set<String> REST_OF = Set.of("rest", "other", "others", "remaining");

    /** "give it", "feed the model": the word at {@code i} is what the model is given its inputs as. */
    private boolean givenTo(int i) {
        String word = clause.tokens.get(i).text();
        int verb =
                word.equals("model") && i > 1 && clause.tokens.get(i - 1).text().equals("the") ? i - 2 : i - 1;
        return Set.of("it", "model").contains(word)
                && verb >= 0
                && Set.of("give", "feed", "show")
                        .contains(clause.tokens.get(verb).text());
    }

    /** Where the features begin: a cue word followed by a column, a group or "every/all". */
    int featureCue() {
        for (int i = 0; i < clause.tokens.size(); i++) {
            String word = clause.tokens.get(i).text();
            int here = i;
            boolean cue =
                    Set.of("from", "using", "given", "with", "by", "against").contains(word)
                            || word.equals("based")
                                    && i + 1 < clause.tokens.size()
                                    && clause.tokens.get(i + 1).text().equals("on")
                            // "as a function of A, B", "in terms of A"
                            || word.equals("of")
                                    && i > 0
                                    && Set.of("function", "terms")
                                            .contains(clause.tokens.get(i - 1).text())
                            // "regress IBM on the S&P", "classify sex on bill depth alone", "a random forest for
                            // mpg on weight": after the target, "on" says what it is learnt from ("train on Survived"
                            // has no column before it and keeps "on" for the target).
                            || word.equals("on")
                                    && clause.mentions.stream().anyMatch(m -> m.end() <= here)
                                    && !Set.of("built", "trained", "based", "focus", "focused")
                                            .contains(clause.tokens.get(i - 1).text())
                            // "a fare model that looks at the distance", "one that considers only age".
                            || word.equals("at")
                                    && i > 0
                                    && Set.of("looks", "look", "looking")
                                            .contains(clause.tokens.get(i - 1).text())
                            || Set.of("considers", "considering").contains(word)
                            // "but only give it the weight and the horsepower": what the model is given.
                            || givenTo(i);
            if (!cue || clause.isInsideMention(i)) {
                continue;
            }
            int next = i + 1;
            while (next < clause.tokens.size()
                    && (Set.of(
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
                                            "both",
                                            // "using the years 2000 to 2004": the columns' common noun.
                                            "years",
                                            "year")
                                    .contains(clause.tokens.get(next).text())
                            // "using only number of cylinders, …": the count of a thing is its column.
                            || Set.of("number", "count", "amount")
                                            .contains(clause.tokens.get(next).text())
                                    && next + 1 < clause.tokens.size()
                                    && clause.tokens.get(next + 1).text().equals("of"))) {
                next++;
            }
            // "predict IBM from those two": the inputs are the columns the clause before named.
            if (i + 1 < clause.tokens.size()
                    && DEMONSTRATIVES.contains(clause.tokens.get(i + 1).text())
                    && clause.mentions.stream().noneMatch(m -> m.start() > here)) {
                return i;
            }
            if (next < clause.tokens.size()
                    && (clause.mentionAt(next).isPresent()
                            || Set.of("every", "all", "everything", "each")
                                    .contains(clause.tokens.get(next).text())
                            // "from the rest of the bill details", "from the other informations": every other column.
                            || REST_OF.contains(clause.tokens.get(next).text())
                                    && next > i + 1
                                    && clause.tokens.get(next - 1).text().equals("the"))) {
                return i;
            }
            // "using the 4 Cs: carat, cut …", "from two things, A and B": a few words that describe the list
            // (no column, no cue, no model word) may stand between the cue and the columns it introduces.
            int described = next;
            while (described < clause.tokens.size()
                    && described - next < 4
                    && clause.mentionAt(described).isEmpty()
                    && !clause.isInsideMention(described)
                    && !Vocabulary.TARGET_CUES.contains(
                            clause.tokens.get(described).text())
                    && !Vocabulary.known(clause.tokens.get(described).text())
                    && !Set.of("from", "using", "given", "with", "by", "except", "but", "without")
                            .contains(clause.tokens.get(described).text())) {
                described++;
            }
            if (described > next
                    && described < clause.tokens.size()
                    && clause.mentionAt(described).isPresent()) {
                return i;
            }
        }
        return clause.tokens.size();
    }

    /**
     * "the species", "penguin species", "wine class": what comes before a verbless model's target is an article and
     * at most one word that says what the rows are, no word of the vocabulary.
     */
    private static boolean describedOnly(List<Words.Token> before) {
        List<String> words = before.stream()
                .map(Words.Token::text)
                .filter(w -> !Set.of("the", "a", "an").contains(w))
                .toList();
        return words.isEmpty()
                || words.size() == 1
                        && words.getFirst().chars().allMatch(Character::isLetter)
                        && !Vocabulary.known(words.getFirst())
                        && !ColumnMatcher.GRAMMAR.contains(words.getFirst());
    }

    private static final Set<String> DEMONSTRATIVES = Set.of("those", "these", "them", "it", "both");

    /**
     * "predict tip from those two" with nothing or one column before it: which inputs "those" are is asked, never
     * every column or fewer than said.
     */
    Optional<String> demonstrativeQuestion(int featureCue, String target) {
        if (featureCue + 1 >= clause.tokens.size()
                || !DEMONSTRATIVES.contains(clause.tokens.get(featureCue + 1).text())
                || clause.mentions.stream().anyMatch(m -> m.start() > featureCue)) {
            return Optional.empty();
        }
        Optional<Integer> count = clause.tokens.subList(featureCue + 1, clause.tokens.size()).stream()
                .map(t -> t.text().equals("both") ? Integer.valueOf(2) : Words.NUMBERS.get(t.text()))
                .filter(java.util.Objects::nonNull)
                .findFirst();
        // "Carat, cut, colour and clarity set the price. Predict price from those four": the target named among
        // them is no input, so the count is of the others.
        long inputs = clause.referents.stream().filter(c -> !c.equals(target)).count();
        if (inputs > 0 && count.map(n -> n == inputs).orElse(true)) {
            return Optional.empty();
        }
        return Optional.of("Which columns are the model's inputs in \"" + clause.text + "\"? "
                + (clause.referents.isEmpty()
                        ? "No columns were named before it"
                        : "Before it, only " + String.join(", ", clause.referents) + " were named")
                + ", so nothing was planned rather than training on every other column.");
    }

    /**
     * "passenger class, sex, age and ticket fare": a column's word said right before another column's name, with no
     * comma or "and" between, describes that column (the last noun is the thing named), so it is no input of its own.
     */
    List<ColumnMatcher.Mention> describers(int featureCue) {
        List<ColumnMatcher.Mention> inputs = clause.mentions.stream()
                .filter(m -> m.start() > featureCue
                        && m.start() < clause.exclusionStart
                        && m.kind() == ColumnMatcher.Kind.SINGLE)
                .toList();
        List<ColumnMatcher.Mention> describing = new ArrayList<>();
        for (ColumnMatcher.Mention first : inputs) {
            for (ColumnMatcher.Mention next : inputs) {
                if (next.start() != first.end() || next.column().equals(first.column())) {
                    continue;
                }
                String together = clause.tokens.subList(first.start(), next.end()).stream()
                        .map(t -> java.util.regex.Pattern.quote(t.original()))
                        .collect(java.util.stream.Collectors.joining("\\s+"));
                if (java.util.regex.Pattern.compile("(?i)(?<![\\w])" + together + "(?![\\w])")
                        .matcher(clause.text)
                        .find()) {
                    describing.add(first);
                }
            }
        }
        // "from the time of day and size": a column's name after "of" that follows another column's name, with no
        // comma between, says which of that column is meant ("time of day" is the time); it is no input of its own.
        for (ColumnMatcher.Mention first : inputs) {
            for (ColumnMatcher.Mention next : inputs) {
                int gap = next.start() - first.end();
                if (next.column().equals(first.column()) || gap < 1 || gap > 2) {
                    continue;
                }
                List<String> between = clause.tokens.subList(first.end(), next.start()).stream()
                        .map(Words.Token::text)
                        .toList();
                String said = clause.tokens.subList(first.start(), next.end()).stream()
                        .map(t -> java.util.regex.Pattern.quote(t.original()))
                        .collect(java.util.stream.Collectors.joining("\\s+"));
                if (between.getFirst().equals("of")
                        && (gap == 1 || between.get(1).equals("the"))
                        && java.util.regex.Pattern.compile("(?i)(?<![\\w])" + said + "(?![\\w])")
                                .matcher(clause.text)
                                .find()) {
                    describing.add(next);
                }
            }
        }
        return describing;
    }

    /** The features named after the cue, or every other column but the excluded ones, or [] (every other). */
    List<String> features(int featureCue, String target) {
        List<String> excluded = resolution.excluded();
        // "from the rest of the bill details", "from the other informations of the bill": every other column; the
        // column after "of" says whose details they are, it is no input of its own.
        if (featureCue + 3 < clause.tokens.size()
                && clause.tokens.get(featureCue + 1).text().equals("the")
                && REST_OF.contains(clause.tokens.get(featureCue + 2).text())
                && clause.tokens.subList(featureCue + 3, clause.tokens.size()).stream()
                        .limit(2)
                        .anyMatch(t -> t.text().equals("of"))
                && excluded.isEmpty()) {
            return List.of();
        }
        List<String> named = new ArrayList<>();
        List<ColumnMatcher.Mention> describing = describers(featureCue);
        clause.mentions.stream()
                .filter(m -> !describing.contains(m))
                .filter(m -> m.start() > featureCue
                        && m.start() < clause.exclusionStart
                        && !RowUnits.describedRowUnit(clause.tokens, m.start(), m.end())
                        && (m.kind() != ColumnMatcher.Kind.AMBIGUOUS || FeatureGroups.sharedWord(m)))
                .forEach(m -> m.columns().stream()
                        .filter(c -> !named.contains(c) && !c.equals(target))
                        .forEach(named::add));
        if (!named.isEmpty()) {
            listedColumns(featureCue).stream()
                    .filter(c -> !named.contains(c) && !c.equals(target))
                    .forEach(named::add);
            // "add SibSp and Parch as family_size, then predict Survived from family_size, Sex and Pclass": the new
            // column is said as "it" in this clause (CreatedColumns), and an "it" among the inputs is one of them;
            // without this the model was trained on Sex and Pclass alone, in silence.
            if (pronounAmongInputs(featureCue)) {
                clause.referents.stream()
                        .filter(c -> !named.contains(c) && !c.equals(target))
                        .forEach(named::add);
            }
            // "using species and the measurements": the measured columns are inputs too, beside the ones named;
            // without this only species was used, in silence.
            if (theMeasurementsAmongInputs(featureCue)) {
                VagueInputs.measuredColumns(clause.profile).stream()
                        .filter(c -> !named.contains(c) && !c.equals(target))
                        .forEach(named::add);
            }
        }
        named.removeAll(excluded);
        if (!named.isEmpty()) {
            return named;
        }
        // "fill MSFT and the S&P 500, then predict IBM from those two": inputs said by a demonstrative are the
        // columns the clause before named, never every column.
        List<String> said = clause
                .tokens
                .subList(
                        Math.min(featureCue + 1, clause.tokens.size()),
                        Math.max(
                                Math.min(featureCue + 1, clause.tokens.size()),
                                Math.min(clause.exclusionStart, clause.tokens.size())))
                .stream()
                .map(Words.Token::text)
                .toList();
        if (excluded.isEmpty()
                && demonstrativeQuestion(featureCue, target).isEmpty()
                && said.stream().anyMatch(DEMONSTRATIVES::contains)
                // "on these three alone": the demonstrative said first, and no column after it, is the inputs
                // whatever words follow it; falling through would train on every column.
                && (DEMONSTRATIVES.contains(said.getFirst())
                                && clause.mentions.stream().noneMatch(m -> m.start() > featureCue)
                        || said.stream()
                                .allMatch(w -> DEMONSTRATIVES.contains(w)
                                        || Words.NUMBERS.containsKey(w)
                                        || Set.of(
                                                        "the",
                                                        "of",
                                                        "same",
                                                        "columns",
                                                        "ones",
                                                        "only",
                                                        "just",
                                                        "as",
                                                        "inputs",
                                                        "features",
                                                        "predictors")
                                                .contains(w)))) {
            return clause.referents.stream().filter(c -> !c.equals(target)).toList();
        }
        if (!excluded.isEmpty()) {
            return everyInput(clause.profile).stream()
                    .filter(c -> !c.equals(target) && !excluded.contains(c))
                    .toList();
        }
        return List.of();
    }

    /**
     * "the fare before the tip", "the bill excluding tolls", "the total net of tax": a column said after such a word
     * qualifies the target said before it and is never the target itself.
     */
    private boolean qualifiesTarget(ColumnMatcher.Mention mention) {
        int at = mention.start() - 1;
        while (at >= 0
                && Set.of("the", "a", "an", "any", "of")
                        .contains(clause.tokens.get(at).text())) {
            at--;
        }
        if (at < 0) {
            return false;
        }
        String word = clause.tokens.get(at).text();
        if (Set.of("and", "or").contains(word)) {
            // "before the tip and tolls": the list goes on qualifying.
            int end = at;
            return clause.mentions.stream()
                    .filter(m -> m.end() == end)
                    .findFirst()
                    .map(this::qualifiesTarget)
                    .orElse(false);
        }
        return Set.of("before", "excluding", "minus", "net").contains(word)
                || word.equals("counting")
                        && at >= 1
                        && clause.tokens.get(at - 1).text().equals("not");
    }

    /** The column after a cue word (on, for, predict…) before the features, else the first column named there. */
    Optional<String> target(int featureCue) {
        Optional<String> named = namedAsTarget();
        if (named.isPresent()) {
            return named;
        }
        // "guess whether a table had a smoker at it from the rest of the bill": what "whether" asks about is the
        // column said by its whole name in the next few words, not a word of the inputs said later.
        for (int w = 0; w < Math.min(featureCue, clause.tokens.size()); w++) {
            if (!clause.tokens.get(w).text().equals("whether")) {
                continue;
            }
            int from = w;
            Optional<ColumnMatcher.Mention> asked = clause.mentions.stream()
                    .filter(m -> m.start() > from
                            && m.start() <= from + 6
                            && m.start() < Math.min(featureCue, clause.exclusionStart)
                            && m.kind() == ColumnMatcher.Kind.SINGLE
                            && !m.partial())
                    .findFirst();
            if (asked.isPresent()) {
                return Optional.of(asked.get().column());
            }
        }
        List<ColumnMatcher.Mention> before = clause.mentions.stream()
                .filter(m -> m.start() < Math.min(featureCue, clause.exclusionStart)
                        && m.kind() == ColumnMatcher.Kind.SINGLE)
                .filter(m -> !RowUnits.saysRowUnit(clause.tokens, m.start()))
                .filter(m -> !qualifiesTarget(m))
                .toList();
        // "classify the wines by class": a word found only inside a longer name ("wines") before "by" loses to the
        // one column named by its whole name after it.
        if (!before.isEmpty()
                && before.stream().allMatch(ColumnMatcher.Mention::partial)
                && featureCue < clause.tokens.size()
                && clause.tokens.get(featureCue).text().equals("by")) {
            List<ColumnMatcher.Mention> after = clause.mentions.stream()
                    .filter(m -> m.start() > featureCue && m.start() < clause.exclusionStart)
                    .toList();
            if (after.size() == 1
                    && after.getFirst().kind() == ColumnMatcher.Kind.SINGLE
                    && !after.getFirst().partial()) {
                return Optional.of(after.getFirst().column());
            }
        }
        for (ColumnMatcher.Mention mention : before) {
            int at = mention.start() - 1;
            while (at >= 0
                    && Set.of(
                                    "the", "a", "an", "column", "whether", "to", "be", "its", "each", "share", "rate",
                                    "of", "value", "values")
                            .contains(clause.tokens.get(at).text())
                    && !Vocabulary.TARGET_CUES.contains(clause.tokens.get(at).text())) {
                at--;
            }
            if (at >= 0
                    && (Vocabulary.TARGET_CUES.contains(clause.tokens.get(at).text())
                            || Set.of("regress", "model", "classify", "predict")
                                    .contains(clause.tokens.get(at).text()))) {
                return Optional.of(mention.column());
            }
        }
        // A word found only inside a longer name loses to a column named by its whole name.
        List<ColumnMatcher.Mention> whole =
                before.stream().filter(m -> !m.partial()).toList();
        if (!whole.isEmpty() && whole.size() < before.size()) {
            before = whole;
        }
        if (featureCue < clause.tokens.size() && !before.isEmpty()) {
            return Optional.of(before.getFirst().column());
        }
        // "classify the flowers by species", "sort passengers by Survived with a tree": things that are no column,
        // then "by" and one column, are sorted by that column, which is the target (the features are the rest).
        // "model it by size" keeps "it" for the column said before.
        boolean pronoun = clause.tokens.stream()
                .anyMatch(t -> !clause.isInsideMention(t.index()) && Clause.PRONOUNS.contains(t.text()));
        if (before.isEmpty()
                && !pronoun
                && featureCue < clause.tokens.size()
                && clause.tokens.get(featureCue).text().equals("by")) {
            List<ColumnMatcher.Mention> after = clause.mentions.stream()
                    .filter(m -> m.start() > featureCue && m.start() < clause.exclusionStart)
                    .toList();
            if (after.size() == 1 && after.getFirst().kind() == ColumnMatcher.Kind.SINGLE) {
                return Optional.of(after.getFirst().column());
            }
        }
        // "… the tip? fit a model for it", "what predicts murder? use boosting with poverty as inputs"; but "predict
        // the jeweller's margin" says what to predict in words that name no column, and is asked about instead.
        if (before.isEmpty()) {
            return saysUnknownTarget(featureCue) ? Optional.empty() : clause.antecedent;
        }
        return before.isEmpty()
                ? Optional.empty()
                : Optional.of(before.getLast().column());
    }
}
