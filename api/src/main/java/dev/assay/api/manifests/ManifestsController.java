package dev.assay.api.manifests;

import dev.assay.api.audit.Audit;
import dev.assay.api.audit.AuditAction;
import dev.assay.api.jobs.JobViews;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(JobViews.API + "/jobs/{jobId}")
@Tag(name = "manifests", description = "Plans as AssistantRun resources for kubectl apply")
public class ManifestsController {

    static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    private final Manifests manifests;
    private final Audit audit;

    public ManifestsController(Manifests manifests, Audit audit) {
        this.manifests = manifests;
        this.audit = audit;
    }

    @PostMapping(path = "/manifest", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "A plan as an AssistantRun manifest (YAML for kubectl apply -f), checked against the dataset",
            description = "The body is the plan (explanation, actions) with an optional prompt and run_name. 200 with "
                    + "the YAML as an attachment; each answer names a new run (metadata.name), and spec.datasetRef is "
                    + "this dataset's id, the name of its DatasetJob. 400 unreadable body, 404 unknown dataset, 409 not "
                    + "profiled (yet), 422 invalid plan with errors naming each action and field.")
    @ApiResponse(
            responseCode = "200",
            content = @Content(mediaType = "application/yaml", schema = @Schema(type = "string")))
    public ResponseEntity<String> forPlan(@PathVariable String jobId, @Valid @RequestBody ManifestRequest request)
            throws IOException {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("manifest", "plan");
        details.put(
                "actions",
                request.plan().actions().stream().map(a -> a.type().wireName()).toList());
        return download(
                jobId,
                details,
                () -> manifests.forPlan(
                        jobId,
                        request.plan(),
                        Optional.ofNullable(request.prompt()),
                        Optional.ofNullable(request.runName())));
    }

    @GetMapping("/runs/{runId}/manifest")
    @Operation(
            summary = "A run's plan as an AssistantRun manifest (YAML for kubectl apply -f), to run it again",
            description = "The plan the run was started with, checked again against the dataset; a new run name "
                    + "(metadata.name), never the run's own. 404 unknown dataset or run.")
    @ApiResponse(
            responseCode = "200",
            content = @Content(mediaType = "application/yaml", schema = @Schema(type = "string")))
    public ResponseEntity<String> forRun(@PathVariable String jobId, @PathVariable String runId) throws IOException {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("manifest", "run");
        details.put("run", runId.length() > 64 ? runId.substring(0, 64) + "…" : runId);
        return download(jobId, details, () -> manifests.forRun(jobId, runId));
    }

    /** Downloads are audited like artifacts: who took which plan out of Assay, or was refused. */
    private ResponseEntity<String> download(String jobId, Map<String, Object> details, Audit.AuditedWork<Manifest> work)
            throws IOException {
        Manifest manifest = audit.audited(AuditAction.DOWNLOAD, Optional.of(jobId), details, () -> {
            Manifest made = work.run();
            details.put("name", made.name());
            return made;
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType(YAML, StandardCharsets.UTF_8));
        headers.setContentDisposition(ContentDisposition.attachment()
                .filename(manifest.fileName(), StandardCharsets.UTF_8)
                .build());
        headers.setCacheControl("private, no-store");
        return ResponseEntity.ok().headers(headers).body(manifest.yaml());
    }
}
