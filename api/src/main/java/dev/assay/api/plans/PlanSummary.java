package dev.assay.api.plans;

import dev.assay.model.dataset.ColumnInfo;
import dev.assay.model.dataset.DatasetSchema;
import dev.assay.model.dataset.VariableKind;
import dev.assay.model.plan.Plan;
import dev.assay.model.plan.PlanStep;
import dev.assay.model.plan.params.ActionType;
import dev.assay.model.plan.params.ClipOutliersParams;
import dev.assay.model.plan.params.DropMissingRowsParams;
import dev.assay.model.plan.params.EncodeParams;
import dev.assay.model.plan.params.ImputeParams;
import dev.assay.model.plan.params.ScaleParams;
import dev.assay.model.plan.params.StepContext;
import dev.assay.model.plan.params.TrainModelParams;
import dev.assay.model.plan.validation.PlanValidationException;
import dev.assay.model.plan.validation.PlanValidator;
import dev.assay.model.plan.validation.ValidatedAction;
import dev.assay.model.plan.validation.ValidatedPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A plain summary of a plan, for the assistant's answer and the plan card: the model's target and features, and for
 * every step the columns it will change, by name. A step said of "every column it applies to" ({@code columns: []})
 * is spelled out as the columns it reaches in this dataset at that point of the plan ("every numeric column: a, b"),
 * by the same rule the engine applies ({@code resolve} of the action's parameters in model/), after the steps before
 * it have changed the schema.
 */
public final class PlanSummary {

    private PlanSummary() {}

    public static List<String> of(List<PlanStep> steps, DatasetSchema schema) {
        if (steps.isEmpty()) {
            return List.of();
        }
        // The reach of a step with [] depends on the steps before it; it is known for a plan that validates.
        List<Optional<List<String>>> reach = new ArrayList<>();
        Optional<List<String>> features = Optional.empty();
        try {
            ValidatedPlan validated = PlanValidator.validate(new Plan("", steps), schema);
            DatasetSchema current = schema;
            for (ValidatedAction action : validated.actions()) {
                reach.add(reach(action, current));
                if (action.params() instanceof TrainModelParams train) {
                    features = Optional.of(modelInputs(train, current));
                }
                current = action.params().project(current, action.context());
            }
        } catch (PlanValidationException e) {
            reach.clear();
        }
        List<String> lines = new ArrayList<>();
        for (PlanStep step : steps) {
            if (step.type() == ActionType.TRAIN_MODEL) {
                Map<String, Object> p = step.params();
                List<String> named = names(p.get("features"));
                String inputs = !named.isEmpty()
                        ? join(named)
                        : "every other column it can learn from"
                                + features.map(f -> ": " + join(f)).orElse("");
                lines.add("Model: predicts " + p.get("target")
                        + (p.get("task") == null ? "" : " (" + p.get("task") + ")")
                        + " from " + inputs
                        + (p.get("model") == null
                                ? ""
                                : ", with " + String.valueOf(p.get("model")).replace('_', ' ')) + ".");
            }
        }
        for (int i = 0; i < steps.size(); i++) {
            PlanStep step = steps.get(i);
            Optional<List<String>> reached = i < reach.size() ? reach.get(i) : Optional.empty();
            // The action's label, as the plan card's chips and the warnings name the step.
            lines.add("Step " + (i + 1) + " (" + step.type().label() + "): " + changes(step, reached) + ".");
        }
        return lines;
    }

    /** The columns a step with {@code columns: []} reaches, by its action's own rule, or empty when not such a step. */
    private static Optional<List<String>> reach(ValidatedAction action, DatasetSchema schema) {
        StepContext context = action.context();
        List<ColumnInfo> columns = switch (action.params()) {
            case ImputeParams p when p.columns().isEmpty() -> p.resolve(schema, context);
            case ScaleParams p when p.columns().isEmpty() -> p.resolve(schema, context);
            case ClipOutliersParams p when p.columns().isEmpty() -> p.resolve(schema, context);
            case EncodeParams p when p.columns().isEmpty() -> p.resolve(schema, context);
            case DropMissingRowsParams p
            when p.columns().isEmpty() ->
                p.resolve(schema).stream().filter(ColumnInfo::hasMissing).toList();
            default -> null;
        };
        return Optional.ofNullable(columns)
                .map(list -> list.stream().map(ColumnInfo::name).toList());
    }

    /**
     * The columns one step with {@code columns: []} reaches in this schema on its own; every column when the step
     * does not fit the schema (then the validator says why).
     */
    public static List<String> reach(PlanStep step, DatasetSchema schema) {
        try {
            ValidatedPlan validated = PlanValidator.validate(new Plan("", List.of(step)), schema);
            return reach(validated.actions().getFirst(), schema).orElseGet(schema::names);
        } catch (PlanValidationException e) {
            return schema.names();
        }
    }

    /** Every other column but the ones a model cannot learn from (identifiers, free text), as the engine leaves out. */
    private static List<String> modelInputs(TrainModelParams train, DatasetSchema schema) {
        if (!train.features().isEmpty()) {
            return train.features();
        }
        return schema.columns().stream()
                .filter(c -> !c.name().equals(train.target()))
                .filter(c -> c.kind() != VariableKind.IDENTIFIER && c.kind() != VariableKind.TEXT && c.distinct() > 1)
                .map(ColumnInfo::name)
                .toList();
    }

    private static String changes(PlanStep step, Optional<List<String>> reached) {
        Map<String, Object> p = step.params();
        List<String> columns = names(p.get("columns"));
        return switch (step.type()) {
            case DROP_COLUMNS -> "removes " + join(columns);
            case DROP_DUPLICATES -> "removes rows equal in " + (columns.isEmpty() ? "every column" : join(columns));
            case DROP_MISSING_ROWS ->
                "removes rows with a missing value in "
                        + (!columns.isEmpty()
                                ? join(columns)
                                : "any column"
                                        + reached.map(r -> r.isEmpty()
                                                        ? " (none has a gap here)"
                                                        : " (those with gaps: " + join(r) + ")")
                                                .orElse(""));
            case TRAIN_MODEL -> "changes no column; trains on " + p.get("target");
            case FEATURE_ENGINEER -> "adds a column from " + join(columns);
            case RENAME_COLUMNS -> "renames " + renames(p.get("renames"));
            case IMPUTE -> "fills " + every(columns, "every column with missing values", reached);
            case SCALE -> "rescales " + every(columns, "every numeric column", reached);
            case CLIP_OUTLIERS -> "clips " + every(columns, "every numeric column", reached);
            case ENCODE -> "encodes " + every(columns, "every categorical column", reached);
            case CAST -> "converts " + join(columns) + " to " + p.get("to");
        };
    }

    /** Named columns by name; "every … column: a, b, c" for [] when its reach is known. */
    private static String every(List<String> columns, String every, Optional<List<String>> reached) {
        if (!columns.isEmpty()) {
            return join(columns);
        }
        return reached.map(r -> r.isEmpty() ? every + " (none in this dataset)" : every + ": " + join(r))
                .orElse(every);
    }

    private static List<String> names(Object value) {
        return value instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : List.of();
    }

    private static String join(List<String> names) {
        return names.isEmpty() ? "no column" : String.join(", ", names);
    }

    /** A rename_columns step's renames in words: "Fare to fare_usd, Age to age_years". */
    public static String renames(Object value) {
        if (!(value instanceof List<?> list)) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (Object item : list) {
            if (item instanceof Map<?, ?> rename) {
                parts.add(rename.get("from") + " to " + rename.get("to"));
            }
        }
        return String.join(", ", parts);
    }
}
