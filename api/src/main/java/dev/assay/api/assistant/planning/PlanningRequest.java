package dev.assay.api.assistant.planning;

import dev.assay.model.profile.Profile;

/**
 * What a planner gets: the person's words, the conversation so far (current plan and recent turns), the dataset's profile, and the context an LLM would be sent
 * (built once by {@code ContextBuilder}), and where a remote planner records each request body it sends, so that
 * context.json holds exactly what left Assay even when the call then fails.
 */
public record PlanningRequest(
        String prompt, Profile profile, PromptContext context, java.util.List<Object> sent, Conversation conversation) {

    public PlanningRequest {
        conversation = conversation == null ? Conversation.none() : conversation;
    }

    public PlanningRequest(String prompt, Profile profile, PromptContext context, java.util.List<Object> sent) {
        this(prompt, profile, context, sent, Conversation.none());
    }

    /** A request whose sent bodies nobody reads (tests, the built-in planner). */
    public PlanningRequest(String prompt, Profile profile, PromptContext context) {
        this(prompt, profile, context, new java.util.ArrayList<>());
    }
}
