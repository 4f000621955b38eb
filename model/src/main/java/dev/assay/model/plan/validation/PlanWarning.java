package dev.assay.model.plan.validation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;
import org.jspecify.annotations.NullMarked;

/**
 * A step that may run but would likely damage the data or the evaluation: what it does, to which column, with
 * what number, and what would be better. Warnings never stop a plan; a person decides.
 *
 * @param actionIndex the step's position (0-based)
 * @param action      the step's action type
 * @param column      the column concerned
 * @param severity    how much the step is likely to mislead
 * @param code        a stable name of the rule, for the UI and tests (for example {@code fills_target})
 * @param number      the figure the warning is about, for machines (a custom resource's status, a UI): the cells a
 *                    fill would invent, the rows a drop would remove, the correlation of a leaking feature; absent
 *                    when the warning has none
 * @param message     what the step would do, with the numbers
 * @param alternative what to do instead
 */
@NullMarked
public record PlanWarning(
        int actionIndex,
        String action,
        String column,
        Severity severity,
        String code,
        java.util.Optional<Double> number,
        String message,
        String alternative) {

    public PlanWarning {
        number = number == null ? java.util.Optional.empty() : number;
    }

    /** A warning without a figure of its own. */
    public PlanWarning(
            int actionIndex,
            String action,
            String column,
            Severity severity,
            String code,
            String message,
            String alternative) {
        this(actionIndex, action, column, severity, code, java.util.Optional.empty(), message, alternative);
    }

    /** Declared from most to least severe. */
    public enum Severity {
        /** The result would be misleading: a model scored on invented targets, a leaking feature. */
        @JsonProperty("critical")
        CRITICAL,
        /** Invented or lost data on a scale that likely changes conclusions. */
        @JsonProperty("warning")
        WARNING,
        /** What the engine decided on the plan's behalf, said so. */
        @JsonProperty("info")
        INFO;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** For example {@code actions[0] (impute) Age [warning]: fills ... Better: ...}. */
    public String describe() {
        return "actions[" + actionIndex + "] (" + action + ") " + column + " [" + severity.wireName() + "]: " + message
                + (alternative.isEmpty() ? "" : " Better: " + alternative);
    }
}
