package dev.assay.api.assistant.builtin;

import dev.assay.model.plan.PlanStep;
import dev.assay.model.plan.params.ActionType;
import dev.assay.model.profile.Profile;
import dev.assay.model.profile.VariableProfile;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "…, and fill the rest with the mode", "impute the remaining gaps with the median": a fill of "the rest" is a fill of
 * the columns that still have missing values after the earlier steps of the same request (a column already filled,
 * dropped, or whose incomplete rows are dropped is done). The clause is read with those columns named, so the fill
 * is exactly as wide as what is left; with nothing left the answer says so, and columns of words a median or a mean
 * cannot fill are named as left out.
 */
final class RestOfGaps {

    private static final Pattern REST = Pattern.compile(
            "(?i)\\b(?:the\\s+)?(?:rest|remaining(?:\\s+(?:ones|columns|gaps|missing"
                    + "(?:\\s+values)?|values|nulls|blanks))?|others|other\\s+(?:columns|gaps|missing\\s+values)|everything\\s+else)\\b");

    private RestOfGaps() {}

    /** The clause with "the rest" replaced by the columns still missing values, or why nothing is left. */
    static Optional<String> read(String clause, List<PlanStep> earlier, Profile profile, List<String> notes) {
        List<Words.Token> tokens = Words.tokens(clause);
        boolean fill = tokens.stream().anyMatch(t -> Vocabulary.FILL.contains(t.text()));
        boolean train = tokens.stream().anyMatch(t -> Vocabulary.TRAIN.contains(t.text()));
        Matcher rest = REST.matcher(clause);
        if (!fill || train || earlier.isEmpty() || !rest.find()) {
            return Optional.empty();
        }
        Set<String> done = new HashSet<>();
        for (PlanStep step : earlier) {
            if (step.type() == ActionType.IMPUTE
                    || step.type() == ActionType.DROP_MISSING_ROWS
                    || step.type() == ActionType.DROP_COLUMNS) {
                List<String> columns = step.params().get("columns") instanceof List<?> list
                        ? list.stream().map(String::valueOf).toList()
                        : List.of();
                if (columns.isEmpty() && step.type() != ActionType.DROP_COLUMNS) {
                    return Optional.of(clause);
                }
                done.addAll(columns);
            }
        }
        List<String> left = profile.variables().values().stream()
                .filter(v -> v.missing() > 0)
                .map(VariableProfile::name)
                .filter(c -> !done.contains(c))
                .toList();
        // A median or a mean needs numbers: the rest that are words are named as left out, never sent to it.
        boolean numeric = tokens.stream()
                .anyMatch(t -> Set.of("median", "mean", "average").contains(t.text()));
        if (numeric) {
            List<String> words = left.stream()
                    .filter(c -> profile.variables().get(c).type() != dev.assay.model.dataset.VariableKind.NUMERIC)
                    .toList();
            left = left.stream().filter(c -> !words.contains(c)).toList();
            if (!words.isEmpty()) {
                notes.add("Left " + String.join(", ", words) + " out of \""
                        + rest.group().strip() + "\": a "
                        + (tokens.stream().anyMatch(t -> t.text().equals("median")) ? "median" : "mean")
                        + " needs numbers; say e.g. \"fill " + words.getFirst() + " with the mode\".");
            }
        }
        if (left.isEmpty()) {
            return Optional.of(clause.substring(0, rest.start()) + "nothing" + clause.substring(rest.end()));
        }
        String named = left.size() == 1
                ? left.getFirst()
                : String.join(", ", left.subList(0, left.size() - 1)) + " and " + left.getLast();
        return Optional.of(clause.substring(0, rest.start()) + named + clause.substring(rest.end()));
    }
}
