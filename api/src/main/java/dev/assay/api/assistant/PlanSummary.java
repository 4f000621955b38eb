package dev.assay.api.assistant;

import dev.assay.model.dataset.VariableKind;
import dev.assay.model.plan.ActionType;
import dev.assay.model.plan.PlanStep;
import dev.assay.model.profile.Profile;
import dev.assay.model.profile.VariableProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A plain summary of a plan, for the answer and the plan card: the model's target and features, and for every
 * step the columns it will change, with "every column …" spelled out as the columns of this dataset it reaches.
 */
public final class PlanSummary {

    private PlanSummary() {
    }

    public static List<String> of(List<PlanStep> steps, Profile profile) {
        List<String> lines = new ArrayList<>();
        for (PlanStep step : steps) {
            if (step.type() == ActionType.TRAIN_MODEL) {
                Map<String, Object> p = step.params();
                List<String> features = names(p.get("features"));
                lines.add("Model: predicts " + p.get("target") + (p.get("task") == null ? "" : " (" + p.get("task") + ")")
                        + " from " + (features.isEmpty() ? "every other column except identifier-like ones" : join(features))
                        + (p.get("model") == null ? "" : ", with " + String.valueOf(p.get("model")).replace('_', ' ')) + ".");
            }
        }
        int index = 1;
        for (PlanStep step : steps) {
            lines.add("Step " + index++ + " (" + step.type().wireName() + "): " + changes(step, profile) + ".");
        }
        return lines;
    }

    private static String changes(PlanStep step, Profile profile) {
        Map<String, Object> p = step.params();
        List<String> columns = names(p.get("columns"));
        String reach = columns.isEmpty() ? "every column it applies to" + listed(reach(step, profile)) : join(columns);
        return switch (step.type()) {
            case DROP_COLUMNS -> "removes " + join(columns);
            case DROP_DUPLICATES -> "removes rows equal in " + (columns.isEmpty() ? "every column" : join(columns));
            case DROP_MISSING_ROWS -> "removes rows with a missing value in " + (columns.isEmpty() ? "any column" : join(columns));
            case TRAIN_MODEL -> "changes no column; trains on " + p.get("target");
            case FEATURE_ENGINEER -> "adds a column from " + join(columns);
            case RENAME_COLUMNS -> "renames " + renames(p.get("renames"));
            default -> "changes " + reach;
        };
    }

    /** The columns a step with columns [] reaches in this dataset, by the action's own rule of applicability. */
    static List<String> reach(PlanStep step, Profile profile) {
        return profile.variables().values().stream().filter(v -> applies(step.type(), v)).map(VariableProfile::name).toList();
    }

    private static boolean applies(ActionType type, VariableProfile v) {
        return switch (type) {
            case IMPUTE -> v.missing() > 0;
            case SCALE, CLIP_OUTLIERS -> v.type() == VariableKind.NUMERIC;
            case ENCODE -> v.type() == VariableKind.CATEGORICAL;
            default -> true;
        };
    }

    private static String listed(List<String> columns) {
        return columns.isEmpty() ? " (none in this dataset)" : " (" + join(columns) + ")";
    }

    private static List<String> names(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
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
