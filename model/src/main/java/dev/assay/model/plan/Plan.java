package dev.assay.model.plan;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.List;
import org.jspecify.annotations.NullMarked;

/**
 * The one thing the assistant may produce: an explanation and an ordered list of whitelisted actions.
 * This is the wire form (REST, custom resources, LLM answers); {@link dev.assay.model.plan.validation.PlanValidator}
 * turns it into a {@link dev.assay.model.plan.validation.ValidatedPlan} before anything runs.
 */
@NullMarked
public record Plan(
        @JsonPropertyDescription("One or two sentences, in plain words, on what the plan does and why.")
        String explanation,

        @Required @JsonPropertyDescription("The actions, applied in this order.")
        List<PlanStep> actions) {

    public static final int MAX_ACTIONS = 30;
    public static final int MAX_EXPLANATION = 2000;

    public Plan {
        explanation = explanation == null ? "" : explanation;
        // Not contains(null): immutable lists throw on it instead of answering.
        for (int i = 0; actions != null && i < actions.size(); i++) {
            if (actions.get(i) == null) {
                throw new IllegalArgumentException("actions[" + i + "] is empty; give each step a type and params");
            }
        }
        actions = actions == null ? List.of() : List.copyOf(actions);
    }
}
