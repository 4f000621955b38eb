package dev.assay.api.runs;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.io.IOException;
import java.net.URI;
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

    public RunsController(Runs runs) {
        this.runs = runs;
    }

    @PostMapping(path = "/assistant/apply", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Apply a plan (whoever wrote it) to a profiled dataset; the run starts at once",
            description = "202 with the run id. 400 unreadable body (e.g. an unknown action type, named by its "
                    + "path such as actions[2].type), 404 unknown job, 409 dataset not profiled (yet), 422 invalid "
                    + "plan with errors naming each action and field, 503 executor queue full.")
    public ResponseEntity<RunAccepted> apply(@Valid @RequestBody ApplyRequest request) throws IOException {
        RunAccepted accepted = runs.start(request.jobId(), request.plan(), Optional.ofNullable(request.runName()),
                Optional.ofNullable(request.prompt()).filter(p -> !p.isBlank()));
        return ResponseEntity.accepted().location(URI.create(accepted.runUrl())).body(accepted);
    }
}
