package dev.assay.api.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One row of the audit trail, as {@code GET /api/v1/audit} answers it.
 *
 * @param outcome   {@code success}, {@code failure} (refused or failed, with the HTTP status in details) or
 *                  {@code denied} (sign-in refused)
 * @param requestId the request's {@code X-Request-Id}
 * @param datasetId the dataset acted on; null when none
 * @param runId     the run acted on; null when none
 * @param details   facts of the event (file name and size, prompt, provider, model, bytes sent and their SHA-256,
 *                  artifact); never values from the data
 */
public record AuditEvent(
        long id,
        Instant at,
        String actor,
        String team,
        String action,
        String outcome,
        String requestId,
        String datasetId,
        String runId,
        Map<String, Object> details) {}
