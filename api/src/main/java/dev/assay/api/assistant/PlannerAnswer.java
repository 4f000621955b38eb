package dev.assay.api.assistant;

import dev.assay.model.plan.Plan;
import java.util.List;

/**
 * A planner's answer before the assistant validates it.
 *
 * @param warnings what the planner did not understand or left out, in words for the person
 */
public record PlannerAnswer(Plan plan, List<String> warnings) {

    public PlannerAnswer {
        warnings = List.copyOf(warnings);
    }
}
