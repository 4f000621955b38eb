package dev.assay.api.datasets;

import dev.assay.api.audit.Audit;
import dev.assay.api.audit.AuditAction;
import dev.assay.api.jobs.JobViews;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(JobViews.API + "/jobs")
@Tag(name = "datasets", description = "Delete datasets and runs")
public class DatasetsController {

    private final Datasets datasets;
    private final Audit audit;

    public DatasetsController(Datasets datasets, Audit audit) {
        this.datasets = datasets;
        this.audit = audit;
    }

    @DeleteMapping("/{jobId}")
    @Operation(
            summary = "Delete a dataset with its runs, files and status",
            description = "204 when deleted; 404 unknown dataset; 409 while it or one of its runs is still running.")
    public ResponseEntity<Void> delete(@PathVariable String jobId) throws IOException {
        audit.audited(AuditAction.DELETE, Optional.of(jobId), Map.of("what", "dataset"), () -> {
            datasets.delete(jobId);
            return jobId;
        });
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{jobId}/runs/{runId}")
    @Operation(
            summary = "Delete one run with its files and status",
            description = "204 when deleted; 404 unknown dataset or run; 409 while the run is still running.")
    public ResponseEntity<Void> deleteRun(@PathVariable String jobId, @PathVariable String runId) throws IOException {
        audit.audited(AuditAction.DELETE, Optional.of(jobId), Map.of("what", "run", "run_id", runId), () -> {
            datasets.deleteRun(jobId, runId);
            return runId;
        });
        return ResponseEntity.noContent().build();
    }
}
