package dev.assay.api.assistant.builtin;

import static dev.assay.api.assistant.builtin.BuiltInPlanner.orList;

import dev.assay.model.profile.Profile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Words to columns: which columns a clause names, which it leaves out, and the scope a step may touch. A name that is
 * not found or fits several columns gives a question instead of a guess, never "every column".
 */
final class ColumnResolution {

    /** A number, a share, or an ordinal with decimals ("2.5th"): never a column's name not found. */
    private static final String NUMBER_WORD = "[\\d.,%-]+|\\d+(?:\\.\\d+)?(?:st|nd|rd|th)";

    private final Clause clause;

    ColumnResolution(Clause clause) {
        this.clause = clause;
    }

    static ColumnMatcher matcher(Profile profile) {
        // A verb or a how-word ("drop", "mean") is part of a column's name only when it is the whole name.
        return new ColumnMatcher(
                List.copyOf(profile.variables().keySet()),
                word -> Vocabulary.HOW.contains(word)
                        || Vocabulary.FILLER.contains(word)
                        || Vocabulary.known(word)
                                && !Vocabulary.LENGTH.contains(word)
                                && !Vocabulary.DATE_PARTS.containsKey(word));
    }

    /** The columns the clause leaves out ("every column except X", "but keep Y", "without using Z"). */
    List<String> excluded() {
        List<String> out = new ArrayList<>();
        clause.mentions.stream()
                .filter(m -> m.start() > clause.exclusionStart && m.kind() != ColumnMatcher.Kind.AMBIGUOUS)
                .filter(m -> !RowUnits.describedRowUnit(clause.tokens, m.start(), m.end()))
                .forEach(m -> m.columns().stream().filter(c -> !out.contains(c)).forEach(out::add));
        return out;
    }

    /**
     * Whether leaving columns out selects every other one: "except", "excluding", "other than", "apart from",
     * "besides" say so themselves; "without", "not" and "but" only beside a word for every column ("everything but
     * Cabin"), since "penguins without a recorded sex" or "not Cabin" name no rest to act on.
     */
    private boolean restImplied() {
        String cue = clause.tokens.get(clause.exclusionStart).text();
        return !Set.of("without", "not", "but").contains(cue)
                || clause.words.stream()
                        .anyMatch(Set.of(
                                "all",
                                "every",
                                "everything",
                                "each",
                                "entire",
                                "whole",
                                "rest",
                                "others",
                                "other",
                                "columns",
                                "variables",
                                "features")::contains);
    }

    /** Whether the clause speaks of every column ("all", "every column", "everything", "each variable"). */
    private boolean saysEvery() {
        return clause.words.stream().anyMatch(Set.of("all", "every", "everything", "each", "entire", "whole")::contains)
                || clause.exclusionStart < clause.tokens.size();
    }

    /** The first mention that fits several columns equally when said as one: the planner asks which. */
    Optional<ColumnMatcher.Mention> ambiguous(int from, int to) {
        return clause.mentions.stream()
                .filter(m -> m.kind() == ColumnMatcher.Kind.AMBIGUOUS && m.start() >= from && m.start() < to)
                .findFirst();
    }

    String question(ColumnMatcher.Mention mention) {
        return "Which column do you mean by \"" + mention.words() + "\": " + orList(mention.columns())
                + "? Several fit equally, so nothing was planned for \"" + clause.text + "\".";
    }

    /** A word that is grammar, an intent, a number or a group noun: never part of a column's name not found. */
    static boolean plainWord(String word) {
        return ColumnMatcher.GRAMMAR.contains(word)
                || Vocabulary.FILLER.contains(word)
                || Vocabulary.known(word)
                || word.matches(NUMBER_WORD)
                || ColumnMatcher.GROUP_NOUNS.contains(word);
    }

    /** The clause's words that are neither grammar, an intent, a number nor a column: a name not found. */
    List<String> unknownWords() {
        return unknownRuns(false);
    }

    /**
     * Runs of words that no column, profile phrase or known word explains. A word is taken for a column's name only
     * where a name goes (after the/in/where/of/for/on or a verb), unless {@code anywhere}.
     */
    private List<String> unknownRuns(boolean anywhere) {
        List<String> unknown = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (Words.Token token : clause.tokens) {
            String word = token.text();
            boolean known = clause.isInsideMention(token.index()) || plainWord(word);
            boolean slot = anywhere
                    || !run.isEmpty()
                    || token.index() > 0
                            && slotBefore(clause.tokens.get(token.index() - 1).text());
            if (known || !slot) {
                if (!run.isEmpty()) {
                    unknown.add(run.toString());
                    run.setLength(0);
                }
            } else {
                run.append(run.isEmpty() ? "" : " ").append(token.original());
            }
        }
        if (!run.isEmpty()) {
            unknown.add(run.toString());
        }
        return unknown;
    }

    private static boolean slotBefore(String word) {
        return Set.of(
                                "the", "in", "where", "of", "for", "on", "a", "an", "my", "column", "called", "named",
                                "by", "from", "using")
                        .contains(word)
                || Vocabulary.known(word) && !Vocabulary.ROWS.contains(word) && !Vocabulary.MISSING.contains(word);
    }

    /** "the columns with the most gaps", "the variables that have the fewest values": several, but how many? */
    private static final java.util.regex.Pattern UNCOUNTED_SUPERLATIVE = java.util.regex.Pattern.compile(
            "(?i)\\b(?:the\\s+)?(?:columns|variables|features|fields|ones)\\s+(?:with|having|that\\s+have|which\\s+have)"
                    + "\\s+the\\s+(?:most|fewest|least|largest|highest|lowest|biggest|smallest|greatest)\\b"
                    // "fill the nearly complete columns with the most frequent value": the way to fill, not a rank.
                    + "(?!\\s+(?:frequent|common|popular|usual|typical|often)\\b)[^,;.]*");

    /**
     * The scope rule: the columns a step may touch are those the clause names (groups and profile phrases
     * included), or every applicable column but the excluded ones when it says "every … except"; when it names
     * something that is no column, or fits several equally, there is no scope and the reason is given. Never
     * "every column" for a name that was not found.
     */
    Scope scope(java.util.function.Predicate<String> applicable) {
        Optional<ColumnMatcher.Mention> unclear = ambiguous(0, clause.exclusionStart);
        if (unclear.isPresent()) {
            return Scope.refused(question(unclear.get()));
        }
        // "fill the columns with the most gaps": a superlative of several columns with no count names no set of
        // them; read as no scope at all it had acted on every column.
        java.util.regex.Matcher uncounted = UNCOUNTED_SUPERLATIVE.matcher(clause.text);
        if (uncounted.find() && clause.mentions.stream().noneMatch(m -> m.kind() == ColumnMatcher.Kind.SINGLE)) {
            return Scope.refused(
                    "How many columns do you mean by \"" + uncounted.group().strip() + "\"? Say a number "
                            + "(\"the two emptiest columns\", \"the three most skewed columns\") or name them; nothing was planned for \""
                            + clause.text + "\".");
        }
        Optional<ColumnMatcher.Mention> emptyPhrase =
                clause.mentions.stream().filter(m -> m.columns().isEmpty()).findFirst();
        if (emptyPhrase.isPresent()) {
            return Scope.refused(
                    "No column of this dataset is " + emptyPhrase.get().words()
                            + " in its profile, so nothing was planned for \"" + clause.text + "\".");
        }
        List<String> named = new ArrayList<>();
        clause.mentions.stream()
                .filter(m -> m.start() < clause.exclusionStart)
                .forEach(m ->
                        m.columns().stream().filter(c -> !named.contains(c)).forEach(named::add));
        List<String> excluded = excluded();
        named.removeAll(excluded);
        // "one-hot encode it together with origin", "scale them and Fare": a pronoun in a list of columns is one of
        // its items, what the clause before named.
        boolean referentsListed = !named.isEmpty() && !clause.referents.isEmpty() && pronounListed();
        if (referentsListed) {
            List<String> with = new ArrayList<>(clause.referents);
            named.stream().filter(c -> !with.contains(c)).forEach(with::add);
            named.clear();
            named.addAll(with);
        }
        // "encode sex and the others too", "scale Age and everything else": the named columns and every other one the
        // step applies to; read as the named ones alone, "the others" was lost in silence.
        java.util.regex.Matcher andOthers = AND_THE_OTHERS.matcher(clause.text);
        if (!named.isEmpty() && excluded.isEmpty() && andOthers.find()) {
            return new Scope(
                    List.of(),
                    Optional.empty(),
                    List.of("Read \"" + andOthers.group().strip() + "\"" + STILL_THERE));
        }
        if (!named.isEmpty()) {
            // "scale bill depth and the beak curvature": a listed item that names no column is asked about, never
            // dropped from the list without a word.
            Optional<String> lost = unresolvedListItem()
                    .or(() -> unresolvedItemBefore(clause, 0, Math.min(clause.exclusionStart, clause.tokens.size())))
                    .or(this::unresolvedExclusion);
            if (lost.isPresent()) {
                return Scope.refused(notFound(lost.get()));
            }
            // "standardise the three petal measurements": a count said before a group that names another number
            // of columns is asked about.
            Optional<String> miscounted = miscounted();
            if (miscounted.isPresent()) {
                return Scope.refused(miscounted.get());
            }
            // A group ("the 2010s", "the numeric ones") may hold columns the action cannot take; they are left
            // out and named. A column named on its own is kept, so the validator says why it cannot be done.
            List<String> alone = new ArrayList<>(clause.mentions.stream()
                    .filter(m -> m.kind() == ColumnMatcher.Kind.SINGLE)
                    .map(ColumnMatcher.Mention::column)
                    .toList());
            if (referentsListed) {
                alone.addAll(clause.referents);
            }
            List<String> unfit = named.stream()
                    .filter(c -> !alone.contains(c) && !applicable.test(c))
                    .toList();
            if (!unfit.isEmpty() && unfit.size() < named.size()) {
                named.removeAll(unfit);
                return new Scope(
                        List.copyOf(named),
                        Optional.empty(),
                        List.of("Left out " + String.join(", ", unfit)
                                + ": this action does not apply to "
                                + (unfit.size() == 1 ? "that column's" : "their")
                                + " type."));
            }
            return Scope.of(named);
        }
        // "rescale all four measurements": the columns measured in a unit, never every numeric column; a count said
        // that does not fit them is asked about.
        List<String> measured =
                clause.mentions.isEmpty() && excluded.isEmpty() && clause.has(Set.of("measurements", "measures"))
                        ? VagueInputs.measuredColumns(clause.profile)
                        : List.of();
        if (!measured.isEmpty()) {
            Optional<Integer> said = clause.tokens.stream()
                    .map(t -> t.text().matches("\\d{1,2}") ? Integer.valueOf(t.text()) : Words.NUMBERS.get(t.text()))
                    .filter(java.util.Objects::nonNull)
                    .findFirst();
            if (said.isPresent() && said.get() != measured.size()) {
                return Scope.refused("You said " + said.get() + " measurements, but the columns measured in a unit are "
                        + orList(measured).replace(" or ", " and ") + ". Which do you mean? Nothing was planned for \""
                        + clause.text + "\".");
            }
            return new Scope(
                    List.copyOf(measured),
                    Optional.empty(),
                    List.of("Read \"the measurements\" as the columns measured in a unit: "
                            + String.join(", ", measured) + "."));
        }
        // "everything except murder and how rich the state is", "every column except how old people were": an item
        // to leave out that names no column is asked about; acting on the rest would act on the column it meant.
        Optional<String> lost =
                unresolvedExclusion().or(() -> excluded.isEmpty() ? exclusionOfNothing() : Optional.empty());
        if (lost.isPresent()) {
            return Scope.refused(exclusionNotFound(lost.get()));
        }
        if (!excluded.isEmpty() || saysEvery() && clause.mentions.isEmpty()) {
            if (excluded.isEmpty()) {
                // "z-score all of the standard-error features": "all" of words that name nothing is no "every column".
                Optional<String> unknown = describingBeforeGroupNoun();
                return unknown.isEmpty() ? Scope.of(List.of()) : Scope.refused(notFound(unknown.get()));
            }
            // "scale the gizmo columns except weight": what the columns are said to be names none of them, so the
            // step is asked about rather than taken to every other column.
            Optional<String> undescribed = describingBeforeGroupNoun(clause.exclusionStart);
            if (undescribed.isPresent()) {
                return Scope.refused(notFound(undescribed.get()));
            }
            if (!restImplied()) {
                return Scope.refused("Which columns should \"" + clause.text + "\" act on? It leaves out "
                        + String.join(", ", excluded)
                        + " but names no columns to act on, so nothing was planned for "
                        + "it rather than acting on every other column.");
            }
            return Scope.of(clause.profile.variables().keySet().stream()
                    .filter(applicable)
                    .filter(c -> !excluded.contains(c))
                    .toList());
        }
        // "drop year and quarter, then standardise the remaining series", "scale whatever is left": every column
        // still there when the step runs, which is what an empty list means to the action; the answer says so.
        java.util.regex.Matcher remaining = REMAINING.matcher(clause.text);
        if (clause.mentions.isEmpty() && remaining.find()) {
            return new Scope(
                    List.of(),
                    Optional.empty(),
                    List.of("Read \"" + remaining.group().strip() + "\"" + STILL_THERE));
        }
        List<String> unknown = unknownWords();
        if (!unknown.isEmpty()) {
            return Scope.refused(notFound(unknown.getFirst()));
        }
        // "then scale it": a pronoun stands for what the clause before named or created, never for every column;
        // with nothing before it to stand for, the person is asked.
        if (clause.tokens.stream()
                .anyMatch(t -> !clause.isInsideMention(t.index()) && Clause.PRONOUNS.contains(t.text()))) {
            return clause.referents.isEmpty()
                    ? Scope.refused("Which column should \"" + clause.text + "\" use? Name it.")
                    : Scope.of(clause.referents);
        }
        // "fill the empty Amazon prices with 0", "scale the only column that holds words": words that say which
        // columns but name none are never read as "every column"; the person is asked.
        // Rows ("remove the rows that still have gaps") are not columns, and one word alone ("missing prices") is
        // mostly a word for the values themselves.
        List<String> unsaid =
                describingWords().stream().filter(words -> words.contains(" ")).toList();
        if (!unsaid.isEmpty() && !clause.has(Vocabulary.ROWS)) {
            return Scope.refused(notFound(unsaid.getFirst()));
        }
        // "standardise the two", "scale both of them": a count of columns said with none named is a question,
        // never every column.
        Optional<String> counted = countWithoutColumns();
        if (counted.isPresent()) {
            return Scope.refused("Which " + counted.get() + " columns should \"" + clause.text
                    + "\" act on? None is named, so nothing was planned rather than acting on every column.");
        }
        // "one-hot encode the day of the week", "scale the month": a part of a date names a column this step does
        // not find, never every column.
        Optional<String> datePart = clause.tokens.stream()
                .filter(t -> !clause.isInsideMention(t.index()) && Vocabulary.DATE_PARTS.containsKey(t.text()))
                .map(Words.Token::original)
                .findFirst();
        if (datePart.isPresent()) {
            return Scope.refused(notFound(datePart.get()));
        }
        return Scope.of(List.of());
    }

    /** Words before "columns" that say "all of them": "all remaining columns", "all the input features". */
    private static final Set<String> EVERY_OF_THEM = Set.of(
            "remaining",
            "available",
            "other",
            "input",
            "original",
            "existing",
            "current",
            "present",
            "leftover",
            "usable",
            "dataset",
            "data",
            "file",
            "table");

    /** A word that names nothing, right before "columns", "features" and the like: it says which columns. */
    private Optional<String> describingBeforeGroupNoun() {
        return describingBeforeGroupNoun(clause.tokens.size());
    }

    /** The same, among the words before {@code end}: "scale the gizmo columns except weight" names no columns. */
    private Optional<String> describingBeforeGroupNoun(int end) {
        List<Words.Token> tokens = clause.tokens;
        for (int i = 0; i + 1 < Math.min(end, tokens.size()); i++) {
            String word = tokens.get(i).text();
            if (!clause.isInsideMention(i)
                    && !plainWord(word)
                    && !word.matches("\\d+|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-\\p{L}+)?")
                    && !Words.NUMBERS.containsKey(word)
                    && !EVERY_OF_THEM.contains(word)
                    && ColumnMatcher.GROUP_NOUNS.contains(tokens.get(i + 1).text())) {
                return Optional.of(tokens.get(i).original());
            }
        }
        return Optional.empty();
    }

    private boolean pronounListed() {
        List<Words.Token> tokens = clause.tokens;
        for (Words.Token t : tokens) {
            int i = t.index();
            if (clause.isInsideMention(i) || !Set.of("it", "them").contains(t.text()) || i >= clause.exclusionStart) {
                continue;
            }
            boolean nextJoins = i + 1 < tokens.size()
                    && Set.of("together", "along", "and", "plus", "alongside")
                            .contains(tokens.get(i + 1).text());
            boolean afterJoin =
                    i > 0 && Set.of("and", "plus").contains(tokens.get(i - 1).text());
            if (nextJoins || afterJoin) {
                return true;
            }
        }
        return false;
    }

    private Optional<String> countWithoutColumns() {
        List<Words.Token> tokens = clause.tokens;
        for (int i = 0; i < tokens.size(); i++) {
            if (clause.isInsideMention(i)) {
                continue;
            }
            String word = tokens.get(i).text();
            String next = i + 1 < tokens.size() ? tokens.get(i + 1).text() : "";
            boolean ends = i + 1 >= tokens.size() || ColumnMatcher.GROUP_NOUNS.contains(next) || next.equals("of");
            if (word.equals("both") && ends) {
                return Optional.of("two");
            }
            if (Set.of("the", "these", "those").contains(word) && i + 1 < tokens.size()) {
                Integer n = next.matches("\\d{1,2}") ? Integer.valueOf(next) : Words.NUMBERS.get(next);
                String after = i + 2 < tokens.size() ? tokens.get(i + 2).text() : "";
                if (n != null
                        && n >= 2
                        && (i + 2 >= tokens.size()
                                || ColumnMatcher.GROUP_NOUNS.contains(after)
                                || after.equals("of"))) {
                    return Optional.of(next);
                }
            }
        }
        return Optional.empty();
    }

    /** How the answer says that an empty list of columns means every column the step applies to. */
    static final String STILL_THERE = " as every column the step applies to that is still there when it runs.";

    private static final java.util.regex.Pattern AND_THE_OTHERS = java.util.regex.Pattern.compile(
            "(?i)\\b(?:and|plus|as well as)\\s+(?:all\\s+(?:of\\s+)?)?(?:the\\s+others|the\\s+rest|everything\\s+else"
                    + "|all\\s+the\\s+others|every\\s+other\\s+(?:column|one|feature|variable))\\b");

    private static final java.util.regex.Pattern REMAINING =
            java.util.regex.Pattern.compile("(?i)\\b(?:whatever(?:'s|\\s+is)?\\s+(?:left|remains|remaining)"
                    + "|(?:everything|all)\\s+(?:that\\s+(?:is\\s+)?)?(?:left|remains|remaining)"
                    + "|(?:all\\s+)?the\\s+(?:remaining|rest\\s+of\\s+the)\\s+(?:columns|series|features|variables|ones"
                    + "|measurements|fields|numeric\\s+columns)|the\\s+rest)\\b");

    /**
     * The words after "except", "excluding", "other than", "apart from" or "besides" when none of them names a column:
     * something was to be left out, and no column of the file is it.
     */
    Optional<String> exclusionOfNothing() {
        OptionalInt cue = IntStream.range(0, clause.tokens.size())
                .filter(i -> !clause.isInsideMention(i))
                .filter(i -> Set.of("except", "excluding", "besides")
                                .contains(clause.tokens.get(i).text())
                        || i + 1 < clause.tokens.size()
                                && (clause.tokens.get(i).text().equals("other")
                                                && clause.tokens
                                                        .get(i + 1)
                                                        .text()
                                                        .equals("than")
                                        || clause.tokens.get(i).text().equals("apart")
                                                && clause.tokens
                                                        .get(i + 1)
                                                        .text()
                                                        .equals("from")))
                .findFirst();
        if (cue.isEmpty() || clause.mentions.stream().anyMatch(m -> m.start() > cue.getAsInt())) {
            return Optional.empty();
        }
        int from = Set.of("other", "apart")
                        .contains(clause.tokens.get(cue.getAsInt()).text())
                ? cue.getAsInt() + 2
                : cue.getAsInt() + 1;
        List<Words.Token> rest = clause.tokens.subList(Math.min(from, clause.tokens.size()), clause.tokens.size());
        if (rest.isEmpty()
                || rest.stream()
                        .allMatch(t ->
                                ColumnMatcher.GRAMMAR.contains(t.text()) || Vocabulary.FILLER.contains(t.text()))) {
            return Optional.empty();
        }
        return Optional.of(rest.stream().map(Words.Token::original).collect(java.util.stream.Collectors.joining(" ")));
    }

    private static final Set<String> LIST_ENDS = Set.of(
            "and", "or", "with", "to", "into", "as", "using", "by", "at", "for", "in", "from", "then", "but", "except",
            "nothing", "only");

    /**
     * "everything except the species and where they live": words among the columns to leave out that hold no column.
     * Leaving them out of the exclusion would keep that column among the columns acted on, without a word.
     */
    Optional<String> unresolvedExclusion() {
        StringBuilder run = new StringBuilder();
        boolean unknown = false;
        // Words right beside a column's name describe it ("the car name", "the time of the meal"): only an item
        // of its own, between list words, is checked.
        boolean besideName = false;
        for (int i = clause.exclusionStart + 1; i <= clause.tokens.size(); i++) {
            // "how rich the state is": the state is what one row is, so the item is the unknown "how rich".
            int at = i;
            boolean name = i < clause.tokens.size()
                    && clause.isInsideMention(i)
                    && clause.mentions.stream()
                            .filter(m -> m.start() <= at && at < m.end())
                            .noneMatch(m -> RowUnits.describedRowUnit(clause.tokens, m.start(), m.end()));
            boolean boundary = i == clause.tokens.size()
                    || name
                    || Set.of("and", "or", "nor").contains(clause.tokens.get(i).text());
            if (boundary) {
                if (unknown && !besideName && !name) {
                    return Optional.of(run.toString());
                }
                run.setLength(0);
                unknown = false;
                besideName = name;
                continue;
            }
            String word = clause.tokens.get(i).text();
            run.append(run.isEmpty() ? "" : " ").append(clause.tokens.get(i).original());
            unknown |= !(plainWord(word) || Clause.PRONOUNS.contains(word));
        }
        return Optional.empty();
    }

    /** An item of a list of columns, after "and"/"or" and a named column, whose words hold no column. */
    Optional<String> unresolvedListItem() {
        int end = Math.min(clause.exclusionStart, clause.tokens.size());
        int firstNamed = clause.mentions.stream()
                .mapToInt(ColumnMatcher.Mention::start)
                .min()
                .orElse(end);
        for (int after = firstNamed + 1; after < end; after++) {
            // Only a list of columns: the word before "and" is a column's ("carat and the retail markup"), not a
            // limit or a value ("the 1st and 99th percentiles").
            int conjunction = after - 1;
            // "the murder rate and of the single-parent percentage": one word describing the column may stand
            // between it and the "and" (never a number: "the 1st and 99th").
            boolean columnBefore = conjunction >= 1
                    && (clause.isInsideMention(conjunction - 1)
                            || conjunction >= 2
                                    && clause.isInsideMention(conjunction - 2)
                                    && !clause.tokens
                                            .get(conjunction - 1)
                                            .text()
                                            .matches(".*\\d.*"));
            if (!Set.of("and", "or").contains(clause.tokens.get(conjunction).text()) || !columnBefore) {
                continue;
            }
            int last = after;
            while (last < end && !LIST_ENDS.contains(clause.tokens.get(last).text())) {
                last++;
            }
            int from = after;
            int to = last;
            // "… and of the share of people in poverty": the words lead to the column said right after "in".
            boolean leadsToColumn = last < end
                    && Set.of("in", "of", "for", "with")
                            .contains(clause.tokens.get(last).text())
                    && clause.mentions.stream().anyMatch(m -> m.start() > to && m.start() <= to + 2);
            if (last == after
                    || leadsToColumn
                    || clause.mentions.stream().anyMatch(m -> m.start() < to && m.end() > from)) {
                continue;
            }
            int i = after;
            while (i + 1 < last
                    // "logs of displacement and of the car's oomph rating": the "of" repeated for the next item.
                    // "… and of how quickly the car accelerates": a measure said by a question is an item too.
                    && Set.of("the", "a", "an", "its", "their", "his", "her", "any", "all", "of", "how", "also")
                            .contains(clause.tokens.get(i).text())) {
                i++;
            }
            String word = clause.tokens.get(i).text();
            if (plainWord(word) || Clause.PRONOUNS.contains(word)) {
                continue;
            }
            return Optional.of(String.join(
                    " ",
                    clause.tokens.subList(i, Math.min(last, i + 4)).stream()
                            .map(Words.Token::original)
                            .toList()));
        }
        return Optional.empty();
    }

    /**
     * "fill the gizmo and size", "regress tip on the waiter's mood and the bill": an item said before "and"/"or"
     * whose next item is a column, while its own words hold no column and no known word. Only the later items were
     * checked before, so the first one was dropped from the list without a word.
     */
    static Optional<String> unresolvedItemBefore(Clause clause, int from, int end) {
        for (int conjunction = from + 2; conjunction < end - 1; conjunction++) {
            if (!Set.of("and", "or").contains(clause.tokens.get(conjunction).text())) {
                continue;
            }
            int next = conjunction + 1;
            while (next < end - 1
                    && Set.of("the", "a", "an", "its", "their", "his", "her")
                            .contains(clause.tokens.get(next).text())) {
                next++;
            }
            if (clause.mentionAt(next).isEmpty()) {
                continue;
            }
            int first = conjunction;
            while (first > from
                    && !clause.isInsideMention(first - 1)
                    && !itemWord(clause.tokens.get(first - 1).text())) {
                first--;
            }
            // "fill Embarked with S and Age with the median": a value said after "with"/"to"/"as" is no column.
            boolean valueSlot = first > 0
                    && Set.of("with", "to", "as", "by", "at", "than", "equals", "into")
                            .contains(clause.tokens.get(first - 1).text());
            // "passenger count and pickup borough", "distance of the trip and the boroughs": words right after a
            // column (past "of the") describe it; they are no item of their own.
            int before = first - 1;
            while (before > from
                    && Set.of("the", "of", "a", "an", "for", "in", "per", "each")
                            .contains(clause.tokens.get(before).text())) {
                before--;
            }
            boolean describesColumn = before >= 0 && before >= from && clause.isInsideMention(before);
            if (first == conjunction || valueSlot || describesColumn) {
                continue;
            }
            return Optional.of(String.join(
                    " ",
                    clause.tokens.subList(Math.max(first, conjunction - 4), conjunction).stream()
                            .map(Words.Token::original)
                            .toList()));
        }
        return Optional.empty();
    }

    /** A word that can stand in a list of columns without naming one: grammar, a known word, a number, a pronoun. */
    private static boolean itemWord(String word) {
        return plainWord(word)
                || Clause.PRONOUNS.contains(word)
                || Vocabulary.TARGET_CUES.contains(word)
                || Words.NUMBERS.containsKey(word);
    }

    /** "the three petal measurements" naming two columns: the count said and the columns found differ. */
    Optional<String> miscounted() {
        for (ColumnMatcher.Mention mention : clause.mentions) {
            int at = mention.start() - 1;
            if (at < 1 || mention.kind() == ColumnMatcher.Kind.AMBIGUOUS) {
                continue;
            }
            String said = clause.tokens.get(at).text();
            Integer n = said.matches("\\d{1,2}") ? Integer.valueOf(said) : Words.NUMBERS.get(said);
            if (n == null
                    || n < 2
                    || !Set.of("the", "all", "these", "those", "both")
                            .contains(clause.tokens.get(at - 1).text())
                    || mention.columns().size() == n) {
                continue;
            }
            int phraseEnd = mention.end() < clause.tokens.size()
                            && ColumnMatcher.GROUP_NOUNS.contains(
                                    clause.tokens.get(mention.end()).text())
                    ? mention.end() + 1
                    : mention.end();
            String phrase = String.join(
                    " ",
                    clause.tokens.subList(at, phraseEnd).stream()
                            .map(Words.Token::original)
                            .toList());
            return Optional.of("You said \"the " + phrase + "\", but "
                    + (mention.columns().size() == 1
                            ? "only " + mention.columns().getFirst() + " fits"
                            : orList(mention.columns()).replace(" or ", " and ") + " fit")
                    + ". Which columns do you mean? Nothing was planned for \"" + clause.text + "\".");
        }
        return Optional.empty();
    }

    /**
     * Words of the clause that no column, profile phrase or known word explains, wherever they stand: the ones that
     * would have said which columns were meant.
     */
    private List<String> describingWords() {
        return unknownRuns(true);
    }

    String exclusionNotFound(String words) {
        return "I could not tell which column \"" + words + "\" means among the columns to leave out; the closest are "
                + orList(clause.matcher.closest(words, 3)) + ". Nothing was planned for \"" + clause.text
                + "\" rather than keeping that column in.";
    }

    String notFound(String words) {
        return "I could not find a column called \"" + words + "\"; the closest are "
                + orList(clause.matcher.closest(words, 3)) + ". Nothing was planned for \"" + clause.text
                + "\" rather than acting on every column.";
    }

    /**
     * An input said as a count ("how many diners there were") that names no column: the columns of whole numbers are
     * offered first, since a count is one of them, then the closest names.
     */
    String countNotFound(String words, String target) {
        List<String> counts = clause.profile.variables().values().stream()
                .filter(v -> v.storage() == dev.assay.model.dataset.ColumnType.INTEGER
                        && v.type() != dev.assay.model.dataset.VariableKind.IDENTIFIER
                        && !v.name().equals(target))
                .map(dev.assay.model.profile.VariableProfile::name)
                .toList();
        List<String> offered =
                counts.isEmpty() ? clause.matcher.closest(words, 3) : counts.subList(0, Math.min(5, counts.size()));
        return "I could not find a column for \"" + words
                + "\"; the columns of whole numbers, one of which may be that count, are "
                + orList(offered) + ". Nothing was planned for \"" + clause.text
                + "\" rather than leaving that input out; say which column it is.";
    }

    List<String> columns() {
        List<String> columns = new ArrayList<>();
        for (ColumnMatcher.Mention mention : clause.mentions) {
            if (mention.kind() != ColumnMatcher.Kind.AMBIGUOUS && mention.start() < clause.exclusionStart) {
                mention.columns().stream().filter(c -> !columns.contains(c)).forEach(columns::add);
            }
        }
        columns.removeAll(excluded());
        // "make pickup a date, then pull the hour out of it": a clause that names no column but says "it" or
        // "them" is about the columns the clause before named or created, for every action alike.
        if (columns.isEmpty()
                && !clause.referents.isEmpty()
                && clause.tokens.stream()
                        .anyMatch(t -> !clause.isInsideMention(t.index()) && Clause.PRONOUNS.contains(t.text()))) {
            return new ArrayList<>(clause.referents);
        }
        return columns;
    }

    Optional<String> columnIn(String phrase) {
        List<ColumnMatcher.Mention> found =
                clause.matcher.find(Words.tokens(phrase.replaceAll("(?i)\\bcolumn\\b", "")));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst().column());
    }

    /** Every column a phrase names: "the petal columns" are both petal columns, never the first of them. */
    List<String> columnsIn(String phrase) {
        List<String> columns = new ArrayList<>();
        for (ColumnMatcher.Mention mention :
                clause.matcher.find(Words.tokens(phrase.replaceAll("(?i)\\bcolumn\\b", "")))) {
            mention.columns().stream().filter(c -> !columns.contains(c)).forEach(columns::add);
        }
        return columns;
    }
}
