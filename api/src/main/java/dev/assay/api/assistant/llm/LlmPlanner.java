package dev.assay.api.assistant.llm;

import dev.assay.api.assistant.AssistantException;
import dev.assay.api.assistant.Planner;
import dev.assay.api.assistant.PlannerAnswer;
import dev.assay.api.assistant.PlanningRequest;
import dev.assay.model.plan.Plan;
import dev.assay.model.plan.PlanReader;
import dev.assay.model.plan.validation.PlanError;
import dev.assay.model.plan.validation.PlanValidationException;
import dev.assay.model.plan.validation.PlanValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A planner backed by a language model. The model's text is only ever read as a plan ({@link PlanReader}) and
 * checked by the one validator against the dataset; when it fails, the model gets one repair round with the
 * validator's errors, then the request fails with a clear error. Every request body sent is kept, for
 * context.json.
 */
public abstract class LlmPlanner implements Planner {

    /** One exchange: the model's text. Implementations record the body they sent in {@code sent}. */
    protected abstract String complete(String system, List<Message> messages, List<Object> sent);

    @Override
    public final boolean remote() {
        return true;
    }

    @Override
    public PlannerAnswer plan(PlanningRequest request) {
        List<Object> sent = request.sent();
        List<Message> conversation = new ArrayList<>(List.of(Message.user(request.context().user())));
        String answer = complete(request.context().system(), conversation, sent);
        List<PlanError> errors = problems(answer, request);
        if (errors.isEmpty()) {
            return new PlannerAnswer(PlanReader.read(answer), List.of());
        }
        conversation.add(Message.assistant(answer));
        conversation.add(Message.user("That answer is not a valid plan for this dataset:\n"
                + errors.stream().map(e -> "- " + e.describe()).collect(Collectors.joining("\n"))
                + "\nAnswer again with the corrected plan only, as JSON matching the schema."));
        String repaired = complete(request.context().system(), conversation, sent);
        List<PlanError> still = problems(repaired, request);
        if (!still.isEmpty()) {
            throw AssistantException.unusableAnswer(name(),
                    still.stream().map(PlanError::describe).collect(Collectors.joining("; ")));
        }
        return new PlannerAnswer(PlanReader.read(repaired), List.of("The first answer was not a valid plan and was "
                + "corrected: " + errors.stream().map(PlanError::describe).collect(Collectors.joining("; "))));
    }

    /** What is wrong with an answer: not a plan at all, or a plan that does not fit the data. None for a refusal. */
    private static List<PlanError> problems(String answer, PlanningRequest request) {
        Plan plan;
        try {
            plan = PlanReader.read(answer == null ? "" : answer.strip());
        } catch (PlanValidationException e) {
            return e.errors();
        }
        if (plan.actions().isEmpty()) {
            // A model that declines (the request asked for something no action does) gives an empty plan.
            return List.of();
        }
        return PlanValidator.check(plan, request.profile().schema());
    }
}
