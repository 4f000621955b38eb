package dev.assay.api.assistant.builtin;

import dev.assay.model.plan.PlanStep;
import dev.assay.model.plan.params.ActionType;
import dev.assay.model.profile.Profile;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * "parse the date columns", "turn the dates into parts", "split the timestamps into year, month and hour": the date
 * action (feature_engineer date_parts) on the columns that already hold dates and times, one step each. Said of a
 * column of text, it is left to the cast rule ("parse Date as a date"); said of no date column, nothing is planned.
 */
final class DateParts {

    private static final Set<String> VERBS = Set.of(
            "parse",
            "split",
            "break",
            "turn",
            "decompose",
            "expand",
            "explode",
            "separate",
            "extract",
            "pull",
            "derive",
            "get",
            "make",
            "create",
            "add",
            "take");
    private static final Set<String> PARTS = Set.of("parts", "components", "pieces", "elements", "fields", "features");
    /** Words for date columns said without a column: "the dates", "the timestamps". */
    private static final Set<String> DATE_NOUNS = Set.of("dates", "timestamps", "datetimes", "date-times", "date");

    private static final Set<String> AWAY =
            Set.of("as", "to", "text", "string", "strings", "number", "numbers", "numeric", "integer", "categorical");

    private DateParts() {}

    /**
     * The date-part steps a clause asks for: {@code columns} are the columns it names (none when it says only "the
     * dates"), {@code parts} the parts it names (empty: the action's default).
     */
    static Optional<List<PlanStep>> read(Set<String> words, List<String> columns, List<String> parts, Profile profile) {
        boolean verb = words.stream().anyMatch(VERBS::contains);
        boolean saysParts = words.stream().anyMatch(PARTS::contains)
                || !parts.isEmpty()
                || words.contains("parse")
                || words.contains("decompose");
        if (!verb || !saysParts || words.stream().anyMatch(w -> AWAY.contains(w) && !w.equals("to"))) {
            return Optional.empty();
        }
        List<String> dates = columns;
        if (dates.isEmpty() && words.stream().anyMatch(DATE_NOUNS::contains)) {
            dates = profile.variables().values().stream()
                    .filter(v -> v.storage().isTemporal())
                    .map(dev.assay.model.profile.VariableProfile::name)
                    .toList();
        }
        if (dates.isEmpty()
                || dates.stream()
                        .anyMatch(c -> !profile.variables().get(c).storage().isTemporal())) {
            return Optional.empty();
        }
        return Optional.of(dates.stream()
                .map(column -> {
                    var params = BuiltInPlanner.params("operation", "date_parts", "columns", List.of(column));
                    if (!parts.isEmpty()) {
                        params.put("parts", parts);
                    }
                    return new PlanStep(ActionType.FEATURE_ENGINEER, params);
                })
                .toList());
    }
}
