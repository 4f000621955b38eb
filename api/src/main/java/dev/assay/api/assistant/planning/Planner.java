package dev.assay.api.assistant.planning;

/**
 * Turns a request in plain words into a plan. Implementations may only ever produce a {@link
 * dev.assay.model.plan.Plan}; the assistant validates whatever they return before anyone sees it.
 */
public interface Planner {

    /** How the answer names this planner: built-in, gemini, openai. */
    String name();

    /** Whether this planner sends anything outside Assay (an LLM provider). */
    boolean remote();

    PlannerAnswer plan(PlanningRequest request);

    /** The provider's model this planner asks, as the audit trail records it; empty for the built-in planner. */
    default java.util.Optional<String> model() {
        return java.util.Optional.empty();
    }
}
