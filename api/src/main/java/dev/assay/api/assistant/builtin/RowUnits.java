package dev.assay.api.assistant.builtin;

import java.util.List;
import java.util.Set;

/**
 * "predict how well educated each state is", "the tip per table", "for every passenger": a column said after
 * "each", "every" or "per" names what one row is, not what to predict. Taking it as the target would be a plausible
 * wrong answer; without another column the target is asked about.
 */
final class RowUnits {

    private static final Set<String> EACH = Set.of("each", "every", "per");

    private RowUnits() {}

    private static final Set<String> BE = Set.of("is", "are", "was", "were");

    /**
     * "how urban the state is", "how old the passengers were": the column word in "how … the X is" is what one row is,
     * described by the word before it, not one of the inputs (that word may be a column itself).
     */
    static boolean describedRowUnit(List<Words.Token> tokens, int start, int end) {
        return start >= 3
                && end < tokens.size()
                && Set.of("the", "each", "every", "a", "an")
                        .contains(tokens.get(start - 1).text())
                && tokens.get(start - 3).text().equals("how")
                && BE.contains(tokens.get(end).text());
    }

    /** Whether the column word at {@code start} follows "each"/"every"/"per" that no target verb comes right before. */
    static boolean saysRowUnit(List<Words.Token> tokens, int start) {
        // "poverty across the states", "body mass among the species": the things the rows are spread over.
        if (start >= 2
                && tokens.get(start - 1).text().equals("the")
                && Set.of("across", "among", "throughout", "between")
                        .contains(tokens.get(start - 2).text())) {
            return true;
        }
        if (start < 1 || !EACH.contains(tokens.get(start - 1).text())) {
            return false;
        }
        // "classify every species" keeps the column as the target: a verb of modelling right before "every".
        return start < 2 || !Vocabulary.TRAIN.contains(tokens.get(start - 2).text());
    }
}
