package dev.assay.model.profile;

import dev.assay.model.plan.PlanStep;
import java.util.Optional;
import org.jspecify.annotations.NullMarked;

/**
 * Something worth attention, with what to do about it as a plan step a person can add with one click.
 *
 * @param column          the column concerned; empty for the table as a whole (duplicates) — for a pair
 *                        (high correlation) the first, with the other in the message
 * @param suggestedAction a step in the plan format, valid for this dataset; empty when there is nothing to do
 */
@NullMarked
public record Alert(
        AlertType type,
        AlertSeverity severity,
        Optional<String> column,
        String message,
        Optional<PlanStep> suggestedAction) {}
