package dev.assay.api.assistant;

import dev.assay.model.plan.PlanStep;
import java.util.List;

/**
 * The assistant's answer: a plan that passed validation for this dataset (or no actions, with the reason),
 * which planner made it, what it left out, and where to see exactly what was sent.
 */
public record PlanProposal(String explanation, List<PlanStep> actions, String planner, List<String> warnings,
                           String contextUrl, int sampleRowsSent) {
}
