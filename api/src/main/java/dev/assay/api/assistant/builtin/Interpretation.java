package dev.assay.api.assistant.builtin;

import dev.assay.model.plan.PlanStep;
import java.util.List;

/** What one clause asks for. */
record Interpretation(List<PlanStep> steps, List<String> warnings) {

    static Interpretation of(PlanStep... steps) {
        return new Interpretation(List.of(steps), List.of());
    }

    static Interpretation warn(String warning) {
        return new Interpretation(List.of(), List.of(warning));
    }
}
