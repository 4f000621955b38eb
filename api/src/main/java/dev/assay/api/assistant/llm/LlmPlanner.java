package dev.assay.api.assistant.llm;

import dev.assay.api.assistant.planning.AssistantException;
import dev.assay.api.assistant.planning.Planner;
import dev.assay.api.assistant.planning.PlannerAnswer;
import dev.assay.api.assistant.planning.PlanningRequest;
import dev.assay.model.json.Json;
import dev.assay.model.plan.Plan;
import dev.assay.model.plan.schema.PlanSchema;
import dev.assay.model.plan.validation.PlanError;
import dev.assay.model.plan.validation.PlanReader;
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

    /**
     * One exchange: the model's text. Implementations record the body they sent in {@code sent}. With
     * {@code structured} the provider's structured output constrains the answer by the plan schema (in the subset
     * the provider accepts); without, the provider's JSON mode is asked for and the schema is in the system text.
     * A provider that rejects the structured request (HTTP 400) makes this throw {@link SchemaRefused}.
     */
    protected abstract String complete(String system, List<Message> messages, List<Object> sent, boolean structured);

    /** The provider answered a structured-output request with HTTP 400: it did not accept the schema. */
    protected static final class SchemaRefused extends RuntimeException {

        final int status;

        protected SchemaRefused(int status) {
            super("schema refused with HTTP " + status, null, false, false);
            this.status = status;
        }
    }

    static final String JSON_MODE = "JSON mode";

    @Override
    public final boolean remote() {
        return true;
    }

    @Override
    public PlannerAnswer plan(PlanningRequest request) {
        List<Object> sent = request.sent();
        List<Message> conversation =
                new ArrayList<>(List.of(Message.user(request.context().user())));
        String system = request.context().system();
        boolean structured = true;
        List<String> notes = new ArrayList<>();
        String answer;
        try {
            answer = complete(system, conversation, sent, true);
        } catch (SchemaRefused refused) {
            // Fall back once: JSON mode, the schema in the prompt, the validator and one repair round as always.
            structured = false;
            system = system + "\n\nAnswer with one JSON object only, valid against this JSON Schema:\n"
                    + Json.write(PlanSchema.plan());
            notes.add("The " + name() + " provider did not accept the plan schema for structured output (HTTP "
                    + refused.status + "); the plan was asked for in JSON mode with the schema in the prompt and "
                    + "checked by the validator.");
            answer = complete(system, conversation, sent, false);
        }
        String mode = structured ? "" : JSON_MODE;
        List<PlanError> errors = problems(answer, request);
        if (errors.isEmpty()) {
            return new PlannerAnswer(read(answer), notes, mode);
        }
        conversation.add(Message.assistant(answer));
        conversation.add(Message.user("That answer is not a valid plan for this dataset:\n"
                + errors.stream().map(e -> "- " + e.describe()).collect(Collectors.joining("\n"))
                + "\nAnswer again with the corrected plan only, as JSON matching the schema."));
        String repaired = complete(system, conversation, sent, structured);
        List<PlanError> still = problems(repaired, request);
        if (!still.isEmpty()) {
            throw AssistantException.unusableAnswer(
                    name(), still.stream().map(PlanError::describe).collect(Collectors.joining("; ")));
        }
        notes.add("The first answer was not a valid plan and was corrected: "
                + errors.stream().map(PlanError::describe).collect(Collectors.joining("; ")));
        return new PlannerAnswer(read(repaired), notes, mode);
    }

    /** The plan, with parameters a strict-schema answer set to null left out (null means "not given"). */
    private static Plan read(String answer) {
        String text = answer.strip();
        try {
            com.fasterxml.jackson.databind.JsonNode tree = Json.mapper().readTree(text);
            if (tree != null && tree.path("actions").isArray()) {
                for (com.fasterxml.jackson.databind.JsonNode step : tree.get("actions")) {
                    if (step.path("params") instanceof com.fasterxml.jackson.databind.node.ObjectNode params) {
                        java.util.List<String> nulls = new ArrayList<>();
                        params.fieldNames().forEachRemaining(f -> {
                            if (params.get(f).isNull()) {
                                nulls.add(f);
                            }
                        });
                        params.remove(nulls);
                    }
                }
                text = Json.write(tree);
            }
        } catch (java.io.IOException | RuntimeException notJson) {
            // Not JSON at all: PlanReader says so in words the repair round can use.
        }
        return PlanReader.read(text);
    }

    /** What is wrong with an answer: not a plan at all, or a plan that does not fit the data. None for a refusal. */
    private static List<PlanError> problems(String answer, PlanningRequest request) {
        Plan plan;
        try {
            plan = read(answer == null ? "" : answer);
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
