package dev.assay.api.assistant.planning;

import dev.assay.model.plan.Plan;
import java.util.List;

/**
 * A planner's answer before the assistant validates it.
 *
 * @param warnings what the planner did not understand or left out, in words for the person
 * @param mode     how a remote model was asked when not the normal way ("JSON mode"), for the answer's provider line; else empty
 */
public record PlannerAnswer(Plan plan, List<String> warnings, String mode) {

    public PlannerAnswer {
        warnings = List.copyOf(warnings);
        mode = mode == null ? "" : mode;
    }

    /** An answer made the normal way (structured output for a remote model). */
    public PlannerAnswer(Plan plan, List<String> warnings) {
        this(plan, warnings, "");
    }
}
