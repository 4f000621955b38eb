package dev.assay.api.assistant.builtin;

import dev.assay.model.plan.PlanStep;
import dev.assay.model.profile.Profile;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A later clause that names a column an earlier step of the same request creates: "add total_bill and tip as
 * total_paid, then log-transform total_paid", "make flav_ratio = flavanoids / total_phenols and then bin flav_ratio".
 * The profile does not know the new name, so the clause is read as saying "it" of that column, the way "then scale
 * it" already is; the step acts on the new column, never on none or on every column.
 */
final class CreatedColumns {

    /** The clause with the new column's name said as "it", and that name. */
    record Reference(String clause, String column) {}

    private CreatedColumns() {}

    static Optional<Reference> find(String clause, List<PlanStep> steps, Profile profile) {
        List<String> created = steps.stream()
                .map(s -> s.params().get("new_column"))
                .filter(String.class::isInstance)
                .map(String.class::cast)
                .filter(n -> !profile.variables().containsKey(n))
                .distinct()
                .toList();
        Optional<Reference> found = Optional.empty();
        for (String name : created) {
            Matcher m = Pattern.compile(
                            "(?i)(?<![\\p{L}\\p{N}_])[\"'`]?" + Pattern.quote(name) + "[\"'`]?(?![\\p{L}\\p{N}_])")
                    .matcher(clause);
            if (m.find()) {
                if (found.isPresent()) {
                    // Two new columns in one clause: "it" cannot stand for both; the clause is read as it is.
                    return Optional.empty();
                }
                found = Optional.of(new Reference(m.replaceAll("it"), name));
            }
        }
        return found;
    }
}
