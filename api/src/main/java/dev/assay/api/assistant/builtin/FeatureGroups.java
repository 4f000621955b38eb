package dev.assay.api.assistant.builtin;

import java.util.List;

/**
 * A model's inputs said by a word their names share: "from distance and borough" (pickup_borough and
 * dropoff_borough), "from radius and texture measurements" (every radius and every texture column). In the list of
 * inputs such a word is every column whose name holds it, and the answer names them; elsewhere ("scale the width")
 * it stays a question. Inputs are only read, never changed, so taking each holder is no wider than what was said.
 */
final class FeatureGroups {

    private FeatureGroups() {}

    /** Whether every candidate of a mention that fits several columns holds all of its words in its name. */
    static boolean sharedWord(ColumnMatcher.Mention mention) {
        if (mention.kind() != ColumnMatcher.Kind.AMBIGUOUS || mention.inexact()) {
            return false;
        }
        List<String> words = ColumnMatcher.core(mention.words());
        return !words.isEmpty()
                && mention.columns().stream()
                        .allMatch(c -> ColumnMatcher.core(c).containsAll(words));
    }

    static String note(ColumnMatcher.Mention mention) {
        return "Read \"" + mention.words() + "\" among the inputs as every column whose name holds it: "
                + String.join(", ", mention.columns()) + ".";
    }
}
