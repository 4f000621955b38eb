package dev.assay.api.assistant;

import dev.assay.model.plan.PlanStep;
import dev.assay.model.plan.validation.PlanWarning;
import java.util.List;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The assistant's answer: a plan that passed validation for this dataset (or no actions, with the reason),
 * which planner made it, what it left out, and where to see exactly what was sent.
 *
 * @param summary the plan in plain words: the model's target and features, and the columns each step changes
 * @param changes for a follow-up, what the answer added, changed and removed in the current plan; else empty
 * @param review  what the one plan validator judges unsound in the proposed actions (the same warnings the plan
 *                card and the run result show), each naming the step, the column, the number and a better way
 */
@NullMarked
public record PlanProposal(
        String explanation,
        List<PlanStep> actions,
        String planner,
        List<String> warnings,
        String contextUrl,
        int sampleRowsSent,
        @Nullable List<String> summary,
        @Nullable List<String> changes,
        @Nullable List<PlanWarning> review) {}
