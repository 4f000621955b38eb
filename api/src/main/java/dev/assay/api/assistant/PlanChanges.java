package dev.assay.api.assistant;

import dev.assay.model.plan.PlanStep;
import java.util.ArrayList;
import java.util.List;

/** What an answer changed in the current plan: steps added, changed (same kind, other parameters) and removed. */
public final class PlanChanges {

    private PlanChanges() {
    }

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
            PlanStep old = removed.stream().filter(r -> r.type() == step.type()).findFirst().orElse(null);
            if (old != null) {
                removed.remove(old);
                added.remove(step);
                lines.add("changed " + step.type().wireName() + ": " + old.params() + " → " + step.params());
            }
        }
        added.forEach(s -> lines.add("added " + s.type().wireName() + ": " + s.params()));
        removed.forEach(s -> lines.add("removed " + s.type().wireName() + ": " + s.params()));
        return lines;
    }
}
