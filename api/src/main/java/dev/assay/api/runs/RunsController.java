package dev.assay.api.runs;

import dev.assay.api.audit.Audit;
import dev.assay.api.audit.AuditAction;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "runs", description = "Apply a plan to a profiled dataset")
public class RunsController {

    private final Runs runs;
    private final Audit audit;

    public RunsController(Runs runs, Audit audit) {
        this.runs = runs;
        this.audit = audit;
    }

    @PostMapping(path = "/assistant/apply", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Apply a plan (whoever wrote it) to a profiled dataset; the run starts at once",
            description = "202 with the run id. 400 unreadable body (e.g. an unknown action type, named by its "
                    + "path such as actions[2].type), 404 unknown job, 409 dataset not profiled (yet), 422 invalid "
                    + "plan with errors naming each action and field, 503 executor queue full.")
    public ResponseEntity<RunAccepted> apply(@Valid @RequestBody ApplyRequest request) throws IOException {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put(
                "actions",
                request.plan().actions().stream().map(a -> a.type().wireName()).toList());
        Optional.ofNullable(request.prompt()).filter(p -> !p.isBlank()).ifPresent(p -> details.put("prompt", p));
        RunAccepted accepted;
        try {
            accepted = runs.start(
                    request.jobId(),
                    request.plan(),
                    Optional.ofNullable(request.runName()),
                    Optional.ofNullable(request.prompt()).filter(p -> !p.isBlank()));
        } catch (IOException | RuntimeException e) {
            audit.failure(AuditAction.APPLY, Optional.of(request.jobId()), details, e);
            throw e;
        }
        details.put("run_name", accepted.runName());
        audit.success(AuditAction.APPLY, Optional.of(request.jobId()), Optional.of(accepted.runId()), details);
        return ResponseEntity.accepted().location(URI.create(accepted.runUrl())).body(accepted);
    }
}
