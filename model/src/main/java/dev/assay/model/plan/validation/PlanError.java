package dev.assay.model.plan.validation;

import java.util.OptionalInt;
import org.jspecify.annotations.NullMarked;

/**
 * One thing wrong with a plan, said so that a person can fix it.
 *
 * @param actionIndex the step's position (0-based); empty for the plan as a whole
 * @param action      the step's action type as written, or empty
 * @param field       the parameter concerned, or empty for the step as a whole
 * @param message     what is wrong and, where possible, what would be right
 */
@NullMarked
public record PlanError(OptionalInt actionIndex, String action, String field, String message) {

    public static PlanError ofPlan(String field, String message) {
        return new PlanError(OptionalInt.empty(), "", field, message);
    }

    public static PlanError ofStep(int index, String action, String field, String message) {
        return new PlanError(OptionalInt.of(index), action, field, message);
    }

    /** For example {@code actions[1] (scale) columns: column 'Name' is string; scale needs numbers}. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        actionIndex.ifPresent(i -> text.append("actions[").append(i).append("]"));
        if (!action.isEmpty()) {
            text.append(" (").append(action).append(")");
        }
        if (!field.isEmpty()) {
            text.append(text.isEmpty() ? "" : " ").append(field);
        }
        return (text.isEmpty() ? "" : text.toString().strip() + ": ") + message;
    }
}
