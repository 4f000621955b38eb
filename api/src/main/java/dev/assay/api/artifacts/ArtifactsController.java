package dev.assay.api.artifacts;

import dev.assay.api.audit.Audit;
import dev.assay.api.audit.AuditAction;
import dev.assay.api.jobs.JobViews;
import dev.assay.api.jobs.Jobs;
import dev.assay.model.status.TaskStatus;
import dev.assay.runner.storage.ArtifactKeys;
import dev.assay.runner.storage.ArtifactStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Streams a job's artifacts: the only way to the store from outside. A name is accepted only if
 * {@link ArtifactKeys#resolve} recognises it as one of the artifact shapes of that job, so no crafted name
 * ({@code ..}, an absolute path, another job's id) reaches anything else.
 */
@RestController
@Tag(name = "artifacts", description = "Reports, cleaned CSVs, profiles, models and plans of a job")
public class ArtifactsController {

    /**
     * Reports are generated from the data: scripts, connections, forms and plugins are off, and the page runs in
     * a sandbox of its own origin, so text in a dataset can never act as the api's page.
     */
    static final String REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; "
            + "script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'; "
            + "sandbox allow-popups";

    private final ArtifactStore artifacts;
    private final Jobs jobs;
    private final Audit audit;

    public ArtifactsController(ArtifactStore artifacts, Jobs jobs, Audit audit) {
        this.artifacts = artifacts;
        this.jobs = jobs;
        this.audit = audit;
    }

    @GetMapping(JobViews.API + "/artifacts/{jobId}/{*name}")
    @Operation(
            summary = "Download an artifact of a job",
            description = "name: report.html, profile.json, cleaned.csv, source.csv, assistant/{id}/context.json or "
                    + "runs/{run_id}/{report.html, cleaned.csv, profile.json, model.bin, metrics.json, plan.json, "
                    + "result.json}. 404 for anything else.")
    public ResponseEntity<Resource> download(@PathVariable String jobId, @PathVariable String name) throws IOException {
        String relative = name.startsWith("/") ? name.substring(1) : name;
        String shown = relative.length() > 200 ? relative.substring(0, 200) + "…" : relative;
        return audit.audited(
                AuditAction.DOWNLOAD, Optional.of(jobId), Map.of("artifact", shown), () -> serve(jobId, relative));
    }

    private ResponseEntity<Resource> serve(String jobId, String relative) throws IOException {
        // Another person's dataset is unknown here, as everywhere (404, never 403: its existence is not told).
        jobs.requireVisible(jobId);
        String key =
                ArtifactKeys.resolve(jobId, relative).orElseThrow(() -> new ArtifactNotFoundException(jobId, relative));
        Optional<Long> size = artifacts.size(key);
        Optional<InputStream> content = size.isPresent() ? artifacts.open(key) : Optional.empty();
        if (content.isEmpty()) {
            throw new ArtifactNotFoundException(jobId, relative);
        }
        String contentType = ArtifactKeys.contentType(key);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(contentType));
        headers.setContentLength(size.get());
        headers.setCacheControl("private, no-store");
        headers.set("X-Content-Type-Options", "nosniff");
        if (contentType.startsWith("text/html")) {
            headers.set("Content-Security-Policy", REPORT_POLICY);
            headers.set("Referrer-Policy", "no-referrer");
        } else if (!contentType.startsWith("application/json")) {
            headers.setContentDisposition(ContentDisposition.attachment()
                    .filename(downloadName(jobId, relative), StandardCharsets.UTF_8)
                    .build());
        }
        return ResponseEntity.ok().headers(headers).body(new InputStreamResource(content.get()));
    }

    /** {@code titanic-cleaned.csv}, {@code titanic-r-1a2b-model.bin}: names that say what a download is. */
    private String downloadName(String jobId, String relative) {
        String stem = jobs.find(jobId)
                .map(TaskStatus::name)
                .map(ArtifactsController::stem)
                .orElse(jobId);
        String[] parts = relative.split("/");
        String file = parts[parts.length - 1];
        String run = parts.length == 3 && parts[0].equals("runs") ? parts[1] + "-" : "";
        return stem + "-" + run + file;
    }

    private static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String stem = dot > 0 ? fileName.substring(0, dot) : fileName;
        return stem.isBlank() ? "dataset" : stem;
    }
}
