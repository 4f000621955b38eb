package dev.assay.api.assistant.planning;

import dev.assay.model.plan.PlanStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The plan in plain words: one phrase per step, joined, then what was left out. */
public final class Explanations {

    private Explanations() {}

    public static String of(List<PlanStep> steps, List<String> warnings) {
        List<String> phrases = new ArrayList<>();
        for (PlanStep step : steps) {
            phrases.add(phrase(step));
        }
        StringBuilder text = new StringBuilder();
        if (phrases.isEmpty()) {
            text.append("No actions planned.");
        } else {
            String joined = phrases.size() == 1
                    ? phrases.getFirst()
                    : String.join(", ", phrases.subList(0, phrases.size() - 1)) + ", then " + phrases.getLast();
            text.append(Character.toUpperCase(joined.charAt(0)))
                    .append(joined.substring(1))
                    .append('.');
        }
        for (String warning : warnings) {
            text.append(' ').append(warning);
        }
        return text.toString();
    }

    private static String phrase(PlanStep step) {
        Map<String, Object> p = step.params();
        String columns = columns(p.get("columns"));
        return switch (step.type()) {
            case DROP_COLUMNS -> "drop " + columns;
            case IMPUTE ->
                "fill missing values in " + (columns.isEmpty() ? "every column that has them" : columns) + " with "
                        + strategy(p)
                        + (columns.isEmpty() && numericOnly(p)
                                ? " (columns of words get their most frequent value)"
                                : "");
            case CAST -> "convert " + columns + " to " + p.get("to");
            case ENCODE ->
                ("label".equals(p.get("method")) ? "label-encode " : "one-hot encode ")
                        + (columns.isEmpty() ? "the categorical columns" : columns);
            case SCALE ->
                ("minmax".equals(p.get("method")) ? "scale to 0–1 " : "standardise ")
                        + (columns.isEmpty() ? "the numeric columns" : columns);
            case FEATURE_ENGINEER -> feature(p);
            case TRAIN_MODEL -> "train " + model(p) + " to predict " + p.get("target");
            case DROP_DUPLICATES -> "remove duplicate rows";
            case DROP_MISSING_ROWS -> "drop rows with a missing value" + (columns.isEmpty() ? "" : " in " + columns);
            case RENAME_COLUMNS -> "rename " + renames(p.get("renames"));
            case CLIP_OUTLIERS -> "clip outliers in " + (columns.isEmpty() ? "the numeric columns" : columns);
        };
    }

    /** Arithmetic said as the formula it computes, so the order of the two columns is on the page. */
    private static String feature(Map<String, Object> p) {
        String sign = switch (String.valueOf(p.get("operation"))) {
            case "add" -> "+";
            case "subtract" -> "−";
            case "multiply" -> "×";
            case "divide" -> "/";
            default -> "";
        };
        Object name = p.get("new_column");
        if (!sign.isEmpty() && p.get("columns") instanceof List<?> inputs && inputs.size() == 2) {
            return "add a column " + (name == null ? "" : name + " = ") + inputs.get(0) + " " + sign + " "
                    + inputs.get(1);
        }
        return "add a column (" + p.get("operation") + " of " + columns(p.get("columns")) + ")";
    }

    private static String strategy(Map<String, Object> p) {
        return switch (String.valueOf(p.get("strategy"))) {
            case "mean" -> "the mean";
            case "mode" -> "the most frequent value";
            case "zero" -> "zero";
            case "constant" -> "\"" + p.get("value") + "\"";
            default -> "the median";
        };
    }

    /** Under columns [] such a way fills the numbers only, and the runner fills words with their mode. */
    private static boolean numericOnly(Map<String, Object> p) {
        return java.util.Arrays.stream(dev.assay.model.plan.params.ImputeStrategy.values())
                .anyMatch(s ->
                        s.wireName().equals(String.valueOf(p.getOrDefault("strategy", "median"))) && s.numericOnly());
    }

    private static String model(Map<String, Object> p) {
        Object model = p.get("model");
        Object task = p.get("task");
        String chosen = model == null || "auto".equals(model)
                ? "the best model"
                : "a " + String.valueOf(model).replace('_', ' ');
        return chosen + (task == null ? "" : " (" + task + ")");
    }

    private static String columns(Object value) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            return "";
        }
        List<String> names = list.stream().map(String::valueOf).toList();
        return names.size() == 1
                ? names.getFirst()
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
    }

    private static String renames(Object value) {
        return dev.assay.api.plans.PlanSummary.renames(value);
    }
}
