package dev.assay.api.assistant.builtin;

import dev.assay.model.dataset.VariableKind;
import dev.assay.model.profile.AlertType;
import dev.assay.model.profile.Profile;
import dev.assay.model.profile.VariableProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
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

    private record Property(Pattern words, BiPredicate<VariableProfile, Profile> holds) {
    }

    private static final String NOUN = "(?:columns?|ones?|variables?|features?|fields?|years|attributes)";

    private static final List<Property> PROPERTIES = List.of(
            new Property(Pattern.compile("(?:mostly|largely|almost|nearly|half)\\s+(?:empty|missing|blank|null)|sparse|empty"),
                    (v, p) -> v.missingShare() > MOSTLY_EMPTY),
            new Property(Pattern.compile("constant|single-valued|single valued"),
                    (v, p) -> v.count() > v.missing() && v.distinct() <= 1 || has(p, v, AlertType.CONSTANT)),
            new Property(Pattern.compile("id-like|id like|identifier|identifier-like|identifiers|id"),
                    (v, p) -> v.type() == VariableKind.IDENTIFIER),
            new Property(Pattern.compile("skewed|skewy|heavily skewed|highly skewed|long-tailed"),
                    (v, p) -> has(p, v, AlertType.SKEWED)),
            new Property(Pattern.compile("free-text|free text|text|textual"), (v, p) -> v.type() == VariableKind.TEXT),
            new Property(Pattern.compile("categorical|category|nominal"), (v, p) -> v.type() == VariableKind.CATEGORICAL),
            new Property(Pattern.compile("numeric|numerical|continuous"), (v, p) -> v.type() == VariableKind.NUMERIC),
            new Property(Pattern.compile("date|datetime|date-time|time|timestamp|temporal"),
                    (v, p) -> v.type() == VariableKind.DATETIME));

    private ProfilePhrases() {
    }

    private static boolean has(Profile profile, VariableProfile variable, AlertType type) {
        return profile.alerts().stream().anyMatch(a -> a.type() == type && a.column().filter(variable.name()::equals).isPresent());
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
        for (Property property : PROPERTIES) {
            Matcher m = Pattern.compile("\\b(?:" + property.words().pattern() + ")\\s+" + NOUN + "\\b").matcher(text);
            while (m.find()) {
                int start = starts.indexOf(m.start());
                int end = tokenAt(starts, m.end());
                // "the time column" in a file that has a column called time names that column, not a property.
                boolean named = profile.variables().keySet().stream().anyMatch(c -> c.equalsIgnoreCase(tokens.get(
                        Math.max(0, Math.min(end - 2, tokens.size() - 1))).text()));
                if (start < 0 || named || found.stream().anyMatch(f -> f.start() < end && start < f.end())) {
                    continue;
                }
                List<String> columns = profile.variables().values().stream()
                        .filter(v -> property.holds().test(v, profile)).map(VariableProfile::name).toList();
                String words = text.substring(m.start(), m.end()).strip();
                found.add(new ColumnMatcher.Mention(ColumnMatcher.Kind.GROUP, columns, start, end, words));
            }
        }
        return found;
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
