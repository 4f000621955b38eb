package dev.assay.api.assistant.builtin;

import dev.assay.model.profile.Profile;
import dev.assay.model.profile.VariableProfile;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One clause of the request, read: its words, the columns it mentions (profile phrases first, then names) and where
 * the columns it leaves out begin. The other readers of a clause ({@link ColumnResolution}, {@link ModelWords},
 * {@link FeatureSteps}) and the step builders ({@link ClauseSteps}) all work on this one reading, so a change to the
 * mentions (a clip limit that named no column) is seen by every one of them.
 */
final class Clause {

    /** A quoted value (a fill value, a regular expression): taken as written, never read as words or columns. */
    static final Pattern QUOTED = Pattern.compile("[\"'“‘`]([^\"'”’`]{1,200})[\"'”’`]");

    /** A verb of removal, also said of the rows themselves: "rows missing X can go", "… should be dropped". */
    private static final Pattern GOES =
            Pattern.compile("(?i)\\b(?:can|could|should|must|may|might|will|to|gotta)\\s+(?:all\\s+)?"
                    + "(?:go|be\\s+(?:dropped|removed|deleted|discarded|excluded|thrown\\s+(?:out|away)|tossed|binned))\\b"
                    // "throw out the rows with blanks", "toss away Cabin": a phrasal verb of removal.
                    + "|\\b(?:throw|throws|throwing|toss|tosses|tossing|chuck|chucking)\\s+(?:out|away)\\b");

    final String text;
    final List<Words.Token> tokens;
    final Set<String> words = new LinkedHashSet<>();
    final ColumnMatcher matcher;
    final Profile profile;
    /**
     * Mutable on purpose: a clip limit's words ("3 x IQR") that matched a column are taken out when the limit is read,
     * and every later reading of this clause (scope, "it", inexact names) must no longer see them.
     */
    final List<ColumnMatcher.Mention> mentions;

    final int exclusionStart;
    /** The column a previous clause named last: what "it" refers to in "… the tip? fit a model for it". */
    final Optional<String> antecedent;
    /** The columns "it" or "them" stand for in this clause (see {@link PlanAssembly#referents}). */
    final List<String> referents;

    /** Columns read from a misspelt word or another word of their family ("wieght", "urbanisation"). */
    List<ColumnMatcher.Mention> inexact() {
        return mentions.stream()
                .filter(m -> m.inexact() && m.kind() == ColumnMatcher.Kind.SINGLE)
                .toList();
    }

    /**
     * The column "it" in the next clause stands for: the last one named by its whole name, else the last one
     * found only inside a longer name ("the class of each wine": class, not od280/od315_of_diluted_wines).
     */
    Optional<String> lastColumn() {
        List<ColumnMatcher.Mention> singles = mentions.stream()
                .filter(m -> m.kind() == ColumnMatcher.Kind.SINGLE)
                .toList();
        return singles.stream()
                .filter(m -> !m.partial())
                .reduce((a, b) -> b)
                .or(() -> singles.stream().reduce((a, b) -> b))
                .map(ColumnMatcher.Mention::column);
    }

    Clause(
            String text,
            List<Words.Token> tokens,
            ColumnMatcher matcher,
            Profile profile,
            Optional<String> antecedent,
            List<String> referents) {
        this.antecedent = antecedent;
        this.referents = referents;
        this.text = text.strip();
        this.tokens = tokens;
        this.matcher = matcher;
        this.profile = profile;
        this.mentions = new ArrayList<>(ProfilePhrases.find(tokens, profile));
        List<ColumnMatcher.Mention> named = matcher.find(tokens);
        for (ColumnMatcher.Mention mention : named) {
            if (mentions.stream().noneMatch(p -> mention.start() < p.end() && p.start() < mention.end())) {
                mentions.add(mention);
            }
        }
        mentions.sort(java.util.Comparator.comparingInt(ColumnMatcher.Mention::start));
        // "Cut carat into five bins" on a file with a column cut: the first word is the verb of binning, not the
        // column, when another column follows and the bins are said.
        if (mentions.size() > 1
                && mentions.getFirst().start() == 0
                && mentions.getFirst().end() == 1
                && Set.of("cut", "split", "divide", "group")
                        .contains(tokens.getFirst().text())
                && BINNED.matcher(text).find()) {
            mentions.removeFirst();
        }
        this.exclusionStart = exclusionStart();
        // Words inside a column's name ("bill length", "pickup time") never signal an intent.
        tokens.stream().filter(t -> !isInsideMention(t.index())).forEach(t -> words.add(t.text()));
    }

    private static final java.util.regex.Pattern BINNED = java.util.regex.Pattern.compile(
            "(?i)\\binto\\b.*\\b(?:bins?|buckets?|groups|bands|intervals|quantiles|quartiles|tertiles|quintiles"
                    + "|deciles)\\b");

    /** Where "except", "but", "without", "other than", "not" begin the columns left out, or the clause's end. */
    private int exclusionStart() {
        for (Words.Token token : tokens) {
            if (isInsideMention(token.index())) {
                continue;
            }
            String word = token.text();
            // "rows without a sex" are rows missing sex, not every column but sex.
            boolean rowsWithout = word.equals("without")
                    && token.index() > 0
                    && Vocabulary.ROWS.contains(tokens.get(token.index() - 1).text());
            // "…, but only give it the weight": "but" before a word that asks for something is no exclusion.
            boolean butThen = word.equals("but")
                    && token.index() + 1 < tokens.size()
                    && Set.of(
                                    "only", "just", "give", "use", "keep", "with", "then", "also", "please", "make",
                                    "train", "fit", "let", "do", "scale", "fill", "drop", "encode")
                            .contains(tokens.get(token.index() + 1).text());
            boolean cue = Set.of("except", "excluding", "but", "without", "besides", "not")
                                    .contains(word)
                            && !rowsWithout
                            && !butThen
                    || word.equals("other")
                            && token.index() + 1 < tokens.size()
                            && tokens.get(token.index() + 1).text().equals("than")
                    // "predict murder, don't use violent": what is not to be used is left out.
                    || Set.of("don't", "dont").contains(word)
                            && token.index() > 0
                            && token.index() + 1 < tokens.size()
                            && Set.of("use", "include", "consider")
                                    .contains(tokens.get(token.index() + 1).text())
                    // "predict price, no x, no y, no z": "no" right before a column's name leaves it out; "rows
                    // with no Age" still says rows lacking it.
                    || word.equals("no")
                            && token.index() > 0
                            && !Set.of("with", "have", "has", "had", "having", "is", "are", "there", "where")
                                    .contains(tokens.get(token.index() - 1).text())
                            && mentions.stream().anyMatch(m -> m.start() == token.index() + 1)
                    // "…, nothing about the sepals", "none of the sepal columns": what follows is left out.
                    || Set.of("nothing", "none").contains(word)
                            && token.index() + 1 < tokens.size()
                            && Set.of("about", "on", "from", "of", "with", "regarding")
                                    .contains(tokens.get(token.index() + 1).text())
                    || word.equals("apart")
                            && token.index() + 1 < tokens.size()
                            && tokens.get(token.index() + 1).text().equals("from")
                    // "…, leave out names and ticket numbers", "ignoring Cabin": after the clause's first word these
                    // take columns out; a column said after them is never the thing asked for.
                    || token.index() > 0
                            && (Set.of("leave", "leaving").contains(word)
                                            && token.index() + 1 < tokens.size()
                                            && tokens.get(token.index() + 1)
                                                    .text()
                                                    .equals("out")
                                    || Set.of("ignore", "ignoring", "omit", "omitting", "exclude")
                                            .contains(word)
                                    // "…, leave the petals alone", "leaving Age untouched", "don't touch the ids".
                                    || Set.of("leave", "leaving").contains(word) && leftAsIs(token.index())
                                    // "…, but keep sex as is", "keeping size untouched": kept as it is, so left out;
                                    // read as the columns to act on, the step did the opposite of what was asked.
                                    || Set.of("keep", "keeping").contains(word) && leftAsIs(token.index())
                                    || Set.of("touch", "touching").contains(word)
                                            && Set.of("don't", "dont", "not", "never", "without")
                                                    .contains(tokens.get(token.index() - 1)
                                                            .text()));
            if (cue && mentions.stream().anyMatch(m -> m.start() > token.index())) {
                return token.index();
            }
        }
        return tokens.size();
    }

    /** Whether "leave" at this token goes on to say the columns stay as they are ("leave X alone", "… untouched"). */
    private boolean leftAsIs(int leave) {
        for (int i = leave + 1; i < Math.min(tokens.size(), leave + 8); i++) {
            if (Set.of(
                                    "alone",
                                    "untouched",
                                    "unchanged",
                                    "unscaled",
                                    "intact",
                                    "raw",
                                    "unencoded",
                                    "unmodified",
                                    "untransformed")
                            .contains(tokens.get(i).text())
                    || tokens.get(i).text().equals("as")
                            && i + 1 < tokens.size()
                            && Set.of("is", "they", "it")
                                    .contains(tokens.get(i + 1).text())) {
                return true;
            }
        }
        return false;
    }

    boolean has(Set<String> vocabulary) {
        return words.stream().anyMatch(vocabulary::contains);
    }

    /** Words that tie a value to a column before it: "where day is Sun", "embarked at C", "from Dream". */
    private static final Set<String> RELATES = Set.of(
            "where", "whose", "who", "which", "that", "is", "are", "was", "were", "equals", "equal", "=", "at", "from",
            "in", "by", "with", "of");

    /**
     * A value of a column of words said right after a relating word ("at C", "is Sun", "from Dream"): a one-letter
     * value only as written (a capital C), longer ones in any case; never a column's own name.
     */
    Optional<String> rowValue() {
        for (int i = 1; i < tokens.size(); i++) {
            Words.Token token = tokens.get(i);
            if (!RELATES.contains(tokens.get(i - 1).text())
                    || Vocabulary.FILLER.contains(token.text())
                    || ColumnMatcher.GRAMMAR.contains(token.text())
                            && token.text().length() > 1
                    || profile.variables().keySet().stream().anyMatch(c -> c.equalsIgnoreCase(token.text()))) {
                continue;
            }
            for (VariableProfile variable : profile.variables().values()) {
                if (variable.storage().isNumeric()) {
                    continue;
                }
                Optional<String> value = variable.categories().stream()
                        .filter(c -> c.length() == 1 ? c.equals(token.original()) : c.equalsIgnoreCase(token.text()))
                        .findFirst();
                if (value.isPresent()) {
                    return Optional.of("'" + value.get() + "' is a value of " + variable.name());
                }
            }
        }
        return Optional.empty();
    }

    boolean removes() {
        return has(Vocabulary.REMOVE) || GOES.matcher(text).find();
    }

    /** Whether the clause says the phrase; a hyphen between words counts as a space ("random-forest", "one-hot"). */
    boolean hasPhrase(String phrase) {
        String said =
                " " + String.join(" ", tokens.stream().map(Words.Token::text).toList()) + " ";
        return said.contains(" " + phrase + " ") || Words.unhyphenated(said).contains(" " + phrase + " ");
    }

    boolean isInsideMention(int index) {
        return mentions.stream().anyMatch(m -> index >= m.start() && index < m.end());
    }

    Optional<ColumnMatcher.Mention> mentionAt(int index) {
        return mentions.stream().filter(m -> m.start() == index).findFirst();
    }

    /**
     * "everything else in the file", "every column of this file": "file" said of the dataset, after a determiner
     * and with no verb that reads, writes or sends files, is a plain English word, not a request for a file.
     */
    boolean fileAsPlainWord() {
        List<String> forbidden =
                words.stream().filter(Vocabulary.FORBIDDEN::contains).toList();
        if (forbidden.isEmpty()
                || !forbidden.stream().allMatch(w -> w.equals("file") || w.equals("files"))
                || has(Set.of("read", "open", "write", "save", "load", "attach", "delete", "copy", "move", "path"))) {
            return false;
        }
        for (Words.Token token : tokens) {
            if ((token.text().equals("file") || token.text().equals("files"))
                    && (token.index() == 0
                            || !Set.of("the", "this", "that", "your", "my", "our", "whole", "entire", "same")
                                    .contains(tokens.get(token.index() - 1).text()))) {
                return false;
            }
        }
        return true;
    }

    boolean isCast() {
        return (has(Vocabulary.CAST) || hasPhrase("as text") || hasPhrase("as a string") || hasPhrase("as string"))
                && castTarget().isPresent();
    }

    /** The type named after as/to/into, else the first type word; "as text, not a number" is text. */
    Optional<String> castTarget() {
        for (int i = 0; i < tokens.size() - 1; i++) {
            if (Set.of("as", "to", "into", "a").contains(tokens.get(i).text())) {
                for (int j = i + 1; j < Math.min(tokens.size(), i + 3); j++) {
                    String type = Vocabulary.CAST_TARGETS.get(tokens.get(j).text());
                    if (type != null && !isInsideMention(j)) {
                        return Optional.of(type);
                    }
                }
            }
        }
        return tokens.stream()
                .filter(t -> !isInsideMention(t.index()))
                .map(t -> Vocabulary.CAST_TARGETS.get(t.text()))
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }

    /** Words that refer back to columns named before; "that" and "those" are left out, as they also begin a clause. */
    static final Set<String> PRONOUNS = Set.of("it", "them", "its", "their");
}
