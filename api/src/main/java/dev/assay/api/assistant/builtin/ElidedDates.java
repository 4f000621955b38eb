package dev.assay.api.assistant.builtin;

import dev.assay.model.plan.PlanStep;
import dev.assay.model.plan.params.ActionType;
import java.util.List;
import java.util.Set;

/**
 * "turn Date into a proper date type and pull out the year and month": date parts asked for right after a conversion
 * to dates, with no column and no "it", are parts of the columns just converted — the object is left unsaid because
 * it is the one before. The clause is read as saying "it", which already means the columns the clause before named.
 */
final class ElidedDates {

    private static final Set<String> PRONOUNS = Set.of("it", "them", "its", "their", "those", "these");

    private ElidedDates() {}

    static String read(String clause, List<PlanStep> earlier, ColumnMatcher matcher) {
        if (earlier.isEmpty()
                || earlier.getLast().type() != ActionType.CAST
                || !"datetime".equals(String.valueOf(earlier.getLast().params().get("to")))) {
            return clause;
        }
        List<Words.Token> tokens = Words.tokens(clause);
        boolean parts = tokens.stream().anyMatch(t -> Vocabulary.DATE_PARTS.containsKey(t.text()));
        boolean pronoun = tokens.stream().anyMatch(t -> PRONOUNS.contains(t.text()));
        if (!parts || pronoun || !matcher.find(tokens).isEmpty()) {
            return clause;
        }
        return clause.strip() + " from it";
    }
}
