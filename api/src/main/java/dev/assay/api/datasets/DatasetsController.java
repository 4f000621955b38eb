package dev.assay.api.datasets;

import dev.assay.api.jobs.JobViews;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
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

    public DatasetsController(Datasets datasets) {
        this.datasets = datasets;
    }

    @DeleteMapping("/{jobId}")
    @Operation(summary = "Delete a dataset with its runs, files and status",
            description = "204 when deleted; 404 unknown dataset; 409 while it or one of its runs is still running.")
    public ResponseEntity<Void> delete(@PathVariable String jobId) throws IOException {
        datasets.delete(jobId);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{jobId}/runs/{runId}")
    @Operation(summary = "Delete one run with its files and status",
            description = "204 when deleted; 404 unknown dataset or run; 409 while the run is still running.")
    public ResponseEntity<Void> deleteRun(@PathVariable String jobId, @PathVariable String runId) throws IOException {
        datasets.deleteRun(jobId, runId);
        return ResponseEntity.noContent().build();
    }
}
