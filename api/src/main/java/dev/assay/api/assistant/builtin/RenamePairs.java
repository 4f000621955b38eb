package dev.assay.api.assistant.builtin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Several renames in one clause: "rename SibSp to siblings and Parch to parents", "rename a to b, c to d". Each pair
 * is one rename of the one step, so no pair is lost inside another's new name ("siblings_and_parch_to_parents").
 * Read only when every part is "<column> to <name>"; "rename SibSp to siblings and spouses" stays one new name.
 */
final class RenamePairs {

    private static final Pattern AFTER_VERB = Pattern.compile("(?i)\\brename\\s+(?:the\\s+)?(?:columns?\\s+)?(.+)$");
    private static final Pattern SEPARATOR = Pattern.compile("\\s*,\\s*(?:and\\s+)?|\\s+and\\s+");
    private static final Pattern PAIR = Pattern.compile("(?i)^(.+?)\\s+(?:to|as|into)\\s+(?:be\\s+)?(.+)$");

    private RenamePairs() {}

    /** The renames, from column to new name, when the clause says two or more and every one names a column. */
    static Optional<List<Map<String, Object>>> read(String text, Function<String, Optional<String>> column) {
        Matcher m = AFTER_VERB.matcher(text.strip());
        if (!m.find()) {
            return Optional.empty();
        }
        String[] parts = SEPARATOR.split(m.group(1).strip());
        if (parts.length < 2) {
            return Optional.empty();
        }
        List<Map<String, Object>> renames = new ArrayList<>();
        for (String part : parts) {
            Matcher pair = PAIR.matcher(part.strip());
            if (!pair.matches()) {
                return Optional.empty();
            }
            Optional<String> from = column.apply(pair.group(1));
            String to =
                    pair.group(2).strip().replaceAll("^[\"'`“‘]|[\"'`”’.]$", "").strip();
            if (from.isEmpty() || to.isEmpty()) {
                return Optional.empty();
            }
            renames.add(BuiltInPlanner.params("from", from.get(), "to", to.contains(" ") ? Words.snake(to) : to));
        }
        return Optional.of(renames);
    }
}
