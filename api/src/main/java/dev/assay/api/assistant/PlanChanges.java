package dev.assay.api.assistant;

import dev.assay.model.plan.PlanStep;
import java.util.ArrayList;
import java.util.List;

/** What an answer changed in the current plan: steps added, changed (same kind, other parameters) and removed. */
public final class PlanChanges {

    private PlanChanges() {}

    public static List<String> between(List<PlanStep> before, List<PlanStep> after) {
        List<PlanStep> removed = new ArrayList<>(before);
        List<PlanStep> added = new ArrayList<>();
        for (PlanStep step : after) {
            if (!removed.remove(step)) {
                added.add(step);
            }
        }
        List<String> lines = new ArrayList<>();
        for (PlanStep step : new ArrayList<>(added)) {
            PlanStep old = removed.stream()
                    .filter(r -> r.type() == step.type())
                    .findFirst()
                    .orElse(null);
            if (old != null) {
                removed.remove(old);
                added.remove(step);
                lines.add("changed " + step.type().wireName() + ": " + difference(old, step));
            }
        }
        added.forEach(s -> lines.add("added " + s.type().wireName() + on(s)));
        removed.forEach(s -> lines.add("removed " + s.type().wireName() + on(s)));
        // "remove the duplicates before scaling": the same steps in another order is a change too, said as the order.
        if (lines.isEmpty() && !before.equals(after)) {
            List<String> order = new ArrayList<>();
            for (int i = 0; i < after.size(); i++) {
                order.add((i + 1) + ". " + after.get(i).type().wireName() + on(after.get(i)));
            }
            lines.add("reordered the steps: " + String.join(", ", order));
        }
        return lines;
    }

    /** " on Age, Fare" or " on Survived" (a model's target); empty when the step names no column. */
    private static String on(PlanStep step) {
        Object columns = step.params().get("columns");
        if (columns instanceof List<?> list && !list.isEmpty()) {
            return " on " + String.join(", ", list.stream().map(String::valueOf).toList());
        }
        Object target = step.params().get("target");
        return target == null ? "" : " on " + target;
    }

    /** "strategy: median → mean; columns: [Age] → [Age, Fare]" for the parameters that differ. */
    private static String difference(PlanStep before, PlanStep after) {
        java.util.Set<String> keys =
                new java.util.LinkedHashSet<>(before.params().keySet());
        keys.addAll(after.params().keySet());
        List<String> parts = new ArrayList<>();
        for (String key : keys) {
            Object a = before.params().get(key);
            Object b = after.params().get(key);
            if (!java.util.Objects.equals(a, b)) {
                parts.add(key + ": " + (a == null ? "(not set)" : a) + " → " + (b == null ? "(not set)" : b));
            }
        }
        return String.join("; ", parts);
    }
}
