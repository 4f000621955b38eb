package dev.assay.api.assistant.builtin;

import dev.assay.model.profile.Profile;
import dev.assay.model.profile.VariableProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A target said by one of its values: "predict benign cases" (the column holding 'benign'), "spot female penguins"
 * (the one holding 'female'), "whether the meal was Dinner or Lunch". Only words that are a whole listed category of
 * exactly one column name it, and the answer says which column and value it read; a word held by several columns
 * is asked about.
 */
final class ValueTargets {

    /** The column found, or the question to ask. */
    record Found(Optional<String> column, String note) {}

    private ValueTargets() {}

    static Optional<Found> find(List<Words.Token> words, Profile profile) {
        List<String> holders = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (Words.Token token : words) {
            String word = token.text();
            if (word.length() < 2 || ColumnMatcher.GRAMMAR.contains(word) || Vocabulary.FILLER.contains(word)) {
                continue;
            }
            for (VariableProfile variable : profile.variables().values()) {
                if (variable.storage().isNumeric() || holders.contains(variable.name())) {
                    continue;
                }
                Optional<String> value = variable.categories().stream()
                        .filter(c -> same(c, word))
                        .findFirst();
                if (value.isPresent()) {
                    holders.add(variable.name());
                    values.add(value.get());
                }
            }
        }
        if (holders.isEmpty()) {
            return Optional.empty();
        }
        if (holders.size() > 1) {
            return Optional.of(new Found(
                    Optional.empty(),
                    "Which column should be predicted? " + String.join(", ", values) + " are values of "
                            + BuiltInPlanner.orList(holders) + "; name the column."));
        }
        return Optional.of(new Found(
                Optional.of(holders.getFirst()),
                "No column is called that; I took " + holders.getFirst() + ", which holds '" + values.getFirst()
                        + "', as the target."));
    }

    /** The one column of words that holds both values ("male" and "female": sex), if exactly one does. */
    static Optional<String> holdingBoth(String a, String b, Profile profile) {
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        List<String> holders = profile.variables().values().stream()
                .filter(v -> !v.storage().isNumeric())
                .filter(v -> v.categories().stream().anyMatch(c -> same(c, x))
                        && v.categories().stream().anyMatch(c -> same(c, y)))
                .map(VariableProfile::name)
                .toList();
        return holders.size() == 1 ? Optional.of(holders.getFirst()) : Optional.empty();
    }

    /** A category and a word: the same ignoring case, also when the word is its plural ("females"). */
    private static boolean same(String category, String word) {
        String c = category.toLowerCase(Locale.ROOT).strip();
        return c.equals(word) || Words.isPlural(word) && c.equals(word.substring(0, word.length() - 1));
    }
}
