package dev.assay.api.samples;

import dev.assay.api.upload.UploadAccepted;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/samples")
@Tag(name = "samples", description = "Datasets packaged with Assay, to try it without a file")
public class SamplesController {

    private final Samples samples;

    public SamplesController(Samples samples) {
        this.samples = samples;
    }

    @GetMapping
    @Operation(summary = "The sample datasets, smallest first")
    public List<Samples.Sample> list() {
        return samples.list();
    }

    @PostMapping("/{name}/jobs")
    @Operation(
            summary = "Start profiling a copy of a sample, as if its file had been uploaded",
            description =
                    "Answers 202 with the job id, like POST /upload. 404 (problem+json listing the samples) for an unknown name, "
                            + "503 when the executor's queue is full.")
    public ResponseEntity<UploadAccepted> start(@PathVariable String name) throws IOException {
        UploadAccepted accepted = samples.start(name);
        return ResponseEntity.accepted()
                .location(URI.create(accepted.statusUrl()))
                .body(accepted);
    }
}
