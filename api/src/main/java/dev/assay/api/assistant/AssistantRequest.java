package dev.assay.api.assistant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * POST /api/v1/assistant.
 *
 * @param consentSendSample whether sample rows may be sent to a remote model (never by default)
 * @param sampleSize        rows to send with consent; the server sends at most 20 whatever this says
 */
public record AssistantRequest(
        @NotBlank @Size(max = 64) String jobId,
        @NotBlank @Size(max = 2000) String prompt,
        Boolean consentSendSample,
        @Min(0) @Max(1000) Integer sampleSize) {

    public boolean consent() {
        return Boolean.TRUE.equals(consentSendSample);
    }

    public int rows() {
        return sampleSize == null ? 5 : sampleSize;
    }
}
