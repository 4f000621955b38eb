package dev.assay.api.assistant;

import dev.assay.api.assistant.planning.Conversation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * POST /api/v1/assistant.
 *
 * @param consentSendSample whether sample rows may be sent to a remote model (never by default)
 * @param sampleSize        rows to send with consent; the server sends at most 20 whatever this says
 * @param plan              the current plan, as the person has it now (a follow-up refines it); may be absent
 * @param turns             the recent turns, oldest first, each with the plan before its answer (for "undo")
 */
public record AssistantRequest(
        @NotBlank @Size(max = 64) String jobId,
        @NotBlank @Size(max = 2000) String prompt,
        Boolean consentSendSample,
        @Min(0) @Max(1000) Integer sampleSize,
        @Size(max = dev.assay.model.plan.Plan.MAX_ACTIONS) java.util.List<dev.assay.model.plan.PlanStep> plan,
        @Size(max = 50) java.util.List<Conversation.Turn> turns) {

    /** A first request, without a conversation. */
    public AssistantRequest(String jobId, String prompt, Boolean consentSendSample, Integer sampleSize) {
        this(jobId, prompt, consentSendSample, sampleSize, null, null);
    }

    public Conversation conversation() {
        return new Conversation(plan, turns);
    }

    public boolean consent() {
        return Boolean.TRUE.equals(consentSendSample);
    }

    public int rows() {
        return sampleSize == null ? 5 : sampleSize;
    }
}
