package dev.assay.api.assistant.builtin;

import dev.assay.model.profile.Profile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * A model's inputs said by a description that no column name or profile property holds: "predict price from the size
 * columns", "from the economic indicators", "using the engine specs". Training on every other column instead would be
 * wider than what was said, and picking some would be a guess, so the answer asks which columns are meant and lists
 * the ones there are.
 */
final class VagueInputs {

    private static final Set<String> CUES = Set.of("from", "using", "given", "based");
    /** Words that say "the other columns" and so are no description: the default inputs are right for them. */
    private static final Set<String> EVERY = Set.of(
            "every",
            "all",
            "everything",
            "other",
            "others",
            "rest",
            "remaining",
            "anything",
            "available",
            "whole",
            "entire",
            "each",
            "scratch",
            "default",
            "defaults",
            "settings",
            "setting",
            "parameters",
            "hyperparameters",
            "options",
            "pipeline",
            "library",
            "cross-validation",
            "cross",
            "validation",
            "cv",
            "folds",
            "fold",
            "holdout",
            "hold-out",
            "split",
            "seed",
            "grid",
            "search",
            "tuning",
            "weights",
            "balanced",
            "early",
            "stopping",
            "estimators",
            "trees",
            "depth");
    /** "from the measurements", "using the physical measurements": the columns measured in a unit. */
    private static final java.util.regex.Pattern MEASUREMENTS = java.util.regex.Pattern.compile(
            // "from the other measurements": the other measured columns, never every other column.
            "\\b(?:from|using|given|based on)\\s+(?:the\\s+|all\\s+(?:the\\s+)?|its\\s+|their\\s+)?(?:other\\s+|remaining\\s+)?"
                    + "(?:physical\\s+)?"
                    + "(?:measurements|measures|measured\\s+(?:columns|values|variables))\\b");

    private static final int MAX_LISTED = 12;

    private static final Set<String> DESCRIBING_GROUPS = Set.of(
            "dimensions",
            "measurements",
            "measures",
            "metrics",
            "readings",
            "scores",
            "stats",
            "statistics",
            "characteristics");

    private VagueInputs() {}

    /**
     * The words after an input cue ("from", "using", "given", "based on") up to the next known word, when none of them
     * is a column, a number or a word of the request's grammar and at least one is a description.
     */
    static Optional<String> phrase(List<Words.Token> tokens, IntPredicate insideMention) {
        for (int i = 0; i < tokens.size(); i++) {
            // "regress inflation on the gizmo index": "on" right after the target's name says the inputs too.
            boolean onAfterName = tokens.get(i).text().equals("on")
                    && i > 0
                    && insideMention.test(i - 1)
                    // "a gratuity on top of the check", "on average": a phrase, not the inputs.
                    && !(i + 1 < tokens.size()
                            && Set.of("top", "average", "behalf", "its", "their")
                                    .contains(tokens.get(i + 1).text()));
            if (!CUES.contains(tokens.get(i).text()) && !onAfterName || insideMention.test(i)) {
                continue;
            }
            int from = tokens.get(i).text().equals("based")
                            && i + 1 < tokens.size()
                            && tokens.get(i + 1).text().equals("on")
                    ? i + 2
                    : i + 1;
            if (tokens.get(i).text().equals("based") && from == i + 1) {
                continue;
            }
            List<String> said = new ArrayList<>();
            boolean described = false;
            int j = from;
            for (; j < tokens.size(); j++) {
                String word = tokens.get(j).text();
                if (insideMention.test(j) || EVERY.contains(word) || word.matches("[\\d.,%-]+")) {
                    said.clear();
                    described = false;
                    break;
                }
                boolean grammar = ColumnMatcher.GRAMMAR.contains(word)
                        || Vocabulary.FILLER.contains(word)
                        || ColumnMatcher.GROUP_NOUNS.contains(word);
                if (!grammar && Vocabulary.known(word)) {
                    break;
                }
                said.add(tokens.get(j).original());
                // "from the dimensions", "using the engine readings": a group noun that says what kind of
                // columns (unlike "columns" or "features") describes inputs as much as an adjective does.
                described |= !grammar || DESCRIBING_GROUPS.contains(word);
            }
            if (described) {
                return Optional.of(String.join(" ", said).strip());
            }
        }
        return Optional.empty();
    }

    /**
     * "predict species from the measurements": the inputs are the columns whose names carry a unit of measure
     * (cm, mm, g, kg, lbs …); empty when the request does not say that or no name carries a unit.
     */
    static List<String> measured(String text, Profile profile, String target) {
        if (!MEASUREMENTS.matcher(text.toLowerCase(java.util.Locale.ROOT)).find()) {
            return List.of();
        }
        return measuredColumns(profile).stream().filter(c -> !c.equals(target)).toList();
    }

    /** The columns whose names carry a unit of measure (cm, mm, g, kg, lbs …): what "the measurements" are. */
    static List<String> measuredColumns(Profile profile) {
        return profile.variables().keySet().stream()
                .filter(c ->
                        java.util.Arrays.stream(Words.spaced(c).split(" ")).anyMatch(ColumnMatcher.UNITS::contains))
                .toList();
    }

    static String question(String phrase, Profile profile, String target) {
        List<String> columns = profile.variables().keySet().stream()
                .filter(c -> !c.equals(target))
                .toList();
        String listed = String.join(", ", columns.subList(0, Math.min(MAX_LISTED, columns.size())))
                + (columns.size() > MAX_LISTED ? " and " + (columns.size() - MAX_LISTED) + " more" : "");
        return "I could not tell which columns \"" + phrase
                + "\" means as the model's inputs: no column name or profile "
                + "property says it. Which of these should the model use? " + listed + ". Nothing was planned rather "
                + "than training on every other column.";
    }
}
